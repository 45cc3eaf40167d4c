"""The terminal progress line: shown on a terminal only."""

from __future__ import annotations

import io

from console.render import SyncProgress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_updates_one_line_on_a_terminal() -> None:
    out = Terminal()
    progress = SyncProgress(out, every=0)
    progress.listed("body/1", "paper", 100)
    progress.recording("body/1", 3, 3)
    progress.finished()
    text = out.getvalue()
    assert text.startswith("\rbody/1 paper: 100 objects read")
    assert "\rbody/1: 3/3 papers recorded" in text and text.endswith("\n")


def test_progress_is_silent_when_not_a_terminal() -> None:
    out = io.StringIO()
    progress = SyncProgress(out, every=0)
    progress.listed("body/1", "paper", 100)
    progress.finished()
    assert out.getvalue() == ""
