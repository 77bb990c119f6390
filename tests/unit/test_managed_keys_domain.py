"""domain/managed_keys.py: every algorithm, the ciphertext format, version and rotation rules."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from keyturn_server.domain import managed_keys as mk
from keyturn_server.domain.errors import (
    CryptoKeyVersionDestroyed,
    CryptoKeyVersionDisabled,
    DecryptionFailed,
    FailedPrecondition,
    InvalidArgument,
    WrongKeyPurpose,
)

A = mk.Algorithm
S = mk.VersionState
KEY_ID = str(uuid.uuid4())
NOW = datetime(2026, 1, 1, tzinfo=UTC)
AEADS = [A.AES_256_GCM, A.CHACHA20_POLY1305]
SIGNERS = [a for a, spec in mk.ALGORITHMS.items() if spec.purpose is mk.Purpose.ASYMMETRIC_SIGN]
MACS = [A.HMAC_SHA256, A.HMAC_SHA512]


@pytest.fixture(scope="module")
def materials() -> dict[mk.Algorithm, bytes]:
    return {algorithm: mk.generate_material(algorithm) for algorithm in A}


def test_every_algorithm_has_a_purpose_and_fresh_material(materials: dict[mk.Algorithm, bytes]) -> None:
    assert set(mk.ALGORITHMS) == set(A)
    for algorithm in A:
        assert mk.generate_material(algorithm) != materials[algorithm]
    assert len(materials[A.AES_256_GCM]) == 32 and len(materials[A.HMAC_SHA512]) == 64
    rsa_key = serialization.load_der_private_key(materials[A.RSA_PSS_4096_SHA256], None)
    assert isinstance(rsa_key, rsa.RSAPrivateKey) and rsa_key.key_size == 4096
    p384 = serialization.load_der_private_key(materials[A.ECDSA_P384_SHA384], None)
    assert isinstance(p384, ec.EllipticCurvePrivateKey) and isinstance(p384.curve, ec.SECP384R1)


@pytest.mark.parametrize("algorithm", AEADS)
@pytest.mark.parametrize("plaintext", [b"", b"x", os.urandom(70_000)])
def test_aead_round_trip(
    materials: dict[mk.Algorithm, bytes], algorithm: mk.Algorithm, plaintext: bytes
) -> None:
    blob = mk.encrypt(algorithm, materials[algorithm], KEY_ID, 7, plaintext, b"ctx")
    assert mk.parse_ciphertext(blob) == mk.CiphertextHeader(KEY_ID, 7)
    assert len(blob) == mk.HEADER_BYTES + 12 + len(plaintext) + 16
    assert mk.decrypt(algorithm, materials[algorithm], blob, b"ctx") == plaintext
    assert mk.encrypt(algorithm, materials[algorithm], KEY_ID, 7, plaintext, b"ctx") != blob


def _flip(blob: bytes, index: int) -> bytes:
    out = bytearray(blob)
    out[index] ^= 0x01
    return bytes(out)


@pytest.mark.parametrize("algorithm", AEADS)
def test_any_tampering_fails_the_same_way(
    materials: dict[mk.Algorithm, bytes], algorithm: mk.Algorithm
) -> None:
    material = materials[algorithm]
    blob = mk.encrypt(algorithm, material, KEY_ID, 3, b"secret payload", b"ad")
    other_key = mk.encrypt(algorithm, material, str(uuid.uuid4()), 3, b"secret payload", b"ad")
    cases = {
        "format byte": _flip(blob, 1),
        "magic": _flip(blob, 0),
        "key id": _flip(blob, 5),
        "version": _flip(blob, 21),
        "nonce": _flip(blob, mk.HEADER_BYTES + 1),
        "ciphertext": _flip(blob, mk.HEADER_BYTES + 13),
        "tag": _flip(blob, len(blob) - 1),
        "truncated": blob[:-1],
        "too short": blob[: mk.HEADER_BYTES + 10],
        "header of another key": other_key[: mk.HEADER_BYTES] + blob[mk.HEADER_BYTES :],
    }
    for name, tampered in cases.items():
        with pytest.raises(DecryptionFailed) as caught:
            mk.decrypt(algorithm, material, tampered, b"ad")
        assert "secret" not in caught.value.message, name
    for ad in (b"", b"AD", b"ad\x00"):
        with pytest.raises(DecryptionFailed):
            mk.decrypt(algorithm, material, blob, ad)
    with pytest.raises(DecryptionFailed):
        mk.decrypt(algorithm, mk.generate_material(algorithm), blob, b"ad")


def test_version_zero_header_is_refused() -> None:
    blob = bytes((mk.MAGIC, mk.FORMAT_VERSION)) + uuid.UUID(KEY_ID).bytes + (0).to_bytes(4, "big") + bytes(28)
    with pytest.raises(DecryptionFailed):
        mk.parse_ciphertext(blob)


def test_data_key_decrypts_what_aesgcm_encrypted_with_it(materials: dict[mk.Algorithm, bytes]) -> None:
    material = materials[A.AES_256_GCM]
    data_key = mk.generate_data_key(A.AES_256_GCM, material, KEY_ID, 2, b"file-1")
    assert len(data_key.plaintext) == 32
    nonce = os.urandom(12)
    sealed = AESGCM(data_key.plaintext).encrypt(nonce, b"large payload" * 1000, None)
    unwrapped = mk.decrypt(A.AES_256_GCM, material, data_key.wrapped, b"file-1")
    assert AESGCM(unwrapped).decrypt(nonce, sealed, None) == b"large payload" * 1000
    assert mk.parse_ciphertext(data_key.wrapped).version == 2


def _verify_outside(algorithm: mk.Algorithm, pem: str, data: bytes, signature: bytes) -> None:
    public = serialization.load_pem_public_key(pem.encode())
    if isinstance(public, ed25519.Ed25519PublicKey):
        public.verify(signature, data)
    elif isinstance(public, ec.EllipticCurvePublicKey):
        digest = hashes.SHA384() if algorithm is A.ECDSA_P384_SHA384 else hashes.SHA256()
        public.verify(signature, data, ec.ECDSA(digest))
    else:
        assert isinstance(public, rsa.RSAPublicKey)
        public.verify(
            signature,
            data,
            padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.AUTO),
            hashes.SHA256(),
        )


@pytest.mark.parametrize("algorithm", SIGNERS)
def test_signatures_verify_with_the_pem_in_cryptography(
    materials: dict[mk.Algorithm, bytes], algorithm: mk.Algorithm
) -> None:
    material = materials[algorithm]
    signature = mk.sign(algorithm, material, b"message")
    pem = mk.public_key_pem(algorithm, material)
    assert pem.startswith("-----BEGIN PUBLIC KEY-----")
    _verify_outside(algorithm, pem, b"message", signature)
    assert mk.verify(algorithm, material, b"message", signature)
    assert not mk.verify(algorithm, material, b"messagf", signature)
    assert not mk.verify(algorithm, material, b"message", _flip(signature, 3))
    assert not mk.verify(algorithm, mk.generate_material(algorithm), b"message", signature)


@pytest.mark.parametrize("algorithm", MACS)
def test_mac_round_trip(materials: dict[mk.Algorithm, bytes], algorithm: mk.Algorithm) -> None:
    import hmac as std_hmac

    material = materials[algorithm]
    tag = mk.mac(algorithm, material, b"data")
    digest = "sha256" if algorithm is A.HMAC_SHA256 else "sha512"
    assert tag == std_hmac.new(material, b"data", digest).digest()
    assert mk.verify_mac(algorithm, material, b"data", tag)
    assert not mk.verify_mac(algorithm, material, b"data", _flip(tag, 0))
    assert not mk.verify_mac(algorithm, material, b"data", tag[:-1])


def test_operations_of_the_wrong_purpose_are_refused(materials: dict[mk.Algorithm, bytes]) -> None:
    with pytest.raises(WrongKeyPurpose) as caught:
        mk.encrypt(A.HMAC_SHA256, materials[A.HMAC_SHA256], KEY_ID, 1, b"x")
    assert caught.value.metadata == {"purpose": "MAC", "required": "ENCRYPT_DECRYPT"}
    with pytest.raises(WrongKeyPurpose):
        mk.sign(A.AES_256_GCM, materials[A.AES_256_GCM], b"x")
    with pytest.raises(WrongKeyPurpose):
        mk.mac(A.ED25519, materials[A.ED25519], b"x")
    with pytest.raises(WrongKeyPurpose):
        mk.public_key_pem(A.HMAC_SHA512, materials[A.HMAC_SHA512])
    with pytest.raises(WrongKeyPurpose):
        mk.require_purpose(mk.Purpose.MAC, mk.Purpose.ASYMMETRIC_SIGN)
    mk.require_purpose(mk.Purpose.MAC, mk.Purpose.MAC)
    with pytest.raises(InvalidArgument, match="not an algorithm for MAC"):
        mk.check_algorithm_purpose(mk.Purpose.MAC, A.ED25519)


def test_crc32c_fields() -> None:
    assert mk.crc32c(b"123456789") == 0xE3069283  # the CRC-32C check value
    assert mk.check_crc32c("plaintext_crc32c", b"abc", None) is False
    assert mk.check_crc32c("plaintext_crc32c", b"abc", mk.crc32c(b"abc")) is True
    for wrong in (mk.crc32c(b"abd"), -1, 1 << 33):
        with pytest.raises(InvalidArgument) as caught:
            mk.check_crc32c("plaintext_crc32c", b"abc", wrong)
        assert caught.value.violations[0].field == "plaintext_crc32c"


def test_only_enabled_versions_are_usable() -> None:
    mk.require_usable(KEY_ID, 1, S.ENABLED)
    for state in (S.DISABLED, S.DESTROY_SCHEDULED):
        with pytest.raises(CryptoKeyVersionDisabled) as disabled:
            mk.require_usable(KEY_ID, 1, state)
        assert disabled.value.metadata["state"] == state.value
    with pytest.raises(CryptoKeyVersionDestroyed):
        mk.require_usable(KEY_ID, 1, S.DESTROYED)
    mk.require_decryptable(KEY_ID, 3, S.ENABLED, 3)
    with pytest.raises(CryptoKeyVersionDisabled, match="BELOW_MIN_DECRYPTION_VERSION"):
        mk.require_decryptable(KEY_ID, 2, S.ENABLED, 3)


def test_version_transitions() -> None:
    assert mk.disable(S.ENABLED, is_primary=False) is S.DISABLED
    assert mk.enable(S.DISABLED) is S.ENABLED and mk.enable(S.ENABLED) is S.ENABLED
    with pytest.raises(FailedPrecondition, match="primary"):
        mk.disable(S.ENABLED, is_primary=True)
    for state in (S.DESTROY_SCHEDULED, S.DESTROYED):
        with pytest.raises(FailedPrecondition):
            mk.enable(state)
        with pytest.raises(FailedPrecondition):
            mk.disable(state, is_primary=False)
        with pytest.raises(FailedPrecondition):
            mk.schedule_destroy(state, False, NOW, timedelta(hours=24))
    state, when = mk.schedule_destroy(S.DISABLED, False, NOW, timedelta(hours=24))
    assert state is S.DESTROY_SCHEDULED and when == NOW + timedelta(hours=24)
    with pytest.raises(FailedPrecondition, match="primary"):
        mk.schedule_destroy(S.ENABLED, True, NOW, timedelta(hours=24))
    assert mk.restore(S.DESTROY_SCHEDULED) is S.DISABLED
    for state in (S.ENABLED, S.DISABLED, S.DESTROYED):
        with pytest.raises(FailedPrecondition):
            mk.restore(state)
    assert mk.destroy_due(S.DESTROY_SCHEDULED, NOW, NOW)
    assert not mk.destroy_due(S.DESTROY_SCHEDULED, NOW + timedelta(seconds=1), NOW)
    assert not mk.destroy_due(S.DISABLED, NOW, NOW)


def test_primary_and_min_decryption_rules() -> None:
    mk.check_primary(2, S.ENABLED)
    with pytest.raises(FailedPrecondition):
        mk.check_primary(2, S.DISABLED)
    with pytest.raises(InvalidArgument):
        mk.check_primary(0, S.ENABLED)
    mk.check_min_decryption_version(3, 3)
    mk.check_min_decryption_version(0, 3)
    with pytest.raises(InvalidArgument):
        mk.check_min_decryption_version(4, 3)


def test_destroy_policy_defaults_to_a_day_within_bounds() -> None:
    policy = mk.DestroyPolicy()
    assert policy.resolve(None) == timedelta(hours=24)
    strict = mk.DestroyPolicy(
        default=timedelta(days=2), minimum=timedelta(days=1), maximum=timedelta(days=30)
    )
    assert strict.resolve(None) == timedelta(days=2)
    assert strict.resolve(timedelta(days=7)) == timedelta(days=7)
    for bad in (timedelta(hours=1), timedelta(days=31)):
        with pytest.raises(InvalidArgument):
            strict.resolve(bad)


def test_rotation_period_and_next_rotation_time() -> None:
    hour = timedelta(hours=1)
    assert mk.next_rotation_time(NOW, None) is None
    assert mk.next_rotation_time(NOW, hour) == NOW + hour
    assert mk.next_rotation_time(NOW, hour, NOW + timedelta(minutes=5)) == NOW + timedelta(minutes=5)
    with pytest.raises(InvalidArgument, match="at least one hour"):
        mk.next_rotation_time(NOW, timedelta(minutes=59))
    with pytest.raises(InvalidArgument, match="future"):
        mk.next_rotation_time(NOW, hour, NOW)
    with pytest.raises(InvalidArgument, match="rotation_period"):
        mk.next_rotation_time(NOW, None, NOW + hour)
    assert mk.after_rotation(NOW, timedelta(days=30)) == NOW + timedelta(days=30)
    assert mk.after_rotation(NOW, None) is None
    assert (
        mk.rotation_due(NOW, NOW) and not mk.rotation_due(NOW + hour, NOW) and not mk.rotation_due(None, NOW)
    )


def test_names_and_labels() -> None:
    mk.validate_name("payments-db.v2")
    for bad in ("", "a b", "x" * 201, "é"):
        with pytest.raises(InvalidArgument):
            mk.validate_name(bad)
    mk.validate_labels({"team": "payments", "env": "prod-1"})
    for bad in ({"Team": "x"}, {"team": "X"}, {"1a": "x"}, {f"k{i}": "" for i in range(65)}):
        with pytest.raises(InvalidArgument):
            mk.validate_labels(bad)


@pytest.fixture(scope="module")
def import_key() -> mk.ImportKeyPair:
    return mk.generate_import_key()


@pytest.mark.parametrize("method", list(mk.ImportMethod))
@pytest.mark.parametrize("algorithm", list(A))
def test_import_round_trip(
    import_key: mk.ImportKeyPair,
    materials: dict[mk.Algorithm, bytes],
    method: mk.ImportMethod,
    algorithm: mk.Algorithm,
) -> None:
    material = materials[algorithm]
    if not mk.import_method_fits(method, algorithm):
        with pytest.raises(ValueError):
            mk.wrap_for_import(method, import_key.public_pem, material)
        return
    wrapped = mk.wrap_for_import(method, import_key.public_pem, material)
    assert material not in wrapped
    imported = mk.validate_material(algorithm, mk.unwrap_import(method, import_key.private_der, wrapped))
    assert imported == material
    if mk.purpose_of(algorithm) is mk.Purpose.ASYMMETRIC_SIGN:
        _verify_outside(
            algorithm, mk.public_key_pem(algorithm, imported), b"m", mk.sign(algorithm, imported, b"m")
        )


def test_import_rejects_bad_blobs_and_mismatched_material(
    import_key: mk.ImportKeyPair, materials: dict[mk.Algorithm, bytes]
) -> None:
    for method in mk.ImportMethod:
        wrapped = mk.wrap_for_import(method, import_key.public_pem, materials[A.AES_256_GCM])
        for bad in (_flip(wrapped, 10), _flip(wrapped, len(wrapped) - 1), wrapped[:-1], b""):
            with pytest.raises(InvalidArgument) as caught:
                mk.unwrap_import(method, import_key.private_der, bad)
            assert caught.value.violations[0].field == "wrapped_key_material"
        with pytest.raises(InvalidArgument):
            mk.unwrap_import(method, mk.generate_import_key().private_der, wrapped)
    with pytest.raises(InvalidArgument, match="exactly 32 bytes"):
        mk.validate_material(A.AES_256_GCM, os.urandom(16))
    with pytest.raises(InvalidArgument, match="exactly 64 bytes"):
        mk.validate_material(A.HMAC_SHA512, os.urandom(32))
    mismatches = [
        (A.ECDSA_P256_SHA256, A.ECDSA_P384_SHA384),
        (A.RSA_PSS_2048_SHA256, A.RSA_PSS_3072_SHA256),
        (A.ED25519, A.ECDSA_P256_SHA256),
    ]
    for source, target in mismatches:
        with pytest.raises(InvalidArgument, match="PKCS#8"):
            mk.validate_material(target, materials[source])
    with pytest.raises(InvalidArgument):
        mk.validate_material(A.ED25519, b"not a key")
    assert mk.import_method_fits(mk.ImportMethod.RSA_OAEP_3072_SHA256, A.ECDSA_P384_SHA384)
    assert not mk.import_method_fits(mk.ImportMethod.RSA_OAEP_3072_SHA256, A.RSA_PSS_2048_SHA256)


def test_raw_ed25519_seed_is_accepted_and_normalised() -> None:
    private = ed25519.Ed25519PrivateKey.generate()
    seed = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    material = mk.validate_material(A.ED25519, seed)
    signature = mk.sign(A.ED25519, material, b"m")
    private.public_key().verify(signature, b"m")
