"""The reference API's JSON on its four /v1/auth routes (api/http/reference.py)."""

from __future__ import annotations

import base64

from keyturn_server.api.http import reference


def test_encrypt_takes_text_and_seals_its_utf8() -> None:
    body = reference.request_body(reference.ENCRYPT, {"plaintext": "héllo", "key": "k"})
    assert base64.b64decode(body["plaintext"]) == "héllo".encode()
    assert reference.request_body(reference.GENERATE_KEY, {"plaintext": "x"}) == {"plaintext": "x"}


def test_answers_use_the_reference_spellings_and_nulls() -> None:
    pair = reference.response_body(
        reference.GENERATE_KEY_PAIR, {"algorithm": "KEY_PAIR_ALGORITHM_EC", "curve": "ELLIPTIC_CURVE_P384"}
    )
    assert pair == {"algorithm": "EC", "curve": "P-384", "key_size": None}
    key = reference.response_body(reference.GENERATE_KEY, {"type": "TOKEN_TYPE_UUID_V4", "key": "k"})
    assert key["type"] == "uuid-v4"
    assert reference.response_body(reference.ENCRYPT, {"ciphertext": "AA=="})["salt"] is None


def test_decrypt_answers_text_or_says_it_is_base64() -> None:
    text = base64.b64encode(b"plain").decode()
    assert reference.response_body(reference.DECRYPT, {"plaintext": text}) == {"plaintext": "plain"}
    binary = base64.b64encode(b"\xff\xfe").decode()
    assert reference.response_body(reference.DECRYPT, {"plaintext": binary}) == {
        "plaintext": binary,
        "plaintext_encoding": "base64",
    }


def test_the_openapi_document_describes_it() -> None:
    doc = {
        "components": {
            "schemas": {
                "keyturn.v1.DecryptResponse": {
                    "properties": {"plaintext": {"type": "string", "format": "byte", "description": "d"}}
                }
            }
        }
    }
    prop = reference.openapi(doc)["components"]["schemas"]["keyturn.v1.DecryptResponse"]["properties"][
        "plaintext"
    ]
    assert prop == {"type": "string", "description": "d"}
