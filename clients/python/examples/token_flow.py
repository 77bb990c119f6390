"""Access tokens end to end, against a running Keyturn server with its HTTP listener.

    KEYTURN_ADDR=127.0.0.1:50051 KEYTURN_TOKEN=kta_... KEYTURN_HTTP=http://127.0.0.1:8080 \\
        python token_flow.py

The gateway exchanges an end caller's API key for a short-lived JWT once (ExchangeKey: every
ValidateKey check, quota taken); the services behind it verify that token offline against
the organization's JWKS, with no call to Keyturn per request.
"""

from __future__ import annotations

import os
import uuid
from datetime import timedelta

from keyturn.client import Client, InsufficientScopeError, KeyMetadata, RevokedKeyError
from keyturn.client.tokens import HttpJwks, TokenVerifier


def main() -> None:
    http = os.environ.get("KEYTURN_HTTP", "http://127.0.0.1:8080")
    with Client() as keyturn:  # KEYTURN_ADDR / KEYTURN_TOKEN
        org, _ = keyturn.get_or_create_organization(f"Tokens {uuid.uuid4().hex[:8]}")
        issued = keyturn.create_key(
            org.id, metadata=KeyMetadata(scopes=["orders:read"], custom={"user_id": "u_alice"})
        )

        # The gateway: one exchange per end caller and ttl.
        exchanged = keyturn.exchange_key(
            issued.plaintext,
            required_scopes=["orders:read"],
            audience="orders-api",
            ttl=timedelta(minutes=10),
            custom_claims=["user_id"],
        )
        print(f"token: {exchanged.token_type} ...{exchanged.access_token[-8:]} for {exchanged.expires_in}s")

    # A service: verifies offline (the JWKS is fetched once, then cached).
    verifier = TokenVerifier(HttpJwks(f"{http}/v1/organizations/{org.id}/jwks.json"), audience="orders-api")
    token = verifier.verify(exchanged.access_token, required_scopes=["orders:read"])
    print(f"verified: key {token.key_id == issued.key.id} user {token.custom['user_id']}")
    try:
        verifier.verify(exchanged.access_token, required_scopes=["orders:write"])
    except InsufficientScopeError as error:
        print(f"missing scopes: {error.missing_scopes}")

    # Revocation: the token lives until exp, unless the verifier hears of it.
    verifier.refuse_key(token.key_id)
    try:
        verifier.verify(exchanged.access_token)
    except RevokedKeyError as error:
        print(f"refused: {error.reason}")


if __name__ == "__main__":
    main()
