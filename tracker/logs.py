"""Structured logging that imports structlog only when something is logged.

Importing structlog costs about 0.15 s (its console renderer pulls in rich), a third of a
listing command that logs nothing. Modules take their logger from :func:`get_logger`; the
CLI calls :func:`configure` at start-up, which takes effect when the first event is logged
(at once if structlog is already loaded, e.g. under the tests).

Configuration: readable key=value lines on a terminal, JSON lines otherwise, to standard
error, filtered by level.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

_pending_level: str | None = None
_level: str | None = None


def configure(level: str) -> None:
    """Log at ``level`` and above (applied when structlog is first needed)."""
    global _pending_level, _level
    _pending_level = _level = level
    if "structlog" in sys.modules:
        _apply()


def configured_level() -> str | None:
    """The level given to :func:`configure` (None: never called), for worker processes."""
    return _level


def _apply() -> None:
    global _pending_level
    level, _pending_level = _pending_level, None
    if level is None:
        return
    import structlog  # deferred: loaded on the first event logged (module docstring)

    processors: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    if sys.stderr.isatty():
        processors.append(structlog.dev.ConsoleRenderer())
    else:
        processors += [structlog.processors.dict_tracebacks, structlog.processors.JSONRenderer()]
    structlog.configure(
        processors=processors,
        wrapper_class=structlog.make_filtering_bound_logger(
            logging.getLevelNamesMapping().get(level.upper(), logging.WARNING)
        ),
        logger_factory=_stderr_logger,
        cache_logger_on_first_use=False,
    )


def _stderr_logger(*_: Any) -> Any:
    """A logger on the current standard error (looked up at each use, not at start-up)."""
    import structlog  # deferred: see the module docstring

    return structlog.PrintLogger(sys.stderr)


class LazyLogger:
    """Stands for ``structlog.get_logger()``; loads and configures structlog on first use."""

    def __getattr__(self, name: str) -> Any:
        import structlog  # deferred: see the module docstring

        if _pending_level is not None:
            _apply()
        return getattr(structlog.get_logger(), name)


def bound_contextvars(**values: Any) -> Any:
    """A context manager binding ``values`` to every event logged inside it."""
    import structlog  # deferred: see the module docstring

    return structlog.contextvars.bound_contextvars(**values)


def get_logger() -> Any:
    """The module logger (``log.info("event", key=value)``)."""
    return LazyLogger()
