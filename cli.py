"""The console entry point of ``tracker`` (``[project.scripts]``); the commands are in
:mod:`console`. Nothing imports this module but the entry point (and the CLI tests)."""

from __future__ import annotations

from console import app, main

__all__ = ["app", "main"]
