# syntax=docker/dockerfile:1
# Keyturn server image. The same steps run in CI without a Docker engine:
# scripts/docker-steps.sh builds the same two sets of wheels, installs them into a clean
# virtualenv from those wheels only, starts `keyturn serve` as this image's ENV describes and
# checks it with the HEALTHCHECK's command. Keep the two in step.

# Pinned by version and digest: the multi-arch index of python:3.11.10-slim-bookworm, taken
# from a public Dockerfile that pins it, not re-checked against Docker Hub from here (check or
# refresh it with `docker buildx imagetools inspect python:3.11.10-slim-bookworm`).
ARG PYTHON_IMAGE=python:3.11.10-slim-bookworm@sha256:5148c0e4bbb64271bca1d3322360ebf4bfb7564507ae32dd639322e4952a6b16

# Third-party wheels, from the two pyproject.toml files only: this layer is rebuilt when a
# dependency changes, not when the source does.
FROM ${PYTHON_IMAGE} AS deps
WORKDIR /src
COPY pyproject.toml ./
COPY clients/python/pyproject.toml ./clients/python/
COPY scripts/docker_requirements.py ./scripts/
RUN python scripts/docker_requirements.py > /requirements.txt \
 && python -m pip wheel --no-cache-dir --wheel-dir /wheels -r /requirements.txt \
 && cp /requirements.txt /wheels/requirements.txt

# Keyturn's own two wheels (server and client), without their dependencies.
FROM ${PYTHON_IMAGE} AS app
WORKDIR /src
COPY clients/python ./clients/python
COPY pyproject.toml README.md ./
COPY server ./server
RUN python -m pip wheel --no-cache-dir --no-deps --wheel-dir /wheels ./clients/python .

FROM ${PYTHON_IMAGE}
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/keyturn --create-home keyturn \
 && chmod 0700 /var/lib/keyturn
# The wheels are bind-mounted from the build stages, never copied: none is left in a layer.
# xds-protos ships an old copy of opentelemetry-proto's files; put the real ones back on top.
RUN --mount=type=bind,from=deps,source=/wheels,target=/wheels \
    python -m pip install --no-cache-dir --no-index --find-links /wheels -r /wheels/requirements.txt \
 && python -m pip install --no-cache-dir --no-index --no-deps --force-reinstall --find-links /wheels opentelemetry-proto
RUN --mount=type=bind,from=app,source=/wheels,target=/wheels \
    python -m pip install --no-cache-dir --no-index --no-deps /wheels/*.whl \
 && python -m pip check
USER keyturn
WORKDIR /var/lib/keyturn
# With no KEYTURN_DATABASE_URL the embedded SQLite database, a generated secret and root key,
# and the first ADMIN token live in /var/lib/keyturn (mount a volume there; see
# docs/docker.md). For PostgreSQL set KEYTURN_DATABASE_URL, KEYTURN_SECRET and
# KEYTURN_ROOT_KEY, and run `keyturn migrate` once per release. Logs are JSON lines.
ENV KEYTURN_LISTEN=0.0.0.0:50051 \
    KEYTURN_DATA_DIR=/var/lib/keyturn \
    PYTHONUNBUFFERED=1
EXPOSE 50051
STOPSIGNAL SIGTERM
# `keyturn health` with no flags follows the server's own environment: KEYTURN_LISTEN (0.0.0.0
# as loopback), TLS when KEYTURN_TLS_CERT is set (set KEYTURN_TLS_CA, and for mTLS
# KEYTURN_TLS_CLIENT_CERT/KEY, so it can verify and present certificates).
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["keyturn", "health"]
ENTRYPOINT ["keyturn"]
CMD ["serve"]
