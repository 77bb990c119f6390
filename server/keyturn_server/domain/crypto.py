"""CryptoService operations: random tokens, key pairs, AES-256-GCM with a key or a password.

Plain functions over plain values (no grpc, no SQLAlchemy): the servicer converts the request,
calls one of them (on a worker thread when the call is CPU-heavy) and converts the result.
Every rule about the inputs lives here and raises InvalidArgument naming the request field;
every authentication failure raises the one DecryptionFailed, whatever its cause, so callers
learn nothing about which of data, key, password or associated data was wrong.

All randomness comes from the operating system's CSPRNG (`secrets`, `os.urandom`).
"""

from __future__ import annotations

import re
import secrets
import string
import uuid
from dataclasses import dataclass
from enum import StrEnum

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from keyturn_server.domain.errors import DecryptionFailed, FieldViolation, InvalidArgument, PayloadTooLarge

# --- GenerateKey --------------------------------------------------------------------------


class TokenType(StrEnum):
    API_KEY = "API_KEY"
    UUID_V4 = "UUID_V4"
    NANOID = "NANOID"
    SECRET = "SECRET"  # noqa: S105  (a token type, not a secret)


DEFAULT_TOKEN_PREFIX = "kt"  # noqa: S105  (a public prefix)
TOKEN_LENGTH_MIN = 8
TOKEN_LENGTH_MAX = 256
DEFAULT_NANOID_LENGTH = 21
DEFAULT_SECRET_LENGTH = 64
API_KEY_RANDOM_BYTES = 32
UUID_V4_ENTROPY_BITS = 122  # 128 bits minus 4 version and 2 variant bits
# 64 symbols: each character carries exactly 6 bits, and `byte & 63` picks one without bias.
NANOID_ALPHABET = string.ascii_letters + string.digits + "_-"
_PREFIX = re.compile(r"[a-z0-9]{1,16}")


@dataclass(frozen=True)
class Token:
    key: str
    type: TokenType
    entropy_bits: float


def generate_token(type: TokenType | None, length: int = 0, prefix: str = "") -> Token:
    """A random token of the given type. `length` 0 and `prefix` "" mean "not given"."""
    if type is None:
        raise InvalidArgument.field("type", "required: one of " + ", ".join(t.value for t in TokenType))
    violations: list[FieldViolation] = []
    if type in (TokenType.API_KEY, TokenType.UUID_V4):
        if length != 0:
            violations.append(
                FieldViolation("length", f"must be unset for {type.value}: its length is fixed")
            )
    elif length != 0 and not TOKEN_LENGTH_MIN <= length <= TOKEN_LENGTH_MAX:
        violations.append(
            FieldViolation("length", f"must be between {TOKEN_LENGTH_MIN} and {TOKEN_LENGTH_MAX}")
        )
    if type is TokenType.API_KEY:
        if prefix and not _PREFIX.fullmatch(prefix):
            violations.append(FieldViolation("prefix", "must be 1 to 16 characters of [a-z0-9]"))
    elif prefix:
        violations.append(FieldViolation("prefix", f"must be unset for {type.value}"))
    if violations:
        raise InvalidArgument(violations)

    if type is TokenType.API_KEY:
        body = secrets.token_hex(API_KEY_RANDOM_BYTES)
        return Token(f"{prefix or DEFAULT_TOKEN_PREFIX}_{body}", type, API_KEY_RANDOM_BYTES * 8.0)
    if type is TokenType.UUID_V4:
        return Token(str(uuid.UUID(bytes=secrets.token_bytes(16), version=4)), type, UUID_V4_ENTROPY_BITS)
    if type is TokenType.NANOID:
        size = length or DEFAULT_NANOID_LENGTH
        key = "".join(NANOID_ALPHABET[byte & 63] for byte in secrets.token_bytes(size))
        return Token(key, type, size * 6.0)
    size = length or DEFAULT_SECRET_LENGTH
    return Token(secrets.token_hex((size + 1) // 2)[:size], type, size * 4.0)


# --- GenerateKeyPair ----------------------------------------------------------------------


class KeyPairAlgorithm(StrEnum):
    RSA = "RSA"
    EC = "EC"
    ED25519 = "ED25519"


class Curve(StrEnum):
    P256 = "P-256"
    P384 = "P-384"
    P521 = "P-521"


RSA_KEY_SIZES = (2048, 3072, 4096)
DEFAULT_RSA_KEY_SIZE = 2048
DEFAULT_CURVE = Curve.P256
RSA_PUBLIC_EXPONENT = 65537
# OpenSSL's PEM password callback takes at most 1023 bytes.
PASSPHRASE_MAX_BYTES = 1023

_CURVES: dict[Curve, type[ec.EllipticCurve]] = {
    Curve.P256: ec.SECP256R1,
    Curve.P384: ec.SECP384R1,
    Curve.P521: ec.SECP521R1,
}


@dataclass(frozen=True)
class KeyPair:
    public_key_pem: str
    private_key_pem: str = ""
    algorithm: KeyPairAlgorithm = KeyPairAlgorithm.RSA
    key_size: int = 0  # RSA only
    curve: Curve | None = None  # EC only
    private_key_encrypted: bool = False

    def __repr__(self) -> str:  # never print the private key
        return f"KeyPair(algorithm={self.algorithm}, key_size={self.key_size}, curve={self.curve})"


def generate_key_pair(
    algorithm: KeyPairAlgorithm | None, key_size: int = 0, curve: Curve | None = None, passphrase: str = ""
) -> KeyPair:
    """A fresh key pair as PEM. CPU-heavy for RSA (seconds for 4096 bits): call off the loop."""
    if algorithm is None:
        raise InvalidArgument.field(
            "algorithm", "required: one of " + ", ".join(a.value for a in KeyPairAlgorithm)
        )
    violations: list[FieldViolation] = []
    if algorithm is KeyPairAlgorithm.RSA:
        if key_size != 0 and key_size not in RSA_KEY_SIZES:
            violations.append(
                FieldViolation("key_size", "must be one of " + ", ".join(map(str, RSA_KEY_SIZES)))
            )
    elif key_size != 0:
        violations.append(FieldViolation("key_size", f"must be unset for {algorithm.value}"))
    if algorithm is not KeyPairAlgorithm.EC and curve is not None:
        violations.append(FieldViolation("curve", f"must be unset for {algorithm.value}"))
    secret = passphrase.encode()
    if len(secret) > PASSPHRASE_MAX_BYTES:
        violations.append(FieldViolation("passphrase", f"must be at most {PASSPHRASE_MAX_BYTES} bytes"))
    if violations:
        raise InvalidArgument(violations)

    private: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey
    if algorithm is KeyPairAlgorithm.RSA:
        key_size = key_size or DEFAULT_RSA_KEY_SIZE
        private = rsa.generate_private_key(public_exponent=RSA_PUBLIC_EXPONENT, key_size=key_size)
    elif algorithm is KeyPairAlgorithm.EC:
        curve = curve or DEFAULT_CURVE
        private = ec.generate_private_key(_CURVES[curve]())
    else:
        private = ed25519.Ed25519PrivateKey.generate()

    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(secret) if secret else serialization.NoEncryption()
    )
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return KeyPair(
        public_key_pem=public_pem.decode("ascii"),
        private_key_pem=private_pem.decode("ascii"),
        algorithm=algorithm,
        key_size=key_size if algorithm is KeyPairAlgorithm.RSA else 0,
        curve=curve if algorithm is KeyPairAlgorithm.EC else None,
        private_key_encrypted=bool(secret),
    )


# --- Encrypt / Decrypt --------------------------------------------------------------------

ALGORITHM = "AES-256-GCM"
KDF_PBKDF2 = "PBKDF2-HMAC-SHA256"
KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
SALT_BYTES = 16
DEFAULT_ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-HMAC-SHA256
MIN_ITERATIONS = 100_000
MAX_ITERATIONS = 10_000_000
_HEX_KEY = re.compile(r"[0-9a-fA-F]{64}")


@dataclass(frozen=True)
class Sealed:
    """What Encrypt returns: all of it (but the key) is needed to decrypt."""

    ciphertext: bytes
    iv: bytes
    tag: bytes
    salt: bytes = b""  # password only
    kdf: str = ""  # password only
    iterations: int = 0  # password only
    algorithm: str = ALGORITHM

    def __repr__(self) -> str:
        return f"Sealed({len(self.ciphertext)} bytes, kdf={self.kdf!r}, iterations={self.iterations})"


def derive_key(password: str, salt: bytes, iterations: int) -> bytes:
    """PBKDF2-HMAC-SHA256 to a 256-bit key. CPU-heavy by design: call off the event loop."""
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, iterations=iterations)
    return kdf.derive(password.encode())


def _check_key_source(key: str, password: str, violations: list[FieldViolation]) -> None:
    if bool(key) == bool(password):
        description = "give exactly one of key and password" + (" (both were given)" if key else "")
        violations.append(FieldViolation("key", description))
        violations.append(FieldViolation("password", description))
    elif key:
        if len(key) != 2 * KEY_BYTES:
            violations.append(FieldViolation("key", f"must be exactly {2 * KEY_BYTES} hex characters"))
        elif not _HEX_KEY.fullmatch(key):
            violations.append(FieldViolation("key", "must contain only hex characters [0-9a-fA-F]"))


def _check_iterations(key: str, password: str, iterations: int, violations: list[FieldViolation]) -> None:
    if key and not password and iterations != 0:
        violations.append(FieldViolation("iterations", "must be unset when a key is given"))
    elif password and iterations != 0 and not MIN_ITERATIONS <= iterations <= MAX_ITERATIONS:
        violations.append(
            FieldViolation("iterations", f"must be between {MIN_ITERATIONS:,} and {MAX_ITERATIONS:,}")
        )


def _aes_key(key: str, password: str, salt: bytes, iterations: int) -> bytes:
    if key:
        return bytes.fromhex(key)
    return derive_key(password, salt, iterations or DEFAULT_ITERATIONS)


def encrypt(
    plaintext: bytes,
    *,
    key: str = "",
    password: str = "",
    associated_data: bytes = b"",
    iterations: int = 0,
    max_payload_bytes: int,
) -> Sealed:
    """AES-256-GCM under a 64-hex-char key or a PBKDF2 key from a password (fresh salt)."""
    if len(plaintext) > max_payload_bytes:
        raise PayloadTooLarge("plaintext", max_payload_bytes)
    violations: list[FieldViolation] = []
    if not plaintext:
        violations.append(FieldViolation("plaintext", "required"))
    _check_key_source(key, password, violations)
    _check_iterations(key, password, iterations, violations)
    if violations:
        raise InvalidArgument(violations)

    salt = secrets.token_bytes(SALT_BYTES) if password else b""
    rounds = (iterations or DEFAULT_ITERATIONS) if password else 0
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = AESGCM(_aes_key(key, password, salt, rounds)).encrypt(nonce, plaintext, associated_data or None)
    return Sealed(
        ciphertext=sealed[:-TAG_BYTES],
        iv=nonce,
        tag=sealed[-TAG_BYTES:],
        salt=salt,
        kdf=KDF_PBKDF2 if password else "",
        iterations=rounds,
    )


def decrypt(
    ciphertext: bytes,
    *,
    iv: bytes,
    tag: bytes,
    key: str = "",
    password: str = "",
    salt: bytes = b"",
    iterations: int = 0,
    associated_data: bytes = b"",
    max_payload_bytes: int,
) -> bytes:
    """Authenticate and decrypt. Any mismatch at all raises the one DecryptionFailed."""
    if len(ciphertext) > max_payload_bytes:
        raise PayloadTooLarge("ciphertext", max_payload_bytes)
    violations: list[FieldViolation] = []
    if not ciphertext:
        violations.append(FieldViolation("ciphertext", "required"))
    if len(iv) != NONCE_BYTES:
        violations.append(FieldViolation("iv", f"must be exactly {NONCE_BYTES} bytes"))
    if len(tag) != TAG_BYTES:
        violations.append(FieldViolation("tag", f"must be exactly {TAG_BYTES} bytes"))
    _check_key_source(key, password, violations)
    if key and not password and salt:
        violations.append(FieldViolation("salt", "must be unset when a key is given"))
    elif password and len(salt) != SALT_BYTES:
        violations.append(
            FieldViolation("salt", f"required with a password: the {SALT_BYTES}-byte salt Encrypt returned")
        )
    _check_iterations(key, password, iterations, violations)
    if violations:
        raise InvalidArgument(violations)

    aes_key = _aes_key(key, password, salt, iterations)
    try:
        return AESGCM(aes_key).decrypt(iv, ciphertext + tag, associated_data or None)
    except InvalidTag:
        raise DecryptionFailed() from None
