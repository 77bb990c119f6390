"""keyturn.v1.CryptoService over a real server: every RPC, every bad input, interoperability.

CryptoService touches no database, so this module runs once, on SQLite. PBKDF2 tests use the
minimum 100,000 iterations unless the count itself is under test, to keep the suite fast.
"""

from __future__ import annotations

import re
import secrets
import statistics
import time
import uuid
from collections.abc import Iterator
from typing import Any

import grpc
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from keyturn.v1 import crypto_pb2 as pb
from keyturn.v1 import crypto_pb2_grpc
from keyturn_server.domain.audit import FAILURE, SUCCESS, AuditRecord

from tests.support import ServerThread, expect_error, with_token

FAST = 100_000  # the smallest accepted PBKDF2 iteration count
MiB = 1024 * 1024
LIMIT = 4 * MiB  # the default payload limit, which the test server uses
INVALID = grpc.StatusCode.INVALID_ARGUMENT


@pytest.fixture(scope="module")
def backend() -> str:
    return "sqlite"


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> crypto_pb2_grpc.CryptoServiceStub:
    return crypto_pb2_grpc.CryptoServiceStub(grpc_channel)


@pytest.fixture(scope="module", autouse=True)
def _default_payload_limit(server: ServerThread) -> None:
    assert server.settings.max_payload_bytes == LIMIT


@pytest.fixture(scope="module")
def big_stub(server: ServerThread) -> Iterator[crypto_pb2_grpc.CryptoServiceStub]:
    """A stub whose channel accepts responses as large as the payload limit allows."""
    options = [("grpc.max_receive_message_length", LIMIT + MiB)]
    with grpc.insecure_channel(server.address, options=options) as channel:
        yield crypto_pb2_grpc.CryptoServiceStub(with_token(channel, server.admin_token))


def hex_key() -> str:
    return secrets.token_hex(32)


def invalid(call: Any, *fields: str) -> None:
    """The call fails INVALID_ARGUMENT / INVALID_ARGUMENT naming exactly these fields."""
    error = expect_error(call, INVALID, "INVALID_ARGUMENT")
    assert error.field_violations == list(fields), error.message


def decryption_failed(call: Any) -> str:
    error = expect_error(call, INVALID, "DECRYPTION_FAILED")
    assert error.field_violations == [], "a decryption failure must not hint at a field"
    assert error.metadata == {}
    return error.message


# --- GenerateKey ----------------------------------------------------------------------------


def test_api_key_has_default_prefix_and_256_bits(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    response = stub.GenerateKey(pb.GenerateKeyRequest(type=pb.TOKEN_TYPE_API_KEY), timeout=5)
    assert re.fullmatch(r"kt_[0-9a-f]{64}", response.key), response.key
    assert response.type == pb.TOKEN_TYPE_API_KEY
    assert response.entropy_bits == 256


def test_api_key_with_custom_prefix(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    for prefix in ("sk", "a", "0123456789abcdef"):
        request = pb.GenerateKeyRequest(type=pb.TOKEN_TYPE_API_KEY, prefix=prefix)
        key = stub.GenerateKey(request, timeout=5).key
        assert re.fullmatch(rf"{prefix}_[0-9a-f]{{64}}", key), key


def test_uuid_v4(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    response = stub.GenerateKey(pb.GenerateKeyRequest(type=pb.TOKEN_TYPE_UUID_V4), timeout=5)
    parsed = uuid.UUID(response.key)
    assert str(parsed) == response.key  # canonical 8-4-4-4-12 lowercase
    assert parsed.version == 4
    assert parsed.variant == uuid.RFC_4122
    assert response.type == pb.TOKEN_TYPE_UUID_V4
    assert response.entropy_bits == 122


@pytest.mark.parametrize(
    ("length", "chars", "bits"), [(0, 21, 126), (21, 21, 126), (8, 8, 48), (256, 256, 1536)]
)
def test_nanoid(stub: crypto_pb2_grpc.CryptoServiceStub, length: int, chars: int, bits: float) -> None:
    response = stub.GenerateKey(pb.GenerateKeyRequest(type=pb.TOKEN_TYPE_NANOID, length=length), timeout=5)
    assert re.fullmatch(rf"[A-Za-z0-9_\-]{{{chars}}}", response.key), response.key
    assert response.type == pb.TOKEN_TYPE_NANOID
    assert response.entropy_bits == bits


@pytest.mark.parametrize(
    ("length", "chars", "bits"), [(0, 64, 256), (64, 64, 256), (9, 9, 36), (256, 256, 1024)]
)
def test_secret(stub: crypto_pb2_grpc.CryptoServiceStub, length: int, chars: int, bits: float) -> None:
    response = stub.GenerateKey(pb.GenerateKeyRequest(type=pb.TOKEN_TYPE_SECRET, length=length), timeout=5)
    assert re.fullmatch(rf"[0-9a-f]{{{chars}}}", response.key), response.key
    assert response.type == pb.TOKEN_TYPE_SECRET
    assert response.entropy_bits == bits


@pytest.mark.parametrize(
    "token_type", [pb.TOKEN_TYPE_API_KEY, pb.TOKEN_TYPE_UUID_V4, pb.TOKEN_TYPE_NANOID, pb.TOKEN_TYPE_SECRET]
)
def test_generated_keys_are_unique(stub: crypto_pb2_grpc.CryptoServiceStub, token_type: int) -> None:
    request = pb.GenerateKeyRequest(type=token_type)  # type: ignore[arg-type]
    keys = {stub.GenerateKey(request, timeout=5).key for _ in range(200)}
    assert len(keys) == 200


def test_nanoid_uses_the_whole_alphabet(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    request = pb.GenerateKeyRequest(type=pb.TOKEN_TYPE_NANOID, length=256)
    seen = set("".join(stub.GenerateKey(request, timeout=5).key for _ in range(8)))
    assert len(seen) == 64  # 2,048 draws from 64 symbols miss one with probability ~1e-12


@pytest.mark.parametrize(
    ("request_fields", "fields"),
    [
        ({}, ["type"]),
        ({"type": 99}, ["type"]),
        ({"type": pb.TOKEN_TYPE_NANOID, "length": 7}, ["length"]),
        ({"type": pb.TOKEN_TYPE_NANOID, "length": 257}, ["length"]),
        ({"type": pb.TOKEN_TYPE_SECRET, "length": 7}, ["length"]),
        ({"type": pb.TOKEN_TYPE_SECRET, "length": -1}, ["length"]),
        ({"type": pb.TOKEN_TYPE_SECRET, "length": 100_000}, ["length"]),
        ({"type": pb.TOKEN_TYPE_API_KEY, "length": 64}, ["length"]),
        ({"type": pb.TOKEN_TYPE_UUID_V4, "length": 36}, ["length"]),
        ({"type": pb.TOKEN_TYPE_API_KEY, "prefix": "SK"}, ["prefix"]),
        ({"type": pb.TOKEN_TYPE_API_KEY, "prefix": "sk_live"}, ["prefix"]),
        ({"type": pb.TOKEN_TYPE_API_KEY, "prefix": "sk-live"}, ["prefix"]),
        ({"type": pb.TOKEN_TYPE_API_KEY, "prefix": "a" * 17}, ["prefix"]),
        ({"type": pb.TOKEN_TYPE_API_KEY, "prefix": "ké"}, ["prefix"]),
        ({"type": pb.TOKEN_TYPE_API_KEY, "prefix": "sk\n"}, ["prefix"]),
        ({"type": pb.TOKEN_TYPE_UUID_V4, "prefix": "sk"}, ["prefix"]),
        ({"type": pb.TOKEN_TYPE_NANOID, "prefix": "sk"}, ["prefix"]),
        ({"type": pb.TOKEN_TYPE_SECRET, "prefix": "sk"}, ["prefix"]),
        ({"type": pb.TOKEN_TYPE_NANOID, "length": 3, "prefix": "sk"}, ["length", "prefix"]),
    ],
)
def test_generate_key_rejects(
    stub: crypto_pb2_grpc.CryptoServiceStub, request_fields: dict[str, Any], fields: list[str]
) -> None:
    invalid(lambda: stub.GenerateKey(pb.GenerateKeyRequest(**request_fields), timeout=5), *fields)


# --- GenerateKeyPair ------------------------------------------------------------------------


def _pair(stub: crypto_pb2_grpc.CryptoServiceStub, **fields: Any) -> pb.GenerateKeyPairResponse:
    return stub.GenerateKeyPair(pb.GenerateKeyPairRequest(**fields), timeout=60)


def _load(response: pb.GenerateKeyPairResponse, passphrase: bytes | None = None) -> Any:
    """Load both PEMs with `cryptography`; the public key must belong to the private one."""
    assert response.public_key.startswith("-----BEGIN PUBLIC KEY-----\n")
    header = "ENCRYPTED PRIVATE KEY" if passphrase else "PRIVATE KEY"
    assert response.private_key.startswith(f"-----BEGIN {header}-----\n")
    assert response.private_key_encrypted == bool(passphrase)
    private = serialization.load_pem_private_key(response.private_key.encode(), passphrase)
    public = serialization.load_pem_public_key(response.public_key.encode())
    spki = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    assert private.public_key().public_bytes(*spki) == public.public_bytes(*spki)
    return private


@pytest.mark.parametrize(("key_size", "expected"), [(0, 2048), (2048, 2048), (3072, 3072)])
def test_rsa_key_pair(stub: crypto_pb2_grpc.CryptoServiceStub, key_size: int, expected: int) -> None:
    response = _pair(stub, algorithm=pb.KEY_PAIR_ALGORITHM_RSA, key_size=key_size)
    assert response.algorithm == pb.KEY_PAIR_ALGORITHM_RSA
    assert response.key_size == expected
    assert response.curve == pb.ELLIPTIC_CURVE_UNSPECIFIED
    private = _load(response)
    assert isinstance(private, rsa.RSAPrivateKey)
    assert private.key_size == expected
    assert private.public_key().public_numbers().e == 65537
    signature = private.sign(b"msg", padding.PKCS1v15(), hashes.SHA256())
    private.public_key().verify(signature, b"msg", padding.PKCS1v15(), hashes.SHA256())


@pytest.mark.parametrize(
    ("curve", "expected", "curve_class"),
    [
        (pb.ELLIPTIC_CURVE_UNSPECIFIED, pb.ELLIPTIC_CURVE_P256, ec.SECP256R1),
        (pb.ELLIPTIC_CURVE_P256, pb.ELLIPTIC_CURVE_P256, ec.SECP256R1),
        (pb.ELLIPTIC_CURVE_P384, pb.ELLIPTIC_CURVE_P384, ec.SECP384R1),
        (pb.ELLIPTIC_CURVE_P521, pb.ELLIPTIC_CURVE_P521, ec.SECP521R1),
    ],
)
def test_ec_key_pair(
    stub: crypto_pb2_grpc.CryptoServiceStub, curve: int, expected: int, curve_class: type[ec.EllipticCurve]
) -> None:
    response = _pair(stub, algorithm=pb.KEY_PAIR_ALGORITHM_EC, curve=curve)
    assert response.algorithm == pb.KEY_PAIR_ALGORITHM_EC
    assert response.curve == expected
    assert response.key_size == 0
    private = _load(response)
    assert isinstance(private, ec.EllipticCurvePrivateKey)
    assert isinstance(private.curve, curve_class)
    signature = private.sign(b"msg", ec.ECDSA(hashes.SHA256()))
    private.public_key().verify(signature, b"msg", ec.ECDSA(hashes.SHA256()))


def test_ed25519_key_pair(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    response = _pair(stub, algorithm=pb.KEY_PAIR_ALGORITHM_ED25519)
    assert response.algorithm == pb.KEY_PAIR_ALGORITHM_ED25519
    assert response.key_size == 0
    assert response.curve == pb.ELLIPTIC_CURVE_UNSPECIFIED
    private = _load(response)
    assert isinstance(private, ed25519.Ed25519PrivateKey)
    private.public_key().verify(private.sign(b"msg"), b"msg")


@pytest.mark.parametrize(
    "algorithm", [pb.KEY_PAIR_ALGORITHM_RSA, pb.KEY_PAIR_ALGORITHM_EC, pb.KEY_PAIR_ALGORITHM_ED25519]
)
def test_passphrase_encrypts_the_private_key(stub: crypto_pb2_grpc.CryptoServiceStub, algorithm: int) -> None:
    passphrase = "correct horse battery staple ✓"
    response = _pair(stub, algorithm=algorithm, passphrase=passphrase)
    _load(response, passphrase.encode())
    with pytest.raises(TypeError):  # encrypted, so a passphrase is needed
        serialization.load_pem_private_key(response.private_key.encode(), None)
    with pytest.raises(ValueError):
        serialization.load_pem_private_key(response.private_key.encode(), b"wrong")


def test_key_pairs_are_unique(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    keys = {_pair(stub, algorithm=pb.KEY_PAIR_ALGORITHM_ED25519).private_key for _ in range(20)}
    assert len(keys) == 20


@pytest.mark.parametrize(
    ("request_fields", "fields"),
    [
        ({}, ["algorithm"]),
        ({"algorithm": 9}, ["algorithm"]),
        ({"algorithm": pb.KEY_PAIR_ALGORITHM_RSA, "key_size": 1024}, ["key_size"]),
        ({"algorithm": pb.KEY_PAIR_ALGORITHM_RSA, "key_size": 2047}, ["key_size"]),
        ({"algorithm": pb.KEY_PAIR_ALGORITHM_RSA, "key_size": 8192}, ["key_size"]),
        ({"algorithm": pb.KEY_PAIR_ALGORITHM_RSA, "key_size": -2048}, ["key_size"]),
        ({"algorithm": pb.KEY_PAIR_ALGORITHM_RSA, "curve": pb.ELLIPTIC_CURVE_P256}, ["curve"]),
        ({"algorithm": pb.KEY_PAIR_ALGORITHM_EC, "key_size": 256}, ["key_size"]),
        ({"algorithm": pb.KEY_PAIR_ALGORITHM_EC, "curve": 7}, ["curve"]),
        ({"algorithm": pb.KEY_PAIR_ALGORITHM_ED25519, "key_size": 255}, ["key_size"]),
        ({"algorithm": pb.KEY_PAIR_ALGORITHM_ED25519, "curve": pb.ELLIPTIC_CURVE_P384}, ["curve"]),
        ({"algorithm": pb.KEY_PAIR_ALGORITHM_EC, "passphrase": "x" * 1024}, ["passphrase"]),
        (
            {"algorithm": pb.KEY_PAIR_ALGORITHM_RSA, "key_size": 1024, "curve": pb.ELLIPTIC_CURVE_P521},
            ["key_size", "curve"],
        ),
    ],
)
def test_generate_key_pair_rejects(
    stub: crypto_pb2_grpc.CryptoServiceStub, request_fields: dict[str, Any], fields: list[str]
) -> None:
    invalid(lambda: _pair(stub, **request_fields), *fields)


def test_rsa_4096_does_not_stall_other_rpcs(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    """While an RSA-4096 key is generated, cheap RPCs keep answering in milliseconds.

    If the server generated the key on its event loop, the first cheap call would wait for
    the whole RSA call. RSA-4096 takes a random time (prime search); a run that happens to
    finish too quickly to measure anything is repeated.
    """
    request = pb.GenerateKeyRequest(type=pb.TOKEN_TYPE_UUID_V4)
    stub.GenerateKey(request, timeout=5)  # warm the channel
    for _attempt in range(5):
        started = time.perf_counter()
        future = stub.GenerateKeyPair.future(
            pb.GenerateKeyPairRequest(algorithm=pb.KEY_PAIR_ALGORITHM_RSA, key_size=4096), timeout=120
        )
        time.sleep(0.02)  # let the RSA call reach the server first
        latencies: list[float] = []
        while not future.done():
            call_started = time.perf_counter()
            stub.GenerateKey(request, timeout=5)
            latencies.append(time.perf_counter() - call_started)
        response = future.result()
        rsa_seconds = time.perf_counter() - started
        assert response.key_size == 4096
        if rsa_seconds >= 0.3:
            break
    # A stalled event loop answers the first cheap call only after the RSA call: one call.
    # The median (not the max) so one pause of a busy machine (CI) does not fail the test.
    assert len(latencies) >= 5, f"only {len(latencies)} calls during a {rsa_seconds:.2f}s RSA call"
    assert statistics.median(latencies) < rsa_seconds / 10, (statistics.median(latencies), rsa_seconds)


# --- Encrypt / Decrypt with a raw key -------------------------------------------------------


def test_encrypt_decrypt_with_key(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    key, plaintext = hex_key(), b"Sensitive user data \xe2\x80\x94 SSN, card number"
    sealed = stub.Encrypt(pb.EncryptRequest(plaintext=plaintext, key=key), timeout=5)
    assert len(sealed.ciphertext) == len(plaintext)
    assert sealed.ciphertext != plaintext
    assert len(sealed.iv) == 12
    assert len(sealed.tag) == 16
    assert sealed.salt == b""
    assert sealed.kdf == ""
    assert sealed.iterations == 0
    assert sealed.algorithm == "AES-256-GCM"
    opened = stub.Decrypt(
        pb.DecryptRequest(ciphertext=sealed.ciphertext, iv=sealed.iv, tag=sealed.tag, key=key), timeout=5
    )
    assert opened.plaintext == plaintext
    assert opened.algorithm == "AES-256-GCM"


def test_uppercase_hex_key_is_the_same_key(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    key = hex_key()
    sealed = stub.Encrypt(pb.EncryptRequest(plaintext=b"x", key=key.upper()), timeout=5)
    request = pb.DecryptRequest(ciphertext=sealed.ciphertext, iv=sealed.iv, tag=sealed.tag, key=key)
    assert stub.Decrypt(request, timeout=5).plaintext == b"x"


def test_associated_data_round_trip(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    key, aad = hex_key(), b"user:42"
    sealed = stub.Encrypt(pb.EncryptRequest(plaintext=b"pii", key=key, associated_data=aad), timeout=5)
    request = pb.DecryptRequest(
        ciphertext=sealed.ciphertext, iv=sealed.iv, tag=sealed.tag, key=key, associated_data=aad
    )
    assert stub.Decrypt(request, timeout=5).plaintext == b"pii"


def test_each_encryption_uses_a_fresh_nonce(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    key = hex_key()
    results = [stub.Encrypt(pb.EncryptRequest(plaintext=b"same", key=key), timeout=5) for _ in range(50)]
    assert len({r.iv for r in results}) == 50
    assert len({r.ciphertext + r.tag for r in results}) == 50


def test_server_ciphertext_decrypts_with_cryptography(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    key, plaintext, aad = hex_key(), secrets.token_bytes(1000), b"context"
    for associated_data in (b"", aad):
        request = pb.EncryptRequest(plaintext=plaintext, key=key, associated_data=associated_data)
        sealed = stub.Encrypt(request, timeout=5)
        local = AESGCM(bytes.fromhex(key)).decrypt(
            sealed.iv, sealed.ciphertext + sealed.tag, associated_data or None
        )
        assert local == plaintext


def test_cryptography_ciphertext_decrypts_on_the_server(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    key, plaintext, aad = hex_key(), secrets.token_bytes(1000), b"context"
    nonce = secrets.token_bytes(12)
    for associated_data in (b"", aad):
        sealed = AESGCM(bytes.fromhex(key)).encrypt(nonce, plaintext, associated_data or None)
        request = pb.DecryptRequest(
            ciphertext=sealed[:-16], iv=nonce, tag=sealed[-16:], key=key, associated_data=associated_data
        )
        assert stub.Decrypt(request, timeout=5).plaintext == plaintext


def test_payload_at_the_limit_round_trips(big_stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    key, plaintext = hex_key(), secrets.token_bytes(LIMIT)
    sealed = big_stub.Encrypt(pb.EncryptRequest(plaintext=plaintext, key=key), timeout=30)
    request = pb.DecryptRequest(ciphertext=sealed.ciphertext, iv=sealed.iv, tag=sealed.tag, key=key)
    assert big_stub.Decrypt(request, timeout=30).plaintext == plaintext


def test_payload_over_the_limit_is_refused(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    too_big = b"\0" * (LIMIT + 1)
    error = expect_error(
        lambda: stub.Encrypt(pb.EncryptRequest(plaintext=too_big, key=hex_key()), timeout=30),
        INVALID,
        "PAYLOAD_TOO_LARGE",
    )
    assert error.field_violations == ["plaintext"]
    assert error.metadata == {"limitBytes": str(LIMIT)}
    request = pb.DecryptRequest(ciphertext=too_big, iv=b"\0" * 12, tag=b"\0" * 16, key=hex_key())
    error = expect_error(lambda: stub.Decrypt(request, timeout=30), INVALID, "PAYLOAD_TOO_LARGE")
    assert error.field_violations == ["ciphertext"]


# --- Encrypt / Decrypt with a password ------------------------------------------------------


def _derive(password: str, salt: bytes, iterations: int) -> bytes:
    return PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=iterations).derive(
        password.encode()
    )


def test_password_defaults_to_600000_iterations(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    sealed = stub.Encrypt(pb.EncryptRequest(plaintext=b"another secret", password="pw"), timeout=30)
    assert sealed.iterations == 600_000
    assert sealed.kdf == "PBKDF2-HMAC-SHA256"
    assert len(sealed.salt) == 16
    # Decrypt's iterations default to 600,000 too, so a caller that did not store it still works.
    request = pb.DecryptRequest(
        ciphertext=sealed.ciphertext, iv=sealed.iv, tag=sealed.tag, password="pw", salt=sealed.salt
    )
    assert stub.Decrypt(request, timeout=30).plaintext == b"another secret"


def test_encrypt_decrypt_with_password(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    password = "a-strong-master-password ✓"
    sealed = stub.Encrypt(
        pb.EncryptRequest(plaintext=b"data", password=password, iterations=FAST, associated_data=b"ad"),
        timeout=30,
    )
    assert sealed.iterations == FAST
    assert sealed.kdf == "PBKDF2-HMAC-SHA256"
    assert len(sealed.salt) == 16
    assert len(sealed.iv) == 12
    assert len(sealed.tag) == 16
    request = pb.DecryptRequest(
        ciphertext=sealed.ciphertext,
        iv=sealed.iv,
        tag=sealed.tag,
        password=password,
        salt=sealed.salt,
        iterations=sealed.iterations,
        associated_data=b"ad",
    )
    assert stub.Decrypt(request, timeout=30).plaintext == b"data"


def test_each_password_encryption_uses_a_fresh_salt(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    request = pb.EncryptRequest(plaintext=b"same", password="pw", iterations=FAST)
    salts = {stub.Encrypt(request, timeout=30).salt for _ in range(5)}
    assert len(salts) == 5


def test_password_result_decrypts_with_local_pbkdf2(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    iterations = FAST + 12_345  # a count other than the default, to prove it is honoured
    request = pb.EncryptRequest(plaintext=b"secret", password="pw", iterations=iterations)
    sealed = stub.Encrypt(request, timeout=30)
    assert sealed.iterations == iterations
    key = _derive("pw", sealed.salt, sealed.iterations)
    assert AESGCM(key).decrypt(sealed.iv, sealed.ciphertext + sealed.tag, None) == b"secret"


def test_local_pbkdf2_ciphertext_decrypts_on_the_server(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    salt, nonce, iterations = secrets.token_bytes(16), secrets.token_bytes(12), FAST + 1
    sealed = AESGCM(_derive("pw", salt, iterations)).encrypt(nonce, b"from outside", b"ad")
    request = pb.DecryptRequest(
        ciphertext=sealed[:-16],
        iv=nonce,
        tag=sealed[-16:],
        password="pw",
        salt=salt,
        iterations=iterations,
        associated_data=b"ad",
    )
    assert stub.Decrypt(request, timeout=30).plaintext == b"from outside"


# --- Decryption failures: one error, no hint ------------------------------------------------


def _flip(data: bytes, index: int = 0) -> bytes:
    return data[:index] + bytes([data[index] ^ 0x01]) + data[index + 1 :]


def test_every_key_mismatch_is_the_same_decryption_failure(stub: crypto_pb2_grpc.CryptoServiceStub) -> None:
    key = hex_key()
    sealed = stub.Encrypt(pb.EncryptRequest(plaintext=b"payload", key=key, associated_data=b"ad"), timeout=5)
    good: dict[str, Any] = {
        "ciphertext": sealed.ciphertext,
        "iv": sealed.iv,
        "tag": sealed.tag,
        "key": key,
        "associated_data": b"ad",
    }
    assert stub.Decrypt(pb.DecryptRequest(**good), timeout=5).plaintext == b"payload"
    variants: list[dict[str, Any]] = [
        {"ciphertext": _flip(sealed.ciphertext)},
        {"ciphertext": _flip(sealed.ciphertext, len(sealed.ciphertext) - 1)},
        {"ciphertext": sealed.ciphertext[:-1]},
        {"ciphertext": sealed.ciphertext + b"\0"},
        {"tag": _flip(sealed.tag, 15)},
        {"iv": _flip(sealed.iv, 11)},
        {"key": hex_key()},
        {"key": _flip(bytes.fromhex(key)).hex()},
        {"associated_data": b"other"},
        {"associated_data": b""},
    ]
    messages = {
        decryption_failed(lambda v=variant: stub.Decrypt(pb.DecryptRequest(**{**good, **v}), timeout=5))
        for variant in variants
    }
    assert len(messages) == 1


def test_every_password_mismatch_is_the_same_decryption_failure(
    stub: crypto_pb2_grpc.CryptoServiceStub,
) -> None:
    sealed = stub.Encrypt(pb.EncryptRequest(plaintext=b"payload", password="pw", iterations=FAST), timeout=30)
    good: dict[str, Any] = {
        "ciphertext": sealed.ciphertext,
        "iv": sealed.iv,
        "tag": sealed.tag,
        "password": "pw",
        "salt": sealed.salt,
        "iterations": FAST,
    }
    variants: list[dict[str, Any]] = [
        {"password": "pW"},
        {"salt": _flip(sealed.salt)},
        {"iterations": FAST + 1},
        {"iterations": 0},  # the default, 600,000: not what was used
        {"tag": _flip(sealed.tag)},
        {"associated_data": b"unexpected"},
    ]
    messages = {
        decryption_failed(lambda v=variant: stub.Decrypt(pb.DecryptRequest(**{**good, **v}), timeout=30))
        for variant in variants
    }
    # And a key-path failure reads exactly the same.
    key_sealed = stub.Encrypt(pb.EncryptRequest(plaintext=b"payload", key=hex_key()), timeout=5)
    request = pb.DecryptRequest(
        ciphertext=key_sealed.ciphertext, iv=key_sealed.iv, tag=key_sealed.tag, key=hex_key()
    )
    messages.add(decryption_failed(lambda: stub.Decrypt(request, timeout=5)))
    assert len(messages) == 1


# --- Bad Encrypt / Decrypt input ------------------------------------------------------------

KEY = "0f" * 32


@pytest.mark.parametrize(
    ("request_fields", "fields"),
    [
        ({"plaintext": b"x"}, ["key", "password"]),
        ({"plaintext": b"x", "key": KEY, "password": "pw"}, ["key", "password"]),
        ({"plaintext": b"", "key": KEY}, ["plaintext"]),
        ({"plaintext": b"x", "key": KEY[:-1]}, ["key"]),
        ({"plaintext": b"x", "key": KEY + "0"}, ["key"]),
        ({"plaintext": b"x", "key": KEY[:-2]}, ["key"]),
        ({"plaintext": b"x", "key": "g" * 64}, ["key"]),
        ({"plaintext": b"x", "key": "0f " * 21 + "0"}, ["key"]),
        ({"plaintext": b"x", "key": "0x" + KEY[2:]}, ["key"]),
        ({"plaintext": b"x", "key": "é" * 64}, ["key"]),
        ({"plaintext": b"x", "key": KEY, "iterations": FAST}, ["iterations"]),
        ({"plaintext": b"x", "password": "pw", "iterations": 99_999}, ["iterations"]),
        ({"plaintext": b"x", "password": "pw", "iterations": 10_000_001}, ["iterations"]),
        ({"plaintext": b"x", "password": "pw", "iterations": -600_000}, ["iterations"]),
        ({"plaintext": b"", "key": "zz", "iterations": 5}, ["plaintext", "key", "iterations"]),
    ],
)
def test_encrypt_rejects(
    stub: crypto_pb2_grpc.CryptoServiceStub, request_fields: dict[str, Any], fields: list[str]
) -> None:
    invalid(lambda: stub.Encrypt(pb.EncryptRequest(**request_fields), timeout=5), *fields)


_CT = {"ciphertext": b"ct", "iv": b"\0" * 12, "tag": b"\0" * 16}
_SALT = b"\0" * 16


@pytest.mark.parametrize(
    ("request_fields", "fields"),
    [
        ({**_CT}, ["key", "password"]),
        ({**_CT, "key": KEY, "password": "pw", "salt": _SALT}, ["key", "password"]),
        ({**_CT, "ciphertext": b"", "key": KEY}, ["ciphertext"]),
        ({**_CT, "iv": b"", "key": KEY}, ["iv"]),
        ({**_CT, "iv": b"\0" * 11, "key": KEY}, ["iv"]),
        ({**_CT, "iv": b"\0" * 16, "key": KEY}, ["iv"]),
        ({**_CT, "tag": b"", "key": KEY}, ["tag"]),
        ({**_CT, "tag": b"\0" * 12, "key": KEY}, ["tag"]),
        ({**_CT, "tag": b"\0" * 17, "key": KEY}, ["tag"]),
        ({**_CT, "key": KEY[:-1]}, ["key"]),
        ({**_CT, "key": "G" * 64}, ["key"]),
        ({**_CT, "key": KEY, "salt": _SALT}, ["salt"]),
        ({**_CT, "key": KEY, "iterations": FAST}, ["iterations"]),
        ({**_CT, "password": "pw"}, ["salt"]),
        ({**_CT, "password": "pw", "salt": b"\0" * 8}, ["salt"]),
        ({**_CT, "password": "pw", "salt": b"\0" * 32}, ["salt"]),
        ({**_CT, "password": "pw", "salt": _SALT, "iterations": 99_999}, ["iterations"]),
        ({**_CT, "password": "pw", "salt": _SALT, "iterations": 10_000_001}, ["iterations"]),
        ({"ciphertext": b"", "iv": b"1", "tag": b"2", "key": "k"}, ["ciphertext", "iv", "tag", "key"]),
    ],
)
def test_decrypt_rejects(
    stub: crypto_pb2_grpc.CryptoServiceStub, request_fields: dict[str, Any], fields: list[str]
) -> None:
    invalid(lambda: stub.Decrypt(pb.DecryptRequest(**request_fields), timeout=5), *fields)


# --- Audit: every call offered to the access log, never its data ----------------------------


class RecordingAccessLog:
    def __init__(self) -> None:
        self.records: list[AuditRecord] = []

    async def submit(self, record: AuditRecord) -> None:
        self.records.append(record)


def test_calls_are_audited_without_payloads(
    server: ServerThread, stub: crypto_pb2_grpc.CryptoServiceStub
) -> None:
    recorder = RecordingAccessLog()
    crypto_ops = server.container.crypto
    previous, crypto_ops.access_log = crypto_ops.access_log, recorder
    try:
        key, password, plaintext, passphrase = (
            hex_key(),
            "hunter2-password",
            b"top-secret-payload",
            "pass-phrase",
        )
        token = stub.GenerateKey(pb.GenerateKeyRequest(type=pb.TOKEN_TYPE_SECRET), timeout=5).key
        pair = _pair(stub, algorithm=pb.KEY_PAIR_ALGORITHM_EC, passphrase=passphrase)
        sealed = stub.Encrypt(pb.EncryptRequest(plaintext=plaintext, key=key), timeout=5)
        stub.Decrypt(
            pb.DecryptRequest(ciphertext=sealed.ciphertext, iv=sealed.iv, tag=sealed.tag, key=key), timeout=5
        )
        invalid(lambda: stub.GenerateKey(pb.GenerateKeyRequest(), timeout=5), "type")
        invalid(lambda: _pair(stub, algorithm=pb.KEY_PAIR_ALGORITHM_RSA, key_size=1024), "key_size")
        invalid(
            lambda: stub.Encrypt(pb.EncryptRequest(plaintext=plaintext, password=password, key=key)),
            "key",
            "password",
        )
        bad = pb.DecryptRequest(ciphertext=sealed.ciphertext, iv=sealed.iv, tag=sealed.tag, key=hex_key())
        decryption_failed(lambda: stub.Decrypt(bad, timeout=5))
    finally:
        crypto_ops.access_log = previous

    summary = [(r.action, r.outcome, r.reason) for r in recorder.records]
    assert summary == [
        ("crypto.generate_key", SUCCESS, ""),
        ("crypto.generate_key_pair", SUCCESS, ""),
        ("crypto.encrypt", SUCCESS, ""),
        ("crypto.decrypt", SUCCESS, ""),
        ("crypto.generate_key", FAILURE, "INVALID_ARGUMENT"),
        ("crypto.generate_key_pair", FAILURE, "INVALID_ARGUMENT"),
        ("crypto.encrypt", FAILURE, "INVALID_ARGUMENT"),
        ("crypto.decrypt", FAILURE, "DECRYPTION_FAILED"),
    ]
    assert all(r.request_id for r in recorder.records)  # filled from the request context
    dumped = repr(recorder.records)
    for secret in (key, password, plaintext.decode(), passphrase, token, pair.private_key[40:80]):
        assert secret not in dumped
