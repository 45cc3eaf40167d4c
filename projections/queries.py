"""Questions councillors ask the deadline board: overdue, due soon, statistics, one motion.

Statuses are derived here, at query time, from the stored due and met dates and the day
asked about (today, or ``as_of``); nothing time-dependent is stored (ADR 0004):

* ``met`` / ``met_late``: met on or before the due date / after it (``days_late``);
* ``overdue``: open and the due date has passed (``days_overdue``; the due date itself is
  still in time: BGB § 193 already moved it to a working day);
* ``due_soon``: open and due within ``due_soon_days`` (``[board] due_soon_days``, 14);
* ``upcoming``: open and due later; ``undated``: open without a due date;
* ``withdrawn``: the motion was withdrawn before the obligation was met.

Every item carries its motion's status (``motion_status``, from the events:
:func:`tracker.state.motion_status`), its red / amber / green on the day asked about
(``rag``, by :class:`RagRules`; null once met or withdrawn) and whether its motion is
``stale`` (no Sachstand for ``stale_days``); ``--status``, ``--rag`` and ``--stale``
filter on them. Every item carries the motion's latest Sachstand (``progress``: text,
reason for delay, next step, expected date, its day and who recorded it), or null. With
``as_of`` a latest Sachstand dated after that day is left out (an earlier one it superseded
is not shown), and RAG and staleness count the latest Sachstand as currently known.

With ``as_of`` the board is read as it stood on that date in effective-date terms: only
motions registered and obligations set by then, the due date valid then (before a later
extension), and what was met or withdrawn later counted as still open. An ``as_of`` before
any event gives an empty result.

Listings are sorted most overdue first (due date ascending, then in order of registration,
then by row id), paginated by
``limit`` / ``offset``, and carry the ``total``. Their JSON form is documented in
``docs/board-schema.md`` (``schema: "tracker.board/1"``); keys are only ever added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from events.store import Database
from tracker.errors import InputError
from tracker.identity import reference_key
from tracker.state import MOTION_STATUSES, fraktionen, initiator_key

SCHEMA = "tracker.board/1"
DEFAULT_DUE_SOON_DAYS = 14
DEFAULT_LIMIT = 50
MAX_LIMIT = 10_000
KINDS = ("completion", "report", "event")
RAG = ("red", "amber", "green")
DEFAULT_STALE_DAYS = 180
DEFAULT_AMBER_DAYS = 30
DEFAULT_AMBER_EXTENSIONS = 2
#: The orders of a listing (``Filters.order``): SQL, always ending in a unique tie-break.
ORDERS = {
    "due": "due, mseq, row_key",
    "-due": "due DESC, mseq, row_key",
    "reference": "reference, due, row_key",
    "office": "COALESCE(office, ''), due, mseq, row_key",
    "committee": "COALESCE(committee, ''), due, mseq, row_key",
    "decision_date": "COALESCE(decision_date, ''), due, mseq, row_key",
}

#: Columns read for an item, in this order.
_ITEM_COLUMNS = (
    "row_key",
    "motion_id",
    "reference",
    "title",
    "body",
    "committee",
    "office",
    "addressee",
    "motion_kind",
    "state",
    "obligation_id",
    "occurrence",
    "kind",
    "recurrence",
    "recipient",
    "phrase",
    "nominal_due",
    "due",
    "original_due",
    "decision_date",
    "met_on",
    "withdrawn_on",
    "schedule",
    "progress",
    "motion_status",
    "initiators",
    "public",
    "rule",
)
_SELECT = ", ".join(_ITEM_COLUMNS)

#: Keys of an item in JSON, in this order (documented in docs/board-schema.md).
ITEM_KEYS = (
    "id",
    "motion_id",
    "reference",
    "title",
    "body",
    "committee",
    "office",
    "addressee",
    "motion_kind",
    "state",
    "obligation_id",
    "occurrence",
    "kind",
    "recurrence",
    "recipient",
    "phrase",
    "due",
    "nominal_due",
    "original_due",
    "decision_date",
    "met_on",
    "status",
    "days_overdue",
    "days_late",
    "days_until_due",
    "next_due",
    "progress",
    "motion_status",
    "rag",
    "stale",
    "initiators",
    "fraktion",
    "public",
    "rule",
    "soft",
)


@dataclass(frozen=True)
class RagRules:
    """When an open obligation is red, amber or green (``[board]``), on the day asked about:

    * **red**: overdue, or its motion is *stale*: no Sachstand for ``stale_days`` days (180,
      as Councilmatic's 180 days and froide's six months; without any Sachstand, counted
      from the decision, else from the registration);
    * **amber**: due within ``amber_days`` days (30) with no Sachstand since the decision,
      or extended ``amber_extensions`` times (2) or more;
    * **green**: otherwise. Met and withdrawn obligations have none.
    """

    stale_days: int = DEFAULT_STALE_DAYS
    amber_days: int = DEFAULT_AMBER_DAYS
    amber_extensions: int = DEFAULT_AMBER_EXTENSIONS


@dataclass(frozen=True)
class Filters:
    """Filters on listings: exact matches (None means any), the motion's status, the
    obligation's red / amber / green, and only stale motions."""

    body: str | None = None
    committee: str | None = None
    office: str | None = None
    kind: str | None = None
    status: str | None = None
    rag: str | None = None
    stale: bool = False
    #: Motions with an initiator whose name contains this (case and spacing ignored).
    initiator: str | None = None
    #: True: only public motions (what a public output may show); False: only non-public.
    public: bool | None = None
    #: How a listing is sorted (a key of :data:`ORDERS`); not part of the JSON filters.
    order: str = "due"

    def by_status(self) -> bool:
        """Whether a filter is set that the maintained counts cannot answer (status, RAG,
        staleness, initiator, public)."""
        return (
            self.status is not None
            or self.rag is not None
            or self.stale
            or self.initiator is not None
            or self.public is not None
        )

    def motion_where(self) -> tuple[str, list[Any]]:
        """SQL (``AND ...``, empty when none) and parameters for the filters on the
        motion that every query applies alike: initiator and public."""
        sql, params = "", list[Any]()
        if self.initiator is not None:
            sql += " AND initiator_key LIKE ? ESCAPE '!'"
            params.append(f"%{_like(initiator_key(self.initiator))}%")
        if self.public is not None:
            sql += " AND public = ?"
            params.append(int(self.public))
        return sql, params

    def active(self) -> list[tuple[str, str]]:
        """``(dimension, value)`` of each filter that is set."""
        return [
            (name, value)
            for name, value in (
                ("body", self.body),
                ("committee", self.committee),
                ("office", self.office),
                ("kind", self.kind),
            )
            if value is not None
        ]

    def as_json(self) -> dict[str, str | bool | None]:
        """The filters as given."""
        return {
            "body": self.body,
            "committee": self.committee,
            "office": self.office,
            "kind": self.kind,
            "status": self.status,
            "rag": self.rag,
            "stale": self.stale,
            "initiator": self.initiator,
            "public": self.public,
        }


@dataclass(frozen=True)
class Page:
    """One page of a listing and the total number of matching rows."""

    query: str
    day: date
    as_of: date | None
    filters: Filters
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The stable JSON document (docs/board-schema.md)."""
        return {
            "schema": SCHEMA,
            "query": self.query,
            "date": self.day.isoformat(),
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "filters": self.filters.as_json(),
            **self.extra,
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "items": self.items,
        }


@dataclass(frozen=True)
class _Where:
    sql: str
    params: list[Any]


def status_of(
    due: str | None,
    met_on: str | None,
    withdrawn_on: str | None,
    day: date,
    *,
    due_soon_days: int,
    as_of: bool,
) -> dict[str, Any]:
    """Status and day counts of one obligation on ``day`` (see the module docstring).

    With ``as_of`` False (the current board) a recorded meeting or withdrawal counts whatever
    its date; with True only those on or before ``day``.
    """
    out: dict[str, Any] = {
        "status": "",
        "days_overdue": None,
        "days_late": None,
        "days_until_due": None,
    }
    iso = day.isoformat()
    if met_on is not None and (not as_of or met_on <= iso):
        late = due is not None and met_on > due
        out["status"] = "met_late" if late else "met"
        if late and due is not None:
            out["days_late"] = (date.fromisoformat(met_on) - date.fromisoformat(due)).days
        return out
    if withdrawn_on is not None and (not as_of or withdrawn_on <= iso):
        out["status"] = "withdrawn"
        return out
    if due is None:
        out["status"] = "undated"
        return out
    delta = (date.fromisoformat(due) - day).days
    if delta < 0:
        out["status"] = "overdue"
        out["days_overdue"] = -delta
    else:
        out["status"] = "due_soon" if delta <= due_soon_days else "upcoming"
        out["days_until_due"] = delta
    return out


class BoardQueries:
    """Read-only questions to the board tables in ``db`` (any :class:`Database`)."""

    def __init__(
        self,
        db: Database,
        *,
        due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
        rag: RagRules = RagRules(),
    ) -> None:
        self.db = db
        self.prefix = db.table_prefix
        self.due_soon_days = due_soon_days
        self.rag = rag

    # -- listings ------------------------------------------------------------------------

    def overdue(
        self,
        *,
        today: date,
        filters: Filters = Filters(),
        as_of: date | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page:
        """Open obligations whose due date passed before ``as_of`` (else ``today``)."""
        day = as_of or today
        self.check_filters(filters)
        _check_page(limit, offset)
        where = self._open_where(filters, as_of, day)
        where = _Where(where.sql + " AND due < ?", [*where.params, day.isoformat()])
        total = self._count(where, filters, as_of, hi=day - timedelta(days=1))
        items = self._page(where, day, as_of, limit, offset, filters.order)
        return Page("overdue", day, as_of, filters, total, limit, offset, items)

    def due_within(
        self,
        days: int,
        *,
        today: date,
        filters: Filters = Filters(),
        as_of: date | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page:
        """Open obligations due from the day asked about up to ``days`` days later."""
        if days < 0:
            raise InputError(f"--within must be zero or more days, not {days}")
        day = as_of or today
        self.check_filters(filters)
        _check_page(limit, offset)
        end = day + timedelta(days=days)
        where = self._open_where(filters, as_of, day)
        where = _Where(
            where.sql + " AND due >= ? AND due <= ?",
            [*where.params, day.isoformat(), end.isoformat()],
        )
        total = self._count(where, filters, as_of, lo=day, hi=end)
        items = self._page(where, day, as_of, limit, offset, filters.order)
        extra = {"within_days": days}
        return Page("due", day, as_of, filters, total, limit, offset, items, extra)

    def for_motion(self, motion_id: UUID | str, *, today: date) -> list[dict[str, Any]]:
        """Every current row of one motion (open and met), most urgent first."""
        derived = self._derived(today, None)
        rows = self.db.query(
            f"SELECT {_SELECT}, {derived.sql} FROM {self.prefix}board_rows WHERE mseq IN"
            f" (SELECT mseq FROM {self.prefix}board_motions WHERE motion_id = ?)"
            " AND is_current = 1 ORDER BY due IS NULL, due, row_key",
            [*derived.params, str(motion_id)],
        )
        return [self._item(r, today, as_of=False) for r in rows]

    def open_items(self, *, today: date, filters: Filters = Filters()) -> list[dict[str, Any]]:
        """Every open obligation with a due date (for calendar feeds), soonest first."""
        self.check_filters(filters)
        where = self._open_where(filters, None, today)
        derived = self._derived(today, None)
        rows = self.db.query(
            f"SELECT {_SELECT}, {derived.sql} FROM {self.prefix}board_rows WHERE {where.sql}"
            " AND due IS NOT NULL ORDER BY due, mseq, row_key",
            [*derived.params, *where.params],
        )
        return [self._item(r, today, as_of=False) for r in rows]

    # -- statistics ------------------------------------------------------------------------

    def stats(
        self, *, today: date, filters: Filters = Filters(), as_of: date | None = None
    ) -> dict[str, Any]:
        """Per office and per committee: open, overdue, met on time, met late, median days late."""
        import statistics  # deferred: only the statistics need it (start-up, 0010)

        day = (as_of or today).isoformat()
        self.check_filters(filters)
        if as_of is None:
            visible = _Where("is_current = 1", [])
            is_open = _Where("is_open = 1", [])
            is_met = _Where("met_on IS NOT NULL", [])
        else:
            visible = _Where(
                "registered_on <= ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)",
                [day, day, day],
            )
            is_open = _Where(
                "(met_on IS NULL OR met_on > ?) AND (withdrawn_on IS NULL OR withdrawn_on > ?)",
                [day, day],
            )
            is_met = _Where("met_on <= ?", [day])
        for name, value in filters.active():
            visible = _Where(f"{visible.sql} AND {name} = ?", [*visible.params, value])
        motion_sql, motion_params = filters.motion_where()
        visible = _Where(visible.sql + motion_sql, [*visible.params, *motion_params])
        result: dict[str, Any] = {
            "schema": SCHEMA,
            "query": "stats",
            "date": day,
            "as_of": as_of.isoformat() if as_of else None,
            "filters": filters.as_json(),
        }
        for dim in ("office", "committee"):
            sql = (
                f"SELECT {dim},"
                f" SUM(CASE WHEN {is_open.sql} THEN 1 ELSE 0 END),"
                f" SUM(CASE WHEN {is_open.sql} AND due < ? THEN 1 ELSE 0 END),"
                f" SUM(CASE WHEN {is_met.sql} AND (due IS NULL OR met_on <= due)"
                " THEN 1 ELSE 0 END),"
                f" SUM(CASE WHEN {is_met.sql} AND met_on > due THEN 1 ELSE 0 END)"
                f" FROM {self.prefix}board_rows WHERE {visible.sql} GROUP BY {dim}"
            )
            params = [
                *is_open.params,
                *is_open.params,
                day,
                *is_met.params,
                *is_met.params,
                *visible.params,
            ]
            late: dict[str | None, list[int]] = {}
            for key, due, met in self.db.query(
                f"SELECT {dim}, due, met_on FROM {self.prefix}board_rows"
                f" WHERE {visible.sql} AND {is_met.sql} AND met_on > due",
                [*visible.params, *is_met.params],
            ):
                days = (date.fromisoformat(met) - date.fromisoformat(due)).days
                late.setdefault(key, []).append(days)
            groups = []
            for key, n_open, n_overdue, n_met, n_late in self.db.query(sql, params):
                lateness = late.get(key)
                groups.append(
                    {
                        dim: key,
                        "open": int(n_open or 0),
                        "overdue": int(n_overdue or 0),
                        "met_on_time": int(n_met or 0),
                        "met_late": int(n_late or 0),
                        "median_days_late": statistics.median(lateness) if lateness else None,
                    }
                )
            groups.sort(key=lambda g: (-g["overdue"], -g["open"], g[dim] or ""))
            result[f"by_{dim}"] = groups
        return result

    # -- catalogue -------------------------------------------------------------------------

    def ids_for_reference(self, reference: str) -> list[UUID]:
        """Ids of motions registered under ``reference`` in any body (whitespace, case ignored)."""
        rows = self.db.query(
            f"SELECT motion_id FROM {self.prefix}board_motions WHERE reference_key = ?"
            " ORDER BY body",
            (reference_key(reference),),
        )
        return [UUID(str(r[0])) for r in rows]

    def values(self) -> dict[str, list[str]]:
        """Every value the board has seen per filter (``body``, ``committee``, ``office``,
        ...), sorted: what a form offers to choose from."""
        found: dict[str, list[str]] = {}
        for dim, value in self.db.query(
            f"SELECT dim, value FROM {self.prefix}board_values ORDER BY dim, value"
        ):
            found.setdefault(str(dim), []).append(str(value))
        return found

    def agenda(
        self, committee: str, *, day: date, public: bool | None = None
    ) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
        """What a committee's list at its session on ``day`` is made of: every open
        obligation of its motions (dated or not) as items with statuses for ``day``, and the
        folded state of each motion that has obligations with the committee (open or
        settled; for what changed since an earlier session), by motion id."""
        filters = Filters(committee=committee, public=public)
        self.check_filters(filters)
        where = self._open_where(filters, None, day)
        derived = self._derived(day, None)
        rows = self.db.query(
            f"SELECT {_SELECT}, {derived.sql} FROM {self.prefix}board_rows WHERE {where.sql}"
            " ORDER BY due IS NULL, due, mseq, row_key",
            [*derived.params, *where.params],
        )
        items = [self._item(r, day, as_of=False) for r in rows]
        motion_sql, motion_params = filters.motion_where()
        import json  # deferred: only the agenda list reads the stored states

        states = {
            str(mid): json.loads(doc) | {"reference": reference, "title": title, "body": body}
            for mid, reference, title, body, doc in self.db.query(
                f"SELECT motion_id, reference, title, body, doc FROM {self.prefix}board_motions"
                f" WHERE mseq IN (SELECT mseq FROM {self.prefix}board_rows"
                f" WHERE committee = ? AND is_current = 1{motion_sql}) ORDER BY mseq",
                [committee, *motion_params],
            )
        }
        return items, states

    def open_session_terms(self) -> list[UUID]:
        """Ids of motions with an open obligation whose phrase names a session ("in der
        nächsten Sitzung", "bis zur nächsten BVV"): those a moved session may move."""
        rows = self.db.query(
            f"SELECT DISTINCT motion_id FROM {self.prefix}board_rows WHERE is_open = 1"
            " AND (LOWER(phrase) LIKE ? OR phrase LIKE ?) ORDER BY motion_id",
            ("%sitzung%", "%BVV%"),
        )
        return [UUID(str(r[0])) for r in rows]

    def open_on(self, nominal_due: date) -> list[UUID]:
        """Ids of motions with an open obligation due (as written) on ``nominal_due``."""
        rows = self.db.query(
            f"SELECT DISTINCT motion_id FROM {self.prefix}board_rows"
            " WHERE is_open = 1 AND nominal_due = ? ORDER BY motion_id",
            (nominal_due.isoformat(),),
        )
        return [UUID(str(r[0])) for r in rows]

    def answering(self, reference: str) -> list[UUID]:
        """Ids of motions whose documents answer ``reference`` (AnswerFiled)."""
        rows = self.db.query(
            f"SELECT motion_id FROM {self.prefix}board_answers WHERE answered_key = ?"
            " ORDER BY motion_id",
            (reference_key(reference),),
        )
        return [UUID(str(r[0])) for r in rows]

    # -- filters ---------------------------------------------------------------------------

    def check_filters(self, filters: Filters) -> None:
        """Raise :class:`InputError` naming close matches for a value the board never saw."""
        if filters.status is not None and filters.status not in MOTION_STATUSES:
            raise InputError(_unknown("status", filters.status, MOTION_STATUSES))
        if filters.rag is not None and filters.rag not in RAG:
            raise InputError(_unknown("rag", filters.rag, RAG))
        if filters.initiator is not None:
            self._check_initiator(filters.initiator)
        if filters.order not in ORDERS:
            raise InputError(_unknown("order", filters.order, list(ORDERS)))
        for name, value in filters.active():
            if name == "kind":
                if value not in KINDS:
                    raise InputError(_unknown(name, value, KINDS))
                continue
            found = self.db.query(
                f"SELECT 1 FROM {self.prefix}board_values WHERE dim = ? AND value = ?",
                (name, value),
            )
            if not found:
                known = [
                    str(r[0])
                    for r in self.db.query(
                        f"SELECT value FROM {self.prefix}board_values WHERE dim = ? ORDER BY value",
                        (name,),
                    )
                ]
                raise InputError(_unknown(name, value, known))

    def _check_initiator(self, wanted: str) -> None:
        """An ``--initiator`` must be part of a name the board has seen."""
        names = [
            str(r[0])
            for r in self.db.query(
                f"SELECT value FROM {self.prefix}board_values WHERE dim = 'initiator'"
                " ORDER BY value"
            )
        ]
        key = initiator_key(wanted)
        if not key or not any(key in initiator_key(n) for n in names):
            raise InputError(_unknown("initiator", wanted, names))

    # -- helpers ---------------------------------------------------------------------------

    def _open_where(self, filters: Filters, as_of: date | None, day: date) -> _Where:
        """Open rows (in ``as_of`` terms) matching ``filters`` on ``day``."""
        where = _open(as_of)
        sql, params = where.sql, list(where.params)
        for name, value in filters.active():
            sql += f" AND {name} = ?"
            params.append(value)
        if filters.status is not None:
            sql += " AND motion_status = ?"
            params.append(filters.status)
        motion_sql, motion_params = filters.motion_where()
        sql += motion_sql
        params += motion_params
        if filters.rag is not None:
            rag = self._rag(day, as_of)
            sql += f" AND {rag.sql} = ?"
            params += [*rag.params, filters.rag]
        if filters.stale:
            stale = self._stale(day, as_of)
            sql += f" AND {stale.sql}"
            params += stale.params
        return _Where(sql, params)

    def _stale(self, day: date, as_of: date | None) -> _Where:
        """Open, and no Sachstand (else no decision, else no registration) for
        ``stale_days`` days before ``day``."""
        is_open = _open(as_of)
        before = (day - timedelta(days=self.rag.stale_days)).isoformat()
        return _Where(
            f"({is_open.sql}) AND COALESCE(progress_on, decision_date, registered_on) < ?",
            [*is_open.params, before],
        )

    def _rag(self, day: date, as_of: date | None) -> _Where:
        """Red, amber, green or NULL (not open) by :class:`RagRules`."""
        is_open = _open(as_of)
        stale = self._stale(day, as_of)
        until = (day + timedelta(days=self.rag.amber_days)).isoformat()
        return _Where(
            f"(CASE WHEN NOT ({is_open.sql}) THEN NULL"
            " WHEN due < ? THEN 'red'"
            f" WHEN {stale.sql} THEN 'red'"
            " WHEN due <= ? AND (progress_on IS NULL"
            " OR progress_on < COALESCE(decision_date, registered_on)) THEN 'amber'"
            " WHEN extensions >= ? THEN 'amber'"
            " ELSE 'green' END)",
            [*is_open.params, day.isoformat(), *stale.params, until, self.rag.amber_extensions],
        )

    def _derived(self, day: date, as_of: date | None) -> _Where:
        """The columns derived on ``day``: the RAG and whether the motion is stale."""
        rag, stale = self._rag(day, as_of), self._stale(day, as_of)
        return _Where(
            f"{rag.sql}, CASE WHEN {stale.sql} THEN 1 ELSE 0 END",
            [*rag.params, *stale.params],
        )

    def _count(
        self,
        where: _Where,
        filters: Filters,
        as_of: date | None,
        *,
        lo: date | None = None,
        hi: date,
    ) -> int:
        public_only = filters.public is True and not replace(filters, public=None).by_status()
        if as_of is None and not filters.active() and (public_only or not filters.by_status()):
            dim, value = "", ""
            sql = (
                f"SELECT COALESCE(SUM(n), 0) FROM {self.prefix}board_counts"
                " WHERE dim = ? AND value = ? AND due <= ?"
            )
            params: list[Any] = [dim, value, hi.isoformat()]
            if lo is not None:
                sql += " AND due >= ?"
                params.append(lo.isoformat())
            total = int(self.db.query(sql, params)[0][0])
            if public_only:  # less the open non-public rows (a small partial index)
                hidden = (
                    f"SELECT COUNT(*) FROM {self.prefix}board_rows"
                    " WHERE is_open = 1 AND public = 0 AND due <= ?"
                    + (" AND due >= ?" if lo is not None else "")
                )
                total -= int(self.db.query(hidden, params[2:])[0][0])
            return total
        rows = self.db.query(
            f"SELECT COUNT(*) FROM {self.prefix}board_rows WHERE {where.sql}", where.params
        )
        return int(rows[0][0])

    def _page(
        self,
        where: _Where,
        day: date,
        as_of: date | None,
        limit: int,
        offset: int,
        order: str = "due",
    ) -> list[dict[str, Any]]:
        derived = self._derived(day, as_of)
        rows = self.db.query(
            f"SELECT {_SELECT}, {derived.sql} FROM {self.prefix}board_rows WHERE {where.sql}"
            f" ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?",
            [*derived.params, *where.params, limit, offset],
        )
        return [self._item(r, day, as_of=as_of is not None) for r in rows]

    def _item(self, row: Sequence[Any], day: date, *, as_of: bool) -> dict[str, Any]:
        r = dict(zip(_ITEM_COLUMNS, row, strict=False))
        r["rag"], stale = row[len(_ITEM_COLUMNS) :]
        r["stale"] = bool(stale)
        status = status_of(
            r["due"],
            r["met_on"],
            r["withdrawn_on"],
            day,
            due_soon_days=self.due_soon_days,
            as_of=as_of,
        )
        next_due = None
        if r["schedule"] and status["status"] == "overdue":
            iso = day.isoformat()
            next_due = next((d for d in str(r["schedule"]).split(",") if d >= iso), None)
        r["id"] = r["row_key"]
        r["initiators"] = _initiators(r["initiators"])
        r["fraktion"] = ", ".join(fraktionen(r["initiators"])) or None
        r["public"] = bool(r["public"])
        r["soft"] = str(r["rule"] or "").startswith("soft:")
        r["progress"] = _progress(r["progress"], day if as_of else None)
        if status["status"] not in ("met", "met_late"):
            r["met_on"] = None
        r.update(status)
        r["next_due"] = next_due
        return {k: r[k] for k in ITEM_KEYS}


def _open(as_of: date | None) -> _Where:
    """Open rows: now, or ``as_of`` that day in effective-date terms."""
    if as_of is None:
        return _Where("is_open = 1", [])
    d = as_of.isoformat()
    return _Where(
        "registered_on <= ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)"
        " AND (met_on IS NULL OR met_on > ?) AND (withdrawn_on IS NULL OR withdrawn_on > ?)",
        [d, d, d, d, d],
    )


def _progress(stored: str | None, as_of: date | None) -> dict[str, Any] | None:
    """The latest Sachstand of a row (None before one was recorded, or, ``as_of`` a day,
    when the latest one is dated after it)."""
    if stored is None:
        return None
    import json  # deferred: only rows with a Sachstand need it

    progress: dict[str, Any] = json.loads(stored)
    if as_of is not None and progress["on"] > as_of.isoformat():
        return None
    return progress


def _initiators(stored: str | None) -> list[str]:
    if stored is None:
        return []
    import json  # deferred: only rows with initiators need it

    names: list[str] = json.loads(stored)
    return names


def _like(value: str) -> str:
    """``value`` for a LIKE pattern with ``!`` as the escape character."""
    return value.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def _check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"--limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if offset < 0:
        raise InputError(f"--offset must be zero or more, not {offset}")


def _unknown(name: str, value: str, known: Sequence[str]) -> str:
    import difflib  # deferred: only a message for an unknown filter value needs it

    folded = {k.casefold(): k for k in known}
    close = [
        folded[m] for m in difflib.get_close_matches(value.casefold(), folded, n=5, cutoff=0.6)
    ]
    if close:
        hint = "did you mean " + " or ".join(repr(c) for c in close) + "?"
    elif known:
        shown = ", ".join(repr(k) for k in list(known)[:10])
        hint = f"known values: {shown}" + (" ..." if len(known) > 10 else "")
    else:
        hint = "the board has no values for it yet"
    return f"unknown --{name} {value!r}; {hint}"
