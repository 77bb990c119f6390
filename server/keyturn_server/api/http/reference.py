"""The reference API's JSON on its four routes (`/v1/auth/generate-key`, `generate-keypair`,
`encrypt`, `decrypt`; shared/reference/000_*), so its callers move over unchanged.

Only the JSON differs from proto3 JSON, and only on these four routes; the RPCs, their
checks, errors and audit are the gRPC ones:

* enum values in answers are spelled as the reference spells them (`api-key`, `uuid-v4`,
  `nanoid`, `secret`; `RSA`, `EC`, `Ed25519`; `P-256`, `P-384`, `P-521`) - requests accept these
  spellings already (routes.enum_value);
* `plaintext` is text: Encrypt takes a string and seals its UTF-8 bytes, Decrypt answers the
  UTF-8 text (a plaintext that is not UTF-8, which only a gRPC caller can seal, is answered
  as base64 with `"plaintext_encoding": "base64"`);
* fields the reference documents as `null` when they do not apply (`key_size` for EC, `curve`
  for RSA, `salt` without a password) are present as null.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

_CRYPTO = "/keyturn.v1.CryptoService/"
GENERATE_KEY = _CRYPTO + "GenerateKey"
GENERATE_KEY_PAIR = _CRYPTO + "GenerateKeyPair"
ENCRYPT = _CRYPTO + "Encrypt"
DECRYPT = _CRYPTO + "Decrypt"
RPCS = frozenset({GENERATE_KEY, GENERATE_KEY_PAIR, ENCRYPT, DECRYPT})

SPELLINGS: dict[str, str] = {
    "TOKEN_TYPE_API_KEY": "api-key",
    "TOKEN_TYPE_UUID_V4": "uuid-v4",
    "TOKEN_TYPE_NANOID": "nanoid",
    "TOKEN_TYPE_SECRET": "secret",
    "KEY_PAIR_ALGORITHM_RSA": "RSA",
    "KEY_PAIR_ALGORITHM_EC": "EC",
    "KEY_PAIR_ALGORITHM_ED25519": "Ed25519",
    "ELLIPTIC_CURVE_P256": "P-256",
    "ELLIPTIC_CURVE_P384": "P-384",
    "ELLIPTIC_CURVE_P521": "P-521",
}
# Answer fields holding one of the enums above, by RPC.
_ENUM_FIELDS = {GENERATE_KEY: ("type",), GENERATE_KEY_PAIR: ("algorithm", "curve")}
_NULLABLE = {GENERATE_KEY_PAIR: ("key_size", "curve"), ENCRYPT: ("salt",)}


def request_body(rpc: str, data: Any) -> Any:
    """The JSON body as proto3 JSON: Encrypt's text plaintext becomes base64 of its UTF-8."""
    if rpc == ENCRYPT and isinstance(data, dict):
        for name in ("plaintext",):
            value = data.get(name)
            if isinstance(value, str):
                data = {**data, name: base64.b64encode(value.encode("utf-8")).decode("ascii")}
    return data


def response_body(rpc: str, data: dict[str, Any]) -> dict[str, Any]:
    """A proto3 JSON answer in the reference's shape."""
    out = dict(data)
    for name in _ENUM_FIELDS.get(rpc, ()):
        if name in out:
            out[name] = SPELLINGS.get(out[name], out[name])
    for name in _NULLABLE.get(rpc, ()):
        out.setdefault(name, None)
    if rpc == DECRYPT:
        raw = out.get("plaintext", "")
        try:
            out["plaintext"] = base64.b64decode(raw, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            out["plaintext_encoding"] = "base64"
    return out


def openapi(document: dict[str, Any]) -> dict[str, Any]:
    """Describe the four routes' JSON as it is (text plaintext, the reference's spellings)."""
    schemas = document.get("components", {}).get("schemas", {})

    def retype(message: str, field: str, schema: dict[str, Any]) -> None:
        props = schemas.get(message, {}).get("properties", {})
        if field in props:
            description = props[field].get("description", "")
            props[field] = {**schema, "description": description}

    text = {"type": "string", "description": ""}
    retype("keyturn.v1.EncryptRequest", "plaintext", text)
    retype("keyturn.v1.DecryptResponse", "plaintext", text)
    retype(
        "keyturn.v1.GenerateKeyResponse",
        "type",
        {"type": "string", "enum": ["api-key", "uuid-v4", "nanoid", "secret"]},
    )
    retype(
        "keyturn.v1.GenerateKeyPairResponse",
        "algorithm",
        {"type": "string", "enum": ["RSA", "EC", "Ed25519"]},
    )
    retype(
        "keyturn.v1.GenerateKeyPairResponse",
        "curve",
        {"type": "string", "enum": ["P-256", "P-384", "P-521"], "nullable": True},
    )
    retype("keyturn.v1.GenerateKeyPairResponse", "key_size", {"type": "integer", "nullable": True})
    retype("keyturn.v1.EncryptResponse", "salt", {"type": "string", "format": "byte", "nullable": True})
    return document


__all__ = ["RPCS", "SPELLINGS", "openapi", "request_body", "response_body"]
