"""What Client takes from blocking gRPC: the counterpart of `_io_async` with the same names.

The generated sync.py imports this module where aio.py imports `_io_async`.
"""

from __future__ import annotations

from time import sleep
from typing import TypeAlias, TypeVar

from grpc import Channel, UnaryUnaryMultiCallable, insecure_channel, secure_channel

__all__ = [
    "Awaitable",
    "Channel",
    "UnaryUnaryMultiCallable",
    "close",
    "insecure_channel",
    "secure_channel",
    "sleep",
]

T = TypeVar("T")

# What a call returns: AsyncClient's methods return Awaitable[T], the generated Client's the value
# itself, so `transport.Awaitable[PageT]` in aio.py reads `PageT` for the sync client.
Awaitable: TypeAlias = T


def close(channel: Channel) -> None:
    """Close at once, cancelling calls in flight."""
    channel.close()
