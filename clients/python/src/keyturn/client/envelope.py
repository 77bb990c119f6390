"""Envelope encryption with a Keyturn managed key (the AWS Encryption SDK / Tink pattern).

A large payload never travels to Keyturn: `encrypt_envelope` asks GenerateDataKey for a fresh
256-bit data key, encrypts the payload locally with AES-256-GCM, forgets the data key and keeps
only its wrapped form inside the envelope. `decrypt_envelope` unwraps the data key with
DecryptWithKey (one small call) and decrypts locally.

    from keyturn.client import Client
    from keyturn.client.envelope import decrypt_envelope, encrypt_envelope

    with Client() as keyturn:
        blob = encrypt_envelope(keyturn, key_id, big_bytes, associated_data=b"invoice-42")
        assert decrypt_envelope(keyturn, blob, associated_data=b"invoice-42") == big_bytes

Envelope format (version 1): `b"KTE1" | len(wrapped key) (4 bytes, big-endian) | wrapped key |
nonce (12) | ciphertext + tag`. The whole header is authenticated with the payload, and the
caller's associated data binds both the wrapped key (on the server) and the payload.

`wrap_for_import` prepares material for ImportCryptoKeyVersion (bring your own key).

Needs the `cryptography` package: `pip install keyturn-client[envelope]`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

try:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives import hashes, keywrap, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
except ImportError as exc:  # pragma: no cover - exercised by the install test
    raise ImportError(
        "keyturn.client.envelope needs cryptography: pip install keyturn-client[envelope]"
    ) from exc

from keyturn.client.errors import DecryptionError
from keyturn.client.types import ImportMethod

if TYPE_CHECKING:
    from keyturn.client.aio import AsyncClient
    from keyturn.client.sync import Client

__all__ = [
    "decrypt_envelope",
    "decrypt_envelope_async",
    "encrypt_envelope",
    "encrypt_envelope_async",
    "wrap_for_import",
]

MAGIC = b"KTE1"
_NONCE = 12


def _as_bytes(value: bytes | str) -> bytes:
    return value.encode() if isinstance(value, str) else value


def _seal(data_key: bytes, wrapped_key: bytes, plaintext: bytes, associated_data: bytes) -> bytes:
    header = MAGIC + len(wrapped_key).to_bytes(4, "big") + wrapped_key
    nonce = os.urandom(_NONCE)
    return header + nonce + AESGCM(data_key).encrypt(nonce, plaintext, header + associated_data)


def _split(envelope: bytes) -> tuple[bytes, bytes, bytes, bytes]:
    """(header, wrapped key, nonce, ciphertext); DecryptionError when it is not an envelope."""
    if len(envelope) < 8 or envelope[:4] != MAGIC:
        raise DecryptionError("not a Keyturn envelope", reason="DECRYPTION_FAILED")
    size = int.from_bytes(envelope[4:8], "big")
    end = 8 + size
    if len(envelope) < end + _NONCE + 16:
        raise DecryptionError("truncated Keyturn envelope", reason="DECRYPTION_FAILED")
    return envelope[:end], envelope[8:end], envelope[end : end + _NONCE], envelope[end + _NONCE :]


def _open(data_key: bytes, header: bytes, nonce: bytes, ciphertext: bytes, associated_data: bytes) -> bytes:
    try:
        return AESGCM(data_key).decrypt(nonce, ciphertext, header + associated_data)
    except InvalidTag:
        raise DecryptionError("the envelope does not authenticate", reason="DECRYPTION_FAILED") from None


def encrypt_envelope(
    client: Client, crypto_key_id: str, plaintext: bytes | str, *, associated_data: bytes | str = b""
) -> bytes:
    """Encrypt locally under a fresh data key wrapped by the managed key; returns the envelope."""
    ad = _as_bytes(associated_data)
    data_key = client.generate_data_key(crypto_key_id, associated_data=ad)
    return _seal(data_key.plaintext, data_key.wrapped_key, _as_bytes(plaintext), ad)


def decrypt_envelope(client: Client, envelope: bytes, *, associated_data: bytes | str = b"") -> bytes:
    """The plaintext of an envelope; DecryptionError when any part was altered."""
    ad = _as_bytes(associated_data)
    header, wrapped_key, nonce, ciphertext = _split(envelope)
    data_key = client.decrypt_with_key(wrapped_key, associated_data=ad)
    return _open(data_key, header, nonce, ciphertext, ad)


async def encrypt_envelope_async(
    client: AsyncClient, crypto_key_id: str, plaintext: bytes | str, *, associated_data: bytes | str = b""
) -> bytes:
    """encrypt_envelope for the AsyncClient."""
    ad = _as_bytes(associated_data)
    data_key = await client.generate_data_key(crypto_key_id, associated_data=ad)
    return _seal(data_key.plaintext, data_key.wrapped_key, _as_bytes(plaintext), ad)


async def decrypt_envelope_async(
    client: AsyncClient, envelope: bytes, *, associated_data: bytes | str = b""
) -> bytes:
    """decrypt_envelope for the AsyncClient."""
    ad = _as_bytes(associated_data)
    header, wrapped_key, nonce, ciphertext = _split(envelope)
    data_key = await client.decrypt_with_key(wrapped_key, associated_data=ad)
    return _open(data_key, header, nonce, ciphertext, ad)


_OAEP = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def wrap_for_import(
    public_key_pem: str, material: bytes, method: ImportMethod = ImportMethod.RSA_OAEP_3072_SHA256_AES_256
) -> bytes:
    """Wrap key material with an import job's public key, as ImportCryptoKeyVersion expects:
    raw bytes for AES/ChaCha/HMAC keys, PKCS#8 DER (or a raw Ed25519 seed) for signing keys."""
    public = serialization.load_pem_public_key(public_key_pem.encode())
    if not isinstance(public, rsa.RSAPublicKey):
        raise ValueError("an import job's public key is an RSA key")
    if method is ImportMethod.RSA_OAEP_3072_SHA256:
        return public.encrypt(material, _OAEP)
    ephemeral = os.urandom(32)
    return public.encrypt(ephemeral, _OAEP) + keywrap.aes_key_wrap_with_padding(ephemeral, material)
