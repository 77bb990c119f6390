"""Move the keys of the reference SDK (apikeys-platform 0.2) into Keyturn, without re-issuing them.

    KEYTURN_ADDR=127.0.0.1:50051 KEYTURN_TOKEN=kta_... \\
    SDK_DATABASE_URL=sqlite:///myapp.db SDK_SIGNING_SECRET=... SDK_KEY_PREFIX=myapp SDK_ENVIRONMENT=live \\
        python migrate_from_apikeys_platform.py

Reads the SDK's own tables (organizations, projects, products, project_products, api_keys)
with SQLAlchemy, creates the same tenants in Keyturn (get-or-create by name, so re-running is
safe), and imports every key by its stored HMAC-SHA256 (`key_hash`, made under the SDK's
`signing_secret`) with its name, scopes, rate limit, custom data and expiry, its SDK id as
external_id (a re-run answers ALREADY_EXISTS for keys already moved, nothing is copied twice).
Keys revoked in the SDK are imported and revoked again. Your users keep their plaintexts:
Keyturn validates them as they are and re-hashes each on its first successful validation.
See docs/migrating.md.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from google.protobuf import struct_pb2, timestamp_pb2
from keyturn.client import Client
from keyturn.client.errors import from_status
from keyturn.v1 import keys_pb2
from sqlalchemy import create_engine, text

BATCH = 1000
WINDOWS = {
    "second": keys_pb2.RATE_LIMIT_WINDOW_SECOND,
    "minute": keys_pb2.RATE_LIMIT_WINDOW_MINUTE,
    "hour": keys_pb2.RATE_LIMIT_WINDOW_HOUR,
    "day": keys_pb2.RATE_LIMIT_WINDOW_DAY,
}


@dataclass
class Report:
    imported: dict[str, str] = field(default_factory=dict)  # SDK key id -> Keyturn key id
    already_there: list[str] = field(default_factory=list)  # SDK key ids moved by an earlier run
    failed: dict[str, str] = field(default_factory=dict)  # SDK key id -> reason
    revoked: list[str] = field(default_factory=list)  # Keyturn key ids revoked like in the SDK


def _sdk_id(value: Any) -> str:
    """The SDK stores UUIDs as 32 hex characters on SQLite and as uuid on PostgreSQL."""
    return str(uuid.UUID(str(value))) if value is not None else ""


def _metadata(raw: Any) -> tuple[keys_pb2.KeyMetadata, str]:
    """Keyturn's KeyMetadata and the expiry (ISO text or "") from the SDK's metadata JSON."""
    meta = json.loads(raw) if isinstance(raw, str) else dict(raw or {})
    out = keys_pb2.KeyMetadata(name=meta.get("name") or "", scopes=list(meta.get("scopes") or []))
    limit = meta.get("rate_limit")
    if limit:
        out.rate_limit.requests = int(limit["requests"])
        out.rate_limit.window = WINDOWS[str(limit.get("window", "minute"))]
    if meta.get("custom"):
        custom = struct_pb2.Struct()
        custom.update(meta["custom"])
        out.custom.CopyFrom(custom)
    return out, meta.get("expires_at") or ""


def migrate(
    keyturn: Client,
    sdk_database_url: str,
    signing_secret: str,
    *,
    key_prefix: str = "sk",
    environment: str = "",
) -> Report:
    engine = create_engine(sdk_database_url)
    with engine.connect() as sdk:
        orgs = {_sdk_id(r.id): r.name for r in sdk.execute(text("SELECT id, name FROM organizations"))}
        projects = {
            _sdk_id(r.id): (_sdk_id(r.org_id), r.name)
            for r in sdk.execute(text("SELECT id, org_id, name FROM projects"))
        }
        products = {
            _sdk_id(r.id): (_sdk_id(r.org_id), r.name)
            for r in sdk.execute(text("SELECT id, org_id, name FROM products"))
        }
        links = [
            (_sdk_id(r.project_id), _sdk_id(r.product_id))
            for r in sdk.execute(text("SELECT project_id, product_id FROM project_products"))
        ]
        rows = list(
            sdk.execute(
                text(
                    "SELECT id, org_id, project_id, product_id, key_prefix, key_hash, metadata, revoked_at"
                    " FROM api_keys ORDER BY created_at"
                )
            )
        )
    engine.dispose()

    # The same tenants in Keyturn, by name (idempotent).
    org_ids = {sdk_id: keyturn.get_or_create_organization(name)[0].id for sdk_id, name in orgs.items()}
    project_ids = {
        sdk_id: keyturn.get_or_create_project(org_ids[org], name)[0].id
        for sdk_id, (org, name) in projects.items()
    }
    product_ids = {
        sdk_id: keyturn.get_or_create_product(org_ids[org], name)[0].id
        for sdk_id, (org, name) in products.items()
    }
    for project, product in links:
        keyturn.add_product_to_project(product_ids[product], project_ids[project])

    head = f"{key_prefix}_{environment}_" if environment else f"{key_prefix}_"
    report = Report()
    revoke: dict[str, bool] = {}
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        keys = []
        for row in batch:
            metadata, expires_at = _metadata(row.metadata)
            key = keys_pb2.ImportedKey(
                organization_id=org_ids[_sdk_id(row.org_id)],
                project_id=project_ids.get(_sdk_id(row.project_id), ""),
                product_id=product_ids.get(_sdk_id(row.product_id), ""),
                metadata=metadata,
                algorithm=keys_pb2.IMPORTED_HASH_ALGORITHM_HMAC_SHA256,
                hash=row.key_hash,
                # Not secret: what the SDK shows of a key (prefix and the token's first 8).
                lookup_hint=(head + row.key_prefix)[:32],
                external_id=_sdk_id(row.id),
            )
            if expires_at:
                stamp = timestamp_pb2.Timestamp()
                stamp.FromDatetime(datetime.fromisoformat(expires_at))
                key.expire_time.CopyFrom(stamp)
            keys.append(key)
            revoke[_sdk_id(row.id)] = row.revoked_at is not None
        response = keyturn.import_keys(keys, hmac_secret=signing_secret)
        for row, result in zip(batch, response.results, strict=True):
            sdk_id = _sdk_id(row.id)
            if result.WhichOneof("result") == "key":
                report.imported[sdk_id] = result.key.id
                continue
            error = from_status(result.error)
            if error.reason == "ALREADY_EXISTS":
                report.already_there.append(sdk_id)
            else:
                report.failed[sdk_id] = str(error)
    for sdk_id, key_id in report.imported.items():
        if revoke[sdk_id]:
            keyturn.revoke_key(key_id, reason="revoked in apikeys-platform before the migration")
            report.revoked.append(key_id)
    return report


def main() -> None:
    with Client() as keyturn:  # target and token from KEYTURN_ADDR / KEYTURN_TOKEN
        report = migrate(
            keyturn,
            os.environ["SDK_DATABASE_URL"],
            os.environ["SDK_SIGNING_SECRET"],
            key_prefix=os.environ.get("SDK_KEY_PREFIX", "sk"),
            environment=os.environ.get("SDK_ENVIRONMENT", ""),
        )
    print(
        f"imported {len(report.imported)}, already there {len(report.already_there)}, "
        f"failed {len(report.failed)}, revoked again {len(report.revoked)}"
    )
    for sdk_id, reason in report.failed.items():
        print(f"  {sdk_id}: {reason}")


if __name__ == "__main__":
    main()
