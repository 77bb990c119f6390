"""keyturn.v1.CryptoService: proto in, domain/crypto.py, proto out.

CPU-heavy work (PBKDF2, RSA key generation, large payloads) runs on a small thread pool of
this service's own, so a slow RSA-4096 call neither stalls the event loop nor starves the
default executor other components use; `cryptography` releases the GIL while it computes.
Every call, successful or not, is offered to the access log without any payload, key or
password: only the action, the outcome and the error reason.
"""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Awaitable, Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

import grpc
from keyturn.v1 import crypto_pb2, crypto_pb2_grpc

from keyturn_server.domain import crypto
from keyturn_server.domain.audit import FAILURE, SUCCESS, AuditRecord
from keyturn_server.domain.errors import DomainError, InvalidArgument

if TYPE_CHECKING:
    from keyturn_server.app import Runtime

T = TypeVar("T")
K = TypeVar("K", bound=int)
E = TypeVar("E")

# Payloads up to this size are sealed on the event loop: a thread hop costs more than AES-GCM.
INLINE_PAYLOAD_BYTES = 64 * 1024

_TOKEN_TYPES: dict[crypto_pb2.TokenType.ValueType, crypto.TokenType] = {
    crypto_pb2.TOKEN_TYPE_API_KEY: crypto.TokenType.API_KEY,
    crypto_pb2.TOKEN_TYPE_UUID_V4: crypto.TokenType.UUID_V4,
    crypto_pb2.TOKEN_TYPE_NANOID: crypto.TokenType.NANOID,
    crypto_pb2.TOKEN_TYPE_SECRET: crypto.TokenType.SECRET,
}
_ALGORITHMS: dict[crypto_pb2.KeyPairAlgorithm.ValueType, crypto.KeyPairAlgorithm] = {
    crypto_pb2.KEY_PAIR_ALGORITHM_RSA: crypto.KeyPairAlgorithm.RSA,
    crypto_pb2.KEY_PAIR_ALGORITHM_EC: crypto.KeyPairAlgorithm.EC,
    crypto_pb2.KEY_PAIR_ALGORITHM_ED25519: crypto.KeyPairAlgorithm.ED25519,
}
_CURVES: dict[crypto_pb2.EllipticCurve.ValueType, crypto.Curve] = {
    crypto_pb2.ELLIPTIC_CURVE_P256: crypto.Curve.P256,
    crypto_pb2.ELLIPTIC_CURVE_P384: crypto.Curve.P384,
    crypto_pb2.ELLIPTIC_CURVE_P521: crypto.Curve.P521,
}


def _from_proto(table: Mapping[K, E], value: K, field: str) -> E | None:
    """A proto enum value as a domain value; None for UNSPECIFIED (0), "not given"."""
    if value == 0:
        return None
    try:
        return table[value]
    except KeyError:
        raise InvalidArgument.field(field, f"unknown value {value}") from None


def _to_proto(table: Mapping[K, E], value: E | None, unspecified: K) -> K:
    if value is None:
        return unspecified
    return next(number for number, known in table.items() if known == value)


class CryptoServicer(crypto_pb2_grpc.CryptoServiceServicer):
    def __init__(self, runtime: Runtime, executor: ThreadPoolExecutor) -> None:
        self._runtime = runtime
        self._executor = executor

    async def GenerateKey(
        self, request: crypto_pb2.GenerateKeyRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> crypto_pb2.GenerateKeyResponse:
        async def run() -> crypto_pb2.GenerateKeyResponse:
            token = crypto.generate_token(
                _from_proto(_TOKEN_TYPES, request.type, "type"), request.length, request.prefix
            )
            return crypto_pb2.GenerateKeyResponse(
                key=token.key,
                type=_to_proto(_TOKEN_TYPES, token.type, crypto_pb2.TOKEN_TYPE_UNSPECIFIED),
                entropy_bits=token.entropy_bits,
            )

        return await self._audited("crypto.generate_key", run)

    async def GenerateKeyPair(
        self, request: crypto_pb2.GenerateKeyPairRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> crypto_pb2.GenerateKeyPairResponse:
        async def run() -> crypto_pb2.GenerateKeyPairResponse:
            pair = await self._off_loop(
                crypto.generate_key_pair,
                _from_proto(_ALGORITHMS, request.algorithm, "algorithm"),
                request.key_size,
                _from_proto(_CURVES, request.curve, "curve"),
                request.passphrase,
            )
            return crypto_pb2.GenerateKeyPairResponse(
                public_key=pair.public_key_pem,
                private_key=pair.private_key_pem,
                algorithm=_to_proto(_ALGORITHMS, pair.algorithm, crypto_pb2.KEY_PAIR_ALGORITHM_UNSPECIFIED),
                key_size=pair.key_size,
                curve=_to_proto(_CURVES, pair.curve, crypto_pb2.ELLIPTIC_CURVE_UNSPECIFIED),
                private_key_encrypted=pair.private_key_encrypted,
            )

        return await self._audited("crypto.generate_key_pair", run)

    async def Encrypt(
        self, request: crypto_pb2.EncryptRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> crypto_pb2.EncryptResponse:
        async def run() -> crypto_pb2.EncryptResponse:
            seal = functools.partial(
                crypto.encrypt,
                request.plaintext,
                key=request.key,
                password=request.password,
                associated_data=request.associated_data,
                iterations=request.iterations,
                max_payload_bytes=self._runtime.settings.max_payload_bytes,
            )
            heavy = bool(request.password) or len(request.plaintext) > INLINE_PAYLOAD_BYTES
            sealed = await self._run(seal, heavy)
            return crypto_pb2.EncryptResponse(
                ciphertext=sealed.ciphertext,
                iv=sealed.iv,
                tag=sealed.tag,
                salt=sealed.salt,
                algorithm=sealed.algorithm,
                kdf=sealed.kdf,
                iterations=sealed.iterations,
            )

        return await self._audited("crypto.encrypt", run)

    async def Decrypt(
        self, request: crypto_pb2.DecryptRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> crypto_pb2.DecryptResponse:
        async def run() -> crypto_pb2.DecryptResponse:
            open_ = functools.partial(
                crypto.decrypt,
                request.ciphertext,
                iv=request.iv,
                tag=request.tag,
                key=request.key,
                password=request.password,
                salt=request.salt,
                iterations=request.iterations,
                associated_data=request.associated_data,
                max_payload_bytes=self._runtime.settings.max_payload_bytes,
            )
            heavy = bool(request.password) or len(request.ciphertext) > INLINE_PAYLOAD_BYTES
            plaintext = await self._run(open_, heavy)
            return crypto_pb2.DecryptResponse(plaintext=plaintext, algorithm=crypto.ALGORITHM)

        return await self._audited("crypto.decrypt", run)

    async def _off_loop(self, func: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, func, *args)

    async def _run(self, func: Callable[[], T], heavy: bool) -> T:
        """Slow work (PBKDF2, large payloads) on the pool; small AES-GCM calls inline."""
        return await self._off_loop(func) if heavy else func()

    async def _audited(self, action: str, run: Callable[[], Awaitable[T]]) -> T:
        """Run one RPC body and offer its outcome to the access log (never its data)."""
        try:
            result = await run()
        except DomainError as err:
            await self._audit(action, FAILURE, err.reason)
            raise
        except Exception:
            await self._audit(action, FAILURE, "INTERNAL")
            raise
        await self._audit(action, SUCCESS)
        return result

    async def _audit(self, action: str, outcome: str, reason: str = "") -> None:
        access_log = self._runtime.access_log  # read per call: wired after registration
        if access_log is not None:
            await access_log.submit(AuditRecord(action=action, outcome=outcome, reason=reason))


def register(server: grpc.aio.Server, runtime: Runtime) -> None:
    executor = ThreadPoolExecutor(
        max_workers=max(4, os.cpu_count() or 1), thread_name_prefix="keyturn-crypto"
    )

    async def shutdown() -> None:
        executor.shutdown(wait=False, cancel_futures=True)

    runtime.on_stop.append(shutdown)
    # The managed-key RPCs are in the contract but not yet served: the generated base class
    # answers UNIMPLEMENTED for them, which mypy sees as abstract methods.
    servicer = CryptoServicer(runtime, executor)  # type: ignore[abstract]
    crypto_pb2_grpc.add_CryptoServiceServicer_to_server(servicer, server)
