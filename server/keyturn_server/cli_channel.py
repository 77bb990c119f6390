"""How `keyturn` subcommands that talk to a server open their channel (plaintext, TLS, mTLS)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import grpc


def add_tls_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tls-ca", type=Path, help="connect with TLS, trusting this CA (PEM)")
    parser.add_argument("--tls-client-cert", type=Path, help="client certificate for an mTLS listener")
    parser.add_argument("--tls-client-key", type=Path, help="client private key for an mTLS listener")
    parser.add_argument("--tls-server-name", help="expected server name, when it differs from the address")


def open_channel(address: str, args: argparse.Namespace) -> grpc.Channel:
    import grpc

    if not (args.tls_ca or args.tls_client_cert):
        return grpc.insecure_channel(address)
    credentials = grpc.ssl_channel_credentials(
        root_certificates=args.tls_ca.read_bytes() if args.tls_ca else None,
        private_key=args.tls_client_key.read_bytes() if args.tls_client_key else None,
        certificate_chain=args.tls_client_cert.read_bytes() if args.tls_client_cert else None,
    )
    options = [("grpc.ssl_target_name_override", args.tls_server_name)] if args.tls_server_name else []
    return grpc.secure_channel(address, credentials, options=options)
