"""The one wiring of the tracker: settings read once, the store opened once, services built.

A front (the CLI, a web front when there is one) makes one :class:`Bootstrap` per command
or request from its options and closes it when done. The settings are read on first use
(``--help`` and ``tracker extract`` never read them); the store's plain connection is opened
once and shared by the read models, the reminders, the OParl mirror and the audit chain;
the event log (the eventsourcing application, with its own connection) is opened only
when something reads or writes events.

Only the fronts import this module (docs/architecture.md). Its imports of the services
are deferred to first use: a listing on a current board must not load the log's event
classes, eventsourcing or structlog (docs/decisions/0010).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol
from uuid import UUID

if TYPE_CHECKING:
    from events.store import Database
    from notifiers.service import ReminderService
    from projections.queries import Filters, Page
    from projections.runner import BuildStrategy, Progress, Projection
    from projections.service import BoardService
    from tracker.service import TrackerService
    from tracker.settings import Settings


@dataclass(frozen=True)
class ReadModel:
    """A read model of the store, as the registry (:meth:`Bootstrap.read_models`) knows it."""

    #: Made from the settings, as the service that reads it makes it (same version).
    projection: Callable[[], Projection]
    #: How a build from scratch is shared among processes (None: one process; the
    #: reminders follow motions and their own outcome events, so they cannot be split).
    builder: Callable[[], BuildStrategy] | None = None


class BoardAnswers(Protocol):
    """What the live board and a board replayed ``--known-at`` both answer."""

    def overdue(self, filters: Filters, as_of: date | None, limit: int, offset: int) -> Page:
        """Overdue obligations, most overdue first."""
        ...

    def due(
        self, within: int, filters: Filters, as_of: date | None, limit: int, offset: int
    ) -> Page:
        """Open obligations due within ``within`` days."""
        ...

    def stats(self, filters: Filters, as_of: date | None) -> dict[str, Any]:
        """Per office and committee statistics."""
        ...

    def motion(self, motion_id: UUID) -> list[dict[str, Any]]:
        """The board's rows of one motion."""
        ...

    def close(self) -> None:
        """Release what the answers were computed from."""
        ...


class Bootstrap:
    """Settings plus the services built from them on first use, for one command."""

    def __init__(
        self,
        *,
        db: str | None = None,
        now: str | None = None,
        config: str | None = None,
        settings: Settings | None = None,
        user: str | None = None,
    ) -> None:
        """``settings``: already read (a server reads them once for all its requests);
        ``user``: who records, instead of the configured user (the signed-in web user)."""
        self._db, self._now, self._config = db, now, config
        self._user = user
        self._settings: Settings | None = settings
        self._store: Database | None = None
        self._service: TrackerService | None = None
        self._board: BoardService | None = None
        self._reminders: ReminderService | None = None
        self._replays: list[BoardAnswers] = []

    @property
    def settings(self) -> Settings:
        """The settings, read once (options, ``TRACKER_*`` environment, TOML file)."""
        if self._settings is None:
            from tracker.settings import load_settings  # deferred: not every command needs it

            self._settings = load_settings(db=self._db, now=self._now, config=self._config)
        return self._settings

    @property
    def store(self) -> Database:
        """The command's one plain connection to the store (opened on first use)."""
        if self._store is None:
            # deferred with the settings; the driver's errors become a StorageError
            from events.store import connect, driver_errors, failure_reason
            from tracker.errors import StorageError

            location = self.settings.store
            try:
                self._store = connect(location)
            except driver_errors(location) as exc:
                raise StorageError(
                    f"cannot open the store {location.display}: {failure_reason(exc)}"
                ) from exc
        return self._store

    @property
    def service(self) -> TrackerService:
        """The commands on motions over the event log (opened on first use)."""
        if self._service is None:
            # deferred: loads eventsourcing and the event classes (decision 0010)
            from tracker.service import TrackerService, open_log

            s = self.settings
            self._service = TrackerService(
                open_log(s.store, self.store),
                s.clock,
                self._user or s.user,
                lookup=lambda reference: self.board.ids_for_reference(reference),
                defaults=s.term_defaults.with_sessions_from(self._oparl_sessions),
                answering=lambda reference: self.board.answering(reference),
            )
        return self._service

    def _oparl_sessions(self) -> dict[str, tuple[date, ...]]:
        """The OParl meetings the sync mirrors, per committee (the session calendar)."""
        from oparl.calendar import sessions  # deferred: only "next session" terms need it

        return sessions(self.store)

    @property
    def board(self) -> BoardService:
        """The read models of the store; the log is opened only when they are behind it."""
        if self._board is None:
            # deferred: not every command lists
            from projections.service import BoardService, BoardSettings

            settings = BoardSettings.from_section(self.settings.section("board"))
            self._board = BoardService(self.store, lambda: self.service.app, settings, self.today())
        return self._board

    def board_known(self, known_at: str | None) -> tuple[BoardAnswers, str | None]:
        """The live board, or with ``known_at`` one rebuilt in memory from what was recorded
        by then, with a note when nothing had been (closed with the bootstrap)."""
        if known_at is None:
            return self.board, None
        # deferred: a replay reads the whole log (eventsourcing, the event classes)
        from projections.replay import known_board
        from tracker.audit import known_at as parse_known_at

        s = self.settings
        replay = known_board(
            self.service.app, parse_known_at(known_at, s.clock), s.section("board")
        )
        self._replays.append(replay)
        return replay, replay.note

    @property
    def reminders(self) -> ReminderService:
        """The reminder service (``[reminders]``, ``TRACKER_SMTP_URL``, ...)."""
        if self._reminders is None:
            # deferred: the policy and the dispatcher are needed by few commands
            from notifiers.service import ReminderConfig, ReminderService

            s = self.settings
            self._reminders = ReminderService(
                location=s.store,
                app=self.service.app,
                clock=s.clock,
                config=ReminderConfig.from_settings(s),
                db=self.store,
            )
        return self._reminders

    def read_models(self) -> dict[str, ReadModel]:
        """Every read model of the store, by name: what ``tracker rebuild [NAME]`` rebuilds.

        A new read model is added here (and read by a service that keeps it current).
        """
        from projections.service import parallel_builds  # deferred with the read models

        return {
            "board": ReadModel(lambda: self.board.projection, parallel_builds),
            "reminders": ReadModel(lambda: self.reminders.projection),
        }

    def rebuild(
        self, name: str | None = None, progress: Progress | None = None, workers: int | None = None
    ) -> int:
        """Rebuild one read model (or every one) from the log; returns the events replayed.

        ``workers``: processes sharing a build where the read model allows it (default: by
        the log's length and the CPUs).
        """
        from projections.runner import Runner  # deferred with the read models
        from tracker.errors import InputError

        models = self.read_models()
        if name is not None and name not in models:
            raise InputError(f"no read model {name!r}; known: {', '.join(models)}")
        replayed = 0
        for key in [name] if name is not None else list(models):
            model = models[key]
            runner = Runner(
                self.store, lambda: self.service.app, [model.projection()], builder=model.builder
            )
            try:
                replayed = max(replayed, runner.rebuild(progress=progress, workers=workers))
            finally:
                runner.close()
        return replayed

    def today(self) -> date:
        """Today by the configured clock (Berlin)."""
        from tracker.clock import today  # deferred with the settings

        return today(self.settings.clock)

    def close(self) -> None:
        """When the command ends: extend the audit chain over anything it wrote, then close
        everything that was opened, the store last."""
        if self._service is not None:
            from tracker.audit import seal_after_writes  # deferred: only after writes

            seal_after_writes(self.settings.store, self._store, self.settings)
        for replay in self._replays:
            replay.close()
        self._replays.clear()
        if self._board is not None:
            self._board.close()
            self._board = None
        if self._reminders is not None:
            self._reminders.close()
            self._reminders = None
        if self._service is not None:
            self._service.app.close()
            self._service = None
        if self._store is not None:
            self._store.close()
            self._store = None
