"""The one page-token codec (domain/paging.py): bound to the filters, tamper-evident, typed."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest
from keyturn_server.domain.errors import InvalidArgument
from keyturn_server.domain.paging import SEQUENCE, TIME_ID, PageTokens, derive_key, page_size

T = datetime(2026, 5, 4, 3, 2, 1, 123456, tzinfo=UTC)
FILTERS = {"list": "keys", "parent": "organization", "parent_id": "o1"}
tokens = PageTokens([derive_key(b"k" * 32)])


def _field(exc: pytest.ExceptionInfo[InvalidArgument]) -> str:
    return exc.value.violations[0].field


def test_round_trip_keeps_the_cursor_and_the_listing_start() -> None:
    token = tokens.encode(FILTERS, T, (T, "id-1"))
    state = tokens.decode("page_token", token, FILTERS, TIME_ID)
    assert state is not None
    assert state.cursor == (T, "id-1") and state.as_of == T
    assert tokens.decode("page_token", "", FILTERS, TIME_ID) is None
    seq = tokens.encode({"list": "audit"}, T, (42,))
    assert tokens.decode("page_token", seq, {"list": "audit"}, SEQUENCE).cursor == (42,)  # type: ignore[union-attr]


def test_other_filters_are_refused() -> None:
    token = tokens.encode(FILTERS, T, (T, "id-1"))
    with pytest.raises(InvalidArgument, match="other filters"):
        tokens.decode("page_token", token, {**FILTERS, "parent_id": "o2"}, TIME_ID)


def _forge(body: list[object]) -> str:
    """A token with a chosen body and a stolen MAC: what a caller could make without the key."""
    real = tokens.encode(FILTERS, T, (T, "id-1"))
    payload = base64.urlsafe_b64encode(json.dumps(body).encode()).decode().rstrip("=")
    return payload + "." + real.split(".")[1]


@pytest.mark.parametrize(
    "token",
    [
        "garbage",
        "a.b.c",
        "!!!.???",
        "x" * 2000,
        _forge([1, "0" * 32, 0, [2**70, "id"]]),  # an integer beyond bigint
        _forge([1, "0" * 32, 0, ["2999-13-01", "id"]]),  # a date that does not exist
        _forge([1, "0" * 32, 0, [10**20, "id"]]),  # a time beyond year 9999
    ],
)
def test_tampered_or_foreign_tokens_are_invalid_argument(token: str) -> None:
    with pytest.raises(InvalidArgument) as exc:
        tokens.decode("page_token", token, FILTERS, TIME_ID)
    assert _field(exc) == "page_token"


def test_a_valid_mac_over_an_edited_body_is_refused() -> None:
    real = tokens.encode(FILTERS, T, (T, "id-1"))
    body, mac = real.split(".")
    raw = bytearray(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    raw[-3] ^= 1
    edited = base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=") + "." + mac
    with pytest.raises(InvalidArgument):
        tokens.decode("page_token", edited, FILTERS, TIME_ID)


def test_tokens_survive_a_secret_rotation_while_the_old_secret_is_configured() -> None:
    old = PageTokens([derive_key(b"o" * 32)])
    rotated = PageTokens([derive_key(b"n" * 32), derive_key(b"o" * 32)])
    token = old.encode(FILTERS, T, (T, "x"))
    assert rotated.decode("page_token", token, FILTERS, TIME_ID) is not None
    with pytest.raises(InvalidArgument):
        PageTokens([derive_key(b"n" * 32)]).decode("page_token", token, FILTERS, TIME_ID)


def test_one_page_size_rule() -> None:
    assert page_size("page_size", 0) == 100
    assert page_size("page_size", 5) == 5
    assert page_size("page_size", 10**6) == 1000
    with pytest.raises(InvalidArgument):
        page_size("page_size", -1)
