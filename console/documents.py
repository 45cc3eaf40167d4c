"""Reading council documents: extract (print what they say) and ingest (record it)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from bootstrap import Bootstrap
from console.app import boot
from console.options import BoardFormat, Body, Excel, ExtractFormat, ListFormat, State, TableOrJson
from console.render import progress, render_extraction, render_reviews, render_summary
from console.render.output import render_json
from tracker.errors import TrackerError

#: The commands of this module (merged into the root, in order, by :mod:`console`).
commands = typer.Typer()
#: ``ingest`` prints this many warnings, then how many more and the command that shows them.
WARNINGS_SHOWN = 20


@commands.command()
def extract(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(help="Documents: .txt, .html, .pdf, or folders.")],
    fmt: Annotated[
        ExtractFormat,
        typer.Option("--format", help="table, json (one array) or jsonl (a line per document)."),
    ] = ExtractFormat.table,
    state: State = None,
) -> None:
    """Read council documents and print what they say; store nothing."""
    # deferred (decision 0010): the reader is imported only by the commands that read
    from pathlib import Path

    from tracker.deadlines import check_state
    from tracker.documents import document_paths, extract_file

    failed = 0
    read: list[dict[str, Any]] = []
    for path in document_paths(Path(f) for f in files):
        try:
            extraction = extract_file(path, state=check_state(state))
        except TrackerError as exc:
            failed += 1
            typer.echo(f"tracker: skipped {exc}", err=True)
            continue
        if fmt is ExtractFormat.json:
            read.append(extraction.to_json())
        else:
            typer.echo(render_extraction(extraction.to_json(), fmt), nl=False)
    if fmt is ExtractFormat.json:
        typer.echo(render_json(read))
    if failed:
        raise typer.Exit(1)


@commands.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Documents or folders of documents.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Record nothing.")] = False,
    state: State = None,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="table or json (the summary).")] = (
        TableOrJson.table
    ),
) -> None:
    """Read council documents and record their facts (the same document twice adds nothing)."""
    # deferred (decision 0010): the reader is imported only by the commands that read
    from pathlib import Path

    from tracker.deadlines import check_state
    from tracker.ingest import IngestSummary, ingest_paths

    c: Bootstrap = boot(ctx)
    summary = IngestSummary()
    results = ingest_paths(
        c.service,
        [Path(p) for p in paths],
        dry_run=dry_run,
        state=check_state(state) or c.settings.default_state,
    )
    shown = 0
    unsaid: list[str] = []
    for result in progress(results, "Reading documents"):
        summary.add(result)
        if result.error:
            typer.echo(f"tracker: skipped {result.error}", err=True)
        for warning in result.warnings:
            if shown < WARNINGS_SHOWN:
                shown += 1
                typer.echo(f"tracker: warning: {result.file}: {warning}", err=True)
            elif result.file not in unsaid:
                unsaid.append(result.file)
    if unsaid:
        more = summary.warnings - WARNINGS_SHOWN
        typer.echo(
            f"tracker: {more} more warning(s) in {len(unsaid)} document(s); "
            f"`tracker extract {' '.join(unsaid[:3])}{' ...' if len(unsaid) > 3 else ''}` "
            "shows them",
            err=True,
        )
    typer.echo(render_summary(summary.as_json(), fmt.value, dry_run))
    if summary.failures:
        raise typer.Exit(1)


@commands.command()
def review(
    ctx: typer.Context,
    body: Body = None,
    office: Annotated[str | None, typer.Option(help="Only this office (Federführung).")] = None,
    fmt: BoardFormat = ListFormat.table,
    excel: Excel = False,
) -> None:
    """List what the reader could not resolve and a person should look at."""
    from tracker.review import open_reviews  # deferred (decision 0010): the aggregate

    c = boot(ctx)
    rows = [r.as_json() for r in open_reviews(c.service, body=body, office=office)]
    typer.echo(render_reviews(rows, fmt.value), nl=False)


@commands.command()
def confirm(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr. or the key shown by review.")],
    item: Annotated[
        str | None, typer.Argument(help="The review item (R1, R2 ...); all open ones if omitted.")
    ] = None,
    body: Body = None,
    note: Annotated[str | None, typer.Option(help="What the person checked.")] = None,
) -> None:
    """Confirm what the reader recorded: the review item is closed (a new event)."""
    from tracker.review import resolve  # deferred (decision 0010): the aggregate

    c = boot(ctx)
    closed = resolve(c.service, reference, item, body=body, note=note, effective=c.today())
    typer.echo(f"{reference}: confirmed {', '.join(closed)}")
