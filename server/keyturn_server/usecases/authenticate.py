"""Who is calling: principal tokens and certificate identities -> the authenticated principal.

Tokens are Keyturn keys with the `kta` prefix: same shape and checksum (typos and random
strings are rejected before the database), stored as HMAC-SHA256 under the versioned server
secret and looked up under every version at once - the same KeyHasher, KeyCache and
SingleFlight as ValidateKey's API keys. A token found under an older secret version is
re-hashed to the newest. The plaintext is never stored or logged.

Authenticated callers are cached briefly (`principal_cache_ttl_seconds`), keyed by the
token's keyed hash (never the plaintext). A principal or token change evicts the principal's
entries here at once (Principals calls `forget_principal`) and, through the key-event bus's
`principal` topic, on every other replica (`forget_all`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain import access as policy
from keyturn_server.domain import keyformat
from keyturn_server.domain.access import RoleBinding
from keyturn_server.domain.errors import CallerUnauthenticated, KeyInvalid
from keyturn_server.store import access as repo
from keyturn_server.store import models
from keyturn_server.store.db import Database
from keyturn_server.usecases.keycache import KeyCache, SingleFlight

DEFAULT_CACHE_SIZE = 10_000


def to_policy_principal(row: models.Principal, method: str = "") -> policy.Principal:
    return policy.Principal(
        id=row.id,
        name=row.name,
        bindings=tuple(RoleBinding.from_json(raw) for raw in row.roles or ()),
        disabled=row.disabled,
        certificate_identity=row.certificate_identity or "",
        authentication_method=method,
    )


@dataclass(frozen=True)
class _Caller:
    principal: policy.Principal
    expire_time: datetime | None


class Authenticator:
    def __init__(
        self,
        db: Database,
        hasher: keyformat.KeyHasher,
        cache_ttl_seconds: float,
        cache_size: int = DEFAULT_CACHE_SIZE,
    ) -> None:
        self.db = db
        self.hasher = hasher
        # Owner id of every entry: the principal (a change to it or any of its tokens evicts).
        self.cache: KeyCache[_Caller] = KeyCache(cache_size, cache_ttl_seconds)
        self._loads: SingleFlight[policy.Principal] = SingleFlight()

    def forget_principal(self, principal_id: str) -> None:
        self.cache.evict_key(principal_id)

    def forget_all(self) -> None:
        self.cache.clear()

    async def authenticate_token(self, presented: str) -> policy.Principal:
        """The principal a bearer token belongs to; CallerUnauthenticated for anything else."""
        current_hash = self.hasher.current(presented)
        lookup = "t:" + current_hash
        cached = self.cache.get(lookup)
        if cached is not None:
            # Only well-formed tokens are ever stored, so a hit needs no shape check.
            if cached.expire_time is not None and cached.expire_time <= datetime.now(UTC):
                self.cache.evict_key(cached.principal.id)
                raise CallerUnauthenticated("the bearer token has expired")
            return cached.principal
        try:
            keyformat.parse(presented, policy.TOKEN_PREFIX)  # before any I/O
        except KeyInvalid:
            raise CallerUnauthenticated("the bearer token is malformed") from None
        return await self._loads.run(lookup, lambda: self._load_token(presented, current_hash, lookup))

    async def _load_token(self, presented: str, current_hash: str, lookup: str) -> policy.Principal:
        hashes = self.hasher.by_version(presented, current_hash)
        generation = self.cache.generation

        async def load(session: AsyncSession) -> tuple[models.PrincipalToken, models.Principal]:
            found = await repo.token_by_hashes(session, list(hashes.values()))
            if found is None:
                raise CallerUnauthenticated("the bearer token is not valid")
            token, row = found
            if not self.hasher.matches(presented, token.token_hash, token.secret_version, current_hash):
                raise CallerUnauthenticated("the bearer token is not valid")
            if token.revoke_time is not None:
                raise CallerUnauthenticated("the bearer token has been revoked")
            if token.expire_time is not None and token.expire_time <= datetime.now(UTC):
                raise CallerUnauthenticated("the bearer token has expired")
            if row.disabled:
                raise CallerUnauthenticated("the principal is disabled")
            if token.secret_version != self.hasher.current_version:
                # Idempotent (the same new hash every time), so the read may be retried.
                token.token_hash, token.secret_version = current_hash, self.hasher.current_version
            return token, row

        # Retried once after a database outage (e.g. a failover): every call authenticates.
        token, row = await self.db.read(load)
        principal = to_policy_principal(row, "token")
        self.cache.put(lookup, principal.id, _Caller(principal, token.expire_time), generation)
        return principal

    async def authenticate_certificate(self, identities: Sequence[str]) -> policy.Principal:
        """The principal mapped to the first of the certificate's identities that has one."""
        for identity in identities:
            if not identity:
                continue
            lookup = "c:" + identity
            cached = self.cache.get(lookup)
            if cached is not None:
                return cached.principal
            generation = self.cache.generation
            async with self.db.transaction() as session:
                row = await repo.principal_by_certificate_identity(session, identity)
            if row is None:
                continue
            if row.disabled:
                raise CallerUnauthenticated("the principal is disabled")
            principal = to_policy_principal(row, "certificate")
            self.cache.put(lookup, principal.id, _Caller(principal, None), generation)
            return principal
        raise CallerUnauthenticated("the client certificate is not mapped to a principal")


__all__ = ["Authenticator", "to_policy_principal"]
