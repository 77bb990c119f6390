"""GitHub's secret-scanning public keys: the key file, signature checks, refreshing the file."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from keyturn_server.api.http.github_scanning import KeyFileError, PublicKeys, load_public_keys
from keyturn_server.config import ConfigError


def _pem(key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def _write(path: Path, **keys: ec.EllipticCurvePrivateKey) -> Path:
    entries = [{"key_identifier": k, "key": _pem(v), "is_current": True} for k, v in keys.items()]
    path.write_text(json.dumps({"public_keys": entries}))
    return path


def _sign(key: ec.EllipticCurvePrivateKey, body: bytes) -> str:
    return base64.b64encode(key.sign(body, ec.ECDSA(hashes.SHA256()))).decode()


def test_verifies_only_the_named_key_over_the_exact_body(tmp_path: Path) -> None:
    one, two = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    keys = PublicKeys(_write(tmp_path / "k.json", one=one, two=two))
    body = b'[{"token":"t","type":"x","url":"u","source":"content"}]'
    assert keys.verify("one", _sign(one, body), body)
    assert keys.verify("two", _sign(two, body), body)
    assert not keys.verify("two", _sign(one, body), body)
    assert not keys.verify("one", _sign(one, body), body + b"\n")
    assert not keys.verify("three", _sign(one, body), body)
    assert not keys.verify("one", "", body)
    assert not keys.verify("", _sign(one, body), body)
    assert not keys.verify("one", "%%%", body)
    assert not keys.verify("one", base64.b64encode(b"not der").decode(), body)


def test_an_unknown_identifier_rereads_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    path = _write(tmp_path / "k.json", old=old)
    keys = PublicKeys(path)
    monkeypatch.setattr(PublicKeys, "RELOAD_INTERVAL_SECONDS", 0.0)
    _write(path, old=old, new=new)  # GitHub rotated its keys; the operator refreshed the file
    assert keys.verify("new", _sign(new, b"[]"), b"[]")
    path.write_text("broken")  # a bad refresh keeps the keys we had
    assert keys.verify("old", _sign(old, b"[]"), b"[]")
    assert not keys.verify("newer", _sign(new, b"[]"), b"[]")
    assert keys.verify("new", _sign(new, b"[]"), b"[]")


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[]",
        '{"public_keys": []}',
        '{"public_keys": ["x"]}',
        '{"public_keys": [{"key_identifier": "a"}]}',
        '{"public_keys": [{"key_identifier": "a", "key": "not a pem"}]}',
    ],
)
def test_bad_key_files_are_configuration_errors(tmp_path: Path, content: str) -> None:
    path = tmp_path / "k.json"
    path.write_text(content)
    with pytest.raises(ConfigError, match="KEYTURN_GITHUB_SECRET_SCANNING_KEYS"):
        load_public_keys(path)


def test_non_ecdsa_keys_and_missing_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "k.json"
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path.write_text(json.dumps({"public_keys": [{"key_identifier": "r", "key": _pem(rsa_key)}]}))
    with pytest.raises(KeyFileError, match="not an ECDSA key"):
        load_public_keys(path)
    with pytest.raises(KeyFileError, match="cannot read"):
        load_public_keys(tmp_path / "missing.json")
