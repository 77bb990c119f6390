"""The documented regex for Keyturn keys (README, docs/leaked-keys.md; GitHub's partner
program scans with it): it finds every generated key in text and no near-miss."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from keyturn_server.domain import keyformat
from keyturn_server.usecases.leaks import key_regex

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("prefix", ["kt", "acme", "x1"])
@pytest.mark.parametrize("environment", ["live", "test"])
def test_generated_keys_match_in_text(prefix: str, environment: str) -> None:
    pattern = re.compile(key_regex(prefix))
    for _ in range(200):
        key = keyformat.generate(prefix, environment)
        assert pattern.fullmatch(key)
        for text in (
            f'API_KEY="{key}"',
            f"curl -H 'Authorization: Bearer {key}' https://api",
            f"{key}\n",
            f"token: {key}, next",
            f"?key={key}&x=1",
        ):
            assert pattern.findall(text) == [key], text


def test_near_misses_do_not_match() -> None:
    pattern = re.compile(key_regex("kt"))
    key = keyformat.generate("kt", "live")
    tail = key[len("kt_live_") :]
    near_misses = [
        key[:-1],  # one character short
        key + "A",  # one character long
        "xkt_live_" + tail,  # another prefix ending in kt
        "kta_live_" + tail,  # a principal token's prefix
        "KT_LIVE_" + tail,  # case matters
        "kt_prod_" + tail,  # no such environment
        "kt-live-" + tail,  # other separators
        "kt_live_" + tail[:-1] + "-",  # a character outside base62
        key + "_suffix",  # part of a longer identifier
    ]
    for text in near_misses:
        assert pattern.search(text) is None, text


def test_a_match_with_a_bad_checksum_is_refused_offline() -> None:
    key = keyformat.generate("kt", "test")
    broken = key[:-1] + ("A" if key[-1] != "A" else "B")
    assert re.fullmatch(key_regex("kt"), broken)
    with pytest.raises(keyformat.KeyInvalid):
        keyformat.parse(broken, "kt")


def test_the_documented_regex_is_the_code_s() -> None:
    documented = key_regex("kt")
    for page in (ROOT / "README.md", ROOT / "docs" / "leaked-keys.md"):
        assert documented in page.read_text(), page
