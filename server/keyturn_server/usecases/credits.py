"""Credits and named limits as CreateKey/UpdateKey store them (kept apart from usecases/keys.py
so the key lifecycle reads the same with or without them). The balance is only ever taken by
store/ratelimit.py's atomic statements; these helpers set it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import object_session

from keyturn_server.domain.ratelimit import CreditSetting, NamedLimit, refill_start
from keyturn_server.store.models import ApiKey, KeyCredit


def _period_start(setting: CreditSetting, now: datetime) -> int | None:
    policy = setting.policy
    if policy.refill_interval is None:
        return None
    return refill_start(now.timestamp(), policy.refill_interval, policy.refill_day or 1)


def set_credits(row: ApiKey, setting: CreditSetting | None, now: datetime) -> None:
    """Give the key these credits (a balance set now counts as this period's refill, so the
    first refill is the next refill time), or none (unlimited). A balance shared with a
    rotated key (`share_credits`) is set for both: there is one balance, whichever key
    UpdateKey names."""
    credit = row.credit
    if setting is None:
        if credit is not None:
            row.credit = None
            session = object_session(credit)
            if session is not None:
                session.delete(credit)  # a key still pointing at it draws on nothing: unlimited
        return
    policy = setting.policy
    if credit is None:
        credit = KeyCredit(key_id=str(uuid.uuid4()))
        row.credit = credit
    credit.remaining = setting.remaining
    credit.low_threshold = policy.low_threshold
    credit.refill_interval = policy.refill_interval
    credit.refill_amount = policy.refill_amount
    credit.refill_day = policy.refill_day
    credit.last_refill_start = _period_start(setting, now)


def share_credits(old: ApiKey, successor: ApiKey) -> None:
    """Rotation: the successor draws on the old key's balance (its remaining credits, refill
    and low threshold), and so does the old key for the rest of its grace: ONE balance, taken
    from by either key through the same atomic statements, so the grace never doubles the
    credits, on any replica (a replica still holding the old key's snapshot takes from the
    same row)."""
    successor.credit = old.credit


async def credit_sharers(session: AsyncSession, row: ApiKey) -> list[str]:
    """The other keys drawing on this key's balance (a rotated key in its grace, a successor):
    UpdateKey `credits` changes theirs too, so their cached snapshots are evicted as well."""
    if row.credit_key_id is None:
        return []
    found = await session.scalars(
        select(ApiKey.id).where(ApiKey.credit_key_id == row.credit_key_id, ApiKey.id != row.id)
    )
    return list(found)


def set_named_limits(row: ApiKey, limits: list[NamedLimit]) -> None:
    row.named_limits = [limit.stored() for limit in limits]


def named_limits_of(row: ApiKey) -> list[NamedLimit]:
    return [
        NamedLimit(str(item["name"]), int(item["requests"]), str(item["window"]))
        for item in row.named_limits or ()
    ]


def credits_audit_value(row: ApiKey) -> dict[str, Any] | None:
    """The key's credit settings in audit form (the balance as set, not as used)."""
    credit = row.credit
    if credit is None:
        return None
    return {
        "remaining": credit.remaining,
        "low_threshold": credit.low_threshold,
        "refill": None
        if credit.refill_interval is None
        else {
            "interval": credit.refill_interval,
            "amount": credit.refill_amount,
            "day_of_month": credit.refill_day,
        },
    }
