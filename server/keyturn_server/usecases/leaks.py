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
exactly like a string that matches no key, though it is acted upon all the same. The
candidate strings are never logged or stored: only key ids, source and url are.

No timing oracle: acting on a key takes writes (lock, revoke or flag, events, audit), so
doing it inside the call for another tenant's key would make that call measurably slower
than one for a string that matches nothing, telling the reporter the string is someone's
live key. So the call acts inline only on the keys it answers FOUND for; for every
candidate it answers NOT_FOUND (another tenant's key or no key at all) it writes the same
thing: one `leak_report_outbox` row per call, in the call's transaction, holding one entry
per such candidate (the key id, or none, with source and url; never the string). The
lookup takes no lock. After the answer, `apply_pending` (a background task on every
replica, woken shortly after each report and every LEAK_APPLY_INTERVAL_SECONDS as the
fallback) applies the outbox rows exactly as above, as the reporter (its actor, request id
and address are kept on the row for the audit records), and deletes them in the same
transaction; PostgreSQL replicas claim rows with SKIP LOCKED. The revocation is durable
from the moment the call returns (the row is committed before the answer): a crash between
the answer and the apply leaves the row for the next replica to apply. The key is
revoked within about LEAK_APPLY_DELAY_SECONDS (longer while the database is unreachable).
bench/leaks.py measures the call for N foreign live keys against N unknown strings.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain import access as policy
from keyturn_server.domain import keyformat
from keyturn_server.domain.access import Permission
from keyturn_server.domain.audit import AuditRecord, ResourceType, change
from keyturn_server.domain.context import RequestMeta, current_request, request_meta
from keyturn_server.domain.errors import KeyInvalid
from keyturn_server.domain.key_events import KeyEventType, NewKeyEvent
from keyturn_server.domain.ports import KeyEvents
from keyturn_server.store.audit import append_events
from keyturn_server.store.db import Database, is_outage
from keyturn_server.store.key_event_log import append_key_events
from keyturn_server.store.models import ApiKey, KeyEvent, LeakReportOutbox
from keyturn_server.usecases import key_event, notify_key_changed, utcnow
from keyturn_server.usecases.key_policies import KeyPolicyLookup

log = logging.getLogger("keyturn.leaks")

MAX_CANDIDATES = 1000
# After a report, its outbox row is applied this much later (the answer is sent first), and
# every replica looks for rows left by others (or by a crash) at least this often.
LEAK_APPLY_DELAY_SECONDS = 0.05
LEAK_APPLY_INTERVAL_SECONDS = 5.0
LEAK_APPLY_BATCH = 50  # outbox rows per transaction
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


class _Found(NamedTuple):
    """A key found by a candidate's hash, before any lock (the columns the answer needs)."""

    id: str
    key_hash: str
    secret_version: int
    organization_id: str
    project_id: str | None
    product_id: str | None


@dataclass(frozen=True)
class _Match:
    """One candidate to act upon: its key (locked), where it was found."""

    index: int
    row: ApiKey
    source: str
    url: str


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
        # Set shortly after a report wrote an outbox row: the applier runs at once.
        self.wakeup = asyncio.Event()
        self.applied_rows = 0  # outbox rows applied by this replica

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
        meta = request_meta()

        async def work(session: AsyncSession) -> tuple[dict[int, _Outcome], bool]:
            return await self._report(session, candidates, hashes, now, meta)

        outcomes, queued = await self.db.run(work)
        if queued:  # the same for another tenant's key and for no key at all
            asyncio.get_running_loop().call_later(LEAK_APPLY_DELAY_SECONDS, self.wakeup.set)
        for key_id in sorted({o.row.id for o in outcomes.values()}):  # revoked or leak_time set
            await notify_key_changed(self.key_events, key_id)
        for index, outcome in outcomes.items():
            answers[index] = LeakAnswer(LeakResult.FOUND, outcome.row.id, outcome.action)
        return answers

    async def _report(
        self,
        session: AsyncSession,
        candidates: Sequence[LeakCandidate],
        hashes: dict[int, dict[int, str]],
        now: datetime,
        meta: RequestMeta,
    ) -> tuple[dict[int, _Outcome], bool]:
        """Acts on the keys the caller sees; queues the rest (see the module docstring).
        Returns the outcomes of the caller's keys and whether an outbox row was written."""
        key_of = await self._match(session, candidates, hashes)
        visible = sorted(
            index
            for index, row in key_of.items()
            if policy.caller_allows(
                Permission.KEYS_REPORT_LEAKED, row.organization_id, row.project_id, row.product_id
            )
        )
        outcomes: dict[int, _Outcome] = {}
        if visible:
            locked = {row.id: row for row in await _lock_keys(session, {key_of[i].id for i in visible})}
            matches = [
                _Match(i, locked[key_of[i].id], candidates[i].source, candidates[i].url)
                for i in visible
                if key_of[i].id in locked
            ]
            outcomes = await self._apply(session, matches, now, now)
        hidden = [index for index in sorted(hashes) if index not in outcomes]
        if not hidden:
            return outcomes, False
        session.add(
            LeakReportOutbox(
                id=str(uuid.uuid4()),
                create_time=now,
                entries=[
                    {
                        "key_id": key_of[index].id if index in key_of else None,
                        "source": candidates[index].source,
                        "url": candidates[index].url,
                    }
                    for index in hidden
                ],
                actor=meta.actor,
                request_id=meta.request_id,
                client_address=meta.client_address,
                user_agent=meta.user_agent,
            )
        )
        return outcomes, True

    async def _match(
        self, session: AsyncSession, candidates: Sequence[LeakCandidate], hashes: dict[int, dict[int, str]]
    ) -> dict[int, _Found]:
        """The key each candidate is, by its keyed hashes: one query, no lock, plain rows
        (no ORM objects: what a match costs here is what the timing of the call shows)."""
        wanted = sorted({digest for by_version in hashes.values() for digest in by_version.values()})
        query = select(
            ApiKey.id,
            ApiKey.key_hash,
            ApiKey.secret_version,
            ApiKey.organization_id,
            ApiKey.project_id,
            ApiKey.product_id,
        ).where(ApiKey.key_hash.in_(wanted))
        by_hash = {row.key_hash: _Found(*row) for row in (await session.execute(query)).all()}
        key_of: dict[int, _Found] = {}
        if not by_hash:
            return key_of
        for index, by_version in hashes.items():
            token, current = candidates[index].token, by_version[self.hasher.current_version]
            for digest in by_version.values():
                found = by_hash.get(digest)
                if found is not None and self.hasher.matches(
                    token, found.key_hash, found.secret_version, current
                ):
                    key_of[index] = found
                    break
        return key_of

    # ---- after the answer: the outbox ------------------------------------------------------

    async def apply_pending(self, batch: int = LEAK_APPLY_BATCH) -> int:
        """Apply and delete the outbox rows (every replica; see the module docstring).
        Returns how many rows were applied. Safe to run concurrently and to repeat: a row is
        applied and deleted in one transaction, and a key reported twice with one url is a
        duplicate (its LEAKED event's dedupe string). A row that fails for another reason
        than an outage is logged (its id only), left for the next pass and passed over in
        this one, so it cannot hold up the rows after it."""
        applied = 0
        passed_over: set[str] = set()
        while True:

            async def pending(session: AsyncSession) -> list[str]:
                query = select(LeakReportOutbox.id).order_by(
                    LeakReportOutbox.create_time, LeakReportOutbox.id
                )
                if passed_over:
                    query = query.where(LeakReportOutbox.id.not_in(sorted(passed_over)))
                return list((await session.scalars(query.limit(batch))).all())

            ids = await self.db.read(pending)
            for outbox_id in ids:

                async def work(session: AsyncSession, outbox_id: str = outbox_id) -> set[str] | None:
                    return await self._apply_outbox_row(session, outbox_id)

                try:
                    changed = await self.db.run(work)
                except Exception as error:
                    if is_outage(error):
                        raise
                    log.error(
                        "a leaked-key outbox row could not be applied; retried later (id=%s)", outbox_id
                    )
                    passed_over.add(outbox_id)
                    continue
                if changed is None:  # another replica has it, or had it
                    passed_over.add(outbox_id)
                    continue
                for key_id in sorted(changed):
                    await notify_key_changed(self.key_events, key_id)
                applied += 1
                self.applied_rows += 1
            if len(ids) < batch:
                return applied

    async def _apply_outbox_row(self, session: AsyncSession, outbox_id: str) -> set[str] | None:
        """Apply one outbox row and delete it; None when it is gone or claimed elsewhere."""
        query = select(LeakReportOutbox).where(LeakReportOutbox.id == outbox_id)
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)  # another replica is on it
        row = (await session.scalars(query)).first()
        if row is None:
            return None
        changed: set[str] = set()
        ids = {str(entry["key_id"]) for entry in row.entries if entry.get("key_id")}
        if ids:
            # As the reporter: its actor and request on the events and audit records.
            reporter = RequestMeta(
                request_id=row.request_id,
                method="ReportLeakedKeys",
                client_address=row.client_address,
                user_agent=row.user_agent,
                actor=row.actor,
            )
            reset = current_request.set(reporter)
            try:
                locked = {key.id: key for key in await _lock_keys(session, ids)}
                matches = [
                    _Match(n, locked[str(entry["key_id"])], str(entry["source"]), str(entry["url"]))
                    for n, entry in enumerate(row.entries)
                    if entry.get("key_id") and str(entry["key_id"]) in locked
                ]
                outcomes = await self._apply(session, matches, row.create_time, utcnow())
            finally:
                current_request.reset(reset)
            changed = {outcome.row.id for outcome in outcomes.values()}
        await session.delete(row)
        await session.flush()
        return changed

    # ---- acting on a key -------------------------------------------------------------------

    async def _apply(
        self, session: AsyncSession, matches: Sequence[_Match], reported: datetime, now: datetime
    ) -> dict[int, _Outcome]:
        """Act on each matched key as its policy says (module docstring), in the caller's
        transaction: `reported` is the report's time (leak_time), `now` the revocation's."""
        if not matches:
            return {}
        dedupes = {m.index: dedupe_of(m.row.id, m.url) for m in matches}
        seen = await _logged_dedupes(session, dedupes.values())
        events: list[NewKeyEvent] = []
        records: list[AuditRecord] = []
        outcomes: dict[int, _Outcome] = {}
        for match in sorted(matches, key=lambda m: m.index):
            row = match.row
            index = match.index
            if dedupes[index] in seen:  # reported before with this url: nothing changes again
                revoked = row.revoke_time is not None
                outcomes[index] = _Outcome(row, LeakAction.ALREADY_REVOKED if revoked else LeakAction.FLAGGED)
                continue
            seen.add(dedupes[index])
            sourced = await self.policies.cached(row.organization_id, row.project_id, session)
            flag = sourced.policy.leaked_key_action == "FLAG"
            changes: list[dict[str, Any]] = [
                change("leak.source", None, match.source),
                change("leak.url", None, match.url),
            ]
            if row.leak_time is None:
                row.leak_time = reported
                changes.append(change("leak_time", None, _stamp(reported)))
            if row.revoke_time is not None:
                action = LeakAction.ALREADY_REVOKED
            elif flag:
                action = LeakAction.FLAGGED
            else:
                action = LeakAction.REVOKED
                row.revoke_time = now
                row.revoke_reason = revoke_reason(match.source)
                changes.append(change("revoke_time", None, _stamp(now)))
            row.update_time = now
            outcomes[index] = _Outcome(row, action)
            events.append(
                key_event(
                    KeyEventType.LEAKED,
                    row,
                    {"source": match.source, "url": match.url, "action": str(action)},
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
                    reason=revoke_reason(match.source),
                    changes=changes,
                )
            )
        await session.flush()
        await append_key_events(session, events)
        await append_events(session, records)  # last: it takes the audit chain's lock
        return outcomes


async def _lock_keys(session: AsyncSession, ids: Iterable[str]) -> list[ApiKey]:
    """These keys, locked in one statement in id order (FOR NO KEY UPDATE on PostgreSQL, as
    repositories.get_key(lock="change") does; SQLite's write transaction serializes anyway):
    concurrent reports of the same keys serialize and never deadlock."""
    query = (
        select(ApiKey)
        .where(ApiKey.id.in_(sorted(set(ids))))
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
    "LEAK_APPLY_INTERVAL_SECONDS",
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
