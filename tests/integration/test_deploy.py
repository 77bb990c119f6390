"""deploy/: the Compose file and the Kubernetes manifests, checked without an engine or cluster.

Every YAML parses; every command they run is a `keyturn` command whose flags our argparse
accepts; every KEYTURN_* variable is one the server reads; ports, probes, Secret keys,
selectors, the image name and the non-root uid agree with each other and with the
Dockerfile. Then the Compose stack's own commands run for real, in its order, with its
environment (secret files included) against a throwaway PostgreSQL: migrate, serve, and the
health check's command.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from keyturn_server import config
from keyturn_server.cli import build_parser
from keyturn_server.store import migrate

from tests.support import TEST_ROOT_KEY, TEST_SECRET, create_postgres_database, free_port

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
KUBERNETES = DEPLOY / "kubernetes"
SERVER_UID = 10001


def _load(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc is not None]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    (doc,) = _load(DEPLOY / "docker-compose.yml")
    return doc


@pytest.fixture(scope="module")
def manifests() -> dict[tuple[str, str], dict[str, Any]]:
    kustomization = _load(KUBERNETES / "kustomization.yaml")[0]
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for name in kustomization["resources"]:
        for doc in _load(KUBERNETES / name):
            found[(doc["kind"], doc["metadata"]["name"])] = doc
    return found


def _image_name() -> str:
    """The image name the Docker docs build (`docker build -t NAME .`)."""
    match = re.search(r"docker build -t (\S+) \.", (ROOT / "docs" / "docker.md").read_text())
    assert match, "docs/docker.md names the image it builds"
    return match.group(1)


def _known_settings() -> set[str]:
    """The KEYTURN_* names the server and CLI read (config.py, cli/), plus NAME_FILE forms."""
    sources = [
        ROOT / "server/keyturn_server/config.py",
        *sorted((ROOT / "server/keyturn_server/cli").glob("*.py")),
    ]
    names = {m for path in sources for m in re.findall(r'"(KEYTURN_[A-Z0-9_]+)"', path.read_text())}
    return names | {f"{name}_FILE" for name in config.FILE_SETTINGS}


def _parses(argv: list[str]) -> None:
    """`keyturn <argv>` is a command with flags our parser accepts."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        raise AssertionError(f"`keyturn {' '.join(argv)}` does not parse") from exc
    assert callable(args.run)


def _port_of(listen: str) -> int:
    return int(listen.rpartition(":")[2])


def _dockerfile() -> str:
    return (ROOT / "Dockerfile").read_text()


def _image_listen() -> str:
    match = re.search(r"KEYTURN_LISTEN=(\S+)", _dockerfile())
    assert match
    return match.group(1)


# ---- Compose ------------------------------------------------------------------------------


def _keyturn_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: service
        for name, service in compose["services"].items()
        if str(service.get("image", "")).split(":")[0].rsplit("/", 1)[-1] == _image_name()
    }


def test_compose_has_postgres_migrate_and_serve(compose: dict[str, Any]) -> None:
    services = compose["services"]
    postgres = services["postgres"]
    assert postgres["image"].startswith("postgres:15")
    assert any(str(v).endswith(":/var/lib/postgresql/data") for v in postgres["volumes"])
    assert postgres["volumes"][0].split(":")[0] in compose["volumes"]
    assert postgres["healthcheck"]["test"][:2] == ["CMD", "pg_isready"]
    ours = _keyturn_services(compose)
    assert set(ours) == {"migrate", "keyturn"}
    assert ours["migrate"]["command"] == ["migrate"]
    assert ours["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert ours["keyturn"]["command"] == ["serve"]
    assert ours["keyturn"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert ours["migrate"]["build"]["dockerfile"] == "Dockerfile"
    assert (DEPLOY / ours["migrate"]["build"]["context"] / "Dockerfile").is_file()


def test_compose_commands_env_ports_and_secrets_are_ours(compose: dict[str, Any]) -> None:
    known = _known_settings()
    declared_secrets = set(compose["secrets"])
    for name, service in _keyturn_services(compose).items():
        _parses(service["command"])
        env = service["environment"]
        unknown = {k for k in env if k.startswith("KEYTURN_")} - known
        assert not unknown, f"{name} sets settings Keyturn does not read: {unknown}"
        assert not ({"KEYTURN_SECRET", "KEYTURN_ROOT_KEY", "KEYTURN_DATABASE_URL"} & set(env)), (
            "secrets come from files, not values in the Compose file"
        )
        for key, value in env.items():
            if key.endswith("_FILE"):
                secret = value.removeprefix("/run/secrets/")
                assert secret in service["secrets"] and secret in declared_secrets, (name, key)
        config.from_env({k: str(v) for k, v in env.items() if not k.endswith("_FILE")})  # values parse
    serve = compose["services"]["keyturn"]
    health = serve["healthcheck"]["test"]
    assert health[:2] == ["CMD", "keyturn"]
    _parses(health[2:])
    listen = serve["environment"].get("KEYTURN_LISTEN", _image_listen())
    _host_port, _, container_port = serve["ports"][0].rpartition(":")
    assert int(container_port) == _port_of(listen) == _port_of(_image_listen())
    assert serve["read_only"] is True


# ---- Kubernetes ---------------------------------------------------------------------------


def _pod_specs(manifests: dict[tuple[str, str], dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        f"{kind}/{name}": doc["spec"]["template"]["spec"]
        for (kind, name), doc in manifests.items()
        if kind in ("Deployment", "Job")
    }


def test_kubernetes_has_the_pieces(manifests: dict[tuple[str, str], dict[str, Any]]) -> None:
    kinds = {kind for kind, _ in manifests}
    assert {"Deployment", "Service", "Job", "PodDisruptionBudget"} <= kinds
    deployment = manifests[("Deployment", "keyturn")]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    for (kind, _name), doc in manifests.items():
        if kind == "Service":
            assert doc["spec"]["selector"].items() <= labels.items()
        if kind == "PodDisruptionBudget":
            assert doc["spec"]["selector"]["matchLabels"].items() <= labels.items()
            assert doc["spec"]["maxUnavailable"] < deployment["spec"]["replicas"]


def test_kubernetes_commands_env_secrets_and_security(
    manifests: dict[tuple[str, str], dict[str, Any]],
) -> None:
    known = _known_settings()
    kustomization = _load(KUBERNETES / "kustomization.yaml")[0]
    generated = {g["name"]: {f.split("=")[0] for f in g["files"]} for g in kustomization["secretGenerator"]}
    assert [image["name"] for image in kustomization["images"]] == [_image_name()]
    assert f"--uid {SERVER_UID}" in _dockerfile()
    for where, pod in _pod_specs(manifests).items():
        assert pod["securityContext"]["runAsNonRoot"] is True
        assert pod["securityContext"]["runAsUser"] == SERVER_UID
        for container in pod["containers"]:
            assert container["image"].split(":")[0] == _image_name(), where
            _parses(container["args"])
            security = container["securityContext"]
            assert (
                security["readOnlyRootFilesystem"] is True and security["allowPrivilegeEscalation"] is False
            )
            assert security["capabilities"]["drop"] == ["ALL"]
            assert {"cpu", "memory"} <= set(container["resources"]["requests"])
            assert {"cpu", "memory"} <= set(container["resources"]["limits"])
            names = [e["name"] for e in container["env"]]
            assert not set(names) - known, f"{where} sets settings Keyturn does not read"
            for entry in container["env"]:
                ref = entry.get("valueFrom", {}).get("secretKeyRef")
                if ref:
                    assert ref["key"] in generated[ref["name"]], (where, entry["name"])
            assert {"KEYTURN_DATABASE_URL", "KEYTURN_SECRET", "KEYTURN_ROOT_KEY"} <= {
                e["name"] for e in container["env"] if "secretKeyRef" in e.get("valueFrom", {})
            }
            plain = {e["name"]: e["value"] for e in container["env"] if "value" in e}
            config.from_env(plain)  # the literal values parse


def test_kubernetes_ports_and_grpc_probes_agree(manifests: dict[tuple[str, str], dict[str, Any]]) -> None:
    pod = manifests[("Deployment", "keyturn")]["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    listen = next(e["value"] for e in container["env"] if e["name"] == "KEYTURN_LISTEN")
    assert ports["grpc"] == _port_of(listen) == _port_of(_image_listen())
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert container[probe]["grpc"]["port"] == ports["grpc"], probe
    for (kind, _name), doc in manifests.items():
        if kind == "Service":
            for port in doc["spec"]["ports"]:
                assert port["targetPort"] in ("grpc", ports["grpc"])
    grace = pod["terminationGracePeriodSeconds"]
    assert grace > config.Settings().shutdown_grace_seconds + 5  # the preStop pause, then drain


# ---- the Compose stack's commands, for real ------------------------------------------------


@pytest.fixture(scope="module")
def compose_env(
    compose: dict[str, Any], postgres_admin_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, dict[str, str]]]:
    """Each Keyturn service's environment, its /run/secrets files written to a temp folder."""
    secrets_dir = tmp_path_factory.mktemp("run-secrets")
    values = {
        "database-url": create_postgres_database(postgres_admin_url),
        "keyturn-secret": TEST_SECRET,
        "keyturn-root-key": TEST_ROOT_KEY,
    }
    for name, value in values.items():
        path = secrets_dir / name
        path.write_text(value + "\n")
        path.chmod(0o600)
    base = {k: v for k, v in os.environ.items() if not k.startswith("KEYTURN_")}
    envs = {}
    for name, service in _keyturn_services(compose).items():
        env = dict(base)
        for key, value in service["environment"].items():
            value = str(value)
            env[key] = (
                str(secrets_dir / value.removeprefix("/run/secrets/")) if key.endswith("_FILE") else value
            )
        envs[name] = env
    yield envs


def _keyturn(argv: list[str], env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "keyturn_server.cli", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_compose_commands_run_in_order(
    compose: dict[str, Any], compose_env: dict[str, dict[str, str]]
) -> None:
    migrating = _keyturn(compose["services"]["migrate"]["command"], compose_env["migrate"])
    assert migrating.returncode == 0, migrating.stderr
    assert f"revision {migrate.head()}" in migrating.stdout
    serve_env = dict(compose_env["keyturn"])
    serve_env["KEYTURN_LISTEN"] = f"127.0.0.1:{free_port()}"  # the container's port, here free
    server = subprocess.Popen(
        [sys.executable, "-m", "keyturn_server.cli", *compose["services"]["keyturn"]["command"]],
        env=serve_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        health = compose["services"]["keyturn"]["healthcheck"]["test"][2:]
        deadline = time.monotonic() + 30
        while True:
            checked = _keyturn(health, serve_env, timeout=15)
            if checked.returncode == 0:
                break
            assert server.poll() is None, "keyturn serve exited"
            assert time.monotonic() < deadline, checked.stderr
            time.sleep(0.3)
        assert "SERVING" in checked.stdout
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert server.returncode == 0, errors[-2000:]
    assert TEST_SECRET not in errors and TEST_ROOT_KEY not in errors


def test_secret_settings_may_come_from_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text(TEST_SECRET + "\n")
    settings = config.from_env({"KEYTURN_SECRET_FILE": str(secret)})
    assert settings.current_secret.value == TEST_SECRET.encode()
    with pytest.raises(config.ConfigError, match="not both"):
        config.from_env({"KEYTURN_SECRET_FILE": str(secret), "KEYTURN_SECRET": TEST_SECRET})
    with pytest.raises(config.ConfigError, match="KEYTURN_ROOT_KEY_FILE: cannot read"):
        config.from_env({"KEYTURN_ROOT_KEY_FILE": str(tmp_path / "missing")})
