"""What went wrong with a server during a sync: each quirk logged with its URL and counted.

A real OParl server is broken in many small ways. None of them may abort a run; each is
logged once with the URL where it was seen and counted under a short, stable name, so the
run's summary says what the server did (``{"relative_web": 20, "not_found": 1}``).
"""

from __future__ import annotations

import threading
from collections import Counter

from tracker.logs import get_logger

log = get_logger()

#: Quirks the client and the cleaner repair; the object is used.
REPAIRED = frozenset(
    {
        "bare_list",
        "blank_value",
        "control_characters",
        "filter_dropped",
        "id_mismatch",
        "list_not_found",
        "missing_type",
        "not_a_list",
        "relative_web",
        "retried",
    }
)


class Problems:
    """A thread-safe tally of server quirks and failures, each logged with its URL."""

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()
        self._lock = threading.Lock()

    def add(self, kind: str, url: str, detail: str = "", *, count: int = 1) -> None:
        """Count ``kind`` (a short name) seen at ``url`` and log it."""
        with self._lock:
            self._counts[kind] += count
        level = log.info if kind in REPAIRED else log.warning
        level("oparl_problem", problem=kind, url=url, detail=detail or None)

    def counts(self) -> dict[str, int]:
        """Every kind seen so far with its count, sorted by name."""
        with self._lock:
            return dict(sorted(self._counts.items()))

    def errors(self) -> int:
        """How many problems were failures rather than repaired quirks."""
        with self._lock:
            return sum(n for kind, n in self._counts.items() if kind not in REPAIRED)
