"""Managed keys: algorithms, material, the self-describing ciphertext, version and rotation rules.

Pure rules over the `cryptography` library (no grpc, no SQLAlchemy). Material is held as
bytes: raw key bytes for AEAD and HMAC algorithms, an unencrypted PKCS#8 DER private key for
signing algorithms. It is wrapped at rest by `keyset.RootKeyRing` and never leaves the
server except as a public key.

Ciphertext format (version 1), in the spirit of Vault's `vault:v3:` prefix but binary:

    0x4B 0x01 | key id (16 bytes, UUID) | version (4 bytes, big-endian) | nonce (12) | ct + tag

The 22-byte header is part of the AEAD's associated data (followed by the caller's
associated data, length-prefixed), so changing the key id, the version or the format byte
fails authentication just as a flipped ciphertext bit does. Decryption failures are always
the one DecryptionFailed, which never says which part was wrong.
"""

from __future__ import annotations

import hmac
import os
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import cast

import google_crc32c
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, keywrap, serialization
from cryptography.hazmat.primitives import hmac as crypto_hmac
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

from keyturn_server.domain.errors import (
    CryptoKeyVersionDestroyed,
    CryptoKeyVersionDisabled,
    DecryptionFailed,
    FailedPrecondition,
    FieldViolation,
    InvalidArgument,
    WrongKeyPurpose,
)


class Purpose(StrEnum):
    """Stored by these names (the proto value names without the CRYPTO_KEY_PURPOSE_ prefix)."""

    ENCRYPT_DECRYPT = "ENCRYPT_DECRYPT"
    ASYMMETRIC_SIGN = "ASYMMETRIC_SIGN"
    MAC = "MAC"


class Algorithm(StrEnum):
    """Stored by the proto value names without the CRYPTO_KEY_ALGORITHM_ prefix."""

    AES_256_GCM = "AES_256_GCM"
    CHACHA20_POLY1305 = "CHACHA20_POLY1305"
    ED25519 = "ED25519"
    ECDSA_P256_SHA256 = "ECDSA_P256_SHA256"
    ECDSA_P384_SHA384 = "ECDSA_P384_SHA384"
    RSA_PSS_2048_SHA256 = "RSA_PSS_2048_SHA256"
    RSA_PSS_3072_SHA256 = "RSA_PSS_3072_SHA256"
    RSA_PSS_4096_SHA256 = "RSA_PSS_4096_SHA256"
    HMAC_SHA256 = "HMAC_SHA256"
    HMAC_SHA512 = "HMAC_SHA512"


class VersionState(StrEnum):
    """Stored by the proto value names without the CRYPTO_KEY_VERSION_STATE_ prefix."""

    ENABLED = "ENABLED"
    DISABLED = "DISABLED"
    DESTROY_SCHEDULED = "DESTROY_SCHEDULED"
    DESTROYED = "DESTROYED"


class ImportMethod(StrEnum):
    RSA_OAEP_3072_SHA256 = "RSA_OAEP_3072_SHA256"
    RSA_OAEP_3072_SHA256_AES_256 = "RSA_OAEP_3072_SHA256_AES_256"


@dataclass(frozen=True)
class AlgorithmSpec:
    purpose: Purpose
    # Raw key length for AEAD/HMAC; 0 for asymmetric algorithms.
    key_bytes: int = 0
    # RSA modulus bits; 0 otherwise.
    rsa_bits: int = 0
    curve: type[ec.EllipticCurve] | None = None


ALGORITHMS: dict[Algorithm, AlgorithmSpec] = {
    Algorithm.AES_256_GCM: AlgorithmSpec(Purpose.ENCRYPT_DECRYPT, key_bytes=32),
    Algorithm.CHACHA20_POLY1305: AlgorithmSpec(Purpose.ENCRYPT_DECRYPT, key_bytes=32),
    Algorithm.ED25519: AlgorithmSpec(Purpose.ASYMMETRIC_SIGN),
    Algorithm.ECDSA_P256_SHA256: AlgorithmSpec(Purpose.ASYMMETRIC_SIGN, curve=ec.SECP256R1),
    Algorithm.ECDSA_P384_SHA384: AlgorithmSpec(Purpose.ASYMMETRIC_SIGN, curve=ec.SECP384R1),
    Algorithm.RSA_PSS_2048_SHA256: AlgorithmSpec(Purpose.ASYMMETRIC_SIGN, rsa_bits=2048),
    Algorithm.RSA_PSS_3072_SHA256: AlgorithmSpec(Purpose.ASYMMETRIC_SIGN, rsa_bits=3072),
    Algorithm.RSA_PSS_4096_SHA256: AlgorithmSpec(Purpose.ASYMMETRIC_SIGN, rsa_bits=4096),
    Algorithm.HMAC_SHA256: AlgorithmSpec(Purpose.MAC, key_bytes=32),
    Algorithm.HMAC_SHA512: AlgorithmSpec(Purpose.MAC, key_bytes=64),
}


def purpose_of(algorithm: Algorithm) -> Purpose:
    return ALGORITHMS[algorithm].purpose


def check_algorithm_purpose(
    purpose: Purpose, algorithm: Algorithm, field: str = "crypto_key.algorithm"
) -> None:
    if purpose_of(algorithm) is not purpose:
        raise InvalidArgument.field(field, f"{algorithm.value} is not an algorithm for {purpose.value}")


def require_purpose(actual: Purpose, required: Purpose) -> None:
    if actual is not required:
        raise WrongKeyPurpose(actual.value, required.value)


# --- material ---------------------------------------------------------------------------


def _pkcs8(private_key: ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey) -> bytes:
    return private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def generate_material(algorithm: Algorithm) -> bytes:
    """Fresh key material from the OS CSPRNG (via `cryptography` for asymmetric keys)."""
    spec = ALGORITHMS[algorithm]
    if spec.key_bytes:
        return os.urandom(spec.key_bytes)
    if algorithm is Algorithm.ED25519:
        return _pkcs8(ed25519.Ed25519PrivateKey.generate())
    if spec.curve is not None:
        return _pkcs8(ec.generate_private_key(spec.curve()))
    return _pkcs8(rsa.generate_private_key(public_exponent=65537, key_size=spec.rsa_bits))


_SigningKey = ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
SigningKey = _SigningKey  # a parsed private key: what signing_key returns, what sign(key=...) takes


def _load_private(algorithm: Algorithm, material: bytes) -> _SigningKey:
    key = serialization.load_der_private_key(material, password=None)
    spec = ALGORITHMS[algorithm]
    if algorithm is Algorithm.ED25519 and isinstance(key, ed25519.Ed25519PrivateKey):
        return key
    if spec.curve is not None and isinstance(key, ec.EllipticCurvePrivateKey):
        if isinstance(key.curve, spec.curve):
            return key
    if spec.rsa_bits and isinstance(key, rsa.RSAPrivateKey) and key.key_size == spec.rsa_bits:
        return key
    raise ValueError("material does not match the algorithm")


def validate_material(algorithm: Algorithm, material: bytes) -> bytes:
    """Check imported material fits the algorithm; returns it normalised (PKCS#8 DER for
    signing keys; a raw 32-byte Ed25519 seed is accepted too). InvalidArgument otherwise."""
    spec = ALGORITHMS[algorithm]
    field = "wrapped_key_material"
    if spec.key_bytes:
        if len(material) != spec.key_bytes:
            raise InvalidArgument.field(
                field, f"{algorithm.value} needs exactly {spec.key_bytes} bytes of material"
            )
        return material
    if algorithm is Algorithm.ED25519 and len(material) == 32:
        return _pkcs8(ed25519.Ed25519PrivateKey.from_private_bytes(material))
    try:
        key = _load_private(algorithm, material)
    except (ValueError, TypeError):
        raise InvalidArgument.field(
            field, f"the material is not a PKCS#8 DER private key for {algorithm.value}"
        ) from None
    if isinstance(key, rsa.RSAPrivateKey) and key.private_numbers().public_numbers.e != 65537:
        raise InvalidArgument.field(field, "RSA keys must use the public exponent 65537")
    return _pkcs8(key)


# --- the ciphertext format --------------------------------------------------------------

MAGIC = 0x4B  # "K"
FORMAT_VERSION = 1
HEADER_BYTES = 2 + 16 + 4
NONCE_BYTES = 12
TAG_BYTES = 16
DATA_KEY_BYTES = 32


@dataclass(frozen=True)
class CiphertextHeader:
    crypto_key_id: str
    version: int


def _header(crypto_key_id: str, version: int) -> bytes:
    return bytes((MAGIC, FORMAT_VERSION)) + uuid.UUID(crypto_key_id).bytes + version.to_bytes(4, "big")


def parse_ciphertext(blob: bytes) -> CiphertextHeader:
    """The key and version a ciphertext names. DecryptionFailed for anything malformed."""
    if len(blob) < HEADER_BYTES + NONCE_BYTES + TAG_BYTES or blob[0] != MAGIC or blob[1] != FORMAT_VERSION:
        raise DecryptionFailed
    version = int.from_bytes(blob[18:22], "big")
    if version < 1:
        raise DecryptionFailed
    return CiphertextHeader(str(uuid.UUID(bytes=blob[2:18])), version)


def _aead(algorithm: Algorithm, material: bytes) -> AESGCM | ChaCha20Poly1305:
    if algorithm is Algorithm.AES_256_GCM:
        return AESGCM(material)
    if algorithm is Algorithm.CHACHA20_POLY1305:
        return ChaCha20Poly1305(material)
    raise WrongKeyPurpose(purpose_of(algorithm).value, Purpose.ENCRYPT_DECRYPT.value)


def _aad(header: bytes, associated_data: bytes) -> bytes:
    return header + len(associated_data).to_bytes(8, "big") + associated_data


def encrypt(
    algorithm: Algorithm,
    material: bytes,
    crypto_key_id: str,
    version: int,
    plaintext: bytes,
    associated_data: bytes = b"",
) -> bytes:
    header = _header(crypto_key_id, version)
    nonce = os.urandom(NONCE_BYTES)
    return (
        header + nonce + _aead(algorithm, material).encrypt(nonce, plaintext, _aad(header, associated_data))
    )


def decrypt(algorithm: Algorithm, material: bytes, ciphertext: bytes, associated_data: bytes = b"") -> bytes:
    """Authenticate and decrypt; the caller looked the version up by parse_ciphertext first."""
    parse_ciphertext(ciphertext)
    header = ciphertext[:HEADER_BYTES]
    nonce = ciphertext[HEADER_BYTES : HEADER_BYTES + NONCE_BYTES]
    try:
        return _aead(algorithm, material).decrypt(
            nonce, ciphertext[HEADER_BYTES + NONCE_BYTES :], _aad(header, associated_data)
        )
    except InvalidTag:
        raise DecryptionFailed from None


@dataclass(frozen=True)
class DataKey:
    plaintext: bytes
    wrapped: bytes


def generate_data_key(
    algorithm: Algorithm, material: bytes, crypto_key_id: str, version: int, associated_data: bytes = b""
) -> DataKey:
    """A random 256-bit data key and its ciphertext under the managed key (DecryptWithKey
    returns the data key from it)."""
    data_key = os.urandom(DATA_KEY_BYTES)
    return DataKey(data_key, encrypt(algorithm, material, crypto_key_id, version, data_key, associated_data))


# --- signatures and MACs ----------------------------------------------------------------

_PSS_SALT_BYTES = 32


def _digest(algorithm: Algorithm) -> hashes.HashAlgorithm:
    return hashes.SHA384() if algorithm is Algorithm.ECDSA_P384_SHA384 else hashes.SHA256()


def signing_key(algorithm: Algorithm, material: bytes) -> SigningKey:
    """The material parsed into a private-key object, once, for whoever keeps the material
    (the managed-key cache entry) to keep alongside it: parsing PKCS#8 DER costs about as
    much as an Ed25519 signature."""
    if purpose_of(algorithm) is not Purpose.ASYMMETRIC_SIGN:
        raise WrongKeyPurpose(purpose_of(algorithm).value, Purpose.ASYMMETRIC_SIGN.value)
    return _load_private(algorithm, material)


def sign(algorithm: Algorithm, material: bytes, data: bytes, *, key: SigningKey | None = None) -> bytes:
    """`key`: the material already parsed by signing_key (else it is parsed here)."""
    if purpose_of(algorithm) is not Purpose.ASYMMETRIC_SIGN:
        raise WrongKeyPurpose(purpose_of(algorithm).value, Purpose.ASYMMETRIC_SIGN.value)
    if key is None:
        key = _load_private(algorithm, material)
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return key.sign(data)
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return key.sign(data, ec.ECDSA(_digest(algorithm)))
    return key.sign(
        data, padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=_PSS_SALT_BYTES), hashes.SHA256()
    )


def public_key_pem(algorithm: Algorithm, material: bytes, *, key: SigningKey | None = None) -> str:
    if purpose_of(algorithm) is not Purpose.ASYMMETRIC_SIGN:
        raise WrongKeyPurpose(purpose_of(algorithm).value, Purpose.ASYMMETRIC_SIGN.value)
    public = (key if key is not None else _load_private(algorithm, material)).public_key()
    return public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


def verify(
    algorithm: Algorithm, material: bytes, data: bytes, signature: bytes, *, key: SigningKey | None = None
) -> bool:
    """True when the signature is valid; an invalid one is an answer, not an error."""
    public = (key if key is not None else _load_private(algorithm, material)).public_key()
    try:
        if isinstance(public, ed25519.Ed25519PublicKey):
            public.verify(signature, data)
        elif isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, data, ec.ECDSA(_digest(algorithm)))
        else:
            public.verify(
                signature,
                data,
                padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=_PSS_SALT_BYTES),
                hashes.SHA256(),
            )
    except InvalidSignature:
        return False
    return True


def _mac_hash(algorithm: Algorithm) -> hashes.HashAlgorithm:
    if algorithm is Algorithm.HMAC_SHA256:
        return hashes.SHA256()
    if algorithm is Algorithm.HMAC_SHA512:
        return hashes.SHA512()
    raise WrongKeyPurpose(purpose_of(algorithm).value, Purpose.MAC.value)


def mac(algorithm: Algorithm, material: bytes, data: bytes) -> bytes:
    h = crypto_hmac.HMAC(material, _mac_hash(algorithm))
    h.update(data)
    return h.finalize()


def verify_mac(algorithm: Algorithm, material: bytes, data: bytes, tag: bytes) -> bool:
    """Constant-time comparison of the tag."""
    return hmac.compare_digest(mac(algorithm, material, data), tag)


# --- CRC32C integrity fields ------------------------------------------------------------


def crc32c(data: bytes) -> int:
    return cast(int, google_crc32c.value(data))


def check_crc32c(field: str, data: bytes, expected: int | None) -> bool:
    """True when a checksum was given and matches; False when none was given.
    InvalidArgument naming the field when it does not match (the data was corrupted)."""
    if expected is None:
        return False
    if expected < 0 or expected > 0xFFFFFFFF or crc32c(data) != expected:
        raise InvalidArgument.field(field, "checksum mismatch: the data was corrupted in transit")
    return True


# --- version states ---------------------------------------------------------------------

DEFAULT_DESTROY_SCHEDULED_DURATION = timedelta(hours=24)


@dataclass(frozen=True)
class DestroyPolicy:
    """Bounds of a key's destroy_scheduled_duration (operator configuration)."""

    default: timedelta = DEFAULT_DESTROY_SCHEDULED_DURATION
    minimum: timedelta = timedelta(0)
    maximum: timedelta = timedelta(days=120)

    def resolve(
        self, requested: timedelta | None, field: str = "crypto_key.destroy_scheduled_duration"
    ) -> timedelta:
        if requested is None:
            return self.default
        if requested < self.minimum or requested > self.maximum:
            raise InvalidArgument.field(field, f"must be between {self.minimum} and {self.maximum}")
        return requested


def require_usable(crypto_key_id: str, version: int, state: VersionState) -> None:
    """Only ENABLED versions encrypt, decrypt, sign, verify or MAC."""
    if state is VersionState.ENABLED:
        return
    if state is VersionState.DESTROYED:
        raise CryptoKeyVersionDestroyed(crypto_key_id, version)
    raise CryptoKeyVersionDisabled(crypto_key_id, version, state.value)


def require_decryptable(
    crypto_key_id: str, version: int, state: VersionState, min_decryption_version: int
) -> None:
    """Decrypt, verify and MAC-verify also refuse versions below min_decryption_version."""
    require_usable(crypto_key_id, version, state)
    if version < min_decryption_version:
        raise CryptoKeyVersionDisabled(crypto_key_id, version, "BELOW_MIN_DECRYPTION_VERSION")


def check_primary(version: int, state: VersionState, field: str = "crypto_key.primary_version") -> None:
    if version < 1:
        raise InvalidArgument.field(field, "must be a version number, at least 1")
    if state is not VersionState.ENABLED:
        raise FailedPrecondition(f"the primary version must be ENABLED, version {version} is {state.value}")


def check_min_decryption_version(value: int, primary_version: int) -> None:
    if value < 0 or value > max(primary_version, 1):
        raise InvalidArgument.field(
            "crypto_key.min_decryption_version",
            f"must be between 0 and the primary version ({primary_version})",
        )


def disable(state: VersionState, is_primary: bool) -> VersionState:
    if is_primary:
        raise FailedPrecondition("the primary version cannot be disabled: rotate or move the primary first")
    if state not in (VersionState.ENABLED, VersionState.DISABLED):
        raise FailedPrecondition(f"a {state.value} version cannot be disabled")
    return VersionState.DISABLED


def enable(state: VersionState) -> VersionState:
    if state not in (VersionState.ENABLED, VersionState.DISABLED):
        raise FailedPrecondition(f"a {state.value} version cannot be enabled (restore it first)")
    return VersionState.ENABLED


def schedule_destroy(
    state: VersionState, is_primary: bool, now: datetime, duration: timedelta
) -> tuple[VersionState, datetime]:
    """-> (DESTROY_SCHEDULED, destroy_time). Idempotent on a scheduled version is refused, as
    KMS does, so the destroy time never silently moves."""
    if is_primary:
        raise FailedPrecondition("the primary version cannot be destroyed: rotate or move the primary first")
    if state not in (VersionState.ENABLED, VersionState.DISABLED):
        raise FailedPrecondition(f"a {state.value} version cannot be scheduled for destruction")
    return VersionState.DESTROY_SCHEDULED, now + duration


def restore(state: VersionState) -> VersionState:
    """Only before the destroy schedule runs; the version comes back DISABLED."""
    if state is not VersionState.DESTROY_SCHEDULED:
        raise FailedPrecondition(
            f"only a DESTROY_SCHEDULED version can be restored, this one is {state.value}"
        )
    return VersionState.DISABLED


def destroy_due(state: VersionState, destroy_time: datetime | None, now: datetime) -> bool:
    return state is VersionState.DESTROY_SCHEDULED and destroy_time is not None and destroy_time <= now


# --- rotation ---------------------------------------------------------------------------

MIN_ROTATION_PERIOD = timedelta(hours=1)
MAX_ROTATION_PERIOD = timedelta(days=36500)


def check_rotation_period(period: timedelta, field: str = "crypto_key.rotation_period") -> None:
    if period < MIN_ROTATION_PERIOD:
        raise InvalidArgument.field(field, "must be at least one hour")
    if period > MAX_ROTATION_PERIOD:
        raise InvalidArgument.field(field, "must be at most 100 years")


def next_rotation_time(
    now: datetime,
    period: timedelta | None,
    requested: datetime | None = None,
    field: str = "crypto_key.next_rotation_time",
) -> datetime | None:
    """When a key with this rotation period next rotates: the requested time (in the future),
    else now + period; None without a period (manual rotation only)."""
    if period is None:
        if requested is not None:
            raise InvalidArgument.field(field, "needs a rotation_period")
        return None
    check_rotation_period(period)
    if requested is not None:
        if requested <= now:
            raise InvalidArgument.field(field, "must be in the future")
        return requested
    return now + period


def after_rotation(now: datetime, period: timedelta | None) -> datetime | None:
    """next_rotation_time after a rotation (automatic or manual) at `now`."""
    return None if period is None else now + period


def rotation_due(next_rotation: datetime | None, now: datetime) -> bool:
    return next_rotation is not None and next_rotation <= now


# --- names and labels -------------------------------------------------------------------

_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
_LABEL_KEY_FIRST = frozenset("abcdefghijklmnopqrstuvwxyz")
_LABEL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")
MAX_LABELS = 64


def validate_name(name: str, field: str = "crypto_key.name") -> None:
    if not 1 <= len(name) <= 200 or not set(name) <= _NAME_CHARS:
        raise InvalidArgument.field(field, "1..200 characters of [A-Za-z0-9_.-]")


def validate_labels(labels: dict[str, str], field: str = "crypto_key.labels") -> None:
    violations: list[FieldViolation] = []
    if len(labels) > MAX_LABELS:
        violations.append(FieldViolation(field, f"at most {MAX_LABELS} labels"))
    for key, value in labels.items():
        if not 1 <= len(key) <= 63 or key[0] not in _LABEL_KEY_FIRST or not set(key) <= _LABEL_CHARS:
            violations.append(FieldViolation(f"{field}[{key!r}]", "keys match [a-z][a-z0-9_-]{0,62}"))
        if len(value) > 63 or not set(value) <= _LABEL_CHARS:
            violations.append(FieldViolation(f"{field}[{key!r}]", "values are at most 63 of [a-z0-9_-]"))
    if violations:
        raise InvalidArgument(violations)


# --- import (BYOK) ----------------------------------------------------------------------

IMPORT_JOB_LIFETIME = timedelta(days=3)
IMPORT_RSA_BITS = 3072
_OAEP = padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)
_OAEP_CAPACITY = IMPORT_RSA_BITS // 8 - 2 * 32 - 2  # 318 bytes


@dataclass(frozen=True)
class ImportKeyPair:
    private_der: bytes
    public_pem: str


def generate_import_key() -> ImportKeyPair:
    private = rsa.generate_private_key(public_exponent=65537, key_size=IMPORT_RSA_BITS)
    public = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return ImportKeyPair(_pkcs8(private), public.decode())


def wrap_for_import(method: ImportMethod, public_pem: str, material: bytes) -> bytes:
    """What a caller does before ImportCryptoKeyVersion (here for tests and the client)."""
    public = serialization.load_pem_public_key(public_pem.encode())
    if not isinstance(public, rsa.RSAPublicKey):
        raise ValueError("an import job's public key is RSA")
    if method is ImportMethod.RSA_OAEP_3072_SHA256:
        return public.encrypt(material, _OAEP)
    ephemeral = os.urandom(32)
    return public.encrypt(ephemeral, _OAEP) + keywrap.aes_key_wrap_with_padding(ephemeral, material)


def unwrap_import(method: ImportMethod, private_der: bytes, wrapped: bytes) -> bytes:
    """The material inside an import blob; InvalidArgument (never more detail) otherwise."""
    bad = InvalidArgument.field(
        "wrapped_key_material", f"cannot be unwrapped with this import job ({method.value})"
    )
    private = serialization.load_der_private_key(private_der, password=None)
    assert isinstance(private, rsa.RSAPrivateKey)
    block = IMPORT_RSA_BITS // 8
    try:
        if method is ImportMethod.RSA_OAEP_3072_SHA256:
            if len(wrapped) != block:
                raise bad
            return private.decrypt(wrapped, _OAEP)
        if len(wrapped) <= block:
            raise bad
        ephemeral = private.decrypt(wrapped[:block], _OAEP)
        if len(ephemeral) != 32:
            raise bad
        return keywrap.aes_key_unwrap_with_padding(ephemeral, wrapped[block:])
    except (ValueError, keywrap.InvalidUnwrap):
        raise bad from None


def import_method_fits(method: ImportMethod, algorithm: Algorithm) -> bool:
    """Plain OAEP carries at most 318 bytes: not an RSA private key."""
    return method is ImportMethod.RSA_OAEP_3072_SHA256_AES_256 or not ALGORITHMS[algorithm].rsa_bits


__all__ = [
    "ALGORITHMS",
    "DATA_KEY_BYTES",
    "DEFAULT_DESTROY_SCHEDULED_DURATION",
    "HEADER_BYTES",
    "IMPORT_JOB_LIFETIME",
    "MIN_ROTATION_PERIOD",
    "Algorithm",
    "AlgorithmSpec",
    "CiphertextHeader",
    "DataKey",
    "DestroyPolicy",
    "ImportKeyPair",
    "ImportMethod",
    "Purpose",
    "VersionState",
    "after_rotation",
    "check_algorithm_purpose",
    "check_crc32c",
    "check_min_decryption_version",
    "check_primary",
    "check_rotation_period",
    "crc32c",
    "decrypt",
    "destroy_due",
    "disable",
    "enable",
    "encrypt",
    "generate_data_key",
    "generate_import_key",
    "generate_material",
    "import_method_fits",
    "mac",
    "next_rotation_time",
    "parse_ciphertext",
    "public_key_pem",
    "purpose_of",
    "require_decryptable",
    "require_purpose",
    "require_usable",
    "restore",
    "rotation_due",
    "schedule_destroy",
    "sign",
    "unwrap_import",
    "validate_labels",
    "validate_material",
    "validate_name",
    "verify",
    "verify_mac",
    "wrap_for_import",
]
