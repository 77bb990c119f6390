#!/usr/bin/env bash
# The Dockerfile's build and run steps, run here without a Docker engine: build the wheels,
# install them into a clean virtualenv from those wheels only, run `keyturn serve` on the
# embedded default and check it with `keyturn health` (the image's HEALTHCHECK).
set -Eeuo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
server_pid=""

# Dockerfile, build stage
python -m pip wheel -q --wheel-dir "$work/wheels" ./clients/python .
# Dockerfile, runtime stage
python -m venv "$work/venv"
"$work/venv/bin/pip" install -q --no-index --find-links "$work/wheels" keyturn
port=$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work" && exec env KEYTURN_LISTEN="127.0.0.1:$port" KEYTURN_DATA_DIR="$work/data" \
  "$work/venv/bin/keyturn" serve >"$work/serve.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 60); do
  if "$work/venv/bin/keyturn" health --addr "127.0.0.1:$port" >/dev/null 2>&1; then
    "$work/venv/bin/keyturn" health --addr "127.0.0.1:$port"
    kill -TERM "$server_pid"
    wait "$server_pid" || true
    grep -q "shutting down" "$work/serve.log" || { cat "$work/serve.log"; echo "no graceful shutdown"; exit 1; }
    echo "docker steps: ok"
    exit 0
  fi
  sleep 0.5
done
cat "$work/serve.log"
echo "keyturn serve never became healthy" >&2
exit 1
