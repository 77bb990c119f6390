"""Tables and colour for `keyturn` output, through `rich`.

On a terminal: colour (unless NO_COLOR is set) and the terminal's width, at most 120
columns. Anywhere else (a pipe, a file, a test): plain text, no escape codes, 120 columns.
Every cell is rendered as literal text (no rich markup), with control characters replaced,
so audit data cannot move the cursor or recolour the terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

MAX_WIDTH = 120


def console(stream: TextIO | None = None) -> Console:
    stream = sys.stdout if stream is None else stream
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    width = min(Console(file=stream).width, MAX_WIDTH) if tty else MAX_WIDTH
    return Console(
        file=stream,
        width=width,
        force_terminal=tty,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def safe(value: object) -> str:
    """`value` as text with control characters (ESC, CR, ...) replaced by `?`."""
    text = str(value)
    return text if text.isprintable() else "".join(c if c.isprintable() else "?" for c in text)


def fmt_time(value: datetime | None, pattern: str = "%Y-%m-%d %H:%M:%SZ") -> str:
    return value.astimezone(UTC).strftime(pattern) if value else "-"


@dataclass(frozen=True)
class Column:
    header: str
    width: int | None = None  # None: takes the width that is left
    justify: str = "left"


def _table(columns: Sequence[Column], *, show_header: bool, expand: bool) -> Table:
    table = Table(
        box=None,
        show_header=show_header,
        header_style="bold",
        pad_edge=False,
        expand=expand,
        show_edge=False,
    )
    for column in columns:
        table.add_column(
            column.header,
            width=column.width,
            min_width=column.width,
            max_width=column.width,
            ratio=None if column.width else 1,  # only width-less columns take the spare room
            no_wrap=True,
            overflow="ellipsis",
            justify=column.justify,  # type: ignore[arg-type]
        )
    return table


def _cell(value: object) -> Text:
    return value if isinstance(value, Text) else Text(safe(value))


def print_table(
    out: Console, columns: Sequence[Column], rows: Iterable[Sequence[object]], *, show_header: bool = True
) -> None:
    """A table sized to its content (for reports printed once)."""
    table = _table(columns, show_header=show_header, expand=False)
    for row in rows:
        table.add_row(*(_cell(c) for c in row))
    out.print(table)


class FixedTable:
    """Rows printed one by one (live tails) that line up with the header printed first:
    every column but the last has a fixed width, the last takes the rest of the line."""

    def __init__(self, out: Console, columns: Sequence[Column]) -> None:
        self.out = out
        self.columns = columns

    def _print(self, rows: Sequence[Sequence[object]], show_header: bool) -> None:
        table = _table(self.columns, show_header=show_header, expand=True)
        for row in rows:
            table.add_row(*(_cell(c) for c in row))
        self.out.print(table)
        self.out.file.flush()

    def header(self, rows: Sequence[Sequence[object]] = ()) -> None:
        self._print(rows, show_header=True)

    def rows(self, rows: Sequence[Sequence[object]]) -> None:
        if rows:
            self._print(rows, show_header=False)
