"""``tracker audit``: the tamper-evident log's chain, export and import."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from console.app import boot, group

if TYPE_CHECKING:
    from events.chain import ChainHead
    from tracker.audit import AuditResult

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
def audit_verify(
    ctx: typer.Context,
    expect: Expect = None,
    public_key: Annotated[
        str | None,
        typer.Option(help="Verify seals with this PEM public key (default: [audit] settings)."),
    ] = None,
    seals: Annotated[
        list[str] | None,
        typer.Option(
            "--seals",
            help="A seal file (JSON lines) to check besides the store's; repeatable. "
            "[audit] seal_file is always read.",
        ),
    ] = None,
) -> None:
    """Recompute the chain from the stored events and check the signed seals; exit 1 naming
    the first bad position, every seal missing or not verifying, and every unsealed event."""
    from tracker import audit  # deferred: the chain loads eventsourcing
    from tracker.errors import IntegrityViolation

    c = boot(ctx)
    wanted = audit.parse_head(expect) if expect else None
    sealing = audit.SealSettings.from_settings(c.settings)
    verifier = sealing.verifier(Path(public_key) if public_key else None)
    files = sealing.files([Path(f) for f in seals or []])
    result = audit.verify_sealed(c.settings.store, wanted, verifier, files)
    for line in verify_lines(result, wanted):
        typer.echo(line)
    if result.seals is not None and not result.seals.intact:
        raise IntegrityViolation(f"the seals do not vouch for the log: {result.seals.summary()}")


def verify_lines(result: AuditResult, wanted: ChainHead | None) -> list[str]:
    """What ``audit verify`` prints: one line when intact, else every finding."""
    line = f"intact: {result.chain.events} event(s), head {result.chain.head}" + (
        f", published head {wanted} matches" if wanted else ""
    )
    report = result.seals
    if report is None:
        return [line + ", seals not checked (no [audit] key or --public-key)"]
    last = report.last
    if report.intact:
        return [
            f"{line}, sealed: {report.valid} valid seal(s) by key {report.key}, the last "
            f"#{last.number if last else 0} at position {last.position if last else 0}"
        ]
    lines = list(report.problems)
    if report.unsealed:
        lines.append(
            "after the last valid seal "
            + (f"#{last.number} (position {last.position})" if last else "(there is none)")
            + ", no signed seal vouches for:"
        )
        lines += [f"  {event.describe()}" for event in report.unsealed]
    return lines


@audit_app.command("seal")
def audit_seal(ctx: typer.Context) -> None:
    """Sign a seal of the chain's head with [audit] key, store it, append it to
    [audit] seal_file, and e-mail it (or the newest seal, when that covers the head) to
    [audit] auditors."""
    from notifiers.auditors import mail_seal  # deferred: e-mail
    from notifiers.policy import parse_policy
    from tracker import audit  # deferred: the chain loads eventsourcing
    from tracker.errors import DeliveryError

    s = boot(ctx).settings
    sealing = audit.SealSettings.from_settings(s)
    seal = audit.make_seal(s.store, sealing, s.clock)
    if seal is None:
        seal = audit.newest_seal(s.store)
        if seal is None:
            typer.echo("nothing to seal: the log is empty")
            return
        typer.echo(f"seal #{seal.number} already covers the head {seal.head}, key {seal.key}")
    else:
        typer.echo(f"seal #{seal.number}: head {seal.head}, key {seal.key}")
    _, options = parse_policy(s.section("reminders"))
    failed = mail_seal(
        seal,
        smtp_url=s.smtp_url,
        sender=options.sender,
        auditors=sealing.auditors,
        now=s.clock.now(),
    )
    sent = len(sealing.auditors) - len(failed)
    if sealing.auditors:
        typer.echo(f"mailed to {sent} of {len(sealing.auditors)} auditor(s)")
    if failed:
        raise DeliveryError("the seal is stored, but not mailed to " + "; ".join(failed))


@audit_app.command("key")
def audit_key(ctx: typer.Context) -> None:
    """Print the public key that verifies the seals (PEM), creating [audit] key if absent."""
    from tracker import audit  # deferred: the chain loads eventsourcing

    sealing = audit.SealSettings.from_settings(boot(ctx).settings)
    verifier = sealing.signer().verifier if sealing.key else sealing.verifier()
    if verifier is None:
        from tracker.errors import ConfigurationError

        raise ConfigurationError("no seal key: set [audit] key in the configuration")
    typer.echo(f"key {verifier.key}")
    typer.echo(verifier.pem(), nl=False)


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
