"""Every part of keyturn-client end to end, against a running Keyturn server.

    KEYTURN_ADDR=127.0.0.1:50051 KEYTURN_TOKEN=kta_... python basic_flow.py ["Org name"]

Mirrors the reference SDK's quickstart: idempotent tenant setup, issuing a scoped,
rate-limited key, validating it, the key lifecycle, crypto helpers and the audit trail.
"""

from __future__ import annotations

import secrets
import sys
from datetime import UTC, datetime, timedelta

from keyturn.client import (
    Client,
    InsufficientScopeError,
    KeyMetadata,
    KeyStatus,
    RateLimit,
    RateLimitWindow,
    RevokedKeyError,
    TokenType,
)


def main(org_name: str = "Acme Inc") -> None:
    with Client() as keyturn:  # target and token from KEYTURN_ADDR / KEYTURN_TOKEN
        # Idempotent setup: safe on every deploy.
        org, created = keyturn.get_or_create_organization(org_name)
        product, _ = keyturn.get_or_create_product(org.id, "My API")
        project, _ = keyturn.get_or_create_project(org.id, "v1")
        keyturn.add_product_to_project(product.id, project.id)
        print(f"organization {org.name} ({org.id}) created={created}")

        # Issue a key for one of your users; the plaintext is shown once.
        result = keyturn.create_key(
            org.id,
            project_id=project.id,
            product_id=product.id,
            metadata=KeyMetadata(
                name="Alice's key",
                scopes=["read", "write"],
                rate_limit=RateLimit(requests=1000, window=RateLimitWindow.minute),
                custom={"user_id": "u_alice", "plan": "pro"},
            ),
            ttl=timedelta(days=90),
        )
        print(f"issued {result.key.start}... (id {result.key.id})")

        # Validate an incoming request.
        validated = keyturn.validate_key(result.plaintext, product_id=product.id, required_scopes=["read"])
        print(
            f"valid: user_id={validated.key.metadata.custom['user_id']}, remaining={validated.rate_limit.remaining}"
        )
        try:
            keyturn.validate_key(result.plaintext, required_scopes=["admin"])
        except InsufficientScopeError as err:
            print(f"missing scopes: {err.missing_scopes}")

        # Lifecycle: update in place, rotate, revoke.
        updated = keyturn.update_key(result.key.id, scopes=["read", "write", "admin"])
        print(f"scopes now {list(updated.metadata.scopes)}")
        rotated = keyturn.rotate_key(result.key.id, grace_period=timedelta(minutes=5))
        print(
            f"rotated to {rotated.key.start}...; old key works until {rotated.previous_key.expire_time.ToJsonString()}"
        )
        keyturn.revoke_key(rotated.key.id, reason="example finished")
        try:
            keyturn.validate_key(rotated.plaintext)
        except RevokedKeyError as err:
            print(f"revoked key refused: {err.reason}")

        active = [key.start for key in keyturn.list_keys(organization_id=org.id, status=KeyStatus.active)]
        print(f"active keys in {org.name}: {len(active)}")

        # Crypto helpers.
        secret = keyturn.generate_key(TokenType.SECRET, length=32)
        print(f"secret with {secret.entropy_bits:.0f} bits of entropy")
        password = secrets.token_urlsafe(16)
        sealed = keyturn.encrypt(b"hello", password=password)
        opened = keyturn.decrypt(sealed, password=password)
        print(f"decrypted: {opened.decode()}")

        # The audit trail of what we just did.
        since = datetime.now(UTC) - timedelta(hours=1)
        actions = [
            event.action for event in keyturn.list_audit_events(organization_id=org.id, start_time=since)
        ]
        print(f"audit events: {len(actions)} ({', '.join(sorted(set(actions)))})")
        chain = keyturn.verify_audit_chain()
        print(f"audit chain ok={chain.ok} ({chain.events_checked} events)")


if __name__ == "__main__":
    main(*sys.argv[1:2])
