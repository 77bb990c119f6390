"""keyturn.v1.CryptoService: proto in, one use-case call, proto out.

The stateless RPCs (GenerateKey, GenerateKeyPair, Encrypt, Decrypt) call usecases/crypto.py;
the managed-key RPCs call usecases/crypto_keys.py through the decoding and rendering in
api/crypto_keys_convert.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import grpc
from keyturn.v1 import crypto_keys_pb2 as ck
from keyturn.v1 import crypto_pb2, crypto_pb2_grpc

from keyturn_server.api import crypto_keys_convert as conv
from keyturn_server.domain import crypto
from keyturn_server.domain.errors import InvalidArgument
from keyturn_server.usecases import utcnow
from keyturn_server.usecases.crypto import StatelessCrypto
from keyturn_server.usecases.crypto_keys import CryptoKeys

Context = grpc.aio.ServicerContext[Any, Any]

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
    def __init__(self, crypto_ops: StatelessCrypto, crypto_keys: CryptoKeys) -> None:
        self.crypto = crypto_ops
        self.keys = crypto_keys

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

    # --- managed keys ---------------------------------------------------------------------

    async def CreateCryptoKey(self, request: ck.CreateCryptoKeyRequest, context: Context) -> ck.CryptoKey:
        row = await self.keys.create_key(conv.new_key(request, utcnow()))
        return conv.key_to_proto(row)

    async def GetCryptoKey(self, request: ck.GetCryptoKeyRequest, context: Context) -> ck.CryptoKey:
        return conv.key_to_proto(await self.keys.get_key(conv.key_id("id", request.id)))

    async def ListCryptoKeys(
        self, request: ck.ListCryptoKeysRequest, context: Context
    ) -> ck.ListCryptoKeysResponse:
        organization_id, project_id, size = conv.key_listing(request)
        page = await self.keys.list_keys(organization_id, project_id, size, request.page_token)
        return ck.ListCryptoKeysResponse(
            crypto_keys=[conv.key_to_proto(row) for row in page.items], next_page_token=page.next_page_token
        )

    async def UpdateCryptoKey(self, request: ck.UpdateCryptoKeyRequest, context: Context) -> ck.CryptoKey:
        row = await self.keys.update_key(conv.key_update(request, utcnow()))
        return conv.key_to_proto(row)

    async def RotateCryptoKey(
        self, request: ck.RotateCryptoKeyRequest, context: Context
    ) -> ck.RotateCryptoKeyResponse:
        result = await self.keys.rotate_key(conv.key_id("id", request.id))
        return ck.RotateCryptoKeyResponse(
            crypto_key=conv.key_to_proto(result.key), version=conv.version_to_proto(result.version)
        )

    async def ListCryptoKeyVersions(
        self, request: ck.ListCryptoKeyVersionsRequest, context: Context
    ) -> ck.ListCryptoKeyVersionsResponse:
        key_id = conv.key_id("crypto_key_id", request.crypto_key_id)
        size = conv.page_size(request.page_size)
        page = await self.keys.list_versions(key_id, size, request.page_token)
        return ck.ListCryptoKeyVersionsResponse(
            versions=[conv.version_to_proto(v) for v in page.items], next_page_token=page.next_page_token
        )

    async def GetCryptoKeyVersion(
        self, request: ck.GetCryptoKeyVersionRequest, context: Context
    ) -> ck.CryptoKeyVersion:
        key_id, number = conv.version_ref(request.crypto_key_id, request.number)
        return conv.version_to_proto(await self.keys.get_version(key_id, number))

    async def DisableCryptoKeyVersion(
        self, request: ck.DisableCryptoKeyVersionRequest, context: Context
    ) -> ck.CryptoKeyVersion:
        key_id, number = conv.version_ref(request.crypto_key_id, request.number)
        return conv.version_to_proto(await self.keys.disable_version(key_id, number))

    async def EnableCryptoKeyVersion(
        self, request: ck.EnableCryptoKeyVersionRequest, context: Context
    ) -> ck.CryptoKeyVersion:
        key_id, number = conv.version_ref(request.crypto_key_id, request.number)
        return conv.version_to_proto(await self.keys.enable_version(key_id, number))

    async def DestroyCryptoKeyVersion(
        self, request: ck.DestroyCryptoKeyVersionRequest, context: Context
    ) -> ck.CryptoKeyVersion:
        key_id, number = conv.version_ref(request.crypto_key_id, request.number)
        return conv.version_to_proto(await self.keys.destroy_version(key_id, number))

    async def RestoreCryptoKeyVersion(
        self, request: ck.RestoreCryptoKeyVersionRequest, context: Context
    ) -> ck.CryptoKeyVersion:
        key_id, number = conv.version_ref(request.crypto_key_id, request.number)
        return conv.version_to_proto(await self.keys.restore_version(key_id, number))

    async def EncryptWithKey(
        self, request: ck.EncryptWithKeyRequest, context: Context
    ) -> ck.EncryptWithKeyResponse:
        return conv.encrypted_to_proto(await self.keys.encrypt(conv.encrypt_command(request)))

    async def DecryptWithKey(
        self, request: ck.DecryptWithKeyRequest, context: Context
    ) -> ck.DecryptWithKeyResponse:
        return conv.decrypted_to_proto(await self.keys.decrypt(conv.decrypt_command(request)))

    async def ReEncrypt(self, request: ck.ReEncryptRequest, context: Context) -> ck.ReEncryptResponse:
        destination = conv.optional_key_id("destination_crypto_key_id", request.destination_crypto_key_id)
        done = await self.keys.re_encrypt(
            conv.required_bytes("ciphertext", request.ciphertext),
            request.associated_data,
            destination,
            conv.crc(request, "ciphertext_crc32c"),
        )
        return ck.ReEncryptResponse(
            ciphertext=done.ciphertext,
            crypto_key_id=done.crypto_key_id,
            version=done.version,
            source_crypto_key_id=done.source_crypto_key_id,
            source_version=done.source_version,
            ciphertext_crc32c=conv.crc_of(done.ciphertext),
            verified_ciphertext_crc32c=done.verified_ciphertext_crc32c,
        )

    async def GenerateDataKey(
        self, request: ck.GenerateDataKeyRequest, context: Context
    ) -> ck.GenerateDataKeyResponse:
        key_id = conv.key_id("crypto_key_id", request.crypto_key_id)
        data_key = await self.keys.generate_data_key(key_id, request.associated_data, request.wrapped_only)
        response = ck.GenerateDataKeyResponse(
            plaintext=data_key.plaintext,
            wrapped_key=data_key.wrapped_key,
            crypto_key_id=data_key.crypto_key_id,
            version=data_key.version,
            wrapped_key_crc32c=conv.crc_of(data_key.wrapped_key),
        )
        if data_key.plaintext:
            response.plaintext_crc32c.CopyFrom(conv.crc_of(data_key.plaintext))
        return response

    async def Sign(self, request: ck.SignRequest, context: Context) -> ck.SignResponse:
        key_id, number = conv.key_and_optional_version(request.crypto_key_id, request.version)
        signed = await self.keys.sign(
            key_id, number, conv.required_bytes("data", request.data), conv.crc(request, "data_crc32c")
        )
        return ck.SignResponse(
            signature=signed.signature,
            crypto_key_id=signed.crypto_key_id,
            version=signed.version,
            signature_crc32c=conv.crc_of(signed.signature),
            verified_data_crc32c=signed.verified_data_crc32c,
        )

    async def Verify(self, request: ck.VerifyRequest, context: Context) -> ck.VerifyResponse:
        key_id, number = conv.key_and_optional_version(request.crypto_key_id, request.version)
        result = await self.keys.verify(
            key_id,
            number,
            conv.required_bytes("data", request.data),
            conv.required_bytes("signature", request.signature),
            conv.crc(request, "data_crc32c"),
            conv.crc(request, "signature_crc32c"),
        )
        return ck.VerifyResponse(
            valid=result.valid,
            crypto_key_id=result.crypto_key_id,
            version=result.version,
            verified_data_crc32c=result.verified_data_crc32c,
            verified_signature_crc32c=result.verified_signature_crc32c,
        )

    async def GetPublicKey(self, request: ck.GetPublicKeyRequest, context: Context) -> ck.PublicKey:
        key_id, number = conv.key_and_optional_version(request.crypto_key_id, request.version)
        view = await self.keys.public_key(key_id, number)
        return ck.PublicKey(
            pem=view.pem,
            algorithm=conv.algorithm_to_proto(view.algorithm),
            crypto_key_id=view.crypto_key_id,
            version=view.version,
            pem_crc32c=conv.crc_of(view.pem.encode()),
        )

    async def Mac(self, request: ck.MacRequest, context: Context) -> ck.MacResponse:
        key_id, number = conv.key_and_optional_version(request.crypto_key_id, request.version)
        result = await self.keys.mac(
            key_id, number, conv.required_bytes("data", request.data), conv.crc(request, "data_crc32c")
        )
        return ck.MacResponse(
            mac=result.mac,
            crypto_key_id=result.crypto_key_id,
            version=result.version,
            mac_crc32c=conv.crc_of(result.mac),
            verified_data_crc32c=result.verified_data_crc32c,
        )

    async def VerifyMac(self, request: ck.VerifyMacRequest, context: Context) -> ck.VerifyMacResponse:
        key_id, number = conv.key_and_optional_version(request.crypto_key_id, request.version)
        result = await self.keys.verify_mac(
            key_id,
            number,
            conv.required_bytes("data", request.data),
            conv.required_bytes("mac", request.mac),
            conv.crc(request, "data_crc32c"),
            conv.crc(request, "mac_crc32c"),
        )
        return ck.VerifyMacResponse(
            valid=result.valid,
            crypto_key_id=result.crypto_key_id,
            version=result.version,
            verified_data_crc32c=result.verified_data_crc32c,
            verified_mac_crc32c=result.verified_signature_crc32c,
        )

    async def BatchEncrypt(
        self, request: ck.BatchEncryptRequest, context: Context
    ) -> ck.BatchEncryptResponse:
        conv.batch_size(len(request.requests))
        items = [conv.attempt(lambda r=r: conv.encrypt_command(r)) for r in request.requests]  # type: ignore[misc]
        results = await self.keys.batch_encrypt(items)
        return ck.BatchEncryptResponse(
            results=[
                ck.BatchEncryptResult(status=conv.item_status(r))
                if isinstance(r, Exception)
                else ck.BatchEncryptResult(status=conv.OK, response=conv.encrypted_to_proto(r))
                for r in results
            ]
        )

    async def BatchDecrypt(
        self, request: ck.BatchDecryptRequest, context: Context
    ) -> ck.BatchDecryptResponse:
        conv.batch_size(len(request.requests))
        items = [conv.attempt(lambda r=r: conv.decrypt_command(r)) for r in request.requests]  # type: ignore[misc]
        results = await self.keys.batch_decrypt(items)
        return ck.BatchDecryptResponse(
            results=[
                ck.BatchDecryptResult(status=conv.item_status(r))
                if isinstance(r, Exception)
                else ck.BatchDecryptResult(status=conv.OK, response=conv.decrypted_to_proto(r))
                for r in results
            ]
        )

    async def CreateImportJob(self, request: ck.CreateImportJobRequest, context: Context) -> ck.ImportJob:
        organization_id, method = conv.new_import_job(request)
        job = await self.keys.create_import_job(organization_id, method)
        return conv.import_job_to_proto(job, utcnow())

    async def GetImportJob(self, request: ck.GetImportJobRequest, context: Context) -> ck.ImportJob:
        job = await self.keys.get_import_job(conv.key_id("id", request.id))
        return conv.import_job_to_proto(job, utcnow())

    async def ImportCryptoKeyVersion(
        self, request: ck.ImportCryptoKeyVersionRequest, context: Context
    ) -> ck.CryptoKeyVersion:
        key_id, job_id, wrapped = conv.import_request(request)
        return conv.version_to_proto(await self.keys.import_version(key_id, job_id, wrapped))
