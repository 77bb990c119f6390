"""End to end from the reference SDK: keys issued by apikeys-platform 0.2.0 in its own
storage (HMAC-SHA256 under its `signing_secret`), its database rows read and imported
through ImportKeys (by clients/python/examples/migrate_from_apikeys_platform.py, the script
docs/migrating.md walks through, over the Python client), and the original plaintexts
validated by Keyturn on SQLite and PostgreSQL, with their scopes, limits, products, expiry
and revocation; a second run moves nothing twice."""

from __future__ import annotations

import asyncio
import importlib.util
import secrets
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from apikeys import APIKeyClient, KeyMetadata, RateLimit, RateLimitWindow, create_tables
from keyturn.client import (
    Client,
    InsufficientScopeError,
    InvalidKeyError,
    RevokedKeyError,
    WrongProductError,
)
from keyturn.v1 import keys_pb2
from keyturn_server.store.db import sync_url
from sqlalchemy import create_engine, text

from tests.support import ServerThread

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "clients" / "python" / "examples" / "migrate_from_apikeys_platform.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("migrate_from_apikeys_platform", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


async def issue_sdk_keys(db_url: str, signing_secret: str) -> dict[str, Any]:
    """What an SDK user has: tenants and keys in the SDK's own database."""
    await create_tables(db_url)
    sdk = APIKeyClient(db_url, signing_secret=signing_secret, key_prefix="myapp", environment="live")
    org, _ = await sdk.get_or_create_organization(f"Acme {secrets.token_hex(4)}")
    product, _ = await sdk.get_or_create_product(str(org.id), "My API")
    project, _ = await sdk.get_or_create_project(str(org.id), "v1")
    await sdk.add_product_to_project(str(product.id), str(project.id))
    alice = await sdk.create_key(
        str(org.id),
        project_id=str(project.id),
        product_id=str(product.id),
        metadata=KeyMetadata(
            name="Alice's key",
            scopes=["read", "write"],
            rate_limit=RateLimit(requests=3, window=RateLimitWindow.hour),
            custom={"user_id": "u_alice", "plan": "pro"},
            expires_at=datetime.now(UTC) + timedelta(days=30),
        ),
    )
    bob = await sdk.create_key(str(org.id), metadata=KeyMetadata(name="Bob", scopes=["read"]))
    gone = await sdk.create_key(str(org.id), metadata=KeyMetadata(name="old"))
    await sdk.revoke_key(str(gone.key.id))
    # The SDK itself accepts them, as the baseline.
    assert (await sdk.validate_key(alice.plaintext, required_scopes=["read"])).metadata.custom[
        "user_id"
    ] == "u_alice"
    return {"org": org, "product": product, "alice": alice, "bob": bob, "gone": gone}


def test_reference_sdk_keys_validate_in_keyturn(server: ServerThread, tmp_path: Path) -> None:
    signing_secret = secrets.token_hex(32)
    sdk_url = f"sqlite:///{tmp_path / 'sdk.db'}"
    issued = asyncio.run(issue_sdk_keys(sdk_url, signing_secret))
    alice, bob, gone = issued["alice"].plaintext, issued["bob"].plaintext, issued["gone"].plaintext
    assert not alice.startswith("kt_")  # not Keyturn's shape: no checksum, another prefix

    migration = load_script()
    with Client(server.address, token=server.admin_token) as keyturn:
        report = migration.migrate(keyturn, sdk_url, signing_secret, key_prefix="myapp", environment="live")
        assert len(report.imported) == 3 and not report.failed and len(report.revoked) == 1
        alice_id = report.imported[str(issued["alice"].key.id)]

        key = keyturn.get_key(alice_id)
        assert key.metadata.name == "Alice's key" and list(key.metadata.scopes) == ["read", "write"]
        assert key.metadata.rate_limit.requests == 3
        assert key.metadata.rate_limit.window == keys_pb2.RATE_LIMIT_WINDOW_HOUR
        assert key.start == "myapp_live_" + issued["alice"].key.key_prefix
        assert key.HasField("expire_time") and key.project_id and key.product_id
        product = key.product_id

        # The original plaintexts, as the SDK's users hold them.
        checked = keyturn.validate_key(alice, product_id=product, required_scopes=["read"])
        assert checked.key.id == alice_id and checked.key.metadata.custom["user_id"] == "u_alice"
        assert checked.rate_limit.limit == 3 and checked.rate_limit.remaining == 2
        assert keyturn.validate_key(bob).key.metadata.name == "Bob"
        with pytest.raises(InsufficientScopeError):
            keyturn.validate_key(bob, required_scopes=["write"])
        other = keyturn.create_product(key.organization_id, "other")
        with pytest.raises(WrongProductError):
            keyturn.validate_key(alice, product_id=other.id)
        with pytest.raises(RevokedKeyError):
            keyturn.validate_key(gone)
        with pytest.raises(InvalidKeyError):
            keyturn.validate_key(alice[:-1] + ("x" if alice[-1] != "x" else "y"))

        # Re-hashed on first use: the SDK's hash is gone from Keyturn's database.
        engine = create_engine(sync_url(server.settings.database_url))
        with engine.connect() as conn:
            leftovers = conn.execute(
                text("SELECT count(*) FROM imported_key WHERE digest = :h"),
                {"h": _sdk_hash(tmp_path / "sdk.db", issued["alice"].key.id)},
            ).scalar()
        engine.dispose()
        assert leftovers == 0
        assert keyturn.validate_key(alice, product_id=product).key.id == alice_id

        # A second run imports nothing twice.
        again = migration.migrate(keyturn, sdk_url, signing_secret, key_prefix="myapp", environment="live")
        assert not again.imported and not again.failed and len(again.already_there) == 3


def _sdk_hash(sdk_db: Path, key_id: Any) -> str:
    engine = create_engine(f"sqlite:///{sdk_db}")
    with engine.connect() as conn:
        value = conn.execute(
            text("SELECT key_hash FROM api_keys WHERE id = :id"), {"id": key_id.hex}
        ).scalar_one()
    engine.dispose()
    return str(value)
