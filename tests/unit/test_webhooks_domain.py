"""Webhook rules and the client verifier: signatures round-trip (Python and Node), the
tolerance, several v1 values, URL rules, the retry schedule and the payload's hygiene."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from keyturn.client.webhooks import WebhookSignatureError, sign, verify_signature
from keyturn_server.domain import webhooks as rules
from keyturn_server.domain.errors import InvalidArgument

ROOT = Path(__file__).resolve().parents[2]
SECRET = "whsec_" + "s" * 43
BODY = b'{"id":"kevt_1"}'


def test_server_signature_verifies_with_the_client() -> None:
    header = rules.signature_header([SECRET], 1_700_000_000, BODY)
    assert header == f"t=1700000000,v1={sign(BODY, SECRET, 1_700_000_000)}"
    assert verify_signature(BODY, header, SECRET, now=1_700_000_100) == 1_700_000_000


def test_tampering_wrong_secret_and_stale_timestamps_fail() -> None:
    header = rules.signature_header([SECRET], 1_700_000_000, BODY)
    for body, secret, now in (
        (BODY + b" ", SECRET, 1_700_000_000),
        (BODY, SECRET + "x", 1_700_000_000),
        (BODY, SECRET, 1_700_000_301),
        (BODY, SECRET, 1_699_999_699),
    ):
        with pytest.raises(WebhookSignatureError):
            verify_signature(body, header, secret, now=now)
    assert verify_signature(BODY, header, SECRET, tolerance=0, now=0) == 1_700_000_000
    for bad in ("", "v1=abc", "t=1700000000", "t=soon,v1=ab"):
        with pytest.raises(WebhookSignatureError):
            verify_signature(BODY, bad, SECRET, now=1_700_000_000)


def test_any_of_several_signatures_matches() -> None:
    old, new = SECRET, "whsec_" + "n" * 43
    header = rules.signature_header([new, old], 1_700_000_000, BODY)
    assert header.count("v1=") == 2
    for secret in (old, new):
        verify_signature(BODY, header, secret, now=1_700_000_000)


def test_node_verifier_agrees() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    header = rules.signature_header([SECRET], 1_700_000_000, BODY)
    script = (
        "const w = require(process.argv[1]);"
        "const [body, header, secret] = process.argv.slice(2);"
        "console.log(w.verifySignature(Buffer.from(body), header, secret, { now: 1700000000 }));"
        "try { w.verifySignature(Buffer.from(body + ' '), header, secret, { now: 1700000000 }); console.log('bad'); }"
        "catch (e) { console.log(e instanceof w.WebhookSignatureError ? 'refused' : 'other'); }"
    )
    done = subprocess.run(
        [node, "-e", script, str(ROOT / "clients" / "node" / "webhooks.js"), BODY.decode(), header, SECRET],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1700000000", "refused"]


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/",
        "ftp://example.com/",
        "https://u:p@example.com/",
        "https:///x",
        "https://a b/",
        "x" * 3000,
    ],
)
def test_urls_refused(url: str) -> None:
    with pytest.raises(InvalidArgument):
        rules.check_url("webhook.url", url, allow_http=False)


def test_urls_accepted() -> None:
    for url in (
        "https://hooks.example.com/k?x=1",
        "http://127.0.0.1:8080/h",
        "http://localhost/h",
        "http://[::1]/",
    ):
        assert rules.check_url("webhook.url", url, allow_http=False, allow_private=True) == url
    assert rules.check_url("webhook.url", "http://example.com/", allow_http=True)
    # A name is accepted here (it is resolved and checked when sending); a public literal too.
    assert rules.check_url("webhook.url", "http://localhost/h", allow_http=False)
    assert rules.check_url("webhook.url", "https://93.184.215.14/h", allow_http=False)


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.31.255.255", "private"),
        ("192.168.0.1", "private"),
        ("fd00::1", "private"),
        ("fc00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("239.1.2.3", "multicast"),
        ("ff02::1", "multicast"),
        ("100.64.0.1", "CGNAT"),
        ("100.127.255.254", "CGNAT"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("192.0.2.1", "private"),  # documentation range
    ],
)
def test_blocked_addresses(address: str, why: str) -> None:
    assert rules.blocked_address(address) == why


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "100.128.0.1", "2606:4700::1111", "1.1.1.1"])
def test_public_addresses_pass(address: str) -> None:
    assert rules.blocked_address(address) == ""


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest",
        "https://10.0.0.1/",
        "https://[fd00::1]/",
        "http://[::1]/",
        "https://100.64.1.1/",
    ],
)
def test_private_literals_refused_by_default(url: str) -> None:
    with pytest.raises(InvalidArgument, match="KEYTURN_WEBHOOK_ALLOW_PRIVATE_NETWORKS"):
        rules.check_url("webhook.url", url, allow_http=True)
    assert rules.check_url("webhook.url", url, allow_http=True, allow_private=True) == url


def test_retry_schedule_covers_more_than_a_day_even_with_jitter() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for seed in range(20):
        rng = random.Random(seed)
        now, attempts = start, 1
        while (retry := rules.next_attempt(attempts, now, rng)) is not None:
            now, attempts = retry, attempts + 1
        assert attempts == rules.MAX_ATTEMPTS == 10
        assert now - start > timedelta(hours=24)
    first = rules.next_attempt(1, start, random.Random(1))
    assert first is not None and timedelta(seconds=8) <= first - start <= timedelta(seconds=12)


def test_payload_drops_secret_looking_fields() -> None:
    body = rules.payload(
        sequence=7,
        type_name="KEY_EVENT_TYPE_ROTATED",
        event_time=datetime(2026, 1, 1, tzinfo=UTC),
        organization_id="o",
        project_id="",
        product_id="",
        key_id="k",
        actor="system",
        data={
            "successor_key_id": "k2",
            "plaintext": "kt_live_x",
            "key_hash": "ab",
            "nested": {"secret": "s", "a": 1},
        },
    )
    parsed = json.loads(body)
    assert parsed["id"] == "kevt_7" and parsed["type"] == "KEY_EVENT_TYPE_ROTATED"
    assert parsed["created"] == 1767225600
    assert parsed["data"]["data"] == {"successor_key_id": "k2", "nested": {"a": 1}}
