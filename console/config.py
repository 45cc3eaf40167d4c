"""``tracker config``: what the configuration lacks, per channel and setting."""

from __future__ import annotations

import typer

from console.app import boot, group

config_app = group("The configuration: check what is missing or wrong.")


@config_app.command("check")
def config_check(ctx: typer.Context) -> None:
    """Say per channel and setting what is missing or wrong; exit 1 if anything is."""
    # deferred: the reminder policy and the channels are needed by this command only
    from console.render.config import render_findings
    from notifiers.checks import check_audit, check_channels

    settings = boot(ctx).settings
    findings = check_channels(settings) + check_audit(settings)
    typer.echo(render_findings(findings), nl=False)
    if not all(f.ok for f in findings):
        raise typer.Exit(1)
