"""Reminders: notify (one pass), the reminders listing, and ``run`` (the long-running service)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from bootstrap import Bootstrap
from console.app import boot, group
from console.options import BoardFormat, Excel, KnownAt, ListFormat, TableOrJson

if TYPE_CHECKING:
    from notifiers.service import PeriodicJob
    from tracker.settings import Settings

T = TypeVar("T")

#: The commands of this module (merged into the root, in order, by :mod:`console`).
commands = typer.Typer()
#: ``tracker reminders``: the listing, and ``tracker reminders retry``.
reminders_app = group("List reminders: planned, sent, failed, skipped and retired.")
reminders_app.info.invoke_without_command = True
reminders_app.info.no_args_is_help = False


@commands.command()
def notify(
    ctx: typer.Context,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only show what is due.")] = False,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="table or json.")] = (
        TableOrJson.table
    ),
    test: Annotated[
        str | None,
        typer.Option(
            "--test",
            metavar="ADDRESS",
            help="Only send one test message to ADDRESS through TRACKER_SMTP_URL.",
        ),
    ] = None,
) -> None:
    """Send the reminders due now, once (one dispatcher pass)."""
    if test is not None:
        # deferred: the test needs neither the store nor the dispatcher
        from notifiers.service import ReminderConfig, send_test_email

        s = boot(ctx).settings
        server = send_test_email(ReminderConfig.from_settings(s), test, now=s.clock.now())
        typer.echo(f"sent: a test message to {test} through {server}")
        return
    from console.render.reminders import render_pass  # deferred: the dispatcher is not small

    result = boot(ctx).reminders.notify(dry_run=dry_run)
    typer.echo(render_pass(result, fmt.value, dry_run=dry_run), nl=False)
    result.check()  # a channel that failed as a whole (login, TLS, connection): exit 1


@reminders_app.callback()
def reminders(
    ctx: typer.Context,
    fmt: BoardFormat = ListFormat.table,
    excel: Excel = False,
    status: Annotated[
        list[str] | None, typer.Option(help="planned, sent, failed, skipped, retired.")
    ] = None,
    known_at: KnownAt = None,
) -> None:
    """List reminders: planned, sent, failed, skipped and retired."""
    if ctx.invoked_subcommand is not None:
        return
    from console.render.reminders import render_reminders  # deferred: the policy is not small

    c = boot(ctx)
    if known_at is None:
        rows = c.reminders.reminders(status)
    else:
        # deferred: a replay reads the whole log (eventsourcing, the event classes)
        from notifiers.replay import known_reminders
        from tracker.audit import known_at as parse_known_at

        rows = known_reminders(
            c.service.app,
            parse_known_at(known_at, c.settings.clock),
            c.settings.section("reminders"),
            status,
            regular_cadence_months=c.settings.rules.regular_cadence_months,
        )
    typer.echo(render_reminders(rows, fmt.value), nl=False)


@reminders_app.command()
def retry(
    ctx: typer.Context,
    failed: Annotated[
        bool, typer.Option("--failed", help="Also those that failed for good.")
    ] = False,
    recipient: Annotated[str | None, typer.Option(help="Only those to this address.")] = None,
    reference: Annotated[str | None, typer.Option(help="Only those of this motion.")] = None,
) -> None:
    """Requeue reminders whose delivery failed: they go out at the next pass."""
    c = boot(ctx)
    n = c.reminders.retry(
        failed=failed, by=c.settings.user, recipient=recipient, reference=reference
    )
    typer.echo(f"requeued {n['pending']} pending and {n['failed']} failed reminder(s)")


@commands.command()
def run(
    ctx: typer.Context,
    serve_port: Annotated[
        int | None,
        typer.Option(min=0, max=65535, help="Also serve the web front on this port (0: any)."),
    ] = None,
    serve_host: Annotated[str, typer.Option(help="Address of the web front.")] = "127.0.0.1",
) -> None:
    """Run the service until SIGTERM or Ctrl-C: reminders, the audit chain, OParl sync, and
    with --serve-port the web front (as tracker serve)."""
    c = boot(ctx)
    stop_web = None
    if serve_port is not None:
        from console.serve import serve_beside  # deferred: only a service hosting the web

        stop_web = serve_beside(ctx, serve_host, serve_port)
    try:
        c.reminders.serve(jobs=service_jobs(c))
    finally:
        if stop_web is not None:
            stop_web()


def service_jobs(c: Bootstrap) -> list[PeriodicJob]:
    """The periodic jobs of ``tracker run`` beside the dispatcher."""
    # deferred: only the long-running service needs the scheduler's jobs
    from notifiers.service import PeriodicJob
    from oparl import sync_configured, sync_interval
    from oparl.config import SyncConfig
    from tracker.audit import seal

    s = c.settings
    every = sync_interval(s).total_seconds()
    jobs = [
        PeriodicJob("seal_chain", 60.0, lambda: seal(s.store, s)),
        # meetings mirrored by another process (tracker sync by hand or from cron) move
        # anchored due dates too
        PeriodicJob("sessions_follow", every, lambda: follow_pass(s)),
    ]
    if SyncConfig.from_section(s.section("sync")).systems:  # a list or [[sync.system]] tables

        def sync_pass() -> None:
            with_bootstrap(s, lambda b: sync_configured(s, b.service))
            follow_pass(s)  # a meeting the pass moved moves the due dates anchored on it

        jobs.append(PeriodicJob("oparl_sync", every, sync_pass))
    return jobs


def with_bootstrap(settings: Settings, work: Callable[[Bootstrap], T]) -> T:
    """``work`` on a bootstrap of its own: a job runs in the scheduler's thread (the store's
    connections are opened there) and reads the calendar as it is now, not as cached by an
    earlier pass."""
    b = Bootstrap(settings=settings)
    try:
        return work(b)
    finally:
        b.close()


def follow_pass(settings: Settings) -> list[tuple[str, str, date]]:
    """One pass of ``sessions follow`` for ``tracker run`` (idempotent), logged."""
    from console.agenda import follow_sessions  # deferred: only the service's job
    from tracker.logs import get_logger  # deferred: structlog, only for the service

    moved = with_bootstrap(settings, follow_sessions)
    for reference, deadline_id, day in moved:
        get_logger().info(
            "session_followed", reference=reference, deadline=deadline_id, due=day.isoformat()
        )
    return moved
