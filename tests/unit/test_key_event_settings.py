"""Key-event settings (lead times, retention) and the scheduler jobs' argument checks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from keyturn_server import config
from keyturn_server.store.db import Database
from keyturn_server.usecases.key_events import KeyEventJobs


def test_defaults_are_seven_days_and_one_day_kept_thirty_days() -> None:
    settings = config.from_env({})
    assert settings.key_event_expiring_leads_seconds == (7 * 86400.0, 86400.0)
    assert settings.key_event_retention_seconds == 30 * 86400.0


def test_lead_times_parse_with_units_longest_first_without_repeats() -> None:
    env = {"KEYTURN_KEY_EVENT_EXPIRING_LEADS": "1h, 3d,90, 3d", "KEYTURN_KEY_EVENT_RETENTION": "12h"}
    settings = config.from_env(env)
    assert settings.key_event_expiring_leads_seconds == (3 * 86400.0, 3600.0, 90.0)
    assert settings.key_event_retention_seconds == 12 * 3600.0


@pytest.mark.parametrize("raw", ["", "0d", "-1h", "7 weeks", "d", "nan", "4000d"])
def test_bad_durations_are_named(raw: str) -> None:
    with pytest.raises(config.ConfigError, match="KEYTURN_KEY_EVENT_RETENTION"):
        config.parse_duration_seconds(raw, "KEYTURN_KEY_EVENT_RETENTION")


def test_too_many_lead_times_are_refused() -> None:
    env = {"KEYTURN_KEY_EVENT_EXPIRING_LEADS": ",".join(f"{n}h" for n in range(1, 12))}
    with pytest.raises(config.ConfigError, match="1 to 10 durations"):
        config.from_env(env)


def test_jobs_refuse_non_positive_periods() -> None:
    db = Database("sqlite:///:memory:")
    with pytest.raises(ValueError, match="lead"):
        KeyEventJobs(db, leads=[timedelta(0)], retention=timedelta(days=1))
    with pytest.raises(ValueError, match="retention"):
        KeyEventJobs(db, leads=[timedelta(days=1)], retention=timedelta(0))
    jobs = KeyEventJobs(
        db, leads=[timedelta(days=1), timedelta(days=7), timedelta(days=1)], retention=timedelta(days=1)
    )
    assert jobs.leads == (timedelta(days=7), timedelta(days=1))
