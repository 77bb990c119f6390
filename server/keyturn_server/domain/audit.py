"""Audit records and the hash chain's canonical encoding.

Each event's hash is SHA-256 over a canonical JSON encoding of its fields (sorted keys, no
whitespace, UTC timestamps with microseconds) including the previous event's hash, so any
edit, deletion or insertion breaks the chain from that point on.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from keyturn_server.domain.context import request_meta

GENESIS_HASH = "0" * 64
SUCCESS = "SUCCESS"
FAILURE = "FAILURE"

# Fields covered by the hash, in the canonical encoding. Changing this list is a breaking
# change for every stored chain.
HASHED_FIELDS = (
    "sequence",
    "event_time",
    "actor",
    "action",
    "resource_type",
    "resource_id",
    "organization_id",
    "project_id",
    "key_id",
    "outcome",
    "reason",
    "request_id",
    "client_address",
    "user_agent",
    "changes",
    "key_fingerprint",
    "previous_hash",
)


def level_records(level: str, access_attempt: bool, outcome: str) -> bool:
    """The audit-level rule: management events are always recorded; access attempts
    (ValidateKey) by level - basic: none, detailed: failures, verbose: all."""
    if not access_attempt or level == "verbose":
        return True
    return level == "detailed" and outcome != SUCCESS


class ResourceType(StrEnum):
    """The kinds of resource audit events and NOT_FOUND/ALREADY_EXISTS errors name.

    The values are what is stored (and hashed into the chain) and what ResourceInfo carries;
    the member names match keyturn.v1.AuditResourceType (AUDIT_RESOURCE_TYPE_<NAME>).
    """

    ORGANIZATION = "Organization"
    PROJECT = "Project"
    PRODUCT = "Product"
    API_KEY = "ApiKey"
    PRINCIPAL = "Principal"
    PRINCIPAL_TOKEN = "PrincipalToken"  # noqa: S105 - a resource name, not a secret
    CRYPTO_KEY = "CryptoKey"
    CRYPTO_KEY_VERSION = "CryptoKeyVersion"
    IMPORT_JOB = "ImportJob"
    WEBHOOK = "Webhook"
    WEBHOOK_DELIVERY = "WebhookDelivery"


@dataclass
class AuditRecord:
    """An event before it joins the chain (no sequence or hashes yet)."""

    action: str
    outcome: str = SUCCESS
    resource_type: ResourceType | str = ""
    resource_id: str = ""
    organization_id: str = ""
    project_id: str = ""
    key_id: str = ""
    reason: str = ""
    changes: list[dict[str, Any]] = field(default_factory=list)
    key_fingerprint: str = ""
    actor: str = ""
    request_id: str = ""
    client_address: str = ""
    user_agent: str = ""
    event_time: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __post_init__(self) -> None:
        # Fill who/where from the current request unless given explicitly.
        meta = request_meta()
        self.actor = self.actor or meta.actor
        self.request_id = self.request_id or meta.request_id
        self.client_address = self.client_address or meta.client_address
        self.user_agent = self.user_agent or meta.user_agent


def change(field_name: str, old: Any, new: Any) -> dict[str, Any]:
    """One entry of AuditRecord.changes. Only ever called with non-secret values."""
    return {"field": field_name, "old": old, "new": new}


def format_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_bytes(values: dict[str, Any]) -> bytes:
    payload = {}
    for name in HASHED_FIELDS:
        value = values[name]
        payload[name] = format_time(value) if isinstance(value, datetime) else value
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_hash(values: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_bytes(values)).hexdigest()
