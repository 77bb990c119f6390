"""Webhook sends with and without kept-alive connections (a benchmark, not a test).

    python -m bench.webhooks [--deliveries 200] [--rounds 3]

POSTs `--deliveries` signed-size bodies through the sender's own transport
(usecases/webhook_transport.py `PinnedTransport`, the SSRF guard on a name resolved to
127.0.0.1 with private networks allowed) to a receiver in a separate process that counts the
TCP connections it accepts. Each case runs with the sender's default limits (keep-alive) and
with keep-alive off (how every delivery was sent before pooling), over http and over https
(a self-signed certificate for the name, so every new connection pays a TLS handshake), with
1 request in flight (deliveries trickling in) and 50 (a claimed batch; with keep-alive they
share the pool's CONNECTIONS_PER_POOL connections, without it each opens its own). Rounds
alternate the modes; the medians are printed. Client and receiver share the machine, so the numbers are
for comparing changes, not for capacity planning.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import ssl
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path

import httpx
from keyturn_server.usecases.webhook_transport import PinnedTransport

NAME = "receiver.keyturn.invalid"
BODY = b'{"id":"kevt_1","type":"KEY_EVENT_TYPE_CREATED","data":{}}' * 4


def self_signed(directory: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, NAME)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(NAME)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


def receive(
    port: multiprocessing.Queue[int], accepted: Synchronized[int], tls: tuple[str, str] | None
) -> None:
    """The receiver process: HTTP/1.1 keep-alive, 200 with an empty body to every POST."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with accepted.get_lock():
            accepted.value += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                await reader.readexactly(length)
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        context = None
        if tls is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
        server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=context, backlog=512)
        port.put(server.sockets[0].getsockname()[1])
        await server.serve_forever()

    asyncio.run(main())


async def send(url: str, count: int, in_flight: int, keepalive: bool, verify: ssl.SSLContext | bool) -> float:
    async def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    limits = None if keepalive else httpx.Limits(max_keepalive_connections=0)
    transport = PinnedTransport(resolver=resolver, allow_private=True, verify=verify, limits=limits)
    async with httpx.AsyncClient(transport=transport, trust_env=False, timeout=10) as client:
        started = time.perf_counter()
        for first in range(0, count, in_flight):
            batch = range(first, min(first + in_flight, count))
            answers = await asyncio.gather(*(client.post(url, content=BODY) for _ in batch))
            assert all(a.status_code == 200 for a in answers)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--deliveries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    count = args.deliveries
    with tempfile.TemporaryDirectory() as scratch:
        cert, key = self_signed(Path(scratch))
        trust = ssl.create_default_context(cafile=str(cert))
        for scheme in ("http", "https"):
            ports: multiprocessing.Queue[int] = multiprocessing.Queue()
            accepted: Synchronized[int] = multiprocessing.Value("i", 0)  # type: ignore[assignment]
            tls = (str(cert), str(key)) if scheme == "https" else None
            process = multiprocessing.Process(target=receive, args=(ports, accepted, tls), daemon=True)
            process.start()
            url = f"{scheme}://{NAME}:{ports.get(timeout=30)}/hook"
            try:
                for in_flight in (1, 50):
                    rates: dict[bool, list[float]] = {True: [], False: []}
                    connections: dict[bool, list[int]] = {True: [], False: []}
                    for _ in range(args.rounds):
                        for keepalive in (False, True):
                            before = accepted.value
                            seconds = asyncio.run(send(url, count, in_flight, keepalive, trust))
                            rates[keepalive].append(count / seconds)
                            connections[keepalive].append(accepted.value - before)
                    for keepalive in (False, True):
                        print(
                            f"{scheme:5} {in_flight:2} in flight, keep-alive {'on ' if keepalive else 'off'}: "
                            f"{statistics.median(rates[keepalive]):7.0f} deliveries/s, "
                            f"{statistics.median(connections[keepalive]):4.0f} connections for {count}"
                        )
            finally:
                process.kill()
                process.join()


if __name__ == "__main__":
    main()
