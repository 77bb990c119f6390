"""`KeyValidator`: many concurrent validations multiplexed over ONE KeyService.ValidateKeys stream.

    keyturn = AsyncClient("keyturn:50051", token="kta_...")
    validator = KeyValidator(keyturn)
    response = await validator.validate(key, required_scopes=["orders:read"])
    ...
    await validator.close()

`validate()` takes the arguments of `AsyncClient.validate_key`, answers the same
`ValidateKeyResponse` and raises the same exceptions (InvalidKeyError, QuotaError, ...), built
from the google.rpc.Status the server put in the answer. Any number of coroutines may call it
at once: each request gets a request_id, goes onto the one stream, and its answer (which may
come back out of order) resolves its caller. The server validates a stream's requests
concurrently, with the same audit, rate limits and usage as ValidateKey, and authenticates the
stream once: for high-volume callers this costs far less per validation than one unary call
each (bench/validate_stream.py).

The stream is opened on first use. When it breaks (the server restarts, the network drops),
validations in flight fail with UnavailableError and are retried under the client's retry
policy on a new stream, as a unary ValidateKey would be; a validation that got no answer
within the client's timeout raises DeadlineExceededError.

Async only: a blocking client gains nothing from multiplexing (each thread waits for its own
answer anyway), so sync.py has no counterpart and scripts/generate_sync_client.py never sees
this module.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import AsyncIterator, Sequence
from types import TracebackType
from typing import Any

import grpc

from keyturn.client import _requests as build
from keyturn.client.aio import AsyncClient
from keyturn.client.errors import (
    APIKeyError,
    DeadlineExceededError,
    UnavailableError,
    from_rpc_error,
    from_status,
)
from keyturn.v1 import keys_pb2

__all__ = ["KeyValidator"]


class _Stream:
    """One open ValidateKeys call: a queue feeding its requests, futures awaiting answers."""

    def __init__(self, client: AsyncClient) -> None:
        self.outgoing: asyncio.Queue[keys_pb2.ValidateKeysRequest | None] = asyncio.Queue()
        self.pending: dict[str, asyncio.Future[keys_pb2.ValidateKeysResponse]] = {}
        self.broken: APIKeyError | None = None
        self.call: Any = client.keys.ValidateKeys(self._requests(), metadata=client._metadata)
        self.reader = asyncio.ensure_future(self._read())

    async def _requests(self) -> AsyncIterator[keys_pb2.ValidateKeysRequest]:
        while (request := await self.outgoing.get()) is not None:
            yield request

    async def _read(self) -> None:
        error: APIKeyError
        try:
            async for answer in self.call:
                future = self.pending.pop(answer.request_id, None)
                if future is not None and not future.done():
                    future.set_result(answer)
            error = UnavailableError("the validation stream ended", code=grpc.StatusCode.UNAVAILABLE)
        except grpc.RpcError as rpc_error:
            error = from_rpc_error(rpc_error)
        except asyncio.CancelledError:
            error = UnavailableError("the validation stream was closed", code=grpc.StatusCode.CANCELLED)
        self.broken = error
        pending, self.pending = self.pending, {}
        for future in pending.values():
            if not future.done():
                future.set_exception(error)

    async def close(self) -> None:
        self.outgoing.put_nowait(None)  # half-close: the server answers what it has, then ends
        try:
            await asyncio.wait_for(asyncio.shield(self.reader), 5.0)
        except TimeoutError:
            self.call.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.reader


def _expire(future: asyncio.Future[keys_pb2.ValidateKeysResponse]) -> None:
    if not future.done():
        future.set_exception(
            DeadlineExceededError(
                "no answer on the validation stream within the timeout",
                code=grpc.StatusCode.DEADLINE_EXCEEDED,
            )
        )


class KeyValidator:
    """Concurrent `validate()` calls over one ValidateKeys stream (see the module docstring).

    Args:
        client: the AsyncClient whose channel, token, timeout and retry policy are used.
    """

    def __init__(self, client: AsyncClient) -> None:
        self._client = client
        self._stream: _Stream | None = None
        self._ids = itertools.count(1)

    def _open(self) -> _Stream:
        stream = self._stream
        if stream is None or stream.broken is not None:
            stream = self._stream = _Stream(self._client)
        return stream

    async def validate(
        self,
        key: str,
        *,
        product_id: str = "",
        required_scopes: Sequence[str] = (),
        client_ip: str = "",
        skip_rate_limit: bool = False,
        skip_usage: bool = False,
    ) -> keys_pb2.ValidateKeyResponse:
        """What `AsyncClient.validate_key` answers and raises, over the shared stream."""
        request = build.validate_key(
            key,
            product_id=product_id,
            required_scopes=required_scopes,
            client_ip=client_ip,
            skip_rate_limit=skip_rate_limit,
            skip_usage=skip_usage,
        )
        attempt = 0
        while True:
            attempt += 1
            try:
                answer = await self._exchange(request)
            except APIKeyError as error:
                if not self._client.retry.should_retry(error.code, attempt, idempotent=False):
                    raise
                await asyncio.sleep(self._client.retry.backoff(attempt))
                continue
            if answer.WhichOneof("result") == "validation":
                return answer.validation
            raise from_status(answer.error)

    async def _exchange(self, request: keys_pb2.ValidateKeyRequest) -> keys_pb2.ValidateKeysResponse:
        stream = self._open()
        request_id = str(next(self._ids))
        loop = asyncio.get_running_loop()
        future: asyncio.Future[keys_pb2.ValidateKeysResponse] = loop.create_future()
        stream.pending[request_id] = future
        stream.outgoing.put_nowait(keys_pb2.ValidateKeysRequest(request_id=request_id, validation=request))
        # A timer instead of asyncio.wait_for: no extra waiter per validation on the hot path.
        timer = (
            None if self._client.timeout is None else loop.call_later(self._client.timeout, _expire, future)
        )
        try:
            return await future
        finally:
            if timer is not None:
                timer.cancel()
            stream.pending.pop(request_id, None)

    async def close(self) -> None:
        """Half-close the stream (answers in flight still arrive) and end it."""
        stream, self._stream = self._stream, None
        if stream is not None:
            await stream.close()

    async def __aenter__(self) -> KeyValidator:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
