"""`AsyncClient`: the asyncio Keyturn client (grpc.aio), and the source of the sync `Client`.

    async with AsyncClient("127.0.0.1:50051", token="kta_...") as keyturn:
        org, _ = await keyturn.get_or_create_organization("Acme Inc")
        result = await keyturn.create_key(org.id, metadata=KeyMetadata(scopes=["read"]))
        async for key in keyturn.list_keys(organization_id=org.id):
            ...

list_* return an `AsyncPager` (use `async for`). Every method raises a subclass of `APIKeyError`
(keyturn.client.errors) on failure.

This file is the only hand-written client: sync.py is generated from it by
scripts/generate_sync_client.py (unasync), so what differs between the two lives in
`_io_async` / `_io_sync`, and every docstring below this one has to read right for both.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, Protocol, Self, TypeVar

import grpc

from keyturn.client import _io_async as transport
from keyturn.client import _requests as build
from keyturn.client._options import ConnectionConfig, RetryPolicy
from keyturn.client._requests import UNSET, MetadataInput, _Unset
from keyturn.client.errors import from_rpc_error
from keyturn.client.types import (
    AuditOrder,
    AuditOutcome,
    CryptoKeyAlgorithm,
    EllipticCurve,
    Environment,
    ImportMethod,
    KeyEventType,
    KeyPairAlgorithm,
    KeyStatus,
    RateLimit,
    ReportGranularity,
    RoleBinding,
    TokenType,
)
from keyturn.v1 import (
    access_pb2,
    access_pb2_grpc,
    audit_pb2,
    audit_pb2_grpc,
    crypto_keys_pb2,
    crypto_pb2,
    crypto_pb2_grpc,
    key_events_pb2,
    key_events_pb2_grpc,
    key_policies_pb2,
    key_policies_pb2_grpc,
    keys_pb2,
    keys_pb2_grpc,
    policies_pb2,
    rotation_pb2,
    tokens_pb2,
    tokens_pb2_grpc,
    webhooks_pb2,
    webhooks_pb2_grpc,
)

__all__ = [
    "AsyncAuditEventStream",
    "AsyncClient",
    "AsyncEventStream",
    "AsyncKeyEventStream",
    "AsyncPager",
]

Req = TypeVar("Req")
Resp = TypeVar("Resp")


class _Page(Protocol):
    @property
    def next_page_token(self) -> str: ...


ItemT = TypeVar("ItemT")
PageT = TypeVar("PageT", bound=_Page)


class AsyncPager(Generic[ItemT, PageT]):
    """Every item of a List RPC across its pages, following next_page_token (AIP-158);
    `.pages()` yields the raw responses instead.

    Nothing is fetched until iteration starts, and each page is fetched when the previous one
    is used up, so breaking out early costs no extra calls.
    """

    def __init__(
        self, fetch: Callable[[str], transport.Awaitable[PageT]], items: Callable[[PageT], Iterable[ItemT]]
    ) -> None:
        self._fetch = fetch
        self._items = items

    async def pages(self) -> AsyncIterator[PageT]:
        token = ""
        while True:
            page = await self._fetch(token)
            yield page
            token = page.next_page_token
            if not token:
                return

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.pages():
            for item in self._items(page):
                yield item

    async def to_list(self) -> list[ItemT]:
        """Every item, fetching every page."""
        return [item async for item in self]


EventT = TypeVar("EventT")


# Response header of StreamAuditEvents: the sequence the stream starts after.
STREAM_AFTER_HEADER = "keyturn-stream-after"


class AsyncEventStream(Generic[EventT]):
    """Iterator over a server stream whose messages carry one `event`; `cancel()` (or leaving its
    `with` block) ends the stream.

    The call is cancelled however the iteration ends (exhausted, broken out of, cancelled), so an
    abandoned stream does not stay open on the server.
    """

    def __init__(self, call: Any) -> None:
        self._call = call

    async def __aiter__(self) -> AsyncIterator[EventT]:
        try:
            async for message in self._call:
                yield message.event
        except grpc.RpcError as err:
            if err.code() == grpc.StatusCode.CANCELLED:
                return
            raise from_rpc_error(err) from err
        finally:
            self._call.cancel()

    def cancel(self) -> None:
        self._call.cancel()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.cancel()


class AsyncAuditEventStream(AsyncEventStream[audit_pb2.AuditEvent]):
    """Iterator over StreamAuditEvents; `cancel()` (or leaving its `with` block) ends the stream.

    The call is cancelled however the iteration ends (exhausted, broken out of, cancelled), so an
    abandoned stream does not stay open on the server.
    """

    async def started_after(self) -> int:
        """Waits until the server has its starting point and returns it: every matching event
        with a sequence above it follows (with `live_only`, the head when the stream began).
        Wait for it before writing what a live stream should see; resume from it after losing
        a stream that delivered nothing."""
        metadata = await self._call.initial_metadata()
        value = dict(metadata or ()).get(STREAM_AFTER_HEADER)
        if value is None:
            if self._call.done():  # it ended before it started: iterating raises its error
                async for _ in self:
                    pass
            raise ValueError(f"the server did not send {STREAM_AFTER_HEADER}")
        return int(value)


class AsyncKeyEventStream(AsyncEventStream[key_events_pb2.KeyEvent]):
    """Iterator over WatchKeyEvents; `cancel()` (or leaving its `with` block) ends the watch.

    Events arrive in sequence order, at least once: to resume after a disconnect, watch again
    with `after_sequence` = the `sequence` of the last event handled.
    """


def _key_event_filter(
    organization_id: str, project_id: str, key_id: str, types: Sequence[KeyEventType]
) -> key_events_pb2.KeyEventFilter:
    """The filter of list_key_events and watch_key_events."""
    return key_events_pb2.KeyEventFilter(
        organization_id=organization_id,
        project_id=project_id,
        key_id=key_id,
        types=[key_events_pb2.KeyEventType.ValueType(t) for t in types],
    )


class AsyncClient:
    """Client for every RPC of keyturn.v1 (KeyService, CryptoService, AuditService,
    AccessService, TokenService, KeyPolicyService, KeyEventService, WebhookService).

    The channel is opened on first use, not by the constructor, so a client can be built at
    import time (before any event loop runs, for example next to a FastAPI app); used again after
    `close()`, it opens a new one.

    Args:
        target: `host:port`; default `$KEYTURN_ADDR` or 127.0.0.1:50051.
        token: principal token sent as `authorization: Bearer <token>`; default `$KEYTURN_TOKEN`.
        tls: use TLS; implied by root_certificates / client_certificate.
        root_certificates: PEM bytes, PEM text or a file path; None uses the system roots.
        client_certificate, client_key: for mTLS (PEM bytes, text or paths).
        server_name: override the TLS name checked against the server certificate.
        timeout: default deadline of unary calls, in seconds (None: no deadline).
        retry: RetryPolicy (UNAVAILABLE always; DEADLINE_EXCEEDED for idempotent calls).
        options: extra gRPC channel options.
        metadata: extra metadata sent with every call.
    """

    def __init__(
        self,
        target: str | None = None,
        *,
        token: str | None = None,
        tls: bool | None = None,
        root_certificates: bytes | str | Path | None = None,
        client_certificate: bytes | str | Path | None = None,
        client_key: bytes | str | Path | None = None,
        server_name: str | None = None,
        timeout: float | None = 10.0,
        retry: RetryPolicy | None = None,
        options: Sequence[tuple[str, int | str]] = (),
        metadata: Sequence[tuple[str, str]] = (),
    ) -> None:
        self._config = ConnectionConfig.build(
            target,
            token=token,
            tls=tls,
            root_certificates=root_certificates,
            client_certificate=client_certificate,
            client_key=client_key,
            server_name=server_name,
            options=options,
            metadata=metadata,
        )
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self._metadata = self._config.call_metadata()
        self._channel: transport.Channel | None = None
        self._keys: keys_pb2_grpc.KeyServiceAsyncStub | None = None
        self._crypto: crypto_pb2_grpc.CryptoServiceAsyncStub | None = None
        self._audit: audit_pb2_grpc.AuditServiceAsyncStub | None = None
        self._access: access_pb2_grpc.AccessServiceAsyncStub | None = None
        self._tokens: tokens_pb2_grpc.TokenServiceAsyncStub | None = None
        self._key_events: key_events_pb2_grpc.KeyEventServiceAsyncStub | None = None
        self._webhooks: webhooks_pb2_grpc.WebhookServiceAsyncStub | None = None
        self._key_policies: key_policies_pb2_grpc.KeyPolicyServiceAsyncStub | None = None

    @property
    def target(self) -> str:
        return self._config.target

    @property
    def channel(self) -> transport.Channel:
        """The underlying channel (opened on first use), for stubs of other services."""
        if self._channel is None:
            if self._config.tls:
                self._channel = transport.secure_channel(
                    self._config.target, self._config.channel_credentials(), options=self._config.options
                )
            else:
                self._channel = transport.insecure_channel(self._config.target, options=self._config.options)
        return self._channel

    @property
    def keys(self) -> keys_pb2_grpc.KeyServiceAsyncStub:
        if self._keys is None:
            self._keys = keys_pb2_grpc.KeyServiceStub(self.channel)
        return self._keys

    @property
    def crypto(self) -> crypto_pb2_grpc.CryptoServiceAsyncStub:
        if self._crypto is None:
            self._crypto = crypto_pb2_grpc.CryptoServiceStub(self.channel)
        return self._crypto

    @property
    def audit(self) -> audit_pb2_grpc.AuditServiceAsyncStub:
        if self._audit is None:
            self._audit = audit_pb2_grpc.AuditServiceStub(self.channel)
        return self._audit

    @property
    def access(self) -> access_pb2_grpc.AccessServiceAsyncStub:
        if self._access is None:
            self._access = access_pb2_grpc.AccessServiceStub(self.channel)
        return self._access

    @property
    def tokens(self) -> tokens_pb2_grpc.TokenServiceAsyncStub:
        if self._tokens is None:
            self._tokens = tokens_pb2_grpc.TokenServiceStub(self.channel)
        return self._tokens

    @property
    def key_events(self) -> key_events_pb2_grpc.KeyEventServiceAsyncStub:
        if self._key_events is None:
            self._key_events = key_events_pb2_grpc.KeyEventServiceStub(self.channel)
        return self._key_events

    @property
    def webhooks(self) -> webhooks_pb2_grpc.WebhookServiceAsyncStub:
        if self._webhooks is None:
            self._webhooks = webhooks_pb2_grpc.WebhookServiceStub(self.channel)
        return self._webhooks

    @property
    def key_policies(self) -> key_policies_pb2_grpc.KeyPolicyServiceAsyncStub:
        if self._key_policies is None:
            self._key_policies = key_policies_pb2_grpc.KeyPolicyServiceStub(self.channel)
        return self._key_policies

    async def close(self) -> None:
        """Close the channel; the client opens a new one if used again."""
        channel, self._channel = self._channel, None
        self._keys = self._crypto = self._audit = self._access = self._tokens = None
        self._key_events = self._webhooks = self._key_policies = None
        if channel is not None:
            await transport.close(channel)

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _call(
        self,
        rpc: transport.UnaryUnaryMultiCallable[Req, Resp],
        request: Req,
        *,
        idempotent: bool = False,
        deadline: float | _Unset | None = UNSET,
    ) -> Resp:
        """One unary call with the client's metadata, deadline (seconds) and retry policy."""
        seconds = self.timeout if isinstance(deadline, _Unset) else deadline
        attempt = 0
        while True:
            attempt += 1
            try:
                return await rpc(request, timeout=seconds, metadata=self._metadata)
            except grpc.RpcError as err:
                code = err.code()
                if not self.retry.should_retry(code, attempt, idempotent=idempotent):
                    raise from_rpc_error(err) from err
            await transport.sleep(self.retry.backoff(attempt))

    # -- Organizations, projects, products ---------------------------------------------------

    async def create_organization(self, name: str) -> keys_pb2.Organization:
        """Create an organization; AlreadyExistsError(.existing_id) when the name is taken."""
        return await self._call(self.keys.CreateOrganization, keys_pb2.CreateOrganizationRequest(name=name))

    async def get_or_create_organization(self, name: str) -> tuple[keys_pb2.Organization, bool]:
        """(organization, created): safe to call on every deploy."""
        response = await self._call(
            self.keys.GetOrCreateOrganization,
            keys_pb2.GetOrCreateOrganizationRequest(name=name),
            idempotent=True,
        )
        return response.organization, response.created

    async def get_organization(self, organization_id: str) -> keys_pb2.Organization:
        return await self._call(
            self.keys.GetOrganization, keys_pb2.GetOrganizationRequest(id=organization_id), idempotent=True
        )

    def list_organizations(
        self, *, page_size: int = 0
    ) -> AsyncPager[keys_pb2.Organization, keys_pb2.ListOrganizationsResponse]:
        async def fetch(token: str) -> keys_pb2.ListOrganizationsResponse:
            request = keys_pb2.ListOrganizationsRequest(page_size=page_size, page_token=token)
            return await self._call(self.keys.ListOrganizations, request, idempotent=True)

        return AsyncPager(fetch, lambda page: page.organizations)

    async def create_project(self, organization_id: str, name: str) -> keys_pb2.Project:
        return await self._call(
            self.keys.CreateProject, keys_pb2.CreateProjectRequest(organization_id=organization_id, name=name)
        )

    async def get_or_create_project(self, organization_id: str, name: str) -> tuple[keys_pb2.Project, bool]:
        response = await self._call(
            self.keys.GetOrCreateProject,
            keys_pb2.GetOrCreateProjectRequest(organization_id=organization_id, name=name),
            idempotent=True,
        )
        return response.project, response.created

    async def get_project(self, project_id: str) -> keys_pb2.Project:
        return await self._call(
            self.keys.GetProject, keys_pb2.GetProjectRequest(id=project_id), idempotent=True
        )

    def list_projects(
        self, organization_id: str, *, page_size: int = 0
    ) -> AsyncPager[keys_pb2.Project, keys_pb2.ListProjectsResponse]:
        async def fetch(token: str) -> keys_pb2.ListProjectsResponse:
            request = keys_pb2.ListProjectsRequest(
                organization_id=organization_id, page_size=page_size, page_token=token
            )
            return await self._call(self.keys.ListProjects, request, idempotent=True)

        return AsyncPager(fetch, lambda page: page.projects)

    async def create_product(self, organization_id: str, name: str) -> keys_pb2.Product:
        return await self._call(
            self.keys.CreateProduct, keys_pb2.CreateProductRequest(organization_id=organization_id, name=name)
        )

    async def get_or_create_product(self, organization_id: str, name: str) -> tuple[keys_pb2.Product, bool]:
        response = await self._call(
            self.keys.GetOrCreateProduct,
            keys_pb2.GetOrCreateProductRequest(organization_id=organization_id, name=name),
            idempotent=True,
        )
        return response.product, response.created

    async def get_product(self, product_id: str) -> keys_pb2.Product:
        return await self._call(
            self.keys.GetProduct, keys_pb2.GetProductRequest(id=product_id), idempotent=True
        )

    def list_products(
        self, organization_id: str, *, project_id: str = "", page_size: int = 0
    ) -> AsyncPager[keys_pb2.Product, keys_pb2.ListProductsResponse]:
        async def fetch(token: str) -> keys_pb2.ListProductsResponse:
            request = keys_pb2.ListProductsRequest(
                organization_id=organization_id, project_id=project_id, page_size=page_size, page_token=token
            )
            return await self._call(self.keys.ListProducts, request, idempotent=True)

        return AsyncPager(fetch, lambda page: page.products)

    async def add_product_to_project(self, product_id: str, project_id: str) -> tuple[keys_pb2.Project, bool]:
        """Link a product to a project; (project, created). Idempotent."""
        response = await self._call(
            self.keys.AddProductToProject,
            keys_pb2.AddProductToProjectRequest(product_id=product_id, project_id=project_id),
            idempotent=True,
        )
        return response.project, response.created

    # -- Keys ------------------------------------------------------------------------------------

    async def create_key(
        self,
        organization_id: str,
        *,
        project_id: str = "",
        product_id: str = "",
        metadata: MetadataInput | None = None,
        expire_time: datetime | None = None,
        ttl: timedelta | None = None,
        allowed_cidrs: Sequence[str] = (),
        environment: Environment | None = None,
        parent_key_id: str = "",
        rotation: rotation_pb2.KeyRotationPolicy | None = None,
        recoverable: bool | None = None,
        credits: keys_pb2.KeyCredits | int | None = None,
    ) -> keys_pb2.CreateKeyResponse:
        """Issue a key. The result's `.plaintext` is shown once; `.key` is the ApiKey record.
        With `parent_key_id`, a restricted child key: no broader than that key, and revoked
        with it (docs/child-keys.md). `rotation` / `recoverable` unset: the key policy's
        defaults (AUTOMATIC rotation needs a recoverable key, whose plaintext `reveal_key`
        returns later). `credits`: a starting balance (int) or a KeyCredits with refill and
        low threshold."""
        request = build.create_key(
            organization_id,
            project_id=project_id,
            product_id=product_id,
            metadata=metadata,
            expire_time=expire_time,
            ttl=ttl,
            allowed_cidrs=allowed_cidrs,
            environment=environment,
            parent_key_id=parent_key_id,
            rotation=rotation,
            recoverable=recoverable,
            credits=credits,
        )
        return await self._call(self.keys.CreateKey, request)

    async def validate_key(
        self,
        key: str,
        *,
        product_id: str = "",
        required_scopes: Sequence[str] = (),
        client_ip: str = "",
        skip_rate_limit: bool = False,
        skip_usage: bool = False,
        cost: int = 0,
        limits: Mapping[str, int] | None = None,
    ) -> keys_pb2.ValidateKeyResponse:
        """Validate a presented key: `.key` (with metadata.custom), `.rate_limit`, `.limits`
        and `.credits` on success; InvalidKeyError, ExpiredKeyError, RevokedKeyError,
        InsufficientScopeError, WrongProductError, IpNotAllowedError, QuotaError (a rate
        limit, `.limit_name`) or CreditsExhaustedError otherwise. `cost`: credits to take
        (0 means 1); `limits`: limit name -> cost (default: the default limit, cost 1)."""
        request = build.validate_key(
            key,
            product_id=product_id,
            required_scopes=required_scopes,
            client_ip=client_ip,
            skip_rate_limit=skip_rate_limit,
            skip_usage=skip_usage,
            cost=cost,
            limits=limits,
        )
        return await self._call(self.keys.ValidateKey, request)

    # ---- access tokens (TokenService) ----

    async def exchange_key(
        self,
        key: str,
        *,
        product_id: str = "",
        required_scopes: Sequence[str] = (),
        client_ip: str = "",
        audience: str = "",
        ttl: timedelta | None = None,
        custom_claims: Sequence[str] = (),
    ) -> tokens_pb2.ExchangeKeyResponse:
        """Validate a presented key exactly as validate_key does (same errors, quota taken)
        and get a short-lived signed access token (`.access_token`, a JWT) for it, to be
        verified offline by keyturn.client.tokens.TokenVerifier."""
        request = tokens_pb2.ExchangeKeyRequest(
            plaintext=key,
            product_id=product_id,
            required_scopes=list(required_scopes),
            client_ip=client_ip,
            audience=audience,
            custom_claims=list(custom_claims),
        )
        if ttl is not None:
            request.ttl.FromTimedelta(ttl)
        return await self._call(self.tokens.ExchangeKey, request)

    async def get_jwks(self, organization_id: str = "") -> tokens_pb2.Jwks:
        """The organization's public token-signing keys (every organization's when empty)."""
        request = tokens_pb2.GetJwksRequest(organization_id=organization_id)
        return await self._call(self.tokens.GetJwks, request, idempotent=True)

    async def get_key(self, key_id: str) -> keys_pb2.ApiKey:
        return await self._call(self.keys.GetKey, keys_pb2.GetKeyRequest(id=key_id), idempotent=True)

    def list_keys(
        self,
        *,
        organization_id: str = "",
        project_id: str = "",
        product_id: str = "",
        status: KeyStatus | None = None,
        expire_before: datetime | None = None,
        not_used_since: datetime | None = None,
        page_size: int = 0,
        parent_key_id: str = "",
        next_rotation_before: datetime | None = None,
    ) -> AsyncPager[keys_pb2.ApiKey, keys_pb2.ListKeysResponse]:
        """Every key of one parent (exactly one of organization_id, project_id, product_id),
        newest first, fetched page by page as the iteration goes; with `parent_key_id`, only
        that key's children."""
        base = build.list_keys(
            organization_id=organization_id,
            project_id=project_id,
            product_id=product_id,
            status=status,
            expire_before=expire_before,
            not_used_since=not_used_since,
            page_size=page_size,
            parent_key_id=parent_key_id,
            next_rotation_before=next_rotation_before,
        )

        async def fetch(token: str) -> keys_pb2.ListKeysResponse:
            request = keys_pb2.ListKeysRequest()
            request.CopyFrom(base)
            request.page_token = token
            return await self._call(self.keys.ListKeys, request, idempotent=True)

        return AsyncPager(fetch, lambda page: page.keys)

    async def update_key(
        self,
        key_id: str,
        *,
        metadata: MetadataInput | _Unset | None = UNSET,
        name: str | _Unset | None = UNSET,
        scopes: Sequence[str] | _Unset | None = UNSET,
        rate_limit: RateLimit | _Unset | None = UNSET,
        custom: Mapping[str, Any] | _Unset | None = UNSET,
        expire_time: datetime | _Unset | None = UNSET,
        allowed_cidrs: Sequence[str] | _Unset | None = UNSET,
        rotation: rotation_pb2.KeyRotationPolicy | _Unset | None = UNSET,
    ) -> keys_pb2.ApiKey:
        """Change only the given fields (the update_mask is built from the arguments passed);
        None clears a field. `metadata=` replaces name, scopes, rate limit and custom at once."""
        request = build.update_key(
            key_id,
            metadata=metadata,
            name=name,
            scopes=scopes,
            rate_limit=rate_limit,
            custom=custom,
            expire_time=expire_time,
            allowed_cidrs=allowed_cidrs,
            rotation=rotation,
        )
        return await self._call(self.keys.UpdateKey, request)

    async def rotate_key(
        self, key_id: str, *, grace_period: timedelta | float | None = None
    ) -> keys_pb2.RotateKeyResponse:
        """Issue a successor (`.key`, `.plaintext`); the old key (`.previous_key`) keeps working
        for the grace period (server default 24 hours)."""
        return await self._call(self.keys.RotateKey, build.rotate_key(key_id, grace_period))

    async def revoke_key(self, key_id: str, *, reason: str = "") -> keys_pb2.ApiKey:
        """Revoke a key at once (idempotent; the first reason is kept)."""
        return await self._call(
            self.keys.RevokeKey, keys_pb2.RevokeKeyRequest(id=key_id, reason=reason), idempotent=True
        )

    async def delete_key(self, key_id: str) -> None:
        """Erase a key and its counters for good."""
        await self._call(self.keys.DeleteKey, keys_pb2.DeleteKeyRequest(id=key_id))

    async def report_leaked_keys(
        self,
        candidates: Iterable[str | keys_pb2.LeakedKeyCandidate],
        *,
        source: str = "",
        url: str = "",
    ) -> keys_pb2.ReportLeakedKeysResponse:
        """Report strings found where they should not be (1..1000): keys found are revoked or
        flagged by their policy. Plain strings take `source` and `url`; `.reports[i].result`
        says FOUND / NOT_FOUND / NOT_A_KEY per candidate. Safe to retry (deduplicated)."""
        request = keys_pb2.ReportLeakedKeysRequest(
            candidates=[
                c
                if isinstance(c, keys_pb2.LeakedKeyCandidate)
                else keys_pb2.LeakedKeyCandidate(token=c, source=source, url=url)
                for c in candidates
            ]
        )
        return await self._call(self.keys.ReportLeakedKeys, request, idempotent=True)

    async def import_keys(
        self,
        keys: Sequence[keys_pb2.ImportedKey],
        *,
        hmac_secret: bytes | str = b"",
        atomic: bool = False,
        validate_only: bool = False,
    ) -> keys_pb2.ImportKeysResponse:
        """Import 1..1000 keys of another system by their hashes (ImportKeys). Answered per
        key in `.results` (`.key`, or `.error` as a google.rpc.Status: decode it with
        keyturn.client.errors.from_status). `hmac_secret` is the old system's HMAC secret
        for HMAC_SHA256 keys (the reference SDK's `signing_secret`). Retried only when every
        key has an external_id (a repeat then answers ALREADY_EXISTS instead of a copy)."""
        secret = hmac_secret.encode() if isinstance(hmac_secret, str) else hmac_secret
        request = keys_pb2.ImportKeysRequest(
            keys=list(keys), hmac_secret=secret, atomic=atomic, validate_only=validate_only
        )
        safe = bool(keys) and all(k.external_id for k in keys)
        return await self._call(self.keys.ImportKeys, request, idempotent=safe)

    async def reveal_key(self, key_id: str) -> keys_pb2.RevealKeyResponse:
        """The plaintext of a recoverable key (`.plaintext`, `.key`); needs the KEY_REVEALER
        role, is rate-limited per caller (QuotaError) and audited. KeyNotRecoverableError for
        a key whose plaintext was never kept."""
        return await self._call(self.keys.RevealKey, keys_pb2.RevealKeyRequest(id=key_id))

    # -- Crypto ------------------------------------------------------------------------------------

    async def generate_key(
        self, token_type: TokenType = TokenType.API_KEY, *, length: int = 0, prefix: str = ""
    ) -> crypto_pb2.GenerateKeyResponse:
        """A random API key, UUID v4, nanoid or hex secret (`.key`, `.entropy_bits`)."""
        return await self._call(
            self.crypto.GenerateKey,
            build.generate_key(token_type, length=length, prefix=prefix),
            idempotent=True,
        )

    async def generate_keypair(
        self,
        algorithm: KeyPairAlgorithm = KeyPairAlgorithm.ED25519,
        *,
        key_size: int = 0,
        curve: EllipticCurve | None = None,
        passphrase: str = "",
    ) -> crypto_pb2.GenerateKeyPairResponse:
        """An RSA, EC or Ed25519 key pair as PEM (`.public_key`, `.private_key`)."""
        request = build.generate_keypair(algorithm, key_size=key_size, curve=curve, passphrase=passphrase)
        return await self._call(self.crypto.GenerateKeyPair, request, idempotent=True)

    generate_key_pair = generate_keypair

    async def encrypt(
        self,
        plaintext: bytes | str,
        *,
        key: str = "",
        password: str = "",
        associated_data: bytes | str = b"",
        iterations: int = 0,
    ) -> crypto_pb2.EncryptResponse:
        """AES-256-GCM under a 64-hex-character key or a password (PBKDF2)."""
        request = build.encrypt(
            plaintext, key=key, password=password, associated_data=associated_data, iterations=iterations
        )
        return await self._call(self.crypto.Encrypt, request, idempotent=True)

    async def decrypt(
        self,
        ciphertext: bytes | crypto_pb2.EncryptResponse,
        *,
        iv: bytes = b"",
        tag: bytes = b"",
        key: str = "",
        password: str = "",
        salt: bytes = b"",
        iterations: int = 0,
        associated_data: bytes | str = b"",
    ) -> bytes:
        """The plaintext; DecryptionError when authentication fails. Pass the EncryptResponse
        itself as `ciphertext` to take iv, tag, salt and iterations from it."""
        request = build.decrypt(
            ciphertext,
            iv=iv,
            tag=tag,
            key=key,
            password=password,
            salt=salt,
            iterations=iterations,
            associated_data=associated_data,
        )
        response = await self._call(self.crypto.Decrypt, request, idempotent=True)
        return response.plaintext

    # -- Managed keys ------------------------------------------------------------------------------

    async def create_crypto_key(
        self,
        organization_id: str,
        name: str,
        algorithm: CryptoKeyAlgorithm,
        *,
        project_id: str = "",
        labels: Mapping[str, str] | None = None,
        rotation_period: timedelta | float | None = None,
        next_rotation_time: datetime | None = None,
        destroy_scheduled_duration: timedelta | float | None = None,
        import_only: bool = False,
    ) -> crypto_keys_pb2.CryptoKey:
        """A managed key with its first version (none when import_only); the purpose follows
        from the algorithm. AlreadyExistsError(.existing_id) when the name is taken."""
        key = crypto_keys_pb2.CryptoKey(
            organization_id=organization_id,
            project_id=project_id,
            name=name,
            purpose=int(algorithm.purpose),  # type: ignore[arg-type]
            algorithm=int(algorithm),  # type: ignore[arg-type]
            labels=dict(labels or {}),
            import_only=import_only,
        )
        if rotation_period is not None:
            key.rotation_period.CopyFrom(build.duration(rotation_period))
        if next_rotation_time is not None:
            key.next_rotation_time.CopyFrom(build.timestamp(next_rotation_time))
        if destroy_scheduled_duration is not None:
            key.destroy_scheduled_duration.CopyFrom(build.duration(destroy_scheduled_duration))
        return await self._call(
            self.crypto.CreateCryptoKey, crypto_keys_pb2.CreateCryptoKeyRequest(crypto_key=key), deadline=None
        )

    async def get_crypto_key(self, crypto_key_id: str) -> crypto_keys_pb2.CryptoKey:
        return await self._call(
            self.crypto.GetCryptoKey, crypto_keys_pb2.GetCryptoKeyRequest(id=crypto_key_id), idempotent=True
        )

    def list_crypto_keys(
        self, *, organization_id: str = "", project_id: str = "", page_size: int = 0
    ) -> AsyncPager[crypto_keys_pb2.CryptoKey, crypto_keys_pb2.ListCryptoKeysResponse]:
        """The managed keys of an organization (the caller's only one when empty), oldest first."""

        async def fetch(token: str) -> crypto_keys_pb2.ListCryptoKeysResponse:
            request = crypto_keys_pb2.ListCryptoKeysRequest(
                organization_id=organization_id, project_id=project_id, page_size=page_size, page_token=token
            )
            return await self._call(self.crypto.ListCryptoKeys, request, idempotent=True)

        return AsyncPager(fetch, lambda page: page.crypto_keys)

    async def update_crypto_key(
        self,
        crypto_key_id: str,
        *,
        labels: Mapping[str, str] | _Unset | None = UNSET,
        primary_version: int | _Unset = UNSET,
        rotation_period: timedelta | float | _Unset | None = UNSET,
        next_rotation_time: datetime | _Unset | None = UNSET,
        min_decryption_version: int | _Unset = UNSET,
    ) -> crypto_keys_pb2.CryptoKey:
        """Change only the given fields (the update_mask is built from the arguments passed);
        None clears a field (rotation_period=None: no automatic rotation)."""
        key = crypto_keys_pb2.CryptoKey(id=crypto_key_id)
        paths: list[str] = []
        if not isinstance(labels, _Unset):
            paths.append("labels")
            key.labels.update(dict(labels or {}))
        if not isinstance(primary_version, _Unset):
            paths.append("primary_version")
            key.primary_version = primary_version
        if not isinstance(rotation_period, _Unset):
            paths.append("rotation_period")
            if rotation_period is not None:
                key.rotation_period.CopyFrom(build.duration(rotation_period))
        if not isinstance(next_rotation_time, _Unset):
            paths.append("next_rotation_time")
            if next_rotation_time is not None:
                key.next_rotation_time.CopyFrom(build.timestamp(next_rotation_time))
        if not isinstance(min_decryption_version, _Unset):
            paths.append("min_decryption_version")
            key.min_decryption_version = min_decryption_version
        request = crypto_keys_pb2.UpdateCryptoKeyRequest(crypto_key=key)
        request.update_mask.paths.extend(paths)
        return await self._call(self.crypto.UpdateCryptoKey, request)

    async def rotate_crypto_key(self, crypto_key_id: str) -> crypto_keys_pb2.RotateCryptoKeyResponse:
        """A new primary version (`.version`); older versions keep decrypting and verifying."""
        return await self._call(
            self.crypto.RotateCryptoKey,
            crypto_keys_pb2.RotateCryptoKeyRequest(id=crypto_key_id),
            deadline=None,
        )

    def list_crypto_key_versions(
        self, crypto_key_id: str, *, page_size: int = 0
    ) -> AsyncPager[crypto_keys_pb2.CryptoKeyVersion, crypto_keys_pb2.ListCryptoKeyVersionsResponse]:
        async def fetch(token: str) -> crypto_keys_pb2.ListCryptoKeyVersionsResponse:
            request = crypto_keys_pb2.ListCryptoKeyVersionsRequest(
                crypto_key_id=crypto_key_id, page_size=page_size, page_token=token
            )
            return await self._call(self.crypto.ListCryptoKeyVersions, request, idempotent=True)

        return AsyncPager(fetch, lambda page: page.versions)

    async def get_crypto_key_version(
        self, crypto_key_id: str, number: int
    ) -> crypto_keys_pb2.CryptoKeyVersion:
        request = crypto_keys_pb2.GetCryptoKeyVersionRequest(crypto_key_id=crypto_key_id, number=number)
        return await self._call(self.crypto.GetCryptoKeyVersion, request, idempotent=True)

    async def disable_crypto_key_version(
        self, crypto_key_id: str, number: int
    ) -> crypto_keys_pb2.CryptoKeyVersion:
        request = crypto_keys_pb2.DisableCryptoKeyVersionRequest(crypto_key_id=crypto_key_id, number=number)
        return await self._call(self.crypto.DisableCryptoKeyVersion, request, idempotent=True)

    async def enable_crypto_key_version(
        self, crypto_key_id: str, number: int
    ) -> crypto_keys_pb2.CryptoKeyVersion:
        request = crypto_keys_pb2.EnableCryptoKeyVersionRequest(crypto_key_id=crypto_key_id, number=number)
        return await self._call(self.crypto.EnableCryptoKeyVersion, request, idempotent=True)

    async def destroy_crypto_key_version(
        self, crypto_key_id: str, number: int
    ) -> crypto_keys_pb2.CryptoKeyVersion:
        """Schedule destruction after the key's destroy_scheduled_duration (`.destroy_time`)."""
        request = crypto_keys_pb2.DestroyCryptoKeyVersionRequest(crypto_key_id=crypto_key_id, number=number)
        return await self._call(self.crypto.DestroyCryptoKeyVersion, request)

    async def restore_crypto_key_version(
        self, crypto_key_id: str, number: int
    ) -> crypto_keys_pb2.CryptoKeyVersion:
        """Cancel a scheduled destruction; the version comes back DISABLED."""
        request = crypto_keys_pb2.RestoreCryptoKeyVersionRequest(crypto_key_id=crypto_key_id, number=number)
        return await self._call(self.crypto.RestoreCryptoKeyVersion, request)

    async def encrypt_with_key(
        self, crypto_key_id: str, plaintext: bytes | str, *, associated_data: bytes | str = b""
    ) -> crypto_keys_pb2.EncryptWithKeyResponse:
        """Encrypt under the key's primary version; `.ciphertext` names the key and version.
        The CRC32C of the inputs is sent and the one of the ciphertext checked."""
        data, ad = build.as_bytes(plaintext), build.as_bytes(associated_data)
        request = crypto_keys_pb2.EncryptWithKeyRequest(
            crypto_key_id=crypto_key_id, plaintext=data, associated_data=ad
        )
        request.plaintext_crc32c.value = build.crc32c(data)
        if ad:
            request.associated_data_crc32c.value = build.crc32c(ad)
        response = await self._call(self.crypto.EncryptWithKey, request, idempotent=True)
        build.check_crc32c("ciphertext", response.ciphertext, response.ciphertext_crc32c)
        return response

    async def decrypt_with_key(
        self, ciphertext: bytes, *, associated_data: bytes | str = b"", crypto_key_id: str = ""
    ) -> bytes:
        """The plaintext of a ciphertext of encrypt_with_key, re_encrypt or generate_data_key
        (the ciphertext names its key and version). DecryptionError when it does not open."""
        ad = build.as_bytes(associated_data)
        request = crypto_keys_pb2.DecryptWithKeyRequest(
            ciphertext=ciphertext, associated_data=ad, crypto_key_id=crypto_key_id
        )
        request.ciphertext_crc32c.value = build.crc32c(ciphertext)
        response = await self._call(self.crypto.DecryptWithKey, request, idempotent=True)
        build.check_crc32c("plaintext", response.plaintext, response.plaintext_crc32c)
        return response.plaintext

    async def re_encrypt(
        self, ciphertext: bytes, *, associated_data: bytes | str = b"", destination_crypto_key_id: str = ""
    ) -> crypto_keys_pb2.ReEncryptResponse:
        """Re-encrypt under a primary version without the plaintext leaving the server."""
        request = crypto_keys_pb2.ReEncryptRequest(
            ciphertext=ciphertext,
            associated_data=build.as_bytes(associated_data),
            destination_crypto_key_id=destination_crypto_key_id,
        )
        request.ciphertext_crc32c.value = build.crc32c(ciphertext)
        return await self._call(self.crypto.ReEncrypt, request, idempotent=True)

    async def generate_data_key(
        self, crypto_key_id: str, *, associated_data: bytes | str = b"", wrapped_only: bool = False
    ) -> crypto_keys_pb2.GenerateDataKeyResponse:
        """A random 256-bit data key (`.plaintext`) and its ciphertext (`.wrapped_key`)."""
        request = crypto_keys_pb2.GenerateDataKeyRequest(
            crypto_key_id=crypto_key_id,
            associated_data=build.as_bytes(associated_data),
            wrapped_only=wrapped_only,
        )
        response = await self._call(self.crypto.GenerateDataKey, request, idempotent=True)
        build.check_crc32c("wrapped_key", response.wrapped_key, response.wrapped_key_crc32c)
        if response.plaintext:
            build.check_crc32c("plaintext", response.plaintext, response.plaintext_crc32c)
        return response

    async def sign(
        self, crypto_key_id: str, data: bytes | str, *, version: int = 0
    ) -> crypto_keys_pb2.SignResponse:
        """Sign with an ASYMMETRIC_SIGN key (version 0: the primary)."""
        payload = build.as_bytes(data)
        request = crypto_keys_pb2.SignRequest(crypto_key_id=crypto_key_id, version=version, data=payload)
        request.data_crc32c.value = build.crc32c(payload)
        response = await self._call(self.crypto.Sign, request, idempotent=True)
        build.check_crc32c("signature", response.signature, response.signature_crc32c)
        return response

    async def verify(
        self, crypto_key_id: str, data: bytes | str, signature: bytes, *, version: int = 0
    ) -> crypto_keys_pb2.VerifyResponse:
        """`.valid`: whether the signature verifies (version 0: any usable version)."""
        request = crypto_keys_pb2.VerifyRequest(
            crypto_key_id=crypto_key_id, version=version, data=build.as_bytes(data), signature=signature
        )
        return await self._call(self.crypto.Verify, request, idempotent=True)

    async def get_public_key(self, crypto_key_id: str, *, version: int = 0) -> crypto_keys_pb2.PublicKey:
        """The public key PEM (`.pem`) of an ASYMMETRIC_SIGN version (0: the primary)."""
        request = crypto_keys_pb2.GetPublicKeyRequest(crypto_key_id=crypto_key_id, version=version)
        response = await self._call(self.crypto.GetPublicKey, request, idempotent=True)
        build.check_crc32c("pem", response.pem.encode(), response.pem_crc32c)
        return response

    async def mac(
        self, crypto_key_id: str, data: bytes | str, *, version: int = 0
    ) -> crypto_keys_pb2.MacResponse:
        payload = build.as_bytes(data)
        request = crypto_keys_pb2.MacRequest(crypto_key_id=crypto_key_id, version=version, data=payload)
        response = await self._call(self.crypto.Mac, request, idempotent=True)
        build.check_crc32c("mac", response.mac, response.mac_crc32c)
        return response

    async def verify_mac(
        self, crypto_key_id: str, data: bytes | str, mac: bytes, *, version: int = 0
    ) -> crypto_keys_pb2.VerifyMacResponse:
        """`.valid`: whether the tag matches (compared in constant time on the server)."""
        request = crypto_keys_pb2.VerifyMacRequest(
            crypto_key_id=crypto_key_id, version=version, data=build.as_bytes(data), mac=mac
        )
        return await self._call(self.crypto.VerifyMac, request, idempotent=True)

    async def batch_encrypt(
        self, items: Iterable[crypto_keys_pb2.EncryptWithKeyRequest]
    ) -> crypto_keys_pb2.BatchEncryptResponse:
        """Up to 1000 encryptions; `.results[i].status` is each item's own google.rpc.Status."""
        request = crypto_keys_pb2.BatchEncryptRequest(requests=list(items))
        return await self._call(self.crypto.BatchEncrypt, request, idempotent=True)

    async def batch_decrypt(
        self, items: Iterable[crypto_keys_pb2.DecryptWithKeyRequest]
    ) -> crypto_keys_pb2.BatchDecryptResponse:
        request = crypto_keys_pb2.BatchDecryptRequest(requests=list(items))
        return await self._call(self.crypto.BatchDecrypt, request, idempotent=True)

    async def create_import_job(
        self, organization_id: str, method: ImportMethod = ImportMethod.RSA_OAEP_3072_SHA256_AES_256
    ) -> crypto_keys_pb2.ImportJob:
        """An RSA-3072 wrapping key (`.public_key_pem`) for import_crypto_key_version."""
        job = crypto_keys_pb2.ImportJob(organization_id=organization_id, import_method=int(method))  # type: ignore[arg-type]
        return await self._call(
            self.crypto.CreateImportJob, crypto_keys_pb2.CreateImportJobRequest(import_job=job), deadline=None
        )

    async def get_import_job(self, import_job_id: str) -> crypto_keys_pb2.ImportJob:
        return await self._call(
            self.crypto.GetImportJob, crypto_keys_pb2.GetImportJobRequest(id=import_job_id), idempotent=True
        )

    async def import_crypto_key_version(
        self, crypto_key_id: str, import_job_id: str, wrapped_key_material: bytes
    ) -> crypto_keys_pb2.CryptoKeyVersion:
        """Bring your own key: material wrapped with the job's public key becomes a version
        (see keyturn.client.envelope.wrap_for_import)."""
        request = crypto_keys_pb2.ImportCryptoKeyVersionRequest(
            crypto_key_id=crypto_key_id,
            import_job_id=import_job_id,
            wrapped_key_material=wrapped_key_material,
        )
        return await self._call(self.crypto.ImportCryptoKeyVersion, request)

    # -- Audit ---------------------------------------------------------------------------------------

    def list_audit_events(
        self,
        *,
        organization_id: str = "",
        project_id: str = "",
        key_id: str = "",
        actor: str = "",
        actions: Sequence[str] = (),
        outcome: AuditOutcome | None = None,
        start_time: datetime | None = None,
        end_time: datetime | None = None,
        order: AuditOrder | None = None,
        page_size: int = 0,
    ) -> AsyncPager[audit_pb2.AuditEvent, audit_pb2.ListAuditEventsResponse]:
        event_filter = build.audit_filter(
            organization_id=organization_id,
            project_id=project_id,
            key_id=key_id,
            actor=actor,
            actions=actions,
            outcome=outcome,
            start_time=start_time,
            end_time=end_time,
        )
        base = build.list_audit_events(event_filter, order=order, page_size=page_size)

        async def fetch(token: str) -> audit_pb2.ListAuditEventsResponse:
            request = audit_pb2.ListAuditEventsRequest()
            request.CopyFrom(base)
            request.page_token = token
            return await self._call(self.audit.ListAuditEvents, request, idempotent=True)

        return AsyncPager(fetch, lambda page: page.events)

    def stream_audit_events(
        self,
        *,
        organization_id: str = "",
        project_id: str = "",
        key_id: str = "",
        actor: str = "",
        actions: Sequence[str] = (),
        outcome: AuditOutcome | None = None,
        after_sequence: int = 0,
        live_only: bool = False,
        timeout: float | None = None,
    ) -> AsyncAuditEventStream:
        """Replay events after `after_sequence`, then follow new ones until cancelled (or
        `timeout` seconds pass). Iterate the result; call `.cancel()` to stop."""
        event_filter = build.audit_filter(
            organization_id=organization_id,
            project_id=project_id,
            key_id=key_id,
            actor=actor,
            actions=actions,
            outcome=outcome,
            start_time=None,
            end_time=None,
        )
        request = audit_pb2.StreamAuditEventsRequest(
            filter=event_filter, after_sequence=after_sequence, live_only=live_only
        )
        call = self.audit.StreamAuditEvents(request, timeout=timeout, metadata=self._metadata)
        return AsyncAuditEventStream(call)

    async def verify_audit_chain(
        self, *, start_sequence: int = 0, end_sequence: int = 0
    ) -> audit_pb2.VerifyAuditChainResponse:
        request = audit_pb2.VerifyAuditChainRequest(start_sequence=start_sequence, end_sequence=end_sequence)
        return await self._call(self.audit.VerifyAuditChain, request, idempotent=True)

    async def get_usage_report(
        self,
        *,
        start_time: datetime,
        key_id: str = "",
        project_id: str = "",
        organization_id: str = "",
        end_time: datetime | None = None,
        granularity: ReportGranularity | None = None,
        expiring_within: timedelta | None = None,
        unused_since: datetime | None = None,
    ) -> audit_pb2.GetUsageReportResponse:
        request = build.usage_report(
            key_id=key_id,
            project_id=project_id,
            organization_id=organization_id,
            start_time=start_time,
            end_time=end_time,
            granularity=granularity,
            expiring_within=expiring_within,
            unused_since=unused_since,
        )
        return await self._call(self.audit.GetUsageReport, request, idempotent=True)

    # -- Access (principals and their tokens) -----------------------------------------------------

    async def get_caller_identity(self) -> access_pb2.GetCallerIdentityResponse:
        return await self._call(
            self.access.GetCallerIdentity, access_pb2.GetCallerIdentityRequest(), idempotent=True
        )

    async def create_principal(
        self,
        name: str,
        *,
        roles: Sequence[RoleBinding | access_pb2.RoleBinding] = (),
        certificate_identity: str = "",
        disabled: bool = False,
    ) -> access_pb2.Principal:
        principal = build.principal(
            principal_id="",
            name=name,
            roles=roles,
            certificate_identity=certificate_identity,
            disabled=disabled,
        )
        return await self._call(
            self.access.CreatePrincipal, access_pb2.CreatePrincipalRequest(principal=principal)
        )

    async def get_principal(self, principal_id: str) -> access_pb2.Principal:
        return await self._call(
            self.access.GetPrincipal, access_pb2.GetPrincipalRequest(id=principal_id), idempotent=True
        )

    def list_principals(
        self, *, organization_id: str = "", page_size: int = 0
    ) -> AsyncPager[access_pb2.Principal, access_pb2.ListPrincipalsResponse]:
        async def fetch(token: str) -> access_pb2.ListPrincipalsResponse:
            request = access_pb2.ListPrincipalsRequest(
                organization_id=organization_id, page_size=page_size, page_token=token
            )
            return await self._call(self.access.ListPrincipals, request, idempotent=True)

        return AsyncPager(fetch, lambda page: page.principals)

    async def update_principal(
        self,
        principal_id: str,
        *,
        name: str,
        roles: Sequence[RoleBinding | access_pb2.RoleBinding] = (),
        certificate_identity: str = "",
        disabled: bool = False,
    ) -> access_pb2.Principal:
        """Replace the principal's name, roles, certificate identity and disabled flag."""
        principal = build.principal(
            principal_id=principal_id,
            name=name,
            roles=roles,
            certificate_identity=certificate_identity,
            disabled=disabled,
        )
        return await self._call(
            self.access.UpdatePrincipal, access_pb2.UpdatePrincipalRequest(principal=principal)
        )

    async def create_principal_token(
        self, principal_id: str, *, description: str = "", expire_time: datetime | None = None
    ) -> access_pb2.CreatePrincipalTokenResponse:
        """Issue a bearer token (`.plaintext`, shown once; `.token` is the record)."""
        request = build.create_principal_token(principal_id, description=description, expire_time=expire_time)
        return await self._call(self.access.CreatePrincipalToken, request)

    def list_principal_tokens(
        self, principal_id: str, *, page_size: int = 0
    ) -> AsyncPager[access_pb2.PrincipalToken, access_pb2.ListPrincipalTokensResponse]:
        async def fetch(token: str) -> access_pb2.ListPrincipalTokensResponse:
            request = access_pb2.ListPrincipalTokensRequest(
                principal_id=principal_id, page_size=page_size, page_token=token
            )
            return await self._call(self.access.ListPrincipalTokens, request, idempotent=True)

        return AsyncPager(fetch, lambda page: page.tokens)

    async def revoke_principal_token(self, token_id: str) -> access_pb2.PrincipalToken:
        return await self._call(
            self.access.RevokePrincipalToken,
            access_pb2.RevokePrincipalTokenRequest(id=token_id),
            idempotent=True,
        )

    # -- Key events --------------------------------------------------------------------------------

    def list_key_events(
        self,
        *,
        organization_id: str = "",
        project_id: str = "",
        key_id: str = "",
        types: Sequence[KeyEventType] = (),
        after_sequence: int = 0,
        page_size: int = 0,
    ) -> AsyncPager[key_events_pb2.KeyEvent, key_events_pb2.ListKeyEventsResponse]:
        """Key events oldest first (sequence order) after `after_sequence`."""
        event_filter = _key_event_filter(organization_id, project_id, key_id, types)

        async def fetch(token: str) -> key_events_pb2.ListKeyEventsResponse:
            request = key_events_pb2.ListKeyEventsRequest(
                filter=event_filter, after_sequence=after_sequence, page_size=page_size, page_token=token
            )
            return await self._call(self.key_events.ListKeyEvents, request, idempotent=True)

        return AsyncPager(fetch, lambda page: page.events)

    def watch_key_events(
        self,
        *,
        organization_id: str = "",
        project_id: str = "",
        key_id: str = "",
        types: Sequence[KeyEventType] = (),
        after_sequence: int = 0,
        timeout: float | None = None,
    ) -> AsyncKeyEventStream:
        """Replay key events after `after_sequence`, then follow new ones until cancelled (or
        `timeout` seconds pass). Iterate the result; call `.cancel()` to stop."""
        request = key_events_pb2.WatchKeyEventsRequest(
            filter=_key_event_filter(organization_id, project_id, key_id, types),
            after_sequence=after_sequence,
        )
        call = self.key_events.WatchKeyEvents(request, timeout=timeout, metadata=self._metadata)
        return AsyncKeyEventStream(call)

    # -- Webhooks ----------------------------------------------------------------------------------

    async def create_webhook(
        self,
        organization_id: str,
        url: str,
        *,
        event_types: Sequence[int] = (),
        description: str = "",
    ) -> webhooks_pb2.CreateWebhookResponse:
        """A subscription to the organization's key events (`.webhook`) and its signing secret
        (`.secret`, shown only here; check deliveries with keyturn.client.webhooks).
        `event_types`: keyturn.v1 KeyEventType values; empty means every type."""
        webhook = webhooks_pb2.Webhook(
            organization_id=organization_id,
            url=url,
            event_types=list(event_types),  # type: ignore[arg-type]
            description=description,
        )
        return await self._call(
            self.webhooks.CreateWebhook, webhooks_pb2.CreateWebhookRequest(webhook=webhook)
        )

    async def get_webhook(self, webhook_id: str) -> webhooks_pb2.Webhook:
        return await self._call(
            self.webhooks.GetWebhook, webhooks_pb2.GetWebhookRequest(id=webhook_id), idempotent=True
        )

    def list_webhooks(
        self, organization_id: str, *, page_size: int = 0
    ) -> AsyncPager[webhooks_pb2.Webhook, webhooks_pb2.ListWebhooksResponse]:
        async def fetch(token: str) -> webhooks_pb2.ListWebhooksResponse:
            request = webhooks_pb2.ListWebhooksRequest(
                organization_id=organization_id, page_size=page_size, page_token=token
            )
            return await self._call(self.webhooks.ListWebhooks, request, idempotent=True)

        return AsyncPager(fetch, lambda page: page.webhooks)

    async def update_webhook(
        self,
        webhook_id: str,
        *,
        url: str | _Unset = UNSET,
        event_types: Sequence[int] | _Unset = UNSET,
        description: str | _Unset = UNSET,
        enabled: bool | _Unset = UNSET,
    ) -> webhooks_pb2.Webhook:
        """Change only the given fields (the update_mask is built from the arguments passed)."""
        webhook = webhooks_pb2.Webhook(id=webhook_id)
        paths: list[str] = []
        if not isinstance(url, _Unset):
            paths.append("url")
            webhook.url = url
        if not isinstance(event_types, _Unset):
            paths.append("event_types")
            webhook.event_types.extend(event_types)  # type: ignore[arg-type]
        if not isinstance(description, _Unset):
            paths.append("description")
            webhook.description = description
        if not isinstance(enabled, _Unset):
            paths.append("enabled")
            webhook.enabled = enabled
        request = webhooks_pb2.UpdateWebhookRequest(webhook=webhook)
        request.update_mask.paths.extend(paths)
        return await self._call(self.webhooks.UpdateWebhook, request)

    async def delete_webhook(self, webhook_id: str) -> None:
        await self._call(self.webhooks.DeleteWebhook, webhooks_pb2.DeleteWebhookRequest(id=webhook_id))

    async def rotate_webhook_secret(
        self, webhook_id: str, *, overlap: timedelta | float | None = None
    ) -> webhooks_pb2.RotateWebhookSecretResponse:
        """A new signing secret (`.secret`, shown only here); the old one keeps signing for
        `overlap` (default 24 hours)."""
        request = webhooks_pb2.RotateWebhookSecretRequest(id=webhook_id)
        if overlap is not None:
            request.overlap.CopyFrom(build.duration(overlap))
        return await self._call(self.webhooks.RotateWebhookSecret, request)

    def list_webhook_deliveries(
        self, webhook_id: str, *, state: int = 0, page_size: int = 0
    ) -> AsyncPager[webhooks_pb2.WebhookDelivery, webhooks_pb2.ListWebhookDeliveriesResponse]:
        """A subscription's deliveries, newest first; `state`: a WebhookDeliveryState value."""

        async def fetch(token: str) -> webhooks_pb2.ListWebhookDeliveriesResponse:
            request = webhooks_pb2.ListWebhookDeliveriesRequest(
                webhook_id=webhook_id,
                state=state,  # type: ignore[arg-type]
                page_size=page_size,
                page_token=token,
            )
            return await self._call(self.webhooks.ListWebhookDeliveries, request, idempotent=True)

        return AsyncPager(fetch, lambda page: page.deliveries)

    async def redeliver_webhook_delivery(self, delivery_id: str) -> webhooks_pb2.WebhookDelivery:
        return await self._call(
            self.webhooks.RedeliverWebhookDelivery,
            webhooks_pb2.RedeliverWebhookDeliveryRequest(id=delivery_id),
        )

    # ---- KeyPolicyService --------------------------------------------------------------------

    async def get_key_policy(
        self, *, organization_id: str = "", project_id: str = "", effective: bool = False
    ) -> policies_pb2.KeyPolicy:
        """The key policy an organization or a project set (exactly one of the two);
        `effective`: for a project, its organization's policy with the project's laid over it."""
        request = key_policies_pb2.GetKeyPolicyRequest(effective=effective)
        if project_id:
            request.project_id = project_id
        else:
            request.organization_id = organization_id
        return await self._call(self.key_policies.GetKeyPolicy, request, idempotent=True)

    async def update_key_policy(
        self,
        policy: policies_pb2.KeyPolicy,
        paths: Sequence[str],
        *,
        organization_id: str = "",
        project_id: str = "",
    ) -> policies_pb2.KeyPolicy:
        """Replace the fields named by `paths` (a masked field left unset inherits again)."""
        request = key_policies_pb2.UpdateKeyPolicyRequest(policy=policy)
        request.update_mask.paths.extend(paths)
        if project_id:
            request.project_id = project_id
        else:
            request.organization_id = organization_id
        return await self._call(self.key_policies.UpdateKeyPolicy, request)
