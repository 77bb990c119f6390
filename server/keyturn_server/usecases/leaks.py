"""Leaked keys: ReportLeakedKeys and the GitHub secret-scanning receiver share this use case.

A report is a batch of candidate strings (a scanner's finds). Each is first checked offline
(domain/keyformat.py: shape, this server's prefix, CRC32 checksum): a string that fails is
NOT_A_KEY and costs no database work. The rest are looked up by their keyed hashes in one
query, and each key found is acted upon in one transaction, whoever reports it (a leak is a
leak), as the effective key policy of its place says (KeyPolicy.leaked_key_action, from the
shared cached policy lookup, usecases/key_policies.py, which UpdateKeyPolicy clears on every
replica at once):

- REVOKE (the default): revoked now, reason `leaked: <source>` (a REVOKED event too);
  a key revoked before is left as it is (ALREADY_REVOKED).
- FLAG: the key keeps working; `leak_time` marks it.

Every new report of a key gets a LEAKED key event (data: source, url, action) and an audit
record `key.leak_report` (changes: leak.source, leak.url, leak_time / revoke_time when they
change). A key reported again with the same url is a duplicate (the event's dedupe string
`leaked:<key id>:<url digest>`): nothing changes, nothing is written.

The answer: FOUND (with the key id and what was done) only for keys the caller's bindings
cover with keys.report_leaked (`caller_allows`); every other key is answered NOT_FOUND,
exactly like a string that matches no key, though it was acted upon all the same. The
candidate strings are never logged or stored: only key ids, source and url are.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain import access as policy
from keyturn_server.domain import keyformat
from keyturn_server.domain.access import Permission
from keyturn_server.domain.audit import AuditRecord, ResourceType, change
from keyturn_server.domain.errors import KeyInvalid
from keyturn_server.domain.key_events import KeyEventType, NewKeyEvent
from keyturn_server.domain.ports import KeyEvents
from keyturn_server.store.audit import append_events
from keyturn_server.store.db import Database
from keyturn_server.store.key_event_log import append_key_events
from keyturn_server.store.models import ApiKey, KeyEvent
from keyturn_server.usecases import key_event, notify_key_changed, utcnow
from keyturn_server.usecases.key_policies import KeyPolicyLookup

MAX_CANDIDATES = 1000
MAX_TOKEN_CHARS = 256
MAX_SOURCE_CHARS = 100
MAX_URL_CHARS = 2048


class LeakResult(StrEnum):
    FOUND = "FOUND"
    NOT_FOUND = "NOT_FOUND"
    NOT_A_KEY = "NOT_A_KEY"


class LeakAction(StrEnum):
    NONE = ""
    REVOKED = "REVOKED"
    FLAGGED = "FLAGGED"
    ALREADY_REVOKED = "ALREADY_REVOKED"


@dataclass(frozen=True)
class LeakCandidate:
    """A validated candidate: the string as found, where, and at which url."""

    token: str
    source: str = ""
    url: str = ""


@dataclass(frozen=True)
class LeakAnswer:
    """What the reporter learns about one candidate."""

    result: LeakResult
    key_id: str = ""
    action: LeakAction = LeakAction.NONE


NOT_A_KEY = LeakAnswer(LeakResult.NOT_A_KEY)
NOT_FOUND = LeakAnswer(LeakResult.NOT_FOUND)


def key_regex(prefix: str) -> str:
    """The regular expression that matches this server's API keys in text (what GitHub's
    secret-scanning partner program asks for): the prefix, the environment, then the 43
    base62 body characters and 6 checksum characters, between word boundaries. A match may
    still fail the checksum; ReportLeakedKeys checks it (NOT_A_KEY)."""
    body = keyformat.BODY_CHARS + keyformat.CHECKSUM_CHARS
    return rf"\b{re.escape(prefix)}_(?:{'|'.join(keyformat.ENVIRONMENTS)})_[0-9A-Za-z]{{{body}}}\b"


def dedupe_of(key_id: str, url: str) -> str:
    """The LEAKED event's dedupe string: one event per key and url (at most 200 characters)."""
    return f"leaked:{key_id}:{hashlib.sha256(url.encode()).hexdigest()[:32]}"


def revoke_reason(source: str) -> str:
    return f"leaked: {source}" if source else "leaked"


def _stamp(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


@dataclass
class _Outcome:
    """What one candidate did to its key (internal: the true answer, before visibility)."""

    row: ApiKey
    action: LeakAction


class LeakReports:
    """ReportLeakedKeys: filter offline, look up, act per policy, answer per visibility."""

    def __init__(
        self,
        db: Database,
        hasher: keyformat.KeyHasher,
        key_prefix: str,
        key_events: KeyEvents,
        policies: KeyPolicyLookup,
    ) -> None:
        self.db = db
        self.policies = policies
        self.hasher = hasher
        self.key_prefix = key_prefix
        self.key_events = key_events

    def is_key(self, token: str) -> bool:
        """Offline: shaped like a key of this server, with a valid checksum."""
        try:
            keyformat.parse(token, self.key_prefix)
        except KeyInvalid:
            return False
        return True

    async def report(self, candidates: Sequence[LeakCandidate]) -> list[LeakAnswer]:
        answers: list[LeakAnswer] = [NOT_A_KEY] * len(candidates)
        # {index: {secret version: hash}} of the candidates that pass the offline check.
        hashes = {
            index: self.hasher.by_version(candidate.token)
            for index, candidate in enumerate(candidates)
            if self.is_key(candidate.token)
        }
        for index in hashes:
            answers[index] = NOT_FOUND
        if not hashes:
            return answers  # nothing shaped like a key: no database work at all
        now = utcnow()

        async def work(session: AsyncSession) -> dict[int, _Outcome]:
            return await self._act(session, candidates, hashes, now)

        outcomes = await self.db.run(work)
        for key_id in sorted({o.row.id for o in outcomes.values()}):  # revoked or leak_time set
            await notify_key_changed(self.key_events, key_id)
        for index, outcome in outcomes.items():
            row = outcome.row
            if policy.caller_allows(
                Permission.KEYS_REPORT_LEAKED, row.organization_id, row.project_id, row.product_id
            ):
                answers[index] = LeakAnswer(LeakResult.FOUND, row.id, outcome.action)
        return answers

    async def _act(
        self,
        session: AsyncSession,
        candidates: Sequence[LeakCandidate],
        hashes: dict[int, dict[int, str]],
        now: datetime,
    ) -> dict[int, _Outcome]:
        wanted = {digest for by_version in hashes.values() for digest in by_version.values()}
        locked = {row.id: row for row in await _lock_keys_by_hashes(session, wanted)}
        key_of: dict[int, str] = {}
        for index, by_version in hashes.items():
            token, current = candidates[index].token, by_version[self.hasher.current_version]
            for found in locked.values():
                if self.hasher.matches(token, found.key_hash, found.secret_version, current):
                    key_of[index] = found.id
                    break
        if not key_of:
            return {}
        dedupes = {index: dedupe_of(key_id, candidates[index].url) for index, key_id in key_of.items()}
        seen = await _logged_dedupes(session, dedupes.values())
        events: list[NewKeyEvent] = []
        records: list[AuditRecord] = []
        outcomes: dict[int, _Outcome] = {}
        for index in sorted(key_of):
            row = locked[key_of[index]]
            candidate = candidates[index]
            if dedupes[index] in seen:  # reported before with this url: nothing changes again
                revoked = row.revoke_time is not None
                outcomes[index] = _Outcome(row, LeakAction.ALREADY_REVOKED if revoked else LeakAction.FLAGGED)
                continue
            seen.add(dedupes[index])
            sourced = await self.policies.cached(row.organization_id, row.project_id, session)
            flag = sourced.policy.leaked_key_action == "FLAG"
            changes: list[dict[str, Any]] = [
                change("leak.source", None, candidate.source),
                change("leak.url", None, candidate.url),
            ]
            if row.leak_time is None:
                row.leak_time = now
                changes.append(change("leak_time", None, _stamp(now)))
            if row.revoke_time is not None:
                action = LeakAction.ALREADY_REVOKED
            elif flag:
                action = LeakAction.FLAGGED
            else:
                action = LeakAction.REVOKED
                row.revoke_time = now
                row.revoke_reason = revoke_reason(candidate.source)
                changes.append(change("revoke_time", None, _stamp(now)))
            row.update_time = now
            outcomes[index] = _Outcome(row, action)
            events.append(
                key_event(
                    KeyEventType.LEAKED,
                    row,
                    {"source": candidate.source, "url": candidate.url, "action": str(action)},
                    dedupe=dedupes[index],
                )
            )
            if action is LeakAction.REVOKED:
                events.append(key_event(KeyEventType.REVOKED, row, {"reason": row.revoke_reason}))
            records.append(
                AuditRecord(
                    action="key.leak_report",
                    resource_type=ResourceType.API_KEY,
                    resource_id=row.id,
                    organization_id=row.organization_id,
                    project_id=row.project_id or "",
                    key_id=row.id,
                    reason=revoke_reason(candidate.source),
                    changes=changes,
                )
            )
        await session.flush()
        await append_key_events(session, events)
        await append_events(session, records)  # last: it takes the audit chain's lock
        return outcomes


async def _lock_keys_by_hashes(session: AsyncSession, hashes: Iterable[str]) -> list[ApiKey]:
    """The keys stored under these keyed hashes, found and locked in one statement, in id
    order (FOR NO KEY UPDATE on PostgreSQL, as repositories.get_key(lock="change") does;
    SQLite's write transaction serializes anyway): concurrent reports of the same keys
    serialize and never deadlock. One query for the whole batch, not one per key."""
    query = (
        select(ApiKey)
        .where(ApiKey.key_hash.in_(sorted(set(hashes))))
        .order_by(ApiKey.id)
        .with_for_update(key_share=True)
        .execution_options(populate_existing=True)
    )
    return list((await session.scalars(query)).all())


async def _logged_dedupes(session: AsyncSession, dedupes: Iterable[str]) -> set[str]:
    """The dedupe strings among `dedupes` already in the key-event log."""
    wanted = sorted(set(dedupes))
    found = await session.execute(select(KeyEvent.dedupe).where(KeyEvent.dedupe.in_(wanted)))
    return {value for (value,) in found if value is not None}


__all__ = [
    "MAX_CANDIDATES",
    "MAX_SOURCE_CHARS",
    "MAX_TOKEN_CHARS",
    "MAX_URL_CHARS",
    "LeakAction",
    "LeakAnswer",
    "LeakCandidate",
    "LeakReports",
    "LeakResult",
    "dedupe_of",
    "key_regex",
]
