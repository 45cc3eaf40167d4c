"""``tracker audit``: the tamper-evident log's chain, export and import."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from console.app import boot, group

audit_app = group("The tamper-evident log: chain, export, import.")


class HeadFormat(StrEnum):
    text = "text"
    json = "json"


class ExportFormat(StrEnum):
    jsonl = "jsonl"


Expect = Annotated[
    str | None, typer.Option(help="A published head POSITION:HASH that must still match.")
]


@audit_app.command("head")
def audit_head(
    ctx: typer.Context,
    fmt: Annotated[HeadFormat, typer.Option("--format", help="text or json.")] = HeadFormat.text,
) -> None:
    """Print the chain's head POSITION:HASH (extending it over the whole log) to publish."""
    from tracker import audit  # deferred: the chain loads eventsourcing

    head = audit.head(boot(ctx).settings.store)
    as_json = f'{{"position": {head.position}, "chain": "{head.hex}"}}'
    typer.echo(str(head) if fmt is HeadFormat.text else as_json)


@audit_app.command("verify")
def audit_verify(ctx: typer.Context, expect: Expect = None) -> None:
    """Recompute the chain from the stored events; exit 1 naming the first bad position."""
    from tracker import audit  # deferred: the chain loads eventsourcing

    wanted = audit.parse_head(expect) if expect else None
    result = audit.verify(boot(ctx).settings.store, wanted)
    typer.echo(
        f"intact: {result.events} event(s), head {result.head}"
        + (f", published head {wanted} matches" if wanted else "")
    )


@audit_app.command("export")
def audit_export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="jsonl.")] = ExportFormat.jsonl,
    output: Annotated[str | None, typer.Option(help="Write to this file (default stdout).")] = None,
) -> None:
    """Write the whole log with chain values and provenance (JSON lines, streamed)."""
    from tracker import audit  # deferred: the chain loads eventsourcing

    store = boot(ctx).settings.store
    if output:
        audit.export_to_file(store, Path(output))
        return
    try:
        audit.export(store, sys.stdout)
    except BrokenPipeError:  # the reader stopped early (| head): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@audit_app.command("import")
def audit_import(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="An export written by 'audit export'.")],
    expect: Expect = None,
) -> None:
    """Restore an export into an empty store, verifying every line first; all or nothing."""
    from tracker import audit  # deferred: the chain loads eventsourcing

    wanted = audit.parse_head(expect) if expect else None
    done = audit.restore(boot(ctx).settings.store, Path(file), wanted)
    typer.echo(f"imported {done.events} event(s), head {done.head}")
