"""Who is calling and why: per-request facts carried in a contextvar.

The gRPC edge fills it in (request id, peer address, user agent, authenticated principal);
the audit trail and the logs read it. Plain Python, so domain and store code can use it.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field

ANONYMOUS = "anonymous"


@dataclass
class RequestMeta:
    request_id: str = ""
    method: str = ""
    client_address: str = ""
    user_agent: str = ""
    actor: str = ANONYMOUS
    # Free-form facts for the per-RPC log line (never secrets): e.g. {"reason": "KEY_REVOKED"}.
    log_fields: dict[str, str] = field(default_factory=dict)


current_request: ContextVar[RequestMeta | None] = ContextVar("keyturn_request", default=None)


def request_meta() -> RequestMeta:
    """The current request's facts; an empty RequestMeta outside an RPC (CLI, background)."""
    return current_request.get() or RequestMeta()
