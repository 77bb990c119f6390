"""What AsyncClient takes from asyncio and grpc.aio: the one place it differs from Client.

aio.py imports this module as `transport`; scripts/generate_sync_client.py rewrites that import
to `_io_sync`, which offers the same names for threads and blocking gRPC.
"""

from __future__ import annotations

from asyncio import sleep
from collections.abc import Awaitable

from grpc.aio import Channel, UnaryUnaryMultiCallable, insecure_channel, secure_channel

__all__ = [
    "Awaitable",
    "Channel",
    "UnaryUnaryMultiCallable",
    "close",
    "insecure_channel",
    "secure_channel",
    "sleep",
]


async def close(channel: Channel) -> None:
    """Close at once, cancelling calls in flight (grace None)."""
    await channel.close(None)
