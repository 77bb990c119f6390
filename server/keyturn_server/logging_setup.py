"""Structured logging: one JSON object per line for machines, plain text for humans.

`KEYTURN_LOG_FORMAT=auto` (the default) writes text when stderr is a terminal and JSON
otherwise (a container, a pipe, a log collector); `json` or `text` force one.

The server writes one line per RPC, so the path is kept cheap: no caller/thread/process
lookups on each record (the optimisations the logging docs list), a small hand-rolled
timestamp, and block-buffered output flushed every 200 ms, at exit, and at once for
warnings and errors. A crash can lose at most the last 200 ms of INFO lines.
"""

from __future__ import annotations

import atexit
import io
import json
import logging
import os
import sys
import threading
import time
from typing import Any, TextIO

FLUSH_INTERVAL_SECONDS = 0.2

# Set by api/tracing.py when traces are on: each line then carries the active span's trace id.
_current_span: Any = None


def enable_trace_ids() -> None:
    """Add `trace_id` to every line written while an OpenTelemetry span is active."""
    global _current_span
    from opentelemetry import trace

    _current_span = trace.get_current_span


def _trace_id() -> str:
    if _current_span is None:
        return ""
    context = _current_span().get_span_context()
    return format(context.trace_id, "032x") if context.is_valid else ""


def _timestamp(created: float) -> str:
    seconds = int(created)
    return (
        time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{int((created - seconds) * 1000):03d}Z"
    )


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "time": _timestamp(record.created),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            payload.update(fields)
        trace_id = _trace_id()
        if trace_id:
            payload["trace_id"] = trace_id
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        try:
            return json.dumps(payload)
        except TypeError:
            return json.dumps(payload, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            text += " " + " ".join(f"{k}={v}" for k, v in fields.items())
        trace_id = _trace_id()
        if trace_id:
            text += f" trace_id={trace_id}"
        return text


class BufferedStreamHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes through a block buffer; a daemon thread flushes it every FLUSH_INTERVAL_SECONDS.

    Records at WARNING and above are flushed at once.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self._stop = threading.Event()
        self._flusher = threading.Thread(
            target=self._flush_periodically, name="keyturn-log-flush", daemon=True
        )
        self._flusher.start()
        atexit.register(self.flush)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
            with self.lock:  # type: ignore[union-attr]
                self.stream.write(line + "\n")
                if record.levelno >= logging.WARNING:
                    self.stream.flush()
        except Exception:
            self.handleError(record)

    def _flush_periodically(self) -> None:
        while not self._stop.wait(FLUSH_INTERVAL_SECONDS):
            self.flush()

    def close(self) -> None:
        self._stop.set()
        self.flush()
        super().close()


def _stderr_block_buffered() -> TextIO:
    try:
        fd = os.dup(sys.stderr.fileno())
    except (AttributeError, OSError, io.UnsupportedOperation):
        return sys.stderr
    return open(fd, "w", buffering=64 * 1024, encoding="utf-8", errors="replace", closefd=True)


def resolve_format(fmt: str, stream: TextIO | None = None) -> str:
    """`auto` becomes `text` on a terminal and `json` anywhere else."""
    if fmt != "auto":
        return fmt
    stream = sys.stderr if stream is None else stream
    try:
        return "text" if stream.isatty() else "json"
    except (AttributeError, ValueError):
        return "json"


def configure(level: str = "INFO", fmt: str = "auto") -> None:
    # Per-record lookups nobody reads (logging HOWTO, "Optimization").
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    fmt = resolve_format(fmt)
    handler = BufferedStreamHandler(_stderr_block_buffered())
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(TextFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    for old in root.handlers[:]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # Alembic logs plugin setup and its dialect at INFO on every start; store/migrate.py lets
    # its INFO lines through only while a migration runs.
    logging.getLogger("alembic").setLevel(max(logging.WARNING, root.level))
