"""Commands on one motion: add, deadline extend, report, complete, close, reopen, progress,
visibility, withdraw, correct, show, and the raw log."""

from __future__ import annotations

from enum import StrEnum
from itertools import islice
from typing import Annotated

import typer

from console.app import boot, group
from console.options import Body, KnownAt, TableOrJson, choice, parse_day
from console.render import render_motion
from console.render.output import render_json, render_jsonl
from events.values import DeadlineKind, Outcome, ReportKind
from tracker.deadlines import check_state

#: The commands of this module (merged into the root, in order, by :mod:`console`).
commands = typer.Typer()
deadline_app = group("Change deadlines.")


class ExplainLanguage(StrEnum):
    en = "en"
    de = "de"


class LogFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


@commands.command()
def add(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr., e.g. 1263/IV.")],
    body: Annotated[str, typer.Option(help="The council, e.g. 'BVV Mitte von Berlin'.")],
    title: Annotated[str, typer.Option(help="Betreff.")],
    kind: Annotated[str | None, typer.Option(help="Antrag, Beschlussvorlage, ...")] = None,
    state: Annotated[str | None, typer.Option(help="Bundesland: BE, HH, NW, ...")] = None,
    decided: Annotated[str | None, typer.Option(help="Date of the decision.")] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            help="The date the motion bears (tabled, dated); default: --decided, else today.",
        ),
    ] = None,
    outcome: Annotated[str | None, typer.Option(help="adopted, rejected, noted, ...")] = None,
    committee: Annotated[str | None, typer.Option(help="Who decided (default: the body).")] = None,
    addressee: Annotated[str | None, typer.Option(help="Who must act: Bezirksamt, ...")] = None,
    office: Annotated[str | None, typer.Option(help="Federführung (gets reminders).")] = None,
    due: Annotated[str | None, typer.Option(help="Due date of the deadline.")] = None,
    deadline_kind: Annotated[str, typer.Option(help="completion, report or event.")] = "completion",
    phrase: Annotated[str | None, typer.Option(help="The deadline as written.")] = None,
    initiator: Annotated[
        list[str] | None, typer.Option(help="Who brought it in (Fraktion, member); repeatable.")
    ] = None,
    public: Annotated[
        bool, typer.Option("--public/--non-public", help="Non-public (nichtöffentlich)?")
    ] = True,
) -> None:
    """Register a motion by hand, with its decision and deadline. It is dated by --on, else
    by --decided; with neither, by today (said on standard error): --as-of before that day
    does not list it."""
    c = boot(ctx)
    decided_on, dated_on = parse_day(decided, "--decided"), parse_day(on, "--on")
    if decided_on is not None and dated_on is not None and dated_on > decided_on:
        raise typer.BadParameter(
            "the motion cannot bear a date after its decision", param_hint="--on"
        )
    if decided_on is None and dated_on is None:
        dated_on = c.today()
        typer.echo(
            f"note: {reference} dated {dated_on:%d.%m.%Y}, the day it is recorded (no --decided "
            "or --on): --as-of before that day does not list it",
            err=True,
        )
    deadline_id, change = c.service.add(
        body=body,
        reference=reference,
        title=title,
        kind=kind,
        state=check_state(state) or c.settings.default_state,
        decided_on=decided_on,
        dated_on=dated_on,
        outcome=choice(Outcome, outcome or ("adopted" if decided else None), "--outcome"),
        committee=committee,
        addressee=addressee,
        office=office,
        due=parse_day(due, "--due"),
        deadline_kind=choice(DeadlineKind, deadline_kind, "--deadline-kind"),
        phrase=phrase,
        initiators=initiator or [],
        public=public,
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
    c = boot(ctx)
    motion = c.service.find(reference, body)
    c.service.extend_deadline(
        motion.id,
        deadline_id,
        new_due=parse_day(to, "--to"),
        reason=reason,
        effective=parse_day(effective, "--effective") or c.today(),
    )
    typer.echo(f"{motion.reference} {deadline_id}: due {to} ({reason})")


@commands.command()
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
    c = boot(ctx)
    motion = c.service.find(reference, body)
    change = c.service.submit_report(
        motion.id,
        on=parse_day(on, "--date") or c.today(),
        report_kind=ReportKind.FINAL if final else ReportKind.INTERIM,
        document_reference=document,
        obligation_id=obligation,
    )
    typer.echo(f"{motion.reference}: {change.appended} event(s) recorded")


@commands.command()
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
    """Report a motion done (reminders stop; 'close' takes it off the lists), or meet one
    of its deadlines."""
    c = boot(ctx)
    motion = c.service.find(reference, body)
    day = parse_day(on, "--date") or c.today()
    if deadline is None:
        c.service.report_done(motion.id, on=day, note=note)
        typer.echo(f"{motion.reference}: reported done on {day}; open until closed")
        return
    c.service.complete(motion.id, on=day, deadline_id=deadline, note=note)
    typer.echo(f"{motion.reference} {deadline}: completed on {day}")


@commands.command()
def close(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr.")],
    by: Annotated[str, typer.Option("--by", help="The committee or body that confirms it.")],
    on: Annotated[str, typer.Option("--on", help="The day of the confirming session.")],
    note: Annotated[str | None, typer.Option(help="What the committee noted.")] = None,
    body: Body = None,
) -> None:
    """Confirm a motion settled: it leaves the open lists."""
    c = boot(ctx)
    motion = c.service.find(reference, body)
    day = parse_day(on, "--on")
    c.service.confirm_closure(motion.id, on=day, committee=by, note=note)
    typer.echo(f"{motion.reference}: closed on {day} by {by}")


@commands.command()
def reopen(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr.")],
    reason: Annotated[str, typer.Option(help="Why it is taken up again.")],
    on: Annotated[str | None, typer.Option("--date", help="When (default today).")] = None,
    body: Body = None,
) -> None:
    """Take up a motion reported done or closed again."""
    c = boot(ctx)
    motion = c.service.find(reference, body)
    c.service.reopen(motion.id, on=parse_day(on, "--date") or c.today(), reason=reason)
    typer.echo(f"{motion.reference}: reopened")


@commands.command()
def progress(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr.")],
    text: Annotated[str, typer.Option(help="The Sachstand: what has been done.")],
    reason: Annotated[str | None, typer.Option(help="Why it is late.")] = None,
    next_step: Annotated[str | None, typer.Option("--next", help="The next step.")] = None,
    expected: Annotated[str | None, typer.Option(help="When it is expected done.")] = None,
    office: Annotated[
        str | None, typer.Option(help="Reporting office (default: Federführung).")
    ] = None,
    on: Annotated[
        str | None, typer.Option("--date", help="Day of the Sachstand (default today).")
    ] = None,
    body: Body = None,
) -> None:
    """Record a Sachstand: progress, the reason for delay, the next step."""
    c = boot(ctx)
    motion = c.service.find(reference, body)
    change = c.service.report_progress(
        motion.id, on=parse_day(on, "--date") or c.today(), text=text, reason=reason,
        next_step=next_step, expected=parse_day(expected, "--expected"), office=office,
    )  # fmt: skip
    typer.echo(f"{motion.reference}: {change.appended} event(s) recorded")


@commands.command()
def visibility(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr.")],
    public: Annotated[
        bool,
        typer.Option(
            "--public/--non-public",
            help="Mark it public, or non-public (nichtöffentlich: never in a public output).",
        ),
    ],
    reason: Annotated[str | None, typer.Option(help="Why (e.g. the session's decision).")] = None,
    on: Annotated[str | None, typer.Option("--date", help="From when (default today).")] = None,
    body: Body = None,
) -> None:
    """Mark a motion non-public (nichtöffentlich) or public again."""
    c = boot(ctx)
    motion = c.service.find(reference, body)
    day = parse_day(on, "--date") or c.today()
    change = c.service.mark_visibility(motion.id, public=public, reason=reason, on=day)
    shown = "public" if public else "non-public"
    typer.echo(f"{motion.reference}: {shown}" + ("" if change.appended else " already"))


@commands.command()
def withdraw(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr.")],
    reason: Annotated[str | None, typer.Option(help="Why.")] = None,
    on: Annotated[str | None, typer.Option("--date", help="When (default today).")] = None,
    body: Body = None,
) -> None:
    """Record that a motion was withdrawn."""
    c = boot(ctx)
    motion = c.service.find(reference, body)
    c.service.withdraw(motion.id, on=parse_day(on, "--date") or c.today(), reason=reason)
    typer.echo(f"{motion.reference}: withdrawn")


@commands.command()
def correct(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr.")],
    field_name: Annotated[
        str, typer.Argument(metavar="FIELD", help="title, office, deadline.D1.due, ...")
    ],
    value: Annotated[str, typer.Argument(help="The right value ('' for none).")],
    reason: Annotated[str, typer.Option(help="Why the recorded fact was wrong.")],
    body: Body = None,
    review: Annotated[
        str | None, typer.Option(help="The review item (R1 ...) this correction answers.")
    ] = None,
) -> None:
    """Correct a wrongly recorded fact (a new event; the old value stays in the history)."""
    from tracker.review import resolve

    c = boot(ctx)
    motion = c.service.find(reference, body)
    if review is not None:
        motion.open_review(review)  # checked before anything is written
    if field_name.endswith(".due") and value:
        value = parse_day(value, field_name).isoformat()
    change = c.service.correct(
        motion.id, field_name=field_name, value=value or None, reason=reason, effective=c.today()
    )
    typer.echo(f"{motion.reference}: {change.appended} event(s) recorded")
    if review is not None:
        closed = resolve(
            c.service, motion.reference, review, body=motion.body, resolution="corrected",
            note=reason, effective=c.today(),
        )  # fmt: skip
        typer.echo(f"{motion.reference}: corrected {', '.join(closed)}")


@commands.command()
def show(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(help="Drucksachen-Nr.")],
    body: Body = None,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="table or json.")] = (
        TableOrJson.table
    ),
    known_at: KnownAt = None,
    history: Annotated[
        bool, typer.Option(help="Every event: both times, provenance, what it replaced.")
    ] = False,
    lang: Annotated[
        ExplainLanguage,
        typer.Option("--lang", help="Language of the due-date explanations: en or de."),
    ] = ExplainLanguage.en,
) -> None:
    """Show a motion: its facts, deadlines (how each due date was computed) and history."""
    # deferred: the audit views load the aggregate and eventsourcing
    from console.views import motion_document
    from tracker import audit

    c = boot(ctx)
    motion, events = audit.known_motion(c.service, reference, body, known_at, c.settings.clock)
    view, note = motion_document(c, motion, events, history=history, known_at=known_at)
    if note:
        typer.echo(f"tracker: note: {note}", err=True)
    if fmt is TableOrJson.json:
        typer.echo(render_json(view))
    else:
        typer.echo(render_motion(view | {"lang": lang.value}), nl=False)


@commands.command("log")
def log_command(
    ctx: typer.Context,
    fmt: Annotated[LogFormat, typer.Option("--format", help="table or jsonl.")] = LogFormat.table,
    start: Annotated[int, typer.Option("--from", min=1, help="First position.")] = 1,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many events.")] = None,
) -> None:
    """Print the raw log in order: position, recorded time, effective date, event, motion."""
    entries = islice(boot(ctx).service.log(start=start), limit)
    if fmt is LogFormat.jsonl:
        for entry in entries:
            typer.echo(render_jsonl([entry.as_json()]), nl=False)
        return
    # deferred: the event vocabulary, for the widths of a table that streams like jsonl
    from console.render import References, log_table
    from events.log import table_widths

    service = boot(ctx).service
    first = References(lambda mid: next(iter(service.app.events.get(mid, limit=1)), None))
    for line in log_table(entries, table_widths(service.head()), first):
        typer.echo(line, nl=False)
