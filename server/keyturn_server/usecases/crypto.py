"""CryptoService's stateless operations: tokens, key pairs, AES-256-GCM with a key or a password.

CPU-heavy work (PBKDF2, RSA key generation, large payloads) runs on a small thread pool of
this use case's own, so a slow RSA-4096 call neither stalls the event loop nor starves the
default executor other components use; `cryptography` releases the GIL while it computes.
Every call, successful or not, is offered to the access log without any payload, key or
password: only the action, the outcome and the error reason.
"""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from keyturn_server.domain import crypto
from keyturn_server.domain.audit import FAILURE, SUCCESS, AuditRecord
from keyturn_server.domain.errors import DomainError
from keyturn_server.domain.ports import AccessLog

T = TypeVar("T")

# Payloads up to this size are sealed on the event loop: a thread hop costs more than AES-GCM.
INLINE_PAYLOAD_BYTES = 64 * 1024


class StatelessCrypto:
    def __init__(self, access_log: AccessLog, max_payload_bytes: int) -> None:
        self.access_log = access_log
        self.max_payload_bytes = max_payload_bytes
        self.executor = ThreadPoolExecutor(
            max_workers=max(4, os.cpu_count() or 1), thread_name_prefix="keyturn-crypto"
        )

    async def stop(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)

    async def generate_token(self, type: crypto.TokenType | None, length: int, prefix: str) -> crypto.Token:
        async def run() -> crypto.Token:
            return crypto.generate_token(type, length, prefix)

        return await self._audited("crypto.generate_key", run)

    async def generate_key_pair(
        self,
        algorithm: crypto.KeyPairAlgorithm | None,
        key_size: int,
        curve: crypto.Curve | None,
        passphrase: str,
    ) -> crypto.KeyPair:
        async def run() -> crypto.KeyPair:
            return await self._off_loop(crypto.generate_key_pair, algorithm, key_size, curve, passphrase)

        return await self._audited("crypto.generate_key_pair", run)

    async def encrypt(
        self, plaintext: bytes, *, key: str, password: str, associated_data: bytes, iterations: int
    ) -> crypto.Sealed:
        seal = functools.partial(
            crypto.encrypt,
            plaintext,
            key=key,
            password=password,
            associated_data=associated_data,
            iterations=iterations,
            max_payload_bytes=self.max_payload_bytes,
        )
        heavy = bool(password) or len(plaintext) > INLINE_PAYLOAD_BYTES
        return await self._audited("crypto.encrypt", lambda: self._run(seal, heavy))

    async def decrypt(
        self,
        ciphertext: bytes,
        *,
        iv: bytes,
        tag: bytes,
        key: str,
        password: str,
        salt: bytes,
        iterations: int,
        associated_data: bytes,
    ) -> bytes:
        open_ = functools.partial(
            crypto.decrypt,
            ciphertext,
            iv=iv,
            tag=tag,
            key=key,
            password=password,
            salt=salt,
            iterations=iterations,
            associated_data=associated_data,
            max_payload_bytes=self.max_payload_bytes,
        )
        heavy = bool(password) or len(ciphertext) > INLINE_PAYLOAD_BYTES
        return await self._audited("crypto.decrypt", lambda: self._run(open_, heavy))

    async def _off_loop(self, func: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.executor, func, *args)

    async def _run(self, func: Callable[[], T], heavy: bool) -> T:
        """Slow work (PBKDF2, large payloads) on the pool; small AES-GCM calls inline."""
        return await self._off_loop(func) if heavy else func()

    async def _audited(self, action: str, run: Callable[[], Awaitable[T]]) -> T:
        """Run one call and offer its outcome to the access log (never its data)."""
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
        await self.access_log.submit(AuditRecord(action=action, outcome=outcome, reason=reason))
