"""Seams between components that run on the server: implemented in store/, built once by
container.py, handed to the use cases that call them."""

from __future__ import annotations

from typing import Protocol

from keyturn_server.domain.audit import AuditRecord


class AccessLog(Protocol):
    """Access attempts (ValidateKey outcomes), written in batches by a background task.

    The implementation filters by audit level (basic: none, detailed: failures, verbose: all)
    and applies back-pressure (callers wait briefly) rather than dropping events.
    """

    async def submit(self, record: AuditRecord) -> None: ...

    def keeps(self, action: str, outcome: str) -> bool:
        """Whether the audit level keeps events of this action and outcome."""
        ...


class KeyEvents(Protocol):
    """Tell every replica that a key changed (revoked, updated, rotated, deleted).

    Call AFTER the transaction that changed the key has committed: evicts the local cache
    entry and, on PostgreSQL, sends NOTIFY so other replicas evict theirs.
    """

    async def key_changed(self, key_id: str) -> None: ...

    async def links_changed(self) -> None:
        """A product was linked to a project: drop cached link lookups everywhere."""

    async def principal_changed(self, principal_id: str) -> None:
        """A principal or one of its tokens changed: drop cached callers everywhere."""
