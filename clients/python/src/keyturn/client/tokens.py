"""Offline verification of Keyturn access tokens (TokenService.ExchangeKey's JWTs).

Needs the optional extra: `pip install "keyturn-client[tokens]"` (PyJWT with cryptography).

    from keyturn.client.tokens import HttpJwks, TokenVerifier

    verifier = TokenVerifier(
        HttpJwks("https://keyturn.example.com/v1/organizations/<org>/jwks.json"),
        audience="orders-api",
    )
    token = verifier.verify(presented, required_scopes=["orders:read"])
    token.key_id, token.organization_id, token.scopes, token.custom

No call to Keyturn per verification: the JWKS is fetched once and cached; an unknown `kid`
(a rotation) refreshes it, at most once per `min_refresh_seconds`, and it is re-read after
`max_age_seconds` regardless. Checks: the compact-JWS shape, `alg` in the allow-list
(EdDSA, ES256; never `none` nor an HMAC), the signature with the key the `kid` names (whose
own `alg` must match), exp and nbf with `leeway_seconds`, iss, aud (when configured),
the product (when given) and the required scopes. Failures raise the errors ValidateKey
answers for the same situation:

    malformed, bad signature, unknown kid, wrong alg/iss/aud, not yet valid   InvalidKeyError
    past exp                                                                  ExpiredKeyError
    refused key (refuse_key / follow)                                         RevokedKeyError
    scope missing                                                             InsufficientScopeError
    another product                                                           WrongProductError

Every token not remembered has its signature checked: the token is split and each part
decoded once, the signature verified with PyJWT's algorithm object for the key
(`cryptography` underneath), then the registered claims checked as PyJWT's decode would with
exp, nbf, iat, iss and sub required (also aud and the string types of sub and jti).
A JWS extension (`crit`, `b64`) is refused.

A token verified once is remembered: a bounded table of `cache_size` tokens (oldest
first out), keyed by the whole token and the expected audience, cleared whenever the key set
changes, and an entry is dropped when found past its exp (it is never answered after exp).
Presenting the same token again costs its time, revocation, product and scope checks but not
another signature verification. `cache_size=0` turns it off: every signature every time.

Revocation bounds: a token stays valid until its exp (at most one hour, five minutes by
default) even after its key is revoked. A verifier told of revocations refuses that key's
tokens at once: `refuse_key(key_id)`, `follow(key_ids)` over any stream of revoked key ids,
or, in one call, `follow_revocations(client, organization_id)`, which watches the
organization's key events (REVOKED, DELETED, EXPIRED, LEAKED when the key was revoked) from
the last sequence it saw, reconnects with backoff when the server is unavailable and resumes
from that cursor, so an event is never missed (it may be seen twice). While it is
disconnected the first bound applies: tokens are honoured until their exp. A refused key is
forgotten once every token it could have had is past its exp (the maximum token lifetime,
one hour, after the event), so memory stays bounded. A blocking application uses
`follow_revocations_in_thread(client, organization_id)` with the sync `Client`.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import random
import re
import threading
import time
import urllib.request
from collections import OrderedDict
from collections.abc import AsyncIterable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

import grpc

try:
    import jwt
    from jwt import PyJWK
    from jwt.utils import base64url_decode
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError('keyturn.client.tokens needs PyJWT: pip install "keyturn-client[tokens]"') from exc

from keyturn.client.errors import (
    APIKeyError,
    ExpiredKeyError,
    InsufficientScopeError,
    InvalidKeyError,
    KeyEventCursorExpiredError,
    RevokedKeyError,
    WrongProductError,
)

if TYPE_CHECKING:
    from keyturn.client.aio import AsyncClient
    from keyturn.client.sync import Client

__all__ = [
    "DEFAULT_ALGORITHMS",
    "MAX_TOKEN_LIFETIME_SECONDS",
    "GrpcJwks",
    "HttpJwks",
    "JwksSource",
    "RevocationThread",
    "TokenVerifier",
    "VerifiedToken",
    "api_key_of",
    "looks_like_jwt",
]

DEFAULT_ALGORITHMS: tuple[str, ...] = ("EdDSA", "ES256")
_ASYMMETRIC = frozenset(
    {"EdDSA", "ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512"}
)
_JWT_SHAPE = re.compile(r"^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")
_UNAUTHENTICATED = grpc.StatusCode.UNAUTHENTICATED
_REQUIRED = ("exp", "nbf", "iat", "iss", "sub")
_DENIED = grpc.StatusCode.PERMISSION_DENIED
# ExchangeKey's longest ttl: a key's tokens are all past exp this long after it was revoked.
MAX_TOKEN_LIFETIME_SECONDS = 3600.0
# Watch failures worth waiting out (the server restarts, a replica drains, the network drops).
_TRANSIENT = frozenset(
    {
        grpc.StatusCode.UNAVAILABLE,
        grpc.StatusCode.DEADLINE_EXCEEDED,
        grpc.StatusCode.ABORTED,
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        grpc.StatusCode.INTERNAL,
        grpc.StatusCode.UNKNOWN,
        grpc.StatusCode.CANCELLED,
    }
)
log = logging.getLogger("keyturn.client.tokens")


def _event_types() -> tuple[frozenset[int], int]:
    from keyturn.v1 import key_events_pb2 as ke

    ending = frozenset(
        {
            ke.KEY_EVENT_TYPE_REVOKED,
            ke.KEY_EVENT_TYPE_DELETED,
            ke.KEY_EVENT_TYPE_EXPIRED,
            ke.KEY_EVENT_TYPE_LEAKED,
        }
    )
    return ending, ke.KEY_EVENT_TYPE_LEAKED


_ENDING_EVENTS, _LEAKED = _event_types()
_WATCHED_TYPES: tuple[Any, ...] = tuple(sorted(_ENDING_EVENTS))


def looks_like_jwt(value: str) -> bool:
    """True for a compact JWS (three base64url parts, a JSON header); API keys never are."""
    return len(value) < 16_384 and _JWT_SHAPE.match(value) is not None


class JwksSource(Protocol):
    """Where the key set comes from: returns the JWKS document (`{"keys": [...]}`)."""

    def fetch(self) -> Mapping[str, Any]: ...


@dataclass
class HttpJwks:
    """A JWKS URL: `/v1/organizations/<id>/jwks.json` or `/.well-known/jwks.json`."""

    url: str
    timeout_seconds: float = 5.0

    def fetch(self) -> Mapping[str, Any]:
        if not self.url.startswith(("https://", "http://")):
            raise ValueError("the JWKS URL must be http(s)")
        with urllib.request.urlopen(self.url, timeout=self.timeout_seconds) as answer:  # noqa: S310 (checked above)
            document: Mapping[str, Any] = json.loads(answer.read())
        return document


@dataclass
class GrpcJwks:
    """TokenService.GetJwks over a gRPC channel (no credentials needed)."""

    channel: grpc.Channel
    organization_id: str = ""
    timeout_seconds: float = 5.0

    def fetch(self) -> Mapping[str, Any]:
        from google.protobuf import json_format

        from keyturn.v1 import tokens_pb2, tokens_pb2_grpc

        answer = tokens_pb2_grpc.TokenServiceStub(self.channel).GetJwks(
            tokens_pb2.GetJwksRequest(organization_id=self.organization_id), timeout=self.timeout_seconds
        )
        return json_format.MessageToDict(answer, preserving_proto_field_name=True)


@dataclass(frozen=True)
class VerifiedToken:
    """A verified token's claims."""

    key_id: str
    organization_id: str
    project_id: str
    product_id: str
    scopes: frozenset[str]
    custom: Mapping[str, Any]
    expire_time: datetime
    token_id: str
    claims: Mapping[str, Any] = field(repr=False)


def _invalid(message: str) -> InvalidKeyError:
    return InvalidKeyError(message, reason="KEY_INVALID", code=_UNAUTHENTICATED)


class TokenVerifier:
    """Verifies access tokens against a cached JWKS; thread-safe, usable from asyncio.

    Args:
        source: where the JWKS comes from (HttpJwks, GrpcJwks, or any JwksSource).
        issuer: the expected `iss` (the server's KEYTURN_TOKEN_ISSUER, "keyturn" by default).
        audience: the expected `aud`; None accepts only tokens issued without one.
        algorithms: the `alg` allow-list (asymmetric algorithms only).
        leeway_seconds: clock skew allowed on exp and nbf.
        min_refresh_seconds: an unknown kid refreshes the JWKS at most this often.
        max_age_seconds: the JWKS is re-read when older than this.
        clock: the time that paces JWKS refreshes (tests pass their own); exp and nbf are
            checked against the system clock, as PyJWT does.
        cache_size: verified tokens remembered (0: verify every signature every time).
    """

    def __init__(
        self,
        source: JwksSource,
        *,
        issuer: str = "keyturn",
        audience: str | None = None,
        algorithms: Sequence[str] = DEFAULT_ALGORITHMS,
        leeway_seconds: float = 5.0,
        min_refresh_seconds: float = 30.0,
        max_age_seconds: float = 300.0,
        clock: Callable[[], float] = time.time,
        cache_size: int = 10_000,
    ) -> None:
        unsafe = [name for name in algorithms if name not in _ASYMMETRIC]
        if unsafe or not algorithms:
            raise ValueError(f"algorithms must be asymmetric JWS algorithms, got {unsafe or 'none'}")
        self.source = source
        self.issuer = issuer
        self.audience = audience
        self.algorithms = tuple(algorithms)
        self.leeway = leeway_seconds
        self.min_refresh = min_refresh_seconds
        self.max_age = max_age_seconds
        self.clock = clock
        self.refreshes = 0  # how many times the JWKS was fetched
        self.remembered_hits = 0  # verifications answered from the verified-token cache
        self._keys: dict[str, PyJWK] = {}
        self._fetched_at: float | None = None
        # key id -> when to forget the refusal (epoch seconds; inf: until allow_key)
        self._refused: dict[str, float] = {}
        self._refusals = 0
        self.max_token_lifetime = MAX_TOKEN_LIFETIME_SECONDS
        self.revocation_cursor = 0  # follow_revocations: the last key-event sequence seen
        self.revocation_reconnects = 0  # follow_revocations: watches re-opened after a failure
        self._lock = threading.Lock()
        self.cache_size = max(0, cache_size)
        # (token, expected audience) -> its verified claims; cleared when the key set changes
        self._verified: OrderedDict[tuple[str, str | None], VerifiedToken] = OrderedDict()

    # ---- revocation -----------------------------------------------------------------------

    def refuse_key(self, key_id: str, *, until: float | None = None) -> None:
        """Refuse every token of this API key from now on (it was revoked or deleted); with
        `until` (epoch seconds), until then only: by then every token it had is past its exp,
        and the key is forgotten."""
        forget_at = math.inf if until is None else until
        with self._lock:
            if forget_at > self._refused.get(key_id, -math.inf):
                self._refused[key_id] = forget_at
            self._refusals += 1
            if self._refusals % 1024 == 0:
                now = time.time()
                self._refused = {k: v for k, v in self._refused.items() if v > now}

    def allow_key(self, key_id: str) -> None:
        with self._lock:
            self._refused.pop(key_id, None)

    @property
    def refused_keys(self) -> int:
        """How many keys are refused right now (bounded: see refuse_key's `until`)."""
        now = time.time()
        return sum(1 for until in list(self._refused.values()) if until > now)

    def refuse_event(self, event: Any) -> bool:
        """Refuse the key of a keyturn.v1.KeyEvent that ends it (REVOKED, DELETED, EXPIRED, or
        LEAKED with the key revoked) until every token it could have had is past its exp; True
        when the event was one of those."""
        key_id = str(getattr(event, "key_id", "") or "")
        kind = getattr(event, "type", None)
        if not key_id or kind not in _ENDING_EVENTS:
            return False
        if kind == _LEAKED:
            data = getattr(event, "data", None)
            if data is None or "action" not in data or data["action"] != "REVOKED":
                return False
        stamp = getattr(event, "event_time", None)
        happened = stamp.seconds + stamp.nanos / 1e9 if stamp is not None and stamp.seconds else time.time()
        until = happened + self.max_token_lifetime + 2 * self.leeway
        if until > time.time():  # an older event's tokens are all dead: nothing to remember
            self.refuse_key(key_id, until=until)
        return True

    async def follow(self, revocations: AsyncIterable[Any]) -> None:
        """Refuse the tokens of every key the iterable names, until it ends: key ids (str,
        refused until allow_key), or keyturn.v1.KeyEvent messages (see refuse_event)."""
        async for item in revocations:
            if isinstance(item, str):
                self.refuse_key(item)
            else:
                self.refuse_event(item)

    async def follow_revocations(
        self,
        client: AsyncClient,
        organization_id: str = "",
        *,
        project_id: str = "",
        after_sequence: int = 0,
        initial_backoff_seconds: float = 0.1,
        max_backoff_seconds: float = 5.0,
    ) -> None:
        """Refuse the tokens of the organization's keys as they are revoked, deleted, expire or
        are revoked as leaked, until cancelled (run it as a task).

        Watches KeyEventService.WatchKeyEvents (the client's principal needs keyEvents.read
        on the organization) from `after_sequence` (0: every retained event, so a verifier
        that starts late still refuses keys revoked in the last hour), and keeps the last
        sequence seen in `revocation_cursor`. When the watch fails with UNAVAILABLE (a server
        restart, a replica draining, the network) or ends, it reconnects after a jittered
        exponential backoff and resumes after that cursor: no event is missed, one may be
        seen twice. A cursor the server pruned restarts from 0 (what was pruned is far older
        than any live token). Errors that waiting cannot cure (permission, bad arguments)
        are raised.
        """
        self.revocation_cursor = after_sequence
        failures = 0
        while True:
            stream = client.watch_key_events(
                organization_id=organization_id,
                project_id=project_id,
                types=_WATCHED_TYPES,
                after_sequence=self.revocation_cursor,
            )
            try:
                async for event in stream:
                    failures = 0
                    self.refuse_event(event)
                    self.revocation_cursor = max(self.revocation_cursor, int(event.sequence))
            except KeyEventCursorExpiredError:
                self.revocation_cursor = 0
                continue
            except APIKeyError as error:
                if error.code not in _TRANSIENT:
                    raise
                log.info("key-event watch interrupted (%s); reconnecting", error.code.name)
            finally:
                stream.cancel()
            failures += 1
            self.revocation_reconnects += 1
            await asyncio.sleep(_backoff(failures, initial_backoff_seconds, max_backoff_seconds))

    def follow_revocations_in_thread(
        self,
        client: Client,
        organization_id: str = "",
        *,
        project_id: str = "",
        after_sequence: int = 0,
        initial_backoff_seconds: float = 0.1,
        max_backoff_seconds: float = 5.0,
    ) -> RevocationThread:
        """follow_revocations for blocking code: the same loop over the sync `Client`, on a
        daemon thread (started; `.stop()` ends it)."""
        follower = RevocationThread(
            self,
            client,
            organization_id,
            project_id=project_id,
            after_sequence=after_sequence,
            initial_backoff_seconds=initial_backoff_seconds,
            max_backoff_seconds=max_backoff_seconds,
        )
        follower.start()
        return follower

    # ---- the key set ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Fetch the JWKS now (also what an unknown kid does, bounded)."""
        document = self.source.fetch()
        keys: dict[str, PyJWK] = {}
        for entry in document.get("keys", ()):
            kid, alg = entry.get("kid"), entry.get("alg")
            if not kid or alg not in self.algorithms or entry.get("use", "sig") != "sig":
                continue
            try:
                keys[kid] = PyJWK(dict(entry), algorithm=alg)
            except jwt.PyJWTError:
                continue  # a key this verifier cannot use is skipped, not fatal
        with self._lock:
            if set(keys) != set(self._keys) or any(keys[k].key != self._keys[k].key for k in keys):
                self._verified.clear()  # a key left the set: its tokens are verified afresh
            self._keys = keys
            self._fetched_at = self.clock()
            self.refreshes += 1

    def _key(self, kid: str) -> PyJWK | None:
        now = self.clock()
        fetched = self._fetched_at
        stale = fetched is None or now - fetched >= self.max_age
        found = self._keys.get(kid)
        if found is not None and not stale:
            return found
        if stale or fetched is None or now - fetched >= self.min_refresh:
            self.refresh()
            return self._keys.get(kid)
        return None  # unknown kid, refreshed too recently: refuse without a fetch

    # ---- verification ---------------------------------------------------------------------

    def verify(
        self,
        token: str,
        *,
        required_scopes: Collection[str] = (),
        product_id: str = "",
        audience: str | None = None,
    ) -> VerifiedToken:
        """The token's claims, or the typed error ValidateKey would raise."""
        expected_audience = audience if audience is not None else self.audience
        remembered = self._verified.get((token, expected_audience)) if self.cache_size else None
        if remembered is not None and not self._stale():
            now = time.time()  # as PyJWT checks exp and nbf
            if now >= remembered.expire_time.timestamp() + self.leeway:
                with self._lock:  # an entry never outlives its token's exp
                    self._verified.pop((token, expected_audience), None)
                raise _expired(remembered.expire_time)
            if now < float(remembered.claims["nbf"]) - self.leeway:
                raise _invalid("the access token is not valid yet")
            self.remembered_hits += 1
            return self._admit(remembered, required_scopes, product_id)
        if not looks_like_jwt(token):
            raise _invalid("the access token is malformed")
        header_b64, payload_b64, signature_b64 = token.split(".")
        try:
            header = _object(header_b64)
        except ValueError:
            raise _invalid("the access token is malformed") from None
        alg, kid = header.get("alg"), header.get("kid")
        if alg not in self.algorithms:
            raise _invalid("the access token's algorithm is not allowed")
        if not isinstance(kid, str) or not kid:
            raise _invalid("the access token names no signing key")
        if "crit" in header or "b64" in header:
            raise _invalid("the access token uses JWS extensions this verifier does not support")
        key = self._key(kid)
        if key is None or key.algorithm_name != alg:
            raise _invalid("the access token's signing key is unknown")
        try:
            signature = base64url_decode(signature_b64)
            signed = key.Algorithm.verify(f"{header_b64}.{payload_b64}".encode("ascii"), key.key, signature)
        except (ValueError, TypeError):
            signed = False
        if not signed:
            raise _invalid("the access token is invalid")
        try:
            claims = _object(payload_b64)
        except ValueError:
            raise _invalid("the access token is invalid") from None
        self._check_claims(claims, expected_audience)
        custom = claims.get("custom")
        verified = VerifiedToken(
            key_id=str(claims["sub"]),
            organization_id=str(claims.get("org") or ""),
            project_id=str(claims.get("project") or ""),
            product_id=str(claims.get("product") or ""),
            scopes=frozenset(str(s) for s in claims.get("scopes") or ()),
            custom=custom if isinstance(custom, dict) else {},
            expire_time=datetime.fromtimestamp(int(claims["exp"]), UTC),
            token_id=str(claims.get("jti") or ""),
            claims=claims,
        )
        if self.cache_size:
            with self._lock:
                self._verified[(token, expected_audience)] = verified
                while len(self._verified) > self.cache_size:
                    self._verified.popitem(last=False)
        return self._admit(verified, required_scopes, product_id)

    def _check_claims(self, claims: dict[str, Any], audience: str | None) -> None:
        """The registered-claim checks PyJWT's decode makes with require=[exp, nbf, iat, iss,
        sub], in its order and with its rules, on the claims of a token whose signature was
        just verified (done here so the payload is decoded once, not once per layer)."""
        for name in _REQUIRED:
            if claims.get(name) is None:
                raise _invalid("the access token is invalid")
        now = time.time()  # as PyJWT checks exp and nbf
        leeway = self.leeway
        iat, nbf, exp = _integer(claims["iat"]), _integer(claims["nbf"]), _integer(claims["exp"])
        if iat is None or nbf is None or exp is None:
            raise _invalid("the access token is invalid")
        if iat > now + leeway or nbf > now + leeway:
            raise _invalid("the access token is not valid yet")
        if exp <= now - leeway:
            raise _expired(datetime.fromtimestamp(exp, UTC))
        if claims["iss"] != self.issuer:  # a non-string iss never equals the issuer string
            raise _invalid("the access token is invalid")
        granted = claims.get("aud")
        if audience is None:
            if granted:
                raise _invalid("the access token is invalid")
        else:
            if not granted:
                raise _invalid("the access token is invalid")
            if isinstance(granted, str):
                granted = [granted]
            if (
                not isinstance(granted, list)
                or any(not isinstance(entry, str) for entry in granted)
                or audience not in granted
            ):
                raise _invalid("the access token is invalid")
        if not isinstance(claims["sub"], str):
            raise _invalid("the access token is invalid")
        if "jti" in claims and not isinstance(claims["jti"], str):
            raise _invalid("the access token is invalid")

    def _stale(self) -> bool:
        fetched = self._fetched_at
        return fetched is None or self.clock() - fetched >= self.max_age

    def _admit(
        self, verified: VerifiedToken, required_scopes: Collection[str], product_id: str
    ) -> VerifiedToken:
        """The checks made on every presentation, remembered token or not."""
        refused_until = self._refused.get(verified.key_id)
        if refused_until is not None and refused_until > time.time():
            raise RevokedKeyError("the API key was revoked", reason="KEY_REVOKED", code=_DENIED)
        if product_id and verified.product_id and verified.product_id != product_id:
            raise WrongProductError(
                "the API key is for another product", reason="WRONG_PRODUCT", code=_DENIED
            )
        if required_scopes and not verified.scopes.issuperset(required_scopes):
            missing = sorted(set(required_scopes) - verified.scopes)
            raise InsufficientScopeError(
                "the API key lacks required scopes: " + ", ".join(missing),
                reason="INSUFFICIENT_SCOPE",
                code=_DENIED,
                metadata={"missingScopes": ",".join(missing)},
            )
        return verified

    async def verify_async(
        self,
        token: str,
        *,
        required_scopes: Collection[str] = (),
        product_id: str = "",
        audience: str | None = None,
    ) -> VerifiedToken:
        """As verify; a JWKS fetch, when one is due, runs in a thread off the event loop."""
        if not looks_like_jwt(token):
            raise _invalid("the access token is malformed")
        try:
            named = _header(token).get("kid")
        except ValueError:
            raise _invalid("the access token is malformed") from None
        kid = named if isinstance(named, str) else ""
        if self._needs_fetch(kid):
            await asyncio.to_thread(self._key, kid)
        return self.verify(token, required_scopes=required_scopes, product_id=product_id, audience=audience)

    def _needs_fetch(self, kid: str) -> bool:
        now = self.clock()
        fetched = self._fetched_at
        if fetched is None or now - fetched >= self.max_age:
            return True
        return kid not in self._keys and now - fetched >= self.min_refresh


def _backoff(failures: int, initial: float, longest: float) -> float:
    """Full-jitter exponential backoff: a restarted server is not met by every verifier at once."""
    return float(random.uniform(0.5, 1.0) * min(longest, initial * 2 ** min(failures - 1, 16)))


class RevocationThread:
    """TokenVerifier.follow_revocations_in_thread's loop: a daemon thread over the sync Client."""

    def __init__(
        self,
        verifier: TokenVerifier,
        client: Client,
        organization_id: str,
        *,
        project_id: str = "",
        after_sequence: int = 0,
        initial_backoff_seconds: float = 0.1,
        max_backoff_seconds: float = 5.0,
    ) -> None:
        self.verifier = verifier
        self.client = client
        self.organization_id = organization_id
        self.project_id = project_id
        self.initial_backoff = initial_backoff_seconds
        self.max_backoff = max_backoff_seconds
        self.error: BaseException | None = None  # what ended the loop, if not stop()
        verifier.revocation_cursor = after_sequence
        self._stopping = threading.Event()
        self._stream: Any = None
        self._thread = threading.Thread(target=self._run, name="keyturn-revocations", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        stream = self._stream
        if stream is not None:
            stream.cancel()
        self._thread.join(timeout)

    def is_alive(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            self._follow()
        except Exception as error:  # a thread has no caller to raise to: keep it on .error
            self.error = error
            log.exception("following revocations stopped")

    def _follow(self) -> None:
        verifier = self.verifier
        failures = 0
        while not self._stopping.is_set():
            self._stream = stream = self.client.watch_key_events(
                organization_id=self.organization_id,
                project_id=self.project_id,
                types=_WATCHED_TYPES,
                after_sequence=verifier.revocation_cursor,
            )
            try:
                for event in stream:
                    failures = 0
                    verifier.refuse_event(event)
                    verifier.revocation_cursor = max(verifier.revocation_cursor, int(event.sequence))
            except KeyEventCursorExpiredError:
                verifier.revocation_cursor = 0
                continue
            except APIKeyError as error:
                if error.code not in _TRANSIENT:
                    self.error = error
                    log.error("key-event watch refused (%s); not following revocations", error)
                    return
                log.info("key-event watch interrupted (%s); reconnecting", error.code.name)
            finally:
                stream.cancel()
            if self._stopping.is_set():
                return
            failures += 1
            verifier.revocation_reconnects += 1
            self._stopping.wait(_backoff(failures, self.initial_backoff, self.max_backoff))


def api_key_of(token: VerifiedToken) -> Any:
    """The verified token as a keyturn.v1.ApiKey (id, tenant, scopes and the custom claims it
    carries), so handlers read the same object whichever kind of credential was presented."""
    from keyturn.v1 import keys_pb2

    key = keys_pb2.ApiKey(
        id=token.key_id,
        organization_id=token.organization_id,
        project_id=token.project_id,
        product_id=token.product_id,
        status=keys_pb2.KEY_STATUS_ACTIVE,
    )
    key.metadata.scopes.extend(sorted(token.scopes))
    if token.custom:
        key.metadata.custom.update(dict(token.custom))
    return key


def _object(part: str) -> dict[str, Any]:
    """One base64url part of a token already matched by looks_like_jwt, as a JSON object."""
    try:
        value = json.loads(base64url_decode(part))
    except (ValueError, TypeError) as error:  # binascii.Error and JSONDecodeError are ValueErrors
        raise ValueError("malformed part") from error
    if not isinstance(value, dict):
        raise ValueError("the part is not a JSON object")
    return value


def _integer(value: Any) -> int | None:
    """A NumericDate claim as PyJWT reads it (int(value)), None when it is not one."""
    try:
        return int(value)
    except (ValueError, TypeError, OverflowError):
        return None


def _header(token: str) -> dict[str, Any]:
    """The JOSE header of a token already matched by looks_like_jwt."""
    return _object(token.split(".", 1)[0])


def _expired(expire_time: datetime | None) -> ExpiredKeyError:
    metadata = {"expireTime": expire_time.isoformat().replace("+00:00", "Z")} if expire_time else {}
    return ExpiredKeyError(
        "the access token expired", reason="KEY_EXPIRED", code=_UNAUTHENTICATED, metadata=metadata
    )
