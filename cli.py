"""The ``tracker`` command: a thin typer front over the tracker's services.

Each command parses its arguments, calls one service and prints. Exit codes: 0 success,
1 a domain error (unknown motion, a rule violated), 2 bad input or usage. Errors are one
line on standard error, never a traceback. Nothing imports this module.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, StrEnum
from typing import Annotated, Any

import typer
from typer._click.core import Context as ClickContext
from typer.core import TyperGroup

from tracker import logs as tracker_logs
from tracker.errors import InputError, TrackerError


class TrackerGroup(TyperGroup):
    """Turns the tracker's errors into one line and an exit code."""

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except TrackerError as exc:
            typer.echo(f"tracker: error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None


app = typer.Typer(
    cls=TrackerGroup,
    no_args_is_help=True,
    add_completion=False,
    help="Track the deadlines and report duties that councils set their administrations.",
)
deadline_app = typer.Typer(cls=TrackerGroup, no_args_is_help=True, help="Change deadlines.")
app.add_typer(deadline_app, name="deadline")
audit_app = typer.Typer(
    cls=TrackerGroup, no_args_is_help=True, help="The tamper-evident log: chain, export, import."
)
app.add_typer(audit_app, name="audit")


# -- wiring ---------------------------------------------------------------------------------


@dataclass
class Context:
    """Settings plus the services built from them on first use (the one bootstrap)."""

    db: str | None
    now: str | None
    config: str | None
    _cache: dict[str, Any] = field(default_factory=dict)

    @property
    def settings(self) -> Any:
        if "settings" not in self._cache:
            from tracker.settings import load_settings

            self._cache["settings"] = load_settings(db=self.db, now=self.now, config=self.config)
        return self._cache["settings"]

    @property
    def service(self) -> Any:
        if "service" not in self._cache:
            from tracker.service import TrackerService, open_log

            s = self.settings
            self._cache["service"] = TrackerService(
                open_log(s.store),
                s.clock,
                s.user,
                lookup=lambda ref: board(self).ids_for_reference(ref),
            )
        return self._cache["service"]

    def today(self) -> date:
        from tracker.clock import today

        return today(self.settings.clock)

    def close(self) -> None:
        """When a command ends: extend the audit chain over anything it wrote, then close."""
        if "service" in self._cache:
            from tracker.audit import seal_after_writes

            seal_after_writes(self.settings.store)
        for name in ("board", "reminders", "service"):
            if name in self._cache:
                item = self._cache.pop(name)
                (item.app if name == "service" else item).close()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(help="SQLite folder or file, or a postgresql:// URL.", envvar="TRACKER_DB"),
    ] = None,
    now: Annotated[
        str | None,
        typer.Option(help="Replace the clock: ISO date-time, Berlin time if no zone."),
    ] = None,
    config: Annotated[
        str | None, typer.Option(help="TOML configuration file.", envvar="TRACKER_CONFIG")
    ] = None,
    log_level: Annotated[
        str, typer.Option(help="debug, info, warning, error.", envvar="TRACKER_LOG_LEVEL")
    ] = "warning",
) -> None:
    """Track council deadlines."""
    tracker_logs.configure(log_level)
    ctx.obj = Context(db=db, now=now, config=config)
    ctx.call_on_close(ctx.obj.close)


def parse_day(value: str | None, what: str) -> date | None:
    from tracker.dates import parse_date

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


class ShowFormat(StrEnum):
    table = "table"
    json = "json"


class LogFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


Body = Annotated[
    str | None, typer.Option(help="The council body, when the reference is ambiguous.")
]


# -- commands -------------------------------------------------------------------------------


@app.command()
def add(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr., e.g. 1263/IV.")],
    body: Annotated[str, typer.Option(help="The council, e.g. 'BVV Mitte von Berlin'.")],
    title: Annotated[str, typer.Option(help="Betreff.")],
    kind: Annotated[str | None, typer.Option(help="Antrag, Beschlussvorlage, ...")] = None,
    state: Annotated[str | None, typer.Option(help="Bundesland: BE, HH, NW, ...")] = None,
    decided: Annotated[str | None, typer.Option(help="Date of the decision.")] = None,
    outcome: Annotated[str | None, typer.Option(help="adopted, rejected, noted, ...")] = None,
    committee: Annotated[str | None, typer.Option(help="Who decided (default: the body).")] = None,
    addressee: Annotated[str | None, typer.Option(help="Who must act: Bezirksamt, ...")] = None,
    office: Annotated[str | None, typer.Option(help="Federführung (gets reminders).")] = None,
    due: Annotated[str | None, typer.Option(help="Due date of the deadline.")] = None,
    deadline_kind: Annotated[str, typer.Option(help="completion, report or event.")] = "completion",
    phrase: Annotated[str | None, typer.Option(help="The deadline as written.")] = None,
) -> None:
    """Register a motion by hand, with its decision and deadline."""
    from events.values import DeadlineKind, Outcome
    from tracker.deadlines import check_state

    c: Context = ctx.obj
    deadline_id, change = c.service.add(
        body=body,
        reference=reference,
        title=title,
        kind=kind,
        state=check_state(state) or c.settings.default_state,
        decided_on=parse_day(decided, "--decided"),
        outcome=choice(Outcome, outcome or ("adopted" if decided else None), "--outcome"),
        committee=committee,
        addressee=addressee,
        office=office,
        due=parse_day(due, "--due"),
        deadline_kind=choice(DeadlineKind, deadline_kind, "--deadline-kind"),
        phrase=phrase,
    )
    suffix = f", deadline {deadline_id}" if deadline_id else ""
    typer.echo(f"{change.motion.reference}: {change.appended} event(s) recorded{suffix}")


@deadline_app.command("extend")
def deadline_extend(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr.")],
    deadline_id: Annotated[str, typer.Argument(help="Deadline id as shown by 'show', e.g. D1.")],
    to: Annotated[str, typer.Option("--to", help="The new due date.")],
    reason: Annotated[str, typer.Option(help="Why the deadline moves.")],
    body: Body = None,
    effective: Annotated[str | None, typer.Option(help="When it was granted.")] = None,
) -> None:
    """Record a Fristverlängerung; the earlier due dates stay in the history."""
    c: Context = ctx.obj
    motion = c.service.find(reference, body)
    c.service.extend_deadline(
        motion.id,
        deadline_id,
        new_due=parse_day(to, "--to"),
        reason=reason,
        effective=parse_day(effective, "--effective") or c.today(),
    )
    typer.echo(f"{motion.reference} {deadline_id}: due {to} ({reason})")


@app.command()
def report(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr.")],
    on: Annotated[
        str | None, typer.Option("--date", help="Submission date (default today).")
    ] = None,
    final: Annotated[bool, typer.Option("--final/--interim", help="Schlussbericht?")] = False,
    document: Annotated[str | None, typer.Option(help="Reference of the report document.")] = None,
    obligation: Annotated[str | None, typer.Option(help="Deadline or duty id it fulfils.")] = None,
    body: Body = None,
) -> None:
    """Record a report (Zwischen- or Schlussbericht) submitted by the administration."""
    from events.values import ReportKind

    c: Context = ctx.obj
    motion = c.service.find(reference, body)
    change = c.service.submit_report(
        motion.id,
        on=parse_day(on, "--date") or c.today(),
        report_kind=ReportKind.FINAL if final else ReportKind.INTERIM,
        document_reference=document,
        obligation_id=obligation,
    )
    typer.echo(f"{motion.reference}: {change.appended} event(s) recorded")


@app.command()
def complete(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr.")],
    deadline: Annotated[str | None, typer.Option(help="Only this deadline (e.g. D1).")] = None,
    on: Annotated[
        str | None, typer.Option("--date", help="When it was done (default today).")
    ] = None,
    note: Annotated[str | None, typer.Option(help="Closing note (Erledigungsvermerk).")] = None,
    body: Body = None,
) -> None:
    """Mark a motion, or one of its deadlines, as done."""
    c: Context = ctx.obj
    motion = c.service.find(reference, body)
    day = parse_day(on, "--date") or c.today()
    c.service.complete(motion.id, on=day, deadline_id=deadline, note=note)
    typer.echo(f"{motion.reference}{' ' + deadline if deadline else ''}: completed on {day}")


@app.command()
def withdraw(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr.")],
    reason: Annotated[str | None, typer.Option(help="Why.")] = None,
    on: Annotated[str | None, typer.Option("--date", help="When (default today).")] = None,
    body: Body = None,
) -> None:
    """Record that a motion was withdrawn."""
    c: Context = ctx.obj
    motion = c.service.find(reference, body)
    c.service.withdraw(motion.id, on=parse_day(on, "--date") or c.today(), reason=reason)
    typer.echo(f"{motion.reference}: withdrawn")


@app.command()
def correct(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr.")],
    field_name: Annotated[
        str, typer.Argument(metavar="FIELD", help="title, office, deadline.D1.due, ...")
    ],
    value: Annotated[str, typer.Argument(help="The right value ('' for none).")],
    reason: Annotated[str, typer.Option(help="Why the recorded fact was wrong.")],
    body: Body = None,
) -> None:
    """Correct a wrongly recorded fact (a new event; the old value stays in the history)."""
    c: Context = ctx.obj
    motion = c.service.find(reference, body)
    if field_name.endswith(".due") and value:
        value = parse_day(value, field_name).isoformat()  # type: ignore[union-attr]
    change = c.service.correct(
        motion.id, field_name=field_name, value=value or None, reason=reason, effective=c.today()
    )
    typer.echo(f"{motion.reference}: {change.appended} event(s) recorded")


@app.command()
def show(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr.")],
    body: Body = None,
    fmt: Annotated[ShowFormat, typer.Option("--format", help="table or json.")] = ShowFormat.table,
    known_at: KnownAt = None,
    history: Annotated[
        bool, typer.Option(help="Every event: both times, provenance, what it replaced.")
    ] = False,
) -> None:
    """Show a motion: its facts, deadlines and history."""
    from tracker import audit
    from tracker.output import render_json
    from tracker.views import history_view, motion_view

    c: Context = ctx.obj
    motion, events = audit.known_motion(c.service, reference, body, known_at, c.settings.clock)
    rows = audit.history_rows(events) if history else history_view(events)
    view = motion_view(motion) | {"history": rows}
    view["board"] = board_known(c, known_at).motion(motion.id)
    if known_at is None:
        from notifiers.output import motion_reminders_view

        view["reminders"] = motion_reminders_view(reminder_service(c).for_motion(motion.id))
    if fmt is ShowFormat.json:
        typer.echo(render_json(view))
    else:
        typer.echo(render_motion(view), nl=False)


def render_motion(view: dict[str, Any]) -> str:
    """The table form of ``show``."""
    from tracker.output import render_table

    decision = view["decision"]
    lines = [
        f"{view['reference']}  {view['title']}",
        f"body: {view['body']}   kind: {view['kind'] or '-'}   state: {view['state'] or '-'}",
        f"addressee: {view['addressee'] or '-'}   office: {view['office'] or '-'}",
        "decision: "
        + (
            f"{decision['outcome'].value} on {decision['date']} by {decision['committee']}"
            if decision
            else "-"
        ),
    ]
    if view["completed_on"]:
        lines.append(f"completed on {view['completed_on']}: {view['completion_note'] or ''}")
    if view["withdrawn_on"]:
        lines.append(f"withdrawn on {view['withdrawn_on']}")
    text = "\n".join(lines) + "\n\n"
    if view["deadlines"]:
        text += (
            render_table(
                view["deadlines"], ["id", "kind", "due", "original_due", "met_on", "phrase"]
            )
            + "\n"
        )
    if "board" in view:
        from projections.present import render_motion_board

        text += render_motion_board(view["board"]) + "\n"
    if view.get("reminders"):
        from notifiers.output import render_motion_reminders

        text += "reminders:\n" + render_motion_reminders(view["reminders"]) + "\n"
    columns = ["version", "recorded", "effective", "event"]
    if view["history"] and "provenance" in view["history"][0]:  # show --history
        columns += ["provenance", "summary"]
    text += render_table(view["history"], columns, max_width=60)
    return text


@app.command("log")
def log_command(
    ctx: typer.Context,
    fmt: Annotated[LogFormat, typer.Option("--format", help="table or jsonl.")] = LogFormat.table,
    start: Annotated[int, typer.Option("--from", min=1, help="First position.")] = 1,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many events.")] = None,
) -> None:
    """Print the raw log in order: position, recorded time, effective date, event, motion."""
    from itertools import islice

    from tracker.output import render_jsonl, render_table

    c: Context = ctx.obj
    entries = islice(c.service.log(start=start), limit)
    if fmt is LogFormat.jsonl:
        for entry in entries:
            typer.echo(render_jsonl([entry.as_json()]), nl=False)
        return
    rows = [e.as_json() for e in entries]
    typer.echo(
        render_table(rows, ["position", "recorded", "effective", "event", "motion"]), nl=False
    )


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


State = Annotated[str | None, typer.Option(help="Bundesland when the document does not tell.")]


@app.command()
def extract(
    ctx: typer.Context,
    files: Annotated[list[str], typer.Argument(help="Documents: .txt, .html, .pdf, or folders.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format")] = ExtractFormat.table,
    state: State = None,
) -> None:
    """Read council documents and print what they say; store nothing."""
    from pathlib import Path

    from tracker.deadlines import check_state
    from tracker.documents import document_paths, extract_file

    failed = 0
    for path in document_paths(Path(f) for f in files):
        try:
            extraction = extract_file(path, state=check_state(state))
        except TrackerError as exc:
            failed += 1
            typer.echo(f"tracker: skipped {exc}", err=True)
            continue
        typer.echo(render_extraction(extraction.to_json(), fmt), nl=False)
    if failed:
        raise typer.Exit(1)


def render_extraction(data: dict[str, Any], fmt: ExtractFormat) -> str:
    """One extraction as a JSON line or a short block for people."""
    from tracker.output import render_jsonl

    if fmt is ExtractFormat.jsonl:
        return render_jsonl([data])
    decision = data["decision"]
    lines = [
        f"{data['file']}: {data['reference']} ({data['kind'] or '?'}) {data['title'] or ''}",
        f"  body: {data['body'] or '-'}  state: {data['state'] or '-'}"
        f"  addressee: {data['addressee'] or '-'}",
        f"  decision: {decision['outcome'] + ' ' + str(decision['date']) if decision else '-'}",
    ]
    lines += [
        f"  deadline {d['date'] or '?'} ({d['kind']}, {d['rule']}): {d['text']}"
        for d in data["deadlines"]
    ]
    lines += [
        f"  report {r['recurrence']} due {r['due'] or '-'}: {r['text']}" for r in data["reports"]
    ]
    lines += [f"  warning: {w}" for w in data["warnings"]]
    return "\n".join(lines) + "\n"


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Documents or folders of documents.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Record nothing.")] = False,
    state: State = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json (the summary).")] = "table",
) -> None:
    """Read council documents and record their facts (the same document twice adds nothing)."""
    from pathlib import Path

    from tracker.deadlines import check_state
    from tracker.ingest import IngestSummary, ingest_paths

    c: Context = ctx.obj
    summary = IngestSummary()
    results = ingest_paths(
        c.service,
        [Path(p) for p in paths],
        dry_run=dry_run,
        state=check_state(state) or c.settings.default_state,
    )
    for result in progress(results, "Reading documents"):
        summary.add(result)
        if result.error:
            typer.echo(f"tracker: skipped {result.error}", err=True)
    typer.echo(render_summary(summary.as_json(), fmt, dry_run))
    if summary.failures:
        raise typer.Exit(1)


def progress(items: Any, label: str) -> Any:
    """Items with a progress line on a terminal (nothing otherwise)."""
    if not sys.stderr.isatty():
        yield from items
        return
    for count, item in enumerate(items, 1):
        typer.echo(f"\r{label}: {count}", err=True, nl=False)
        yield item
    typer.echo("", err=True)


def render_summary(summary: dict[str, int], fmt: str, dry_run: bool) -> str:
    from tracker.output import render_json

    if fmt == "json":
        return render_json(summary | {"dry_run": dry_run})
    verb = "would record" if dry_run else "recorded"
    return (
        f"{summary['documents']} document(s) read: {summary['motions_new']} new motion(s), "
        f"{summary['motions_updated']} updated, {summary['unchanged']} unchanged; "
        f"{verb} {summary['events']} event(s), {summary['deadlines']} deadline(s); "
        f"{summary['warnings']} warning(s), {summary['failures']} failure(s)"
    )


# -- audit ----------------------------------------------------------------------------------


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
    from tracker import audit

    head = audit.head(ctx.obj.settings.store)
    as_json = f'{{"position": {head.position}, "chain": "{head.hex}"}}'
    typer.echo(str(head) if fmt is HeadFormat.text else as_json)


@audit_app.command("verify")
def audit_verify(ctx: typer.Context, expect: Expect = None) -> None:
    """Recompute the chain from the stored events; exit 1 naming the first bad position."""
    from tracker import audit

    wanted = audit.parse_head(expect) if expect else None
    result = audit.verify(ctx.obj.settings.store, wanted)
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
    from pathlib import Path

    from tracker import audit

    if output:
        audit.export_to_file(ctx.obj.settings.store, Path(output))
        return
    try:
        audit.export(ctx.obj.settings.store, sys.stdout)
    except BrokenPipeError:  # the reader stopped early (| head): not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@audit_app.command("import")
def audit_import(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="An export written by 'audit export'.")],
    expect: Expect = None,
) -> None:
    """Restore an export into an empty store, verifying every line first; all or nothing."""
    from pathlib import Path

    from tracker import audit

    wanted = audit.parse_head(expect) if expect else None
    done = audit.restore(ctx.obj.settings.store, Path(file), wanted)
    typer.echo(f"imported {done.events} event(s), head {done.head}")


class SyncFormat(StrEnum):
    table = "table"
    json = "json"


@app.command()
def sync(
    ctx: typer.Context,
    system_url: Annotated[str, typer.Argument(metavar="SYSTEM_URL", help="OParl System URL.")],
    body: Annotated[str | None, typer.Option(help="Only this body (id or short name).")] = None,
    full: Annotated[bool, typer.Option("--full", help="Read all, not only changes.")] = False,
    fmt: Annotated[SyncFormat, typer.Option("--format", help="table or json.")] = SyncFormat.table,
) -> None:
    """Follow an OParl system: record new and changed papers, decisions and deadlines."""
    from tracker.oparl import TerminalProgress, sync_system
    from tracker.output import render_json

    c: Context = ctx.obj
    done = sync_system(
        c.settings, c.service, system_url, body=body, full=full, progress=TerminalProgress()
    )
    typer.echo(render_json(done.as_json()) if fmt == "json" else done.render_text(), nl=False)
    raise typer.Exit(1 if done.incomplete else 0)


# -- board (read models) -------------------------------------------------------------------


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


BoardFormat = Annotated[ListFormat, typer.Option("--format", help="table, json or csv.")]
BodyFilter = Annotated[str | None, typer.Option("--body", help="Only this council body.")]
CommitteeFilter = Annotated[str | None, typer.Option(help="Only this committee.")]
OfficeFilter = Annotated[str | None, typer.Option(help="Only this office (Federführung).")]
KindFilter = Annotated[str | None, typer.Option(help="completion, report or event.")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="As it stood on this date.")]
Limit = Annotated[int, typer.Option(min=1, max=10000, help="At most this many rows.")]
Offset = Annotated[int, typer.Option(min=0, help="Skip this many rows.")]


def board(c: Context) -> Any:
    """The board service (it catches the read models up before each answer)."""
    if "board" not in c._cache:
        from projections.service import BoardService

        c._cache["board"] = BoardService.open(c.settings, lambda: c.service.app)
    return c._cache["board"]


KnownAt = Annotated[
    str | None,
    typer.Option(
        "--known-at",
        help="As the tracker knew it then: only events recorded by this date-time "
        "(a bare date: its end).",
    ),
]


def board_known(c: Context, known_at: str | None) -> Any:
    """The live board, or with --known-at one rebuilt in memory from what was recorded then."""
    if known_at is None:
        return board(c)
    from projections.replay import known_board
    from tracker.audit import known_at as parse_known_at

    replay = known_board(
        c.service.app, parse_known_at(known_at, c.settings.clock), c.settings.section("board")
    )
    if replay.note:
        typer.echo(f"tracker: note: {replay.note}", err=True)
    c._cache.setdefault("board", replay)  # closed with the others when the command ends
    return replay


def board_filters(
    body: str | None, committee: str | None, office: str | None, kind: str | None
) -> Any:
    from projections.queries import Filters

    return Filters(body=body, committee=committee, office=office, kind=kind)


@app.command()
def overdue(
    ctx: typer.Context,
    fmt: BoardFormat = ListFormat.table,
    body: BodyFilter = None,
    committee: CommitteeFilter = None,
    office: OfficeFilter = None,
    kind: KindFilter = None,
    as_of: AsOf = None,
    limit: Limit = 50,
    offset: Offset = 0,
    known_at: KnownAt = None,
) -> None:
    """List overdue obligations, most overdue first."""
    from projections.present import render_page

    found = board_filters(body, committee, office, kind)
    page = board_known(ctx.obj, known_at).overdue(found, parse_day(as_of, "--as-of"), limit, offset)
    typer.echo(render_page(page, fmt.value), nl=False)


@app.command()
def due(
    ctx: typer.Context,
    within: Annotated[int, typer.Option(min=0, help="Days ahead (today included).")] = 14,
    fmt: BoardFormat = ListFormat.table,
    body: BodyFilter = None,
    committee: CommitteeFilter = None,
    office: OfficeFilter = None,
    kind: KindFilter = None,
    as_of: AsOf = None,
    limit: Limit = 50,
    offset: Offset = 0,
    known_at: KnownAt = None,
) -> None:
    """List open obligations due within DAYS days, soonest first."""
    from projections.present import render_page

    found = board_filters(body, committee, office, kind)
    page = board_known(ctx.obj, known_at).due(
        within, found, parse_day(as_of, "--as-of"), limit, offset
    )
    typer.echo(render_page(page, fmt.value), nl=False)


@app.command()
def stats(
    ctx: typer.Context,
    fmt: BoardFormat = ListFormat.table,
    body: BodyFilter = None,
    committee: CommitteeFilter = None,
    office: OfficeFilter = None,
    kind: KindFilter = None,
    as_of: AsOf = None,
    known_at: KnownAt = None,
) -> None:
    """Per office and committee: open, overdue, met on time, met late, median days late."""
    from projections.present import render_stats

    found = board_filters(body, committee, office, kind)
    result = board_known(ctx.obj, known_at).stats(found, parse_day(as_of, "--as-of"))
    if known_at is None and fmt.value == "json":
        from notifiers.output import reminder_stats

        result["reminders"] = reminder_stats(reminder_service(ctx.obj).counts())
    typer.echo(render_stats(result, fmt.value), nl=False)


@app.command()
def calendar(
    ctx: typer.Context,
    office: OfficeFilter = None,
    committee: CommitteeFilter = None,
    body: BodyFilter = None,
    kind: KindFilter = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="File to write.")] = None,
) -> None:
    """Write an iCalendar (RFC 5545) feed of open due dates, e.g. per office or committee."""
    c: Context = ctx.obj
    data = board(c).calendar(board_filters(body, committee, office, kind), c.settings.clock.now())
    if output is None:
        typer.echo(data.decode("utf-8"), nl=False)
    else:
        write_file(output, data)


def write_file(path: str, data: bytes) -> None:
    from pathlib import Path

    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from None


@app.command()
def rebuild(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="Read model, e.g. board.")] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Processes that share the work (SQLite). Default: one per CPU, up to 4,"
            " and one per 50,000 events.",
        ),
    ] = None,
) -> None:
    """Rebuild read models from the log."""
    shown_at = 0.0

    def show(done: int, total: int) -> None:  # a progress line on a terminal, 5 per second
        nonlocal shown_at
        now = time.monotonic()
        if now - shown_at >= 0.2 or done == total:
            shown_at = now
            end = "\n" if done == total else ""
            typer.echo(f"\rRebuilding: {done:,} of {total:,} events{end}", err=True, nl=False)

    applied = board(ctx.obj).rebuild(
        name, progress=show if sys.stderr.isatty() else None, workers=workers
    )
    typer.echo(f"rebuilt {name or 'all read models'} from {applied} event(s)")


# -- reminders ------------------------------------------------------------------------------


class NotifyFormat(StrEnum):
    table = "table"
    json = "json"


def reminder_service(c: Context) -> Any:
    """The reminder service over the configured store (``[reminders]``, TRACKER_SMTP_URL)."""
    if "reminders" not in c._cache:
        from notifiers.service import ReminderConfig, ReminderService

        s = c.settings
        config = ReminderConfig.from_settings(s)
        c._cache["reminders"] = ReminderService(
            location=s.store, app=c.service.app, clock=s.clock, config=config
        )
    return c._cache["reminders"]


@app.command()
def notify(
    ctx: typer.Context,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only show what is due.")] = False,
    fmt: Annotated[
        NotifyFormat, typer.Option("--format", help="table or json.")
    ] = NotifyFormat.table,
) -> None:
    """Send the reminders due now, once (one dispatcher pass)."""
    from notifiers.output import render_pass

    result = reminder_service(ctx.obj).notify(dry_run=dry_run)
    typer.echo(render_pass(result, fmt.value, dry_run=dry_run), nl=False)


@app.command()
def reminders(
    ctx: typer.Context,
    fmt: BoardFormat = ListFormat.table,
    status: Annotated[
        list[str] | None, typer.Option(help="planned, sent, failed, skipped, retired.")
    ] = None,
    known_at: KnownAt = None,
) -> None:
    """List reminders: planned, sent, failed, skipped and retired."""
    from notifiers.output import render_reminders
    from notifiers.replay import known_reminders
    from tracker.audit import known_at as parse_known_at

    c: Context = ctx.obj
    if known_at is None:
        rows = reminder_service(c).reminders(status)
    else:
        when = parse_known_at(known_at, c.settings.clock)
        from projections.service import BoardSettings

        board = BoardSettings.from_section(c.settings.section("board"))
        rows = known_reminders(
            c.service.app,
            when,
            c.settings.section("reminders"),
            status,
            regular_cadence_months=board.regular_cadence_months,
        )
    typer.echo(render_reminders(rows, fmt.value), nl=False)


@app.command()
def run(ctx: typer.Context) -> None:
    """Run the service until SIGTERM or Ctrl-C: reminders, the audit chain, OParl sync."""
    reminder_service(ctx.obj).serve(jobs=service_jobs(ctx.obj))


def service_jobs(c: Context) -> list[Any]:
    """The periodic jobs of ``tracker run`` beside the dispatcher."""
    from notifiers.service import PeriodicJob
    from tracker.audit import seal
    from tracker.oparl import sync_configured, sync_interval

    jobs = [PeriodicJob("seal_chain", 60.0, lambda: seal(c.settings.store))]
    if c.settings.section("sync").get("systems"):
        jobs.append(
            PeriodicJob(
                "oparl_sync",
                sync_interval(c.settings).total_seconds(),
                lambda: sync_configured(c.settings, c.service),
            )
        )
    return jobs


def main() -> None:
    """Console entry point."""
    app()
