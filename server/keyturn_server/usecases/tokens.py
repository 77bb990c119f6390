"""Access tokens: ExchangeKey (an API key for a short-lived signed JWT) and GetJwks.

ExchangeKey runs the key through `KeyValidation.validate`, the very use case of ValidateKey
(every check, quota, usage, access log), and only then signs. The token is signed by the
organization's managed signing key (a CryptoKey named `keyturn.access-tokens`, created on
the organization's first exchange, rotated by the scheduler every
settings.token_key_rotation_seconds) through `CryptoKeys.sign`: the managed-key code's
material cache and Sign path. Private material never leaves it; this module assembles the
JWS around the raw signature (domain/access_tokens.py), which is why no JWT library signs
here - PyJWT's encode would need the private key object.

Both operations run the managed-key calls as trusted code (no current principal): the
caller was authorized for the key by the validation (KEYS_VALIDATE on its tenant), and the
JWKS holds public keys only. Which signing version is used and which versions are published
follow domain/access_tokens.py (pre-publication, retirement after the longest token life).

Caches: per organization, the signing key's id, algorithm and ENABLED versions (TTL =
the managed-key cache TTL; every `crypto_key` event, here or on another replica, clears it),
and each version's JWK by kid (public, immutable). The key policy's token settings come from
the shared cached policy lookup (usecases/key_policies.py KeyPolicyLookup), which
UpdateKeyPolicy clears here and on every other replica.

Damaged material: one organization's GetJwks answers DATA_LOSS for a signing version that
does not unwrap; the every-organization listing (`/.well-known/jwks.json`) leaves it out
(see `jwks`), so that one damaged row cannot stop every other organization's verifiers.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from keyturn_server.config import Settings
from keyturn_server.domain import access as policy
from keyturn_server.domain import access_tokens as tokens
from keyturn_server.domain import managed_keys as mk
from keyturn_server.domain.errors import AlreadyExists, DataLoss, FailedPrecondition, InvalidArgument
from keyturn_server.domain.key_policy import TokenSettings
from keyturn_server.domain.keycheck import KeySnapshot, ValidationRequest
from keyturn_server.store import token_keys
from keyturn_server.store.db import Database
from keyturn_server.usecases.crypto_keys import CryptoKeys, NewCryptoKey
from keyturn_server.usecases.key_policies import KeyPolicyLookup
from keyturn_server.usecases.keycache import KeyCache, SingleFlight
from keyturn_server.usecases.validate import KeyValidation, Validated

log = logging.getLogger("keyturn.tokens")

ENABLED = mk.VersionState.ENABLED.value
ALL_ORGANIZATIONS = ""  # the cache lookup of the every-organization listing


@dataclass(frozen=True)
class ExchangeCommand:
    """A validated ExchangeKey request."""

    validation: ValidationRequest
    audience: str = ""
    ttl: timedelta | None = None  # None: the project's policy default (5 minutes without one)
    custom_claims: tuple[str, ...] = ()


@dataclass(frozen=True)
class IssuedToken:
    access_token: str
    expire_time: datetime
    ttl: timedelta
    key_id: str
    kid: str
    jti: str
    validated: Validated


@dataclass(frozen=True)
class SigningKey:
    crypto_key_id: str
    organization_id: str
    algorithm: mk.Algorithm
    versions: tuple[tokens.SigningVersion, ...]


@contextlib.contextmanager
def _as_keyturn() -> Iterator[None]:
    """Run managed-key calls as trusted code (see the module docstring)."""
    reset = policy.current_principal.set(None)
    try:
        yield
    finally:
        policy.current_principal.reset(reset)


def _algorithm(setting: str) -> mk.Algorithm:
    return mk.Algorithm.ED25519 if setting == "ED25519" else mk.Algorithm.ECDSA_P256_SHA256


class AccessTokens:
    def __init__(
        self,
        settings: Settings,
        db: Database,
        validation: KeyValidation,
        crypto_keys: CryptoKeys,
        policies: KeyPolicyLookup,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = db
        self.validation = validation
        self.crypto_keys = crypto_keys
        self.policies = policies
        self.clock = clock
        self.issuer = settings.token_issuer
        self.algorithm = _algorithm(settings.token_algorithm)
        self.rotation_period = timedelta(seconds=settings.token_key_rotation_seconds)
        self.jwks_max_age = timedelta(seconds=settings.token_jwks_max_age_seconds)
        cache_ttl = max(1.0, settings.crypto_key_cache_ttl_seconds)
        # A replica that has not heard of a rotation signs with the old version for at most
        # this long; retired versions stay published that much longer.
        self.leeway = timedelta(seconds=cache_ttl)
        self.keys: KeyCache[tuple[SigningKey, ...]] = KeyCache(10_000, cache_ttl)
        self.jwks_by_kid: KeyCache[dict[str, str]] = KeyCache(10_000, 24 * 3600.0)
        # Versions whose material does not unwrap (DATA_LOSS), by kid: the every-organization
        # listing leaves them out and tries them again after the cache TTL, not per request.
        self.unreadable: KeyCache[bool] = KeyCache(10_000, cache_ttl)
        self._reported_unreadable: set[str] = set()  # kids logged once (bounded by the cap below)
        self.jwks_versions_skipped = 0  # metric: versions found unreadable by the listing
        self._loads: SingleFlight[tuple[SigningKey, ...]] = SingleFlight()
        self._creates: SingleFlight[SigningKey] = SingleFlight()

    def forget_all(self) -> None:
        """A managed key changed somewhere (a rotation, a version disabled): reload."""
        self.keys.clear()
        self.unreadable.clear()

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), UTC)

    # ---- ExchangeKey ----------------------------------------------------------------------

    async def exchange(self, command: ExchangeCommand) -> IssuedToken:
        # The policy's refusals (OPAQUE tokens, a ttl above max_ttl) come before the key's
        # rate limits and credits are charged: a refused exchange takes nothing.
        chosen: list[tuple[TokenSettings, timedelta]] = []

        async def refuse_by_policy(key: KeySnapshot) -> None:
            settings = await self._token_settings(key.organization_id, key.project_id)
            if settings.type == "OPAQUE":
                raise FailedPrecondition(
                    "the key policy of the key's project makes its tokens opaque: validate the key itself with ValidateKey",
                    {"tokenType": "OPAQUE"},
                )
            chosen.append((settings, _ttl(command.ttl, settings)))

        validated = await self.validation.validate(command.validation, before_charge=refuse_by_policy)
        key = validated.entry.snapshot
        settings, ttl = chosen[-1]
        custom_claims = tuple(dict.fromkeys((*(settings.custom_claims or ()), *command.custom_claims)))
        issued_epoch = int(self.clock())
        now = datetime.fromtimestamp(issued_epoch, UTC)
        signing = await self._signing_key(key.organization_id)
        version = tokens.signing_version(signing.versions, now, self.jwks_max_age)
        if version is None:
            raise FailedPrecondition(
                "the organization's access-token signing key has no enabled version",
                {"cryptoKeyId": signing.crypto_key_id},
            )
        jose = tokens.jose_algorithm(signing.algorithm)
        kid = tokens.kid(signing.crypto_key_id, version.number)
        jti = secrets.token_urlsafe(16)
        subject = tokens.TokenSubject(
            key_id=key.id,
            organization_id=key.organization_id,
            project_id=key.project_id,
            product_id=command.validation.product_id or policy.validation_product("") or key.product_id,
            scopes=key.scopes,
            custom=validated.entry.row.custom or {},
        )
        body = tokens.claims(
            subject,
            issuer=self.issuer,
            issued_at=issued_epoch,
            ttl=ttl,
            jti=jti,
            audience=command.audience,
            custom_claims=custom_claims,
        )
        if key.expire_time is not None:  # a token never outlives its key
            body["exp"] = min(body["exp"], int(key.expire_time.timestamp()))
        data = tokens.signing_input(jose, kid, body)
        with _as_keyturn():
            signed = await self.crypto_keys.sign(
                signing.crypto_key_id, version.number, data, None, internal=True
            )
        token = tokens.compact(data, tokens.jws_signature(signing.algorithm, signed.signature))
        return IssuedToken(
            access_token=token,
            expire_time=datetime.fromtimestamp(body["exp"], UTC),
            ttl=timedelta(seconds=body["exp"] - issued_epoch),
            key_id=key.id,
            kid=kid,
            jti=jti,
            validated=validated,
        )

    async def _token_settings(self, organization_id: str, project_id: str) -> TokenSettings:
        """The `token` part of the effective key policy of the key's project (organization
        overlaid with project; policies.proto TokenPolicy), from the cached policy lookup."""
        sourced = await self.policies.cached(organization_id, project_id or None)
        return sourced.policy.token or TokenSettings()

    async def _signing_key(self, organization_id: str) -> SigningKey:
        found = await self._load(organization_id)
        if found:
            return found[0]
        return await self._creates.run(organization_id, lambda: self._create(organization_id))

    async def _create(self, organization_id: str) -> SigningKey:
        new = NewCryptoKey(
            organization_id=organization_id,
            project_id=None,
            name=tokens.SIGNING_KEY_NAME,
            purpose=mk.Purpose.ASYMMETRIC_SIGN,
            algorithm=self.algorithm,
            labels=dict(tokens.SIGNING_KEY_LABELS),
            rotation_period=self.rotation_period,
        )
        with _as_keyturn(), contextlib.suppress(AlreadyExists):  # another replica was first
            await self.crypto_keys.create_key(new, internal=True)
        self.keys.evict_key(organization_id)
        found = await self._load(organization_id)
        if not found:  # pragma: no cover - the key was just created or found
            raise FailedPrecondition("the access-token signing key could not be created")
        return found[0]

    # ---- GetJwks --------------------------------------------------------------------------

    async def jwks(self, organization_id: str) -> list[dict[str, str]]:
        """The published public keys of one organization ("" = of every organization).

        One organization's listing answers DATA_LOSS when one of its versions does not
        unwrap (its operator must restore it). The every-organization listing leaves such a
        version out instead, so that one organization's damaged row does not take down token
        verification for all the others: logged once with ids only, counted in
        `jwks_versions_skipped`, and tried again after the cache TTL."""
        now = self.now()
        every = organization_id == ALL_ORGANIZATIONS
        published: list[dict[str, str]] = []
        for signing in await self._load(organization_id):
            for version in tokens.published_versions(
                signing.versions,
                now,
                prepublish=self.jwks_max_age,
                max_ttl=tokens.MAX_TTL,
                leeway=self.leeway,
            ):
                if not every:
                    published.append(await self._jwk(signing, version.number))
                    continue
                jwk = await self._readable_jwk(signing, version.number)
                if jwk is not None:
                    published.append(jwk)
        return published

    async def _readable_jwk(self, signing: SigningKey, number: int) -> dict[str, str] | None:
        """The version's JWK, or None when its material does not unwrap (see `jwks`)."""
        kid = tokens.kid(signing.crypto_key_id, number)
        if self.unreadable.get(kid) is not None:
            return None
        generation = self.unreadable.generation
        try:
            return await self._jwk(signing, number)
        except DataLoss:
            self.unreadable.put(kid, signing.crypto_key_id, True, generation)
            self.jwks_versions_skipped += 1
            if kid not in self._reported_unreadable and len(self._reported_unreadable) < 10_000:
                self._reported_unreadable.add(kid)
                log.error(
                    "the every-organization JWKS leaves out a signing key version that does not "
                    "unwrap (organization_id=%s crypto_key_id=%s version=%s)",
                    signing.organization_id,
                    signing.crypto_key_id,
                    number,
                )
            return None

    async def _jwk(self, signing: SigningKey, number: int) -> dict[str, str]:
        kid = tokens.kid(signing.crypto_key_id, number)
        cached = self.jwks_by_kid.get(kid)
        if cached is not None:
            return cached
        generation = self.jwks_by_kid.generation
        with _as_keyturn():
            public = await self.crypto_keys.public_key(signing.crypto_key_id, number)
        jwk = tokens.jwk(public.algorithm, public.pem, kid)
        self.jwks_by_kid.put(kid, signing.crypto_key_id, jwk, generation)
        return jwk

    # ---- loading --------------------------------------------------------------------------

    async def _load(self, organization_id: str) -> tuple[SigningKey, ...]:
        cached = self.keys.get(organization_id)
        if cached is not None:
            return cached
        return await self._loads.run(organization_id, lambda: self._read(organization_id))

    async def _read(self, organization_id: str) -> tuple[SigningKey, ...]:
        generation = self.keys.generation
        scope = organization_id or None

        async def read(session: Any) -> list[token_keys.SigningKeyRow]:
            return await token_keys.signing_keys(session, tokens.SIGNING_KEY_NAME, ENABLED, scope)

        rows = await self.db.read(read)
        found = tuple(
            SigningKey(
                row.crypto_key_id,
                row.organization_id,
                mk.Algorithm(row.algorithm),
                tuple(tokens.SigningVersion(number, created) for number, created in row.versions),
            )
            for row in rows
        )
        if found or organization_id == ALL_ORGANIZATIONS:
            self.keys.put(organization_id, organization_id, found, generation)
        return found


def _ttl(requested: timedelta | None, settings: TokenSettings) -> timedelta:
    """The request's ttl (within the policy's max_ttl), else the policy's default_ttl."""
    longest = min(settings.max_ttl or tokens.MAX_TTL, tokens.MAX_TTL)
    if requested is None:
        return min(settings.default_ttl or tokens.DEFAULT_TTL, longest)
    if requested > longest:
        seconds = int(longest.total_seconds())
        raise InvalidArgument.field("ttl", f"must be at most {seconds} seconds (the key policy's max_ttl)")
    return requested


__all__ = ["AccessTokens", "ExchangeCommand", "IssuedToken", "SigningKey"]
