"""Webhooks end to end: a real HTTP receiver on 127.0.0.1, deliveries signed and verified with
the client's verifier, retries driven by explicit `now` (never by sleeping through backoff),
GAVE_UP after the window, redelivery, disabling, the event-type filter, tenant isolation,
the secret shown once, a restart mid-retry, and two server processes on one PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import grpc
import httpx
import pytest
from google.protobuf import duration_pb2, field_mask_pb2
from keyturn.client.webhooks import WebhookSignatureError, verify_signature
from keyturn.v1 import (
    access_pb2,
    access_pb2_grpc,
    key_events_pb2,
    keys_pb2,
    keys_pb2_grpc,
    webhooks_pb2,
    webhooks_pb2_grpc,
)
from keyturn_server.usecases.webhook_transport import CONNECTIONS_PER_POOL
from sqlalchemy import text

from tests.support import (
    TEST_ROOT_KEY,
    ServerThread,
    channel,
    expect_error,
    make_settings,
    postgres_replicas,
    with_token,
)

W = webhooks_pb2
STATE = W.WebhookDeliveryState


# ---- the receiver ----------------------------------------------------------------------------


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """Records every POST; answers `fail_status` to the next `failures` requests. Speaks
    HTTP/1.1 with keep-alive and counts the connections it accepts."""

    requests: list[Received] = field(default_factory=list)
    failures: int = 0
    fail_status: int = 500
    lock: threading.Lock = field(default_factory=threading.Lock)
    server: ThreadingHTTPServer | None = None
    tls: ssl.SSLContext | None = None  # serve https with this context
    connections: int = 0

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def fail(self, count: int, status: int = 500) -> None:
        with self.lock:
            self.failures, self.fail_status = count, status

    def start(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive: one connection, many requests

            def setup(self) -> None:
                with receiver.lock:
                    receiver.connections += 1
                super().setup()

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver.lock:
                    receiver.requests.append(Received({k.lower(): v for k, v in self.headers.items()}, body))
                    failing = receiver.failures > 0
                    if failing:
                        receiver.failures -= 1
                self.send_response(receiver.fail_status if failing else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                return None

        class Server(ThreadingHTTPServer):
            request_queue_size = 256  # the sender posts up to 50 at once
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        if self.tls is not None:
            self.server.socket = self.tls.wrap_socket(self.server.socket, server_side=True)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def wait_for(self, count: int, timeout: float = 20) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.requests) >= count:
                    return list(self.requests)
            time.sleep(0.05)
        raise AssertionError(f"receiver got {len(self.requests)} requests, expected {count}")


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    running = Receiver().start()
    yield running
    running.stop()


# ---- helpers ---------------------------------------------------------------------------------


def hooks(ch: grpc.Channel) -> webhooks_pb2_grpc.WebhookServiceStub:
    return webhooks_pb2_grpc.WebhookServiceStub(ch)


def keys(ch: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(ch)


def new_org(ch: grpc.Channel) -> str:
    name = f"wh-{time.monotonic_ns()}"
    return keys(ch).CreateOrganization(keys_pb2.CreateOrganizationRequest(name=name), timeout=10).id


def new_key(ch: grpc.Channel, org: str) -> keys_pb2.CreateKeyResponse:
    return keys(ch).CreateKey(
        keys_pb2.CreateKeyRequest(
            organization_id=org, metadata=keys_pb2.KeyMetadata(name="k", scopes=["read"])
        ),
        timeout=10,
    )


def new_webhook(ch: grpc.Channel, org: str, url: str, *types: int) -> W.CreateWebhookResponse:
    return hooks(ch).CreateWebhook(
        W.CreateWebhookRequest(webhook=W.Webhook(organization_id=org, url=url, event_types=list(types))),
        timeout=10,
    )


def deliveries(ch: grpc.Channel, webhook_id: str, state: int = 0) -> list[W.WebhookDelivery]:
    return list(
        hooks(ch)
        .ListWebhookDeliveries(W.ListWebhookDeliveriesRequest(webhook_id=webhook_id, state=state), timeout=10)
        .deliveries
    )


def wait_until(check: Callable[[], bool], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError("condition not reached")


def send_at(server: ServerThread, when: datetime) -> int:
    return int(server.call(server.container.webhooks.send_due(when)))


def only_delivery(ch: grpc.Channel, webhook_id: str) -> W.WebhookDelivery:
    found = deliveries(ch, webhook_id)
    assert len(found) == 1, found
    return found[0]


def drive_to_end(
    server: ServerThread, ch: grpc.Channel, webhook_id: str, limit: int = 20
) -> W.WebhookDelivery:
    """Call the sender at each delivery's next attempt time until none is due any more."""
    for _ in range(limit):
        due = [
            d
            for d in deliveries(ch, webhook_id)
            if d.state in (STATE.Value("WEBHOOK_DELIVERY_STATE_FAILED"),)
        ]
        if not due:
            break
        latest = max(d.next_attempt_time.ToDatetime(tzinfo=UTC) for d in due)
        send_at(server, latest + timedelta(seconds=1))
    return deliveries(ch, webhook_id)[0]


def delete(ch: grpc.Channel, webhook_id: str) -> None:
    hooks(ch).DeleteWebhook(W.DeleteWebhookRequest(id=webhook_id), timeout=10)


# ---- tests -----------------------------------------------------------------------------------


def test_delivery_is_signed_and_carries_no_secret(
    server: ServerThread, grpc_channel: grpc.Channel, receiver: Receiver
) -> None:
    org = new_org(grpc_channel)
    created = new_webhook(grpc_channel, org, receiver.url)
    assert created.secret.startswith("whsec_")
    key = new_key(grpc_channel, org)
    [request] = receiver.wait_for(1)
    verify_signature(request.body, request.headers["keyturn-signature"], created.secret)
    with pytest.raises(WebhookSignatureError):
        verify_signature(request.body + b" ", request.headers["keyturn-signature"], created.secret)
    body = json.loads(request.body)
    assert body["type"] == "KEY_EVENT_TYPE_CREATED"
    assert body["data"]["key_id"] == key.key.id
    assert body["data"]["organization_id"] == org
    assert body["id"] == f"kevt_{body['data']['sequence']}"
    assert key.plaintext.encode() not in request.body
    assert "hash" not in request.body.decode().lower()
    delivery = only_delivery(grpc_channel, created.webhook.id)
    assert request.headers["keyturn-delivery-id"] == delivery.id
    wait_until(
        lambda: (
            only_delivery(grpc_channel, created.webhook.id).state
            == STATE.Value("WEBHOOK_DELIVERY_STATE_SUCCEEDED")
        )
    )
    delivery = only_delivery(grpc_channel, created.webhook.id)
    assert delivery.event_type == key_events_pb2.KEY_EVENT_TYPE_CREATED
    assert [a.http_status for a in delivery.attempts] == [200]
    delete(grpc_channel, created.webhook.id)


def test_secret_is_shown_once_and_stored_encrypted(server: ServerThread, grpc_channel: grpc.Channel) -> None:
    org = new_org(grpc_channel)
    created = new_webhook(grpc_channel, org, "https://hooks.example.com/keyturn")
    fetched = hooks(grpc_channel).GetWebhook(W.GetWebhookRequest(id=created.webhook.id), timeout=10)
    assert created.secret not in str(fetched) and "secret" not in {f.name for f, _ in fetched.ListFields()}
    listed = hooks(grpc_channel).ListWebhooks(W.ListWebhooksRequest(organization_id=org), timeout=10)
    assert [w.id for w in listed.webhooks] == [created.webhook.id]
    rotated = hooks(grpc_channel).RotateWebhookSecret(
        W.RotateWebhookSecretRequest(id=created.webhook.id), timeout=10
    )
    assert rotated.secret.startswith("whsec_") and rotated.secret != created.secret

    async def dump() -> str:
        async with server.container.db.transaction() as session:
            rows = (await session.execute(text("SELECT * FROM webhook"))).all()
            audit = (await session.execute(text("SELECT * FROM audit_event"))).all()
        return repr(rows) + repr(audit)

    stored = server.call(dump())
    for secret in (created.secret, rotated.secret):
        assert secret not in stored
        assert secret.encode().hex() not in stored
    delete(grpc_channel, created.webhook.id)


def test_url_rules(server: ServerThread, grpc_channel: grpc.Channel) -> None:
    org = new_org(grpc_channel)
    for url in (
        "http://example.com/x",
        "ftp://example.com/",
        "https://user:pw@example.com/",
        "not a url",
        "",
    ):
        decoded = expect_error(
            lambda url=url: new_webhook(grpc_channel, org, url),
            grpc.StatusCode.INVALID_ARGUMENT,
            "INVALID_ARGUMENT",
        )
        assert decoded.field_violations == ["webhook.url"]
    expect_error(
        lambda: new_webhook(grpc_channel, org, "https://x.example", 0),
        grpc.StatusCode.INVALID_ARGUMENT,
        "INVALID_ARGUMENT",
    )
    ok = new_webhook(grpc_channel, org, "http://[::1]:9/x")
    delete(grpc_channel, ok.webhook.id)


PRIVATE_TARGETS = (
    "http://127.0.0.1:9/x",
    "http://127.8.9.10/x",
    "https://10.1.2.3/x",
    "https://172.16.0.1/x",
    "https://192.168.1.1/x",
    "http://169.254.169.254/latest/meta-data/",
    "https://100.64.0.1/x",
    "https://0.0.0.0/x",
    "https://224.0.0.1/x",
    "http://[::1]:9/x",
    "https://[fe80::1]/x",
    "https://[fd00::1]/x",
    "https://[::ffff:127.0.0.1]/x",
    "https://[::]/x",
)


@pytest.fixture
def guarded(
    backend: str, new_database_url: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerThread]:
    """A server with the default SSRF guard (private networks not allowed)."""
    settings = make_settings(
        new_database_url(backend), tmp_path_factory.mktemp("guarded"), webhook_allow_private_networks=False
    )
    running = ServerThread(settings).start()
    yield running
    running.stop()


def test_private_ip_literals_are_refused_at_create_and_update(guarded: ServerThread) -> None:
    with grpc.insecure_channel(guarded.address) as raw:
        ch = with_token(raw, guarded.admin_token)
        org = new_org(ch)
        for url in PRIVATE_TARGETS:
            decoded = expect_error(
                lambda url=url: new_webhook(ch, org, url),
                grpc.StatusCode.INVALID_ARGUMENT,
                "INVALID_ARGUMENT",
            )
            assert decoded.field_violations == ["webhook.url"], url
            assert "KEYTURN_WEBHOOK_ALLOW_PRIVATE_NETWORKS" in decoded.message, decoded.message
        public = new_webhook(ch, org, "https://93.184.215.14/hook")  # a public literal is fine
        for url in ("http://169.254.169.254/latest/meta-data/", "https://[fd12:3456::1]/x"):
            decoded = expect_error(
                lambda url=url: hooks(ch).UpdateWebhook(
                    W.UpdateWebhookRequest(
                        webhook=W.Webhook(id=public.webhook.id, url=url),
                        update_mask=field_mask_pb2.FieldMask(paths=["url"]),
                    ),
                    timeout=10,
                ),
                grpc.StatusCode.INVALID_ARGUMENT,
                "INVALID_ARGUMENT",
            )
            assert decoded.field_violations == ["webhook.url"]
        assert hooks(ch).GetWebhook(W.GetWebhookRequest(id=public.webhook.id), timeout=10).url == (
            "https://93.184.215.14/hook"
        )


def test_a_name_resolving_to_loopback_is_refused_at_send_time(
    guarded: ServerThread, receiver: Receiver
) -> None:
    port = receiver.url.split(":")[2].split("/")[0]
    with grpc.insecure_channel(guarded.address) as raw:
        ch = with_token(raw, guarded.admin_token)
        org = new_org(ch)
        created = new_webhook(ch, org, f"http://localhost:{port}/hook")  # a name: accepted
        new_key(ch, org)
        wait_until(lambda: len(deliveries(ch, created.webhook.id)) == 1)
        send_at(guarded, datetime.now(UTC) + timedelta(seconds=1))
        wait_until(lambda: only_delivery(ch, created.webhook.id).attempt_count >= 1)
        attempt = only_delivery(ch, created.webhook.id).attempts[0]
        assert attempt.http_status == 0
        assert "refused: localhost resolves to" in attempt.error, attempt.error
        assert "loopback" in attempt.error and "no request sent" in attempt.error
        assert only_delivery(ch, created.webhook.id).state == STATE.Value("WEBHOOK_DELIVERY_STATE_FAILED")
        assert guarded.container.webhooks.attempt_outcomes["refused"] >= 1
        time.sleep(0.3)
        assert receiver.requests == []  # nothing reached the receiver


def test_the_connection_goes_to_the_checked_address(
    server: ServerThread, grpc_channel: grpc.Channel, receiver: Receiver
) -> None:
    """The sender resolves the name once, checks the answer and connects to that address
    itself: a name the system resolver has never heard of reaches the receiver, with the
    name in the Host header (so rebinding between check and connect cannot happen)."""
    port = int(receiver.url.split(":")[2].split("/")[0])
    webhooks = server.container.webhooks
    asked: list[tuple[str, int]] = []

    async def fake_resolver(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return ["127.0.0.1"] if host == "receiver.keyturn.invalid" else []

    original = webhooks.resolver, webhooks.allow_http
    webhooks.resolver, webhooks.allow_http = fake_resolver, True  # http:// to a name
    created = None
    try:
        org = new_org(grpc_channel)
        created = new_webhook(grpc_channel, org, f"http://receiver.keyturn.invalid:{port}/hook")
        new_key(grpc_channel, org)
        got = receiver.wait_for(1)
        assert got[0].headers["host"] == f"receiver.keyturn.invalid:{port}"
        assert ("receiver.keyturn.invalid", port) in asked
        verify_signature(got[0].body, got[0].headers["keyturn-signature"], created.secret)
    finally:
        webhooks.resolver, webhooks.allow_http = original
        if created is not None:
            delete(grpc_channel, created.webhook.id)


def _self_signed(name: str) -> tuple[bytes, bytes]:
    """A certificate for `name` (its own CA) and its key, PEM."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def test_https_to_the_checked_address_keeps_the_name_for_tls(
    server: ServerThread, grpc_channel: grpc.Channel, tmp_path: Any
) -> None:
    """Connecting to the pinned IP, the TLS server name and the certificate check still use
    the URL's name: a certificate for that name is accepted, one for another is refused."""
    name = "tls.keyturn.invalid"
    cert_pem, key_pem = _self_signed(name)
    (tmp_path / "cert.pem").write_bytes(cert_pem)
    (tmp_path / "key.pem").write_bytes(key_pem)
    served = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    served.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    seen_names: list[str | None] = []
    served.sni_callback = lambda _sock, server_name, _ctx: seen_names.append(server_name)
    receiver = Receiver(tls=served).start()
    assert receiver.server is not None
    port = receiver.server.server_address[1]
    webhooks = server.container.webhooks

    async def fake_resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    async def use(verify: Any) -> None:
        await webhooks.stop()  # the next attempt builds a client with this trust
        webhooks.verify = verify

    original = webhooks.resolver, webhooks.verify
    webhooks.resolver = fake_resolver
    server.call(use(ssl.create_default_context(cadata=cert_pem.decode())))
    made: list[str] = []
    try:
        org = new_org(grpc_channel)
        good = new_webhook(grpc_channel, org, f"https://{name}:{port}/hook")
        made.append(good.webhook.id)
        new_key(grpc_channel, org)
        got = receiver.wait_for(1)
        assert got[0].headers["host"] == f"{name}:{port}"
        assert name in seen_names
        verify_signature(got[0].body, got[0].headers["keyturn-signature"], good.secret)
        delete(grpc_channel, good.webhook.id)

        other = new_org(grpc_channel)
        wrong = new_webhook(grpc_channel, other, f"https://wrong.keyturn.invalid:{port}/hook")
        made.append(wrong.webhook.id)
        new_key(grpc_channel, other)
        wait_until(lambda: [d.attempt_count for d in deliveries(grpc_channel, wrong.webhook.id)] == [1])
        attempt = only_delivery(grpc_channel, wrong.webhook.id).attempts[0]
        assert attempt.http_status == 0 and attempt.error.startswith("connection error"), attempt.error
        assert len(receiver.requests) == 1  # the certificate did not match: nothing was sent
    finally:
        webhooks.resolver = original[0]
        server.call(use(original[1]))
        receiver.stop()
        for webhook_id in made[1:]:
            delete(grpc_channel, webhook_id)


def test_dispatch_wakes_the_sender_at_once(
    server: ServerThread, grpc_channel: grpc.Channel, receiver: Receiver
) -> None:
    """With the poll set far away, a new event is still delivered at once on this process."""
    sender = server.container.webhook_sender
    interval, sender.interval = sender.interval, 3600.0
    try:
        time.sleep(1.5)  # the sender's current wait (1 s) ends; the next one is an hour
        org = new_org(grpc_channel)
        new_webhook(grpc_channel, org, receiver.url)
        started = time.monotonic()
        new_key(grpc_channel, org)
        receiver.wait_for(1, timeout=10)
        # The dispatcher runs every second; the sender no longer waits for its own poll.
        assert time.monotonic() - started < 5
    finally:
        sender.interval = interval
        server.loop.call_soon_threadsafe(server.container.webhooks.wakeup.set)  # back to polling


def _pending(ch: grpc.Channel, webhook_id: str) -> int:
    token, count = "", 0
    while True:
        page = hooks(ch).ListWebhookDeliveries(
            W.ListWebhookDeliveriesRequest(
                webhook_id=webhook_id,
                state=STATE.Value("WEBHOOK_DELIVERY_STATE_PENDING"),
                page_size=1000,
                page_token=token,
            ),
            timeout=10,
        )
        count += len(page.deliveries)
        if not page.next_page_token:
            return count
        token = page.next_page_token


def _burst(
    server: ServerThread, ch: grpc.Channel, receiver: Receiver, org: str, hook: str, count: int
) -> float:
    """`count` deliveries piled up while the sender is held, then sent by the sender's own
    loop (batches of 50 in flight); returns the seconds from release to the last one."""
    webhooks = server.container.webhooks
    seen = len(receiver.requests)
    server.call(webhooks._sending.acquire())  # the sender waits here; dispatch carries on
    try:
        for _ in range(count):
            new_key(ch, org)
        wait_until(lambda: _pending(ch, hook) == count, timeout=60)
    finally:
        started = time.monotonic()
        server.loop.call_soon_threadsafe(webhooks._sending.release)
        server.loop.call_soon_threadsafe(webhooks.wakeup.set)
    receiver.wait_for(seen + count, timeout=120)
    return time.monotonic() - started


def test_connections_are_kept_alive(
    server: ServerThread, grpc_channel: grpc.Channel, receiver: Receiver
) -> None:
    """200 deliveries to one receiver, sent in batches of 50 in flight: with keep-alive they
    ride the pool's few connections (at most CONNECTIONS_PER_POOL); with keep-alive off (as
    before pooling) each delivery pays its own connection. Prints both, with the rates."""
    webhooks = server.container.webhooks
    org = new_org(grpc_channel)
    hook = new_webhook(grpc_channel, org, receiver.url).webhook.id
    count = 200
    results = {}
    try:
        for mode, limits in (
            ("keep-alive", None),
            ("no keep-alive", httpx.Limits(max_keepalive_connections=0)),
        ):
            webhooks.connection_limits = limits
            server.call(webhooks.stop())  # the next attempt builds a client with these limits
            before = receiver.connections
            seconds = _burst(server, grpc_channel, receiver, org, hook, count)
            results[mode] = (receiver.connections - before, seconds)
    finally:
        webhooks.connection_limits = None
        server.call(webhooks.stop())
        delete(grpc_channel, hook)
    for mode, (connections, seconds) in results.items():
        print(f"{mode}: {count} deliveries, {connections} connections, {count / seconds:.0f} deliveries/s")
    assert results["no keep-alive"][0] == count
    assert 1 <= results["keep-alive"][0] <= CONNECTIONS_PER_POOL, results


def test_retries_with_backoff_then_succeeds(
    server: ServerThread, grpc_channel: grpc.Channel, receiver: Receiver
) -> None:
    org = new_org(grpc_channel)
    created = new_webhook(grpc_channel, org, receiver.url)
    receiver.fail(2)
    new_key(grpc_channel, org)
    receiver.wait_for(1)
    failed = STATE.Value("WEBHOOK_DELIVERY_STATE_FAILED")
    wait_until(lambda: only_delivery(grpc_channel, created.webhook.id).state == failed)
    first = only_delivery(grpc_channel, created.webhook.id)
    attempt_time = first.attempts[0].attempt_time.ToDatetime(tzinfo=UTC)
    wait_s = (first.next_attempt_time.ToDatetime(tzinfo=UTC) - attempt_time).total_seconds()
    assert 8 <= wait_s <= 12, wait_s  # 10 s +- 20 % jitter
    assert first.attempts[0].http_status == 500 and first.attempts[0].error == "HTTP 500"
    # Not due yet: nothing is sent.
    assert send_at(server, attempt_time + timedelta(seconds=5)) == 0
    second_at = first.next_attempt_time.ToDatetime(tzinfo=UTC) + timedelta(seconds=1)
    assert send_at(server, second_at) == 1
    second = only_delivery(grpc_channel, created.webhook.id)
    wait_s = (second.next_attempt_time.ToDatetime(tzinfo=UTC) - second_at).total_seconds()
    assert 24 <= wait_s <= 36, wait_s  # 30 s +- 20 %
    assert send_at(server, second.next_attempt_time.ToDatetime(tzinfo=UTC) + timedelta(seconds=1)) == 1
    done = only_delivery(grpc_channel, created.webhook.id)
    assert done.state == STATE.Value("WEBHOOK_DELIVERY_STATE_SUCCEEDED")
    assert [a.http_status for a in done.attempts] == [500, 500, 200]
    requests = receiver.wait_for(3)
    assert len({r.headers["keyturn-delivery-id"] for r in requests}) == 1
    for request in requests:
        verify_signature(request.body, request.headers["keyturn-signature"], created.secret)
    delete(grpc_channel, created.webhook.id)


def test_gives_up_after_more_than_a_day_then_redelivers(
    server: ServerThread, grpc_channel: grpc.Channel, receiver: Receiver
) -> None:
    org = new_org(grpc_channel)
    created = new_webhook(grpc_channel, org, receiver.url)
    receiver.fail(1000, status=503)
    new_key(grpc_channel, org)
    receiver.wait_for(1)
    wait_until(lambda: only_delivery(grpc_channel, created.webhook.id).attempt_count == 1)
    last = drive_to_end(server, grpc_channel, created.webhook.id)
    assert last.state == STATE.Value("WEBHOOK_DELIVERY_STATE_GAVE_UP")
    assert last.attempt_count == 10 and not last.HasField("next_attempt_time")
    span = last.attempts[-1].attempt_time.ToDatetime() - last.attempts[0].attempt_time.ToDatetime()
    assert span > timedelta(hours=24), span
    assert hooks(grpc_channel).GetWebhook(W.GetWebhookRequest(id=created.webhook.id), timeout=10).enabled

    receiver.fail(0)
    again = hooks(grpc_channel).RedeliverWebhookDelivery(
        W.RedeliverWebhookDeliveryRequest(id=last.id), timeout=10
    )
    assert again.state == STATE.Value("WEBHOOK_DELIVERY_STATE_PENDING")
    receiver.wait_for(11)
    wait_until(
        lambda: (
            only_delivery(grpc_channel, created.webhook.id).state
            == STATE.Value("WEBHOOK_DELIVERY_STATE_SUCCEEDED")
        )
    )
    assert only_delivery(grpc_channel, created.webhook.id).attempt_count == 11
    delete(grpc_channel, created.webhook.id)


def test_keeps_failing_is_disabled(
    server: ServerThread, grpc_channel: grpc.Channel, receiver: Receiver
) -> None:
    org = new_org(grpc_channel)
    created = new_webhook(grpc_channel, org, receiver.url)
    receiver.fail(10_000)
    for _ in range(5):
        new_key(grpc_channel, org)
    wait_until(lambda: len(deliveries(grpc_channel, created.webhook.id)) == 5)
    wait_until(lambda: all(d.attempt_count >= 1 for d in deliveries(grpc_channel, created.webhook.id)))
    drive_to_end(server, grpc_channel, created.webhook.id)
    states = {d.state for d in deliveries(grpc_channel, created.webhook.id)}
    assert states == {STATE.Value("WEBHOOK_DELIVERY_STATE_GAVE_UP")}
    hook = hooks(grpc_channel).GetWebhook(W.GetWebhookRequest(id=created.webhook.id), timeout=10)
    assert not hook.enabled and "5 deliveries in a row gave up" in hook.disabled_reason
    # Disabled: no redelivery until enabled again; enabling clears the reason.
    first = deliveries(grpc_channel, created.webhook.id)[0]
    expect_error(
        lambda: hooks(grpc_channel).RedeliverWebhookDelivery(
            W.RedeliverWebhookDeliveryRequest(id=first.id), timeout=10
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "FAILED_PRECONDITION",
    )
    enabled = hooks(grpc_channel).UpdateWebhook(
        W.UpdateWebhookRequest(
            webhook=W.Webhook(id=created.webhook.id, enabled=True),
            update_mask=field_mask_pb2.FieldMask(paths=["enabled"]),
        ),
        timeout=10,
    )
    assert enabled.enabled and enabled.disabled_reason == ""

    async def actions() -> list[str]:
        async with server.container.db.transaction() as session:
            found = await session.execute(
                text("SELECT action FROM audit_event WHERE resource_id = :id"), {"id": created.webhook.id}
            )
            return [a for (a,) in found]

    assert "webhook.disable" in server.call(actions())
    delete(grpc_channel, created.webhook.id)


def test_event_type_filter(server: ServerThread, grpc_channel: grpc.Channel, receiver: Receiver) -> None:
    org = new_org(grpc_channel)
    created = new_webhook(grpc_channel, org, receiver.url, key_events_pb2.KEY_EVENT_TYPE_REVOKED)
    key = new_key(grpc_channel, org)
    keys(grpc_channel).RevokeKey(keys_pb2.RevokeKeyRequest(id=key.key.id, reason="test"), timeout=10)
    [request] = receiver.wait_for(1)
    assert json.loads(request.body)["type"] == "KEY_EVENT_TYPE_REVOKED"
    time.sleep(2.5)  # two more dispatch/send rounds: the CREATED event must not follow
    assert len(receiver.requests) == 1
    assert [d.event_type for d in deliveries(grpc_channel, created.webhook.id)] == [
        key_events_pb2.KEY_EVENT_TYPE_REVOKED
    ]
    delete(grpc_channel, created.webhook.id)


def test_tenant_isolation(server: ServerThread, grpc_channel: grpc.Channel, receiver: Receiver) -> None:
    org_a, org_b = new_org(grpc_channel), new_org(grpc_channel)
    hook_a = new_webhook(grpc_channel, org_a, receiver.url)
    other = Receiver().start()
    try:
        hook_b = new_webhook(grpc_channel, org_b, other.url)
        new_key(grpc_channel, org_b)
        other.wait_for(1)
        time.sleep(1.5)
        assert receiver.requests == []  # org B's event never reaches org A's subscription
        access = access_pb2_grpc.AccessServiceStub(grpc_channel)
        principal = access.CreatePrincipal(
            access_pb2.CreatePrincipalRequest(
                principal=access_pb2.Principal(
                    name=f"wh-admin-{time.monotonic_ns()}",
                    roles=[access_pb2.RoleBinding(role=access_pb2.ROLE_ORG_ADMIN, organization_id=org_a)],
                )
            ),
            timeout=10,
        )
        token = access.CreatePrincipalToken(
            access_pb2.CreatePrincipalTokenRequest(principal_id=principal.id), timeout=10
        ).plaintext
        with grpc.insecure_channel(server.address) as raw:
            admin_a = with_token(raw, token)
            assert hooks(admin_a).GetWebhook(W.GetWebhookRequest(id=hook_a.webhook.id), timeout=10).id
            for call in (
                lambda: hooks(admin_a).GetWebhook(W.GetWebhookRequest(id=hook_b.webhook.id), timeout=10),
                lambda: hooks(admin_a).ListWebhookDeliveries(
                    W.ListWebhookDeliveriesRequest(webhook_id=hook_b.webhook.id), timeout=10
                ),
                lambda: hooks(admin_a).DeleteWebhook(
                    W.DeleteWebhookRequest(id=hook_b.webhook.id), timeout=10
                ),
                lambda: hooks(admin_a).ListWebhooks(W.ListWebhooksRequest(organization_id=org_b), timeout=10),
                lambda: new_webhook(admin_a, org_b, "https://evil.example/"),
            ):
                expect_error(call, grpc.StatusCode.NOT_FOUND, "NOT_FOUND")
        delete(grpc_channel, hook_b.webhook.id)
    finally:
        other.stop()
    delete(grpc_channel, hook_a.webhook.id)


def test_rotated_secret_overlaps(
    server: ServerThread, grpc_channel: grpc.Channel, receiver: Receiver
) -> None:
    org = new_org(grpc_channel)
    created = new_webhook(grpc_channel, org, receiver.url)
    rotated = hooks(grpc_channel).RotateWebhookSecret(
        W.RotateWebhookSecretRequest(id=created.webhook.id, overlap=duration_pb2.Duration(seconds=3600)),
        timeout=10,
    )
    assert rotated.webhook.HasField("previous_secret_expire_time")
    new_key(grpc_channel, org)
    [request] = receiver.wait_for(1)
    header = request.headers["keyturn-signature"]
    assert header.count("v1=") == 2
    verify_signature(request.body, header, created.secret)
    verify_signature(request.body, header, rotated.secret)
    # Without overlap the old secret stops at once.
    hooks(grpc_channel).RotateWebhookSecret(
        W.RotateWebhookSecretRequest(id=created.webhook.id, overlap=duration_pb2.Duration(seconds=0)),
        timeout=10,
    )
    new_key(grpc_channel, org)
    second = receiver.wait_for(2)[1]
    assert second.headers["keyturn-signature"].count("v1=") == 1
    with pytest.raises(WebhookSignatureError):
        verify_signature(second.body, second.headers["keyturn-signature"], rotated.secret)
    delete(grpc_channel, created.webhook.id)


def test_pending_delivery_survives_a_restart(
    backend: str, new_database_url: Any, tmp_path_factory: pytest.TempPathFactory, receiver: Receiver
) -> None:
    settings = make_settings(new_database_url(backend), tmp_path_factory.mktemp("restart"))
    first = ServerThread(settings).start()
    try:
        with grpc.insecure_channel(first.address) as raw:
            ch = with_token(raw, first.admin_token)
            org = new_org(ch)
            created = new_webhook(ch, org, receiver.url)
            receiver.fail(1)
            new_key(ch, org)
            receiver.wait_for(1)
            wait_until(lambda: only_delivery(ch, created.webhook.id).attempt_count == 1)
            due = only_delivery(ch, created.webhook.id).next_attempt_time.ToDatetime(tzinfo=UTC)
    finally:
        first.stop()
    second = ServerThread(settings).start()
    try:
        with grpc.insecure_channel(second.address) as raw:
            ch = with_token(raw, second.admin_token)
            assert send_at(second, due + timedelta(seconds=1)) == 1
            done = only_delivery(ch, created.webhook.id)
            assert done.state == STATE.Value("WEBHOOK_DELIVERY_STATE_SUCCEEDED")
            assert [a.http_status for a in done.attempts] == [500, 200]
            requests = receiver.wait_for(2)
            verify_signature(requests[1].body, requests[1].headers["keyturn-signature"], created.secret)
    finally:
        second.stop()


def test_two_processes_deliver_each_event_once(postgres_admin_url: str, receiver: Receiver) -> None:
    with postgres_replicas(
        postgres_admin_url,
        KEYTURN_WEBHOOK_ALLOW_PRIVATE_NETWORKS="true",  # the receiver is on 127.0.0.1
    ) as (first, second):
        with channel(first.address, first.admin_token) as a, channel(second.address, first.admin_token) as b:
            org = new_org(a)
            new_webhook(a, org, receiver.url)
            for index in range(20):
                new_key(a if index % 2 else b, org)
            receiver.wait_for(20, timeout=30)
            time.sleep(3)  # several more rounds of both replicas' senders
            bodies = [json.loads(r.body) for r in receiver.requests]
            sequences = [body["data"]["sequence"] for body in bodies]
            assert len(sequences) == 20 and len(set(sequences)) == 20, sequences
            assert len({r.headers["keyturn-delivery-id"] for r in receiver.requests}) == 20


def test_client_facade(server: ServerThread, receiver: Receiver) -> None:
    from keyturn.client import Client, NotFoundError

    with Client(server.address, token=server.admin_token) as client:
        org = client.create_organization(f"wh-facade-{time.monotonic_ns()}").id
        created = client.create_webhook(
            org, receiver.url, event_types=[key_events_pb2.KEY_EVENT_TYPE_CREATED], description="ops"
        )
        assert client.get_webhook(created.webhook.id).description == "ops"
        assert [w.id for w in client.list_webhooks(org)] == [created.webhook.id]
        updated = client.update_webhook(created.webhook.id, description="ops 2", event_types=[])
        assert updated.description == "ops 2" and list(updated.event_types) == []
        rotated = client.rotate_webhook_secret(created.webhook.id, overlap=0)
        client.create_key(org)
        [request] = receiver.wait_for(1)
        verify_signature(request.body, request.headers["keyturn-signature"], rotated.secret)
        wait_until(
            lambda: (
                [d.state for d in client.list_webhook_deliveries(created.webhook.id)]
                == [STATE.Value("WEBHOOK_DELIVERY_STATE_SUCCEEDED")]
            )
        )
        [delivery] = list(
            client.list_webhook_deliveries(
                created.webhook.id, state=STATE.Value("WEBHOOK_DELIVERY_STATE_SUCCEEDED")
            )
        )
        assert client.redeliver_webhook_delivery(delivery.id).state == STATE.Value(
            "WEBHOOK_DELIVERY_STATE_PENDING"
        )
        receiver.wait_for(2)
        client.delete_webhook(created.webhook.id)
        with pytest.raises(NotFoundError):
            client.get_webhook(created.webhook.id)


def test_bad_input_in_every_rpc(server: ServerThread, grpc_channel: grpc.Channel) -> None:
    stub = hooks(grpc_channel)
    org = new_org(grpc_channel)
    hook = new_webhook(grpc_channel, org, "https://hooks.example.com/x").webhook.id

    def invalid(call: Callable[[], Any], *fields: str) -> None:
        decoded = expect_error(call, grpc.StatusCode.INVALID_ARGUMENT, "INVALID_ARGUMENT")
        assert set(fields) <= set(decoded.field_violations), decoded.field_violations

    bad_id = "not-a-uuid"
    invalid(
        lambda: stub.CreateWebhook(
            W.CreateWebhookRequest(
                webhook=W.Webhook(organization_id=bad_id, url="https://x.example", event_types=[99])
            )
        ),
        "webhook.organization_id",
        "webhook.event_types[0]",
    )
    invalid(
        lambda: stub.CreateWebhook(
            W.CreateWebhookRequest(
                webhook=W.Webhook(organization_id=org, url="https://x.example", description="a\x00")
            )
        ),
        "webhook.description",
    )
    invalid(lambda: stub.GetWebhook(W.GetWebhookRequest(id=bad_id)), "id")
    invalid(
        lambda: stub.ListWebhooks(W.ListWebhooksRequest(organization_id=org, page_token="garbage")),
        "page_token",
    )
    invalid(lambda: stub.ListWebhooks(W.ListWebhooksRequest(organization_id="")), "organization_id")
    invalid(lambda: stub.UpdateWebhook(W.UpdateWebhookRequest(webhook=W.Webhook(id=hook))), "update_mask")
    invalid(
        lambda: stub.UpdateWebhook(
            W.UpdateWebhookRequest(
                webhook=W.Webhook(id=hook, url="http://example.com/"),
                update_mask=field_mask_pb2.FieldMask(paths=["url"]),
            )
        ),
        "webhook.url",
    )
    invalid(
        lambda: stub.UpdateWebhook(
            W.UpdateWebhookRequest(
                webhook=W.Webhook(id=hook), update_mask=field_mask_pb2.FieldMask(paths=["organization_id"])
            )
        ),
        "update_mask",
    )
    invalid(lambda: stub.DeleteWebhook(W.DeleteWebhookRequest(id="")), "id")
    for overlap in (duration_pb2.Duration(seconds=-1), duration_pb2.Duration(seconds=8 * 86400)):
        invalid(
            lambda o=overlap: stub.RotateWebhookSecret(W.RotateWebhookSecretRequest(id=hook, overlap=o)),
            "overlap",
        )
    invalid(
        lambda: stub.RotateWebhookSecret(
            W.RotateWebhookSecretRequest(id=hook, overlap=duration_pb2.Duration(seconds=-(10**15)))
        ),
        "overlap",
    )
    invalid(
        lambda: stub.ListWebhookDeliveries(W.ListWebhookDeliveriesRequest(webhook_id=hook, state=42)), "state"
    )
    invalid(
        lambda: stub.ListWebhookDeliveries(W.ListWebhookDeliveriesRequest(webhook_id=hook, page_size=-1)),
        "page_size",
    )
    invalid(lambda: stub.RedeliverWebhookDelivery(W.RedeliverWebhookDeliveryRequest(id=bad_id)), "id")
    missing = "00000000-0000-4000-8000-000000000000"
    for call in (
        lambda: stub.GetWebhook(W.GetWebhookRequest(id=missing)),
        lambda: stub.RedeliverWebhookDelivery(W.RedeliverWebhookDeliveryRequest(id=missing)),
        lambda: stub.ListWebhooks(W.ListWebhooksRequest(organization_id=missing)),
    ):
        expect_error(call, grpc.StatusCode.NOT_FOUND, "NOT_FOUND")
    delete(grpc_channel, hook)


def test_a_sender_that_dies_after_claiming_is_replaced_after_its_lease(
    server: ServerThread, grpc_channel: grpc.Channel, receiver: Receiver
) -> None:
    from keyturn_server.usecases.webhooks import CLAIM_LEASE

    org = new_org(grpc_channel)
    created = new_webhook(grpc_channel, org, receiver.url)
    receiver.fail(1)
    new_key(grpc_channel, org)
    receiver.wait_for(1)
    wait_until(lambda: only_delivery(grpc_channel, created.webhook.id).attempt_count == 1)
    due = only_delivery(grpc_channel, created.webhook.id).next_attempt_time.ToDatetime(tzinfo=UTC)
    at = due + timedelta(seconds=1)
    # A sender claims the delivery and dies before posting or recording anything.
    claimed = server.call(server.container.webhooks._claim(at, "dead-sender"))
    assert [job.delivery_id for job in claimed] == [only_delivery(grpc_channel, created.webhook.id).id]
    assert send_at(server, at) == 0  # leased: no second sender at the same time
    assert send_at(server, at + CLAIM_LEASE - timedelta(seconds=1)) == 0
    assert send_at(server, at + CLAIM_LEASE + timedelta(seconds=1)) == 1  # the lease ran out
    done = only_delivery(grpc_channel, created.webhook.id)
    assert done.state == STATE.Value("WEBHOOK_DELIVERY_STATE_SUCCEEDED")
    assert [a.http_status for a in done.attempts] == [500, 200]
    delete(grpc_channel, created.webhook.id)


# Keep this test last in the module: afterwards the module's server (root key version 1 only)
# can no longer unwrap the webhook secrets it re-wrapped.
def test_root_key_rotation_rewraps_webhook_secrets(
    server: ServerThread, grpc_channel: grpc.Channel, tmp_path: Any
) -> None:
    from keyturn_server import config
    from keyturn_server.container import Container

    org = new_org(grpc_channel)
    created = new_webhook(grpc_channel, org, "https://hooks.example.com/rotate")
    rotated = hooks(grpc_channel).RotateWebhookSecret(
        W.RotateWebhookSecretRequest(id=created.webhook.id, overlap=duration_pb2.Duration(seconds=3600)),
        timeout=10,
    )
    new_root = "new-root-key-" + "w" * 40
    url = server.settings.database_url

    async def rotate_then_drop_the_old_version() -> tuple[str, ...]:
        both = Container.build(
            make_settings(url, tmp_path, root_keys=config.parse_root_keys(f"2:{new_root},1:{TEST_ROOT_KEY}"))
        )
        try:
            assert await both.webhooks.rewrap_secrets() >= 2  # current and previous of this one
            assert await both.webhooks.rewrap_secrets() == 0  # nothing left: idempotent
        finally:
            await both.db.dispose()
        only_new = Container.build(
            make_settings(url, tmp_path, root_keys=config.parse_root_keys(f"2:{new_root}"))
        )
        try:
            row = await only_new.webhooks.get(created.webhook.id)
            assert row.secret_root_key_version == 2 and row.previous_secret_root_key_version == 2
            return only_new.webhooks._signing_secrets(row, datetime.now(UTC))
        finally:
            await only_new.db.dispose()

    try:
        assert asyncio.run(rotate_then_drop_the_old_version()) == (rotated.secret, created.secret)
    finally:
        # This module's server has root key version 1 only: take the re-wrapped secrets away.
        delete(grpc_channel, created.webhook.id)
