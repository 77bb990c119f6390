"""keyturn.v1.CryptoService: proto in, the use case (usecases/crypto.py), proto out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import grpc
from keyturn.v1 import crypto_pb2, crypto_pb2_grpc

from keyturn_server.domain import crypto
from keyturn_server.domain.errors import InvalidArgument
from keyturn_server.usecases.crypto import StatelessCrypto

K = TypeVar("K", bound=int)
E = TypeVar("E")

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
    def __init__(self, crypto_ops: StatelessCrypto) -> None:
        self.crypto = crypto_ops

    async def GenerateKey(
        self, request: crypto_pb2.GenerateKeyRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> crypto_pb2.GenerateKeyResponse:
        token = await self.crypto.generate_token(
            _from_proto(_TOKEN_TYPES, request.type, "type"), request.length, request.prefix
        )
        return crypto_pb2.GenerateKeyResponse(
            key=token.key,
            type=_to_proto(_TOKEN_TYPES, token.type, crypto_pb2.TOKEN_TYPE_UNSPECIFIED),
            entropy_bits=token.entropy_bits,
        )

    async def GenerateKeyPair(
        self, request: crypto_pb2.GenerateKeyPairRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> crypto_pb2.GenerateKeyPairResponse:
        pair = await self.crypto.generate_key_pair(
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

    async def Encrypt(
        self, request: crypto_pb2.EncryptRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> crypto_pb2.EncryptResponse:
        sealed = await self.crypto.encrypt(
            request.plaintext,
            key=request.key,
            password=request.password,
            associated_data=request.associated_data,
            iterations=request.iterations,
        )
        return crypto_pb2.EncryptResponse(
            ciphertext=sealed.ciphertext,
            iv=sealed.iv,
            tag=sealed.tag,
            salt=sealed.salt,
            algorithm=sealed.algorithm,
            kdf=sealed.kdf,
            iterations=sealed.iterations,
        )

    async def Decrypt(
        self, request: crypto_pb2.DecryptRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> crypto_pb2.DecryptResponse:
        plaintext = await self.crypto.decrypt(
            request.ciphertext,
            iv=request.iv,
            tag=request.tag,
            key=request.key,
            password=request.password,
            salt=request.salt,
            iterations=request.iterations,
            associated_data=request.associated_data,
        )
        return crypto_pb2.DecryptResponse(plaintext=plaintext, algorithm=crypto.ALGORITHM)
