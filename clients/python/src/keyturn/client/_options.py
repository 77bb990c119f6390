"""Connection options shared by Client and AsyncClient: target, credentials, retries."""

from __future__ import annotations

import os
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import grpc

__all__ = ["DEFAULT_TARGET", "RetryPolicy"]

DEFAULT_TARGET = "127.0.0.1:50051"
USER_AGENT = "keyturn-client-python/0.1.0"

# Reconnect quickly after a refused connection: a client usually talks to a nearby Keyturn
# that is restarting, and gRPC's default first reconnect backoff is a whole second.
_CHANNEL_OPTIONS: tuple[tuple[str, int | str], ...] = (
    ("grpc.initial_reconnect_backoff_ms", 100),
    ("grpc.min_reconnect_backoff_ms", 100),
    ("grpc.max_reconnect_backoff_ms", 2000),
    ("grpc.primary_user_agent", USER_AGENT),
    # The server accepts Encrypt payloads up to 4 MiB by default; its answers carry a little
    # more than the payload, past gRPC's default 4 MiB receive limit.
    ("grpc.max_receive_message_length", 64 * 1024 * 1024),
    ("grpc.max_send_message_length", 64 * 1024 * 1024),
)


@dataclass(frozen=True)
class RetryPolicy:
    """Retries with exponential backoff and jitter.

    Every call is retried on UNAVAILABLE (the request did not reach a server that could
    answer it); idempotent calls (gets, lists, get_or_create_*, verification, reports, crypto)
    are also retried on DEADLINE_EXCEEDED. Nothing else is retried.
    """

    max_attempts: int = 5
    initial_backoff: float = 0.1
    max_backoff: float = 3.0
    multiplier: float = 2.0

    def should_retry(self, code: grpc.StatusCode | None, attempt: int, *, idempotent: bool) -> bool:
        """Whether to try again after `attempt` failed attempts (1-based) ended with `code`."""
        if attempt >= self.max_attempts:
            return False
        if code == grpc.StatusCode.UNAVAILABLE:
            return True
        return idempotent and code == grpc.StatusCode.DEADLINE_EXCEEDED

    def backoff(self, attempt: int) -> float:
        """Seconds to wait after the `attempt`-th failure: half fixed, half random ("equal jitter")."""
        ceiling = min(self.max_backoff, self.initial_backoff * self.multiplier ** max(0, attempt - 1))
        return ceiling / 2 + random.uniform(0, ceiling / 2)


NO_RETRY = RetryPolicy(max_attempts=1)


def _read(value: bytes | str | Path | None) -> bytes | None:
    """PEM given as bytes, as PEM text, or as a path to a file."""
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, str) and value.lstrip().startswith("-----BEGIN"):
        return value.encode()
    return Path(value).read_bytes()


@dataclass(frozen=True)
class ConnectionConfig:
    """Everything needed to open a channel and authenticate calls on it."""

    target: str
    token: str | None
    tls: bool
    root_certificates: bytes | None
    client_certificate: bytes | None
    client_key: bytes | None
    server_name: str | None
    options: tuple[tuple[str, int | str], ...]
    metadata: tuple[tuple[str, str], ...]

    @classmethod
    def build(
        cls,
        target: str | None,
        *,
        token: str | None,
        tls: bool | None,
        root_certificates: bytes | str | Path | None,
        client_certificate: bytes | str | Path | None,
        client_key: bytes | str | Path | None,
        server_name: str | None,
        options: Sequence[tuple[str, int | str]],
        metadata: Sequence[tuple[str, str]],
    ) -> ConnectionConfig:
        if (client_certificate is None) != (client_key is None):
            raise ValueError("mTLS needs both client_certificate and client_key")
        roots = _read(root_certificates)
        chain = _read(client_certificate)
        key = _read(client_key)
        use_tls = tls if tls is not None else any(v is not None for v in (roots, chain))
        if not use_tls and (roots is not None or chain is not None):
            raise ValueError("certificates were given but tls=False")
        channel_options = list(_CHANNEL_OPTIONS)
        if server_name:
            channel_options.append(("grpc.ssl_target_name_override", server_name))
        channel_options.extend(options)
        resolved_token = token if token is not None else os.environ.get("KEYTURN_TOKEN") or None
        return cls(
            target=target or os.environ.get("KEYTURN_ADDR") or DEFAULT_TARGET,
            token=resolved_token,
            tls=use_tls,
            root_certificates=roots,
            client_certificate=chain,
            client_key=key,
            server_name=server_name,
            options=tuple(channel_options),
            metadata=tuple(metadata),
        )

    def channel_credentials(self) -> grpc.ChannelCredentials:
        """TLS (optionally mTLS) credentials; with a token, composed with bearer call credentials."""
        ssl = grpc.ssl_channel_credentials(
            root_certificates=self.root_certificates,
            private_key=self.client_key,
            certificate_chain=self.client_certificate,
        )
        if self.token:
            # Sends `authorization: Bearer <token>` on every call over this channel.
            return grpc.composite_channel_credentials(ssl, grpc.access_token_call_credentials(self.token))
        return ssl

    def call_metadata(self) -> tuple[tuple[str, str], ...]:
        """Metadata sent with every call. Over an insecure channel the token travels here,
        since gRPC refuses call credentials on channels without transport security."""
        if self.token and not self.tls:
            return (("authorization", f"Bearer {self.token}"), *self.metadata)
        return self.metadata
