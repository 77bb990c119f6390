"""The one way a component stops a background task of its own: cancel it, wait for it to
finish, and treat its cancellation as the normal end (store/ and container.py use it)."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any


async def cancel(task: asyncio.Task[Any] | None) -> None:
    if task is None:
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


__all__ = ["cancel"]
