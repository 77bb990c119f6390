# syntax=docker/dockerfile:1
# Keyturn server image. The same steps run in CI without a Docker engine:
# scripts/docker-steps.sh builds these wheels, installs them into a clean virtualenv from the
# wheels only, starts `keyturn serve` and checks it with `keyturn health`.

FROM python:3.11-slim AS build
WORKDIR /src
COPY clients/python ./clients/python
COPY pyproject.toml README.md ./
COPY server ./server
RUN python -m pip wheel --no-cache-dir --wheel-dir /wheels ./clients/python .

FROM python:3.11-slim
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/keyturn --create-home keyturn
COPY --from=build /wheels /wheels
RUN python -m pip install --no-cache-dir --no-index --find-links /wheels keyturn && rm -rf /wheels
USER keyturn
WORKDIR /var/lib/keyturn
# With no KEYTURN_DATABASE_URL the embedded SQLite database and a generated secret live in
# /var/lib/keyturn (mount a volume there). For PostgreSQL set KEYTURN_DATABASE_URL,
# KEYTURN_SECRET and KEYTURN_ROOT_KEY, and run `keyturn migrate` once per release.
ENV KEYTURN_LISTEN=0.0.0.0:50051 \
    KEYTURN_DATA_DIR=/var/lib/keyturn \
    PYTHONUNBUFFERED=1
EXPOSE 50051
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["keyturn", "health", "--addr", "127.0.0.1:50051"]
ENTRYPOINT ["keyturn"]
CMD ["serve"]
