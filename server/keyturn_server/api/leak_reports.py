"""ReportLeakedKeys at the edge: the request checked into LeakCandidates, the answers rendered.

Field violations name the field and never echo a value (a candidate may be a live key).
"""

from __future__ import annotations

import re

from keyturn.v1 import keys_pb2

from keyturn_server.domain import validation as check
from keyturn_server.domain.errors import InvalidArgument
from keyturn_server.usecases.leaks import (
    MAX_CANDIDATES,
    MAX_SOURCE_CHARS,
    MAX_URL_CHARS,
    LeakAction,
    LeakAnswer,
    LeakCandidate,
    LeakResult,
)

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

RESULTS = {
    LeakResult.FOUND: keys_pb2.LEAKED_KEY_RESULT_FOUND,
    LeakResult.NOT_FOUND: keys_pb2.LEAKED_KEY_RESULT_NOT_FOUND,
    LeakResult.NOT_A_KEY: keys_pb2.LEAKED_KEY_RESULT_NOT_A_KEY,
}
OUTCOMES = {
    LeakAction.NONE: keys_pb2.LEAKED_KEY_OUTCOME_UNSPECIFIED,
    LeakAction.REVOKED: keys_pb2.LEAKED_KEY_OUTCOME_REVOKED,
    LeakAction.FLAGGED: keys_pb2.LEAKED_KEY_OUTCOME_FLAGGED,
    LeakAction.ALREADY_REVOKED: keys_pb2.LEAKED_KEY_OUTCOME_ALREADY_REVOKED,
}


def _text(v: check.Violations, field: str, value: str, limit: int) -> str:
    if len(value) > limit:
        v.add(field, f"must be at most {limit} characters")
    elif _CONTROL.search(value):
        v.add(field, "must not contain control characters")
    return value


def candidates_from_proto(request: keys_pb2.ReportLeakedKeysRequest) -> list[LeakCandidate]:
    count = len(request.candidates)
    if not 1 <= count <= MAX_CANDIDATES:
        raise InvalidArgument.field("candidates", f"must hold 1..{MAX_CANDIDATES} candidates, got {count}")
    v = check.Violations()
    candidates: list[LeakCandidate] = []
    for index, item in enumerate(request.candidates):
        where = f"candidates[{index}]"
        if not item.token:
            v.add(f"{where}.token", "required")
        source = _text(v, f"{where}.source", item.source, MAX_SOURCE_CHARS)
        url = _text(v, f"{where}.url", item.url, MAX_URL_CHARS)
        candidates.append(LeakCandidate(token=item.token, source=source, url=url))
    v.raise_if_any()
    return candidates


def answers_to_proto(answers: list[LeakAnswer]) -> keys_pb2.ReportLeakedKeysResponse:
    return keys_pb2.ReportLeakedKeysResponse(
        reports=[
            keys_pb2.LeakedKeyReport(
                index=index,
                result=RESULTS[answer.result],
                key_id=answer.key_id,
                outcome=OUTCOMES[answer.action],
            )
            for index, answer in enumerate(answers)
        ]
    )


def clamp(value: str, limit: int) -> str:
    """For receivers that must not refuse a batch (GitHub): control characters dropped,
    the value cut to `limit` characters."""
    return _CONTROL.sub("", value)[:limit]


__all__ = ["answers_to_proto", "candidates_from_proto", "clamp"]
