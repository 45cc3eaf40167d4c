"""Options and arguments several commands share, and reading their values."""

from __future__ import annotations

from datetime import date
from enum import Enum, StrEnum
from typing import Annotated, Any, overload

import typer

from tracker.dates import parse_date
from tracker.errors import InputError


@overload
def parse_day(value: str, what: str) -> date: ...
@overload
def parse_day(value: str | None, what: str) -> date | None: ...
def parse_day(value: str | None, what: str) -> date | None:
    """A date option's value (None when not given); a bad one names the option."""
    return None if value is None else parse_date(value, what=what)


def choice(enum_type: type[Enum], value: str | None, what: str) -> Any:
    """An enum member by value, with a clear message for a wrong one."""
    if value is None:
        return None
    try:
        return enum_type(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in enum_type)
        raise InputError(f"{what} {value!r} is not one of: {allowed}") from None


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExtractFormat(StrEnum):
    """``extract``: a block per document, a JSON line per document, or one JSON array."""

    table = "table"
    json = "json"
    jsonl = "jsonl"


class TableOrJson(StrEnum):
    table = "table"
    json = "json"


Body = Annotated[
    str | None, typer.Option(help="The council body, when the reference is ambiguous.")
]
KnownAt = Annotated[
    str | None,
    typer.Option(
        "--known-at",
        help="As the tracker knew it then: only events recorded by this date-time "
        "(a bare date: its end).",
    ),
]
State = Annotated[str | None, typer.Option(help="Bundesland when the document does not tell.")]
BoardFormat = Annotated[ListFormat, typer.Option("--format", help="table, json or csv.")]


def _use_excel(value: bool) -> bool:
    """Set the CSV dialect of this command's output (:mod:`console.render.output`)."""
    from console.render.output import CSV_DIALECT, CsvDialect

    CSV_DIALECT.set(CsvDialect.EXCEL_DE if value else CsvDialect.PLAIN)
    return value


#: ``--excel``: with ``--format csv``, CSV for a German Excel (``;``, BOM, TT.MM.JJJJ, 1,5).
Excel = Annotated[
    bool,
    typer.Option(
        "--excel",
        callback=_use_excel,
        help="With --format csv: for a German Excel (';', UTF-8 with BOM, TT.MM.JJJJ, 1,5).",
    ),
]
