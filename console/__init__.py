"""The ``tracker`` command: a thin typer front over the tracker's services.

::

    app.py        the root: global options, one Bootstrap per command, errors as exit codes
    options.py    options several commands share; reading dates and choices
    render.py     what commands print beyond the listings' renderers; the progress line
    motions.py    add, deadline extend, report, complete, close, reopen, progress, withdraw,
                  correct, show, log
    documents.py  extract, ingest
    sync.py       sync (OParl)
    board.py      overdue, due, stats, calendar, rebuild
    reminders.py  notify, reminders (retry), run
    audit.py      audit head, verify, export, import
    config.py     config check
    serve.py      serve (the web front and /api/, package ``web``)
    users.py      user add, list, remove, token (the web front's accounts)
    views.py      the motion document both fronts show (``show --format json``, /api/motions)
    agenda.py     agenda-list (the list tabled at a session), sessions move

Nothing imports this package but the entry module ``cli.py``.
"""

from __future__ import annotations

from console import agenda, board, documents, motions, reminders, serve, sync
from console.app import app
from console.audit import audit_app
from console.config import config_app
from console.users import user_app

# In the order ``tracker --help`` lists them.
for module in (motions, documents, sync, board, reminders, agenda):
    app.registered_commands += module.commands.registered_commands
app.add_typer(motions.deadline_app, name="deadline")
app.add_typer(reminders.reminders_app, name="reminders")
app.add_typer(audit_app, name="audit")
app.add_typer(config_app, name="config")
app.registered_commands += serve.commands.registered_commands
app.add_typer(user_app, name="user")
app.add_typer(agenda.sessions_app, name="sessions")

__all__ = ["app", "main"]


def main() -> None:
    """Console entry point."""
    app()
