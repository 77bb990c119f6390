#!/usr/bin/env bash
# The Dockerfile's build and run steps, run here without a Docker engine: the `deps` stage's
# third-party wheels (from the pyproject files only), the `app` stage's two Keyturn wheels,
# the runtime stage's install from those wheels only (no index), then `keyturn serve` with the
# image's ENV and the HEALTHCHECK's command (`keyturn health`, no flags). Keep it in step with
# the Dockerfile; the greps below fail when the two drift apart.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
server_pid=""
trap 'if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

for step in 'scripts/docker_requirements.py > /requirements.txt' \
            'pip wheel --no-cache-dir --wheel-dir /wheels -r /requirements.txt' \
            'pip wheel --no-cache-dir --no-deps --wheel-dir /wheels ./clients/python .' \
            'pip install --no-cache-dir --no-index --find-links /wheels -r /wheels/requirements.txt' \
            'pip install --no-cache-dir --no-index --no-deps --force-reinstall --find-links /wheels opentelemetry-proto' \
            'pip install --no-cache-dir --no-index --no-deps /wheels/*.whl' \
            'CMD ["keyturn", "health"]' \
            'KEYTURN_LISTEN=0.0.0.0:50051'; do
  grep -qF -- "$step" Dockerfile || { echo "Dockerfile no longer has: $step (update scripts/docker-steps.sh)" >&2; exit 1; }
done

# Dockerfile, stage deps
python scripts/docker_requirements.py > "$work/requirements.txt"
python -m pip wheel -q --no-cache-dir --wheel-dir "$work/deps" -r "$work/requirements.txt"
# Dockerfile, stage app
python -m pip wheel -q --no-cache-dir --no-deps --wheel-dir "$work/app" ./clients/python .
# Dockerfile, runtime stage
python -m venv "$work/venv"
"$work/venv/bin/pip" install -q --no-cache-dir --no-index --find-links "$work/deps" -r "$work/requirements.txt"
"$work/venv/bin/pip" install -q --no-cache-dir --no-index --no-deps --force-reinstall --find-links "$work/deps" opentelemetry-proto
"$work/venv/bin/python" -c "from opentelemetry.proto.common.v1.common_pb2 import InstrumentationScope"
"$work/venv/bin/pip" install -q --no-cache-dir --no-index --no-deps "$work/app"/*.whl
"$work/venv/bin/pip" check

port=$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# The image's ENV (its port replaced by a free one); nothing else of this shell's KEYTURN_*.
image_env=(env -u KEYTURN_ADDR -u KEYTURN_TOKEN -u KEYTURN_DATABASE_URL -u KEYTURN_SECRET
  KEYTURN_LISTEN="0.0.0.0:$port" KEYTURN_DATA_DIR="$work/data" PYTHONUNBUFFERED=1)
(cd "$work" && exec "${image_env[@]}" "$work/venv/bin/keyturn" serve >"$work/serve.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 60); do
  if (cd "$work" && "${image_env[@]}" "$work/venv/bin/keyturn" health >/dev/null 2>&1); then
    (cd "$work" && "${image_env[@]}" "$work/venv/bin/keyturn" health)
    # The data directory is private, and the admin token can be read out of it
    # (`docker exec keyturn cat /var/lib/keyturn/admin-token`).
    [ "$(stat -c %a "$work/data")" = 700 ] || { echo "data directory is not 0700" >&2; exit 1; }
    grep -q '^kta_' "$work/data/admin-token" || { echo "no admin token in the data directory" >&2; exit 1; }
    kill -TERM "$server_pid"
    wait "$server_pid" || true
    server_pid=""
    grep -q "shutting down" "$work/serve.log" || { cat "$work/serve.log"; echo "no graceful shutdown"; exit 1; }
    echo "docker steps: ok"
    exit 0
  fi
  sleep 0.5
done
cat "$work/serve.log"
echo "keyturn serve never became healthy" >&2
exit 1
