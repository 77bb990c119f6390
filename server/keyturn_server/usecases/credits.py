"""Credits and named limits as CreateKey/UpdateKey store them (kept apart from usecases/keys.py
so the key lifecycle reads the same with or without them). The balance is only ever taken by
store/ratelimit.py's atomic statements; these helpers set it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from keyturn_server.domain.ratelimit import CreditSetting, NamedLimit, refill_start
from keyturn_server.store.models import ApiKey, KeyCredit


def _period_start(setting: CreditSetting, now: datetime) -> int | None:
    policy = setting.policy
    if policy.refill_interval is None:
        return None
    return refill_start(now.timestamp(), policy.refill_interval, policy.refill_day or 1)


def set_credits(row: ApiKey, setting: CreditSetting | None, now: datetime) -> None:
    """Give the key these credits (a balance set now counts as this period's refill, so the
    first refill is the next refill time), or none (unlimited)."""
    if setting is None:
        row.credit = None  # delete-orphan removes the balance
        return
    policy = setting.policy
    credit = row.credit
    if credit is None:
        credit = KeyCredit(key_id=row.id)
        row.credit = credit
    credit.remaining = setting.remaining
    credit.low_threshold = policy.low_threshold
    credit.refill_interval = policy.refill_interval
    credit.refill_amount = policy.refill_amount
    credit.refill_day = policy.refill_day
    credit.last_refill_start = _period_start(setting, now)


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
