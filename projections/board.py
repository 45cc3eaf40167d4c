"""The deadline board: one row per obligation of every motion, as a read model of the log.

Rows are obligations: a completion (or event) deadline, a report deadline, a one-off report
duty, or one occurrence of a recurring report duty. Each row carries the motion's facts
(reference, title, body, committee, office, addressee, kind, Bundesland, decision date, the
initiators (JSON, and folded for ``--initiator`` in ``initiator_key``), whether it is
``public``, the latest Sachstand as JSON with its day in ``progress_on``, the motion's status from
:func:`tracker.state.motion_status`), how often a deadline was extended, the
due date after BGB § 193 for the motion's Bundesland (``due``; ``nominal_due`` as written),
the original due date when it was extended or corrected, and the date it was met.

Nothing time-dependent is stored: "overdue", "due soon" and "met late" are derived at query
time (:mod:`projections.queries`) from ``due``, ``met_on`` and the day asked about.

**History for ``--as-of``.** A deadline whose due date changed has one row *version* per due
date, valid in effective-date terms from the change's effective date (``valid_from``) until
the next change's (``valid_to``); the last version is the current one (``is_current``).
Effective dates fall back to the recorded day in Berlin when a fact has none. Motion facts
such as title and office are shown as currently known.

**The motion's state** is the one fold of :mod:`tracker.state` (effective dates, deadlines,
report duties and their occurrences, completion and withdrawal), stored per motion as JSON.
The board adds its rows: a recurring duty's met occurrences, and the open one, with the
following due dates (``schedule``, § 193 applied; ``next_due`` is derived from it at query
time when the open occurrence falls due unmet). A withdrawn motion's open rows are closed as
withdrawn (not counted as open or overdue from then on). Events the board does not know
(other aggregates' events) are ignored.

Tables (``prefix`` before each): ``board_motions`` (one row per motion: the catalogue for
reference lookups, and the board's working state as JSON), ``board_rows``, ``board_counts``
(open rows per due date: the maintained counts behind fast totals),
``board_values`` (every filter value ever seen, for "did you mean" messages),
``board_answers`` (which motion's document answers which reference, so that a report
filed before the motion it answers is linked when that motion arrives).

``board_counts`` holds one count per due date (``dim`` and ``value`` empty: every open
row), so the unfiltered total of a listing is a sum over due dates, independent of the
number of motions. Filtered totals count rows through the filter's index (office,
committee) or the due-date index: per-value counts cost five upserts per row on every
write, which halved the rebuild speed for a total that filters already narrow.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from events.store import Cursor
from projections.runner import Index, Tables
from tracker import state as fold
from tracker.deadlines import legal_due_date
from tracker.identity import reference_key
from tracker.state import (
    DEFAULT_REGULAR_CADENCE_MONTHS,
    DutyLife,
    ProgressLife,
    Rules,
    Step,
    initiator_key,
    registered,
    step_for,
)

if TYPE_CHECKING:
    from events.log import LogEntry

#: Bump when the tables or the row logic change: the runner then rebuilds the board.
#: (13: issue 17's initiators, public, rule and answers together with the web front's
#: index of open non-public rows; 11 and 12 were each a branch's state before the merge.)
SCHEMA_VERSION = 13
#: How many following occurrences of a recurring duty are stored (for ``next_due``).
SCHEDULE_LENGTH = 24

#: Columns of ``board_rows`` in insert order.
ROW_COLUMNS = (
    "mseq",
    "row_key",
    "version",
    "motion_id",
    "obligation_id",
    "occurrence",
    "kind",
    "recurrence",
    "recipient",
    "phrase",
    "nominal_due",
    "due",
    "original_due",
    "valid_from",
    "valid_to",
    "is_current",
    "is_open",
    "met_on",
    "withdrawn_on",
    "schedule",
    "reference",
    "title",
    "body",
    "committee",
    "office",
    "addressee",
    "motion_kind",
    "state",
    "decision_date",
    "registered_on",
    "progress_on",
    "progress",
    "motion_status",
    "initiators",
    "initiator_key",
    "public",
    "extensions",
    "rule",
)
_KIND = ROW_COLUMNS.index("kind")
_DUE = ROW_COLUMNS.index("due")
_IS_OPEN = ROW_COLUMNS.index("is_open")
_BODY = ROW_COLUMNS.index("body")
_COMMITTEE = ROW_COLUMNS.index("committee")
_OFFICE = ROW_COLUMNS.index("office")

_INSERT_ROWS = (
    f"INSERT INTO {{p}}board_rows ({', '.join(ROW_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(ROW_COLUMNS))})"
)
_UPSERT_MOTIONS = (
    "INSERT INTO {p}board_motions AS m"
    " (mseq, motion_id, reference, reference_key, body, title, doc)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (mseq) DO UPDATE SET reference = excluded.reference,"
    " reference_key = excluded.reference_key, body = excluded.body,"
    " title = excluded.title, doc = excluded.doc"
)
#: State keys kept in board_motions' own columns, not repeated in its ``doc``.
_COLUMN_KEYS = ("seq", "reference", "body", "title")
_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, check_circular=False)


def _encode_doc(s: dict[str, Any]) -> str:
    """A motion's board state as stored in ``board_motions.doc`` (without its columns)."""
    columns = [(key, s.pop(key)) for key in _COLUMN_KEYS]
    try:
        return _ENCODER.encode(s)
    finally:
        s.update(columns)


#: Filter dimensions with an index of their own (few-valued ones scan the due-date index).
INDEXED_DIMENSIONS = ("committee", "office")

_CREATE = [
    # mseq: the log position of the motion's Registered event, a compact key that grows
    # with new motions (indexes keyed by it are appended to, not written all over).
    """CREATE TABLE IF NOT EXISTS {p}board_motions (
        mseq BIGINT PRIMARY KEY,
        motion_id TEXT NOT NULL,
        reference TEXT NOT NULL,
        reference_key TEXT NOT NULL,
        body TEXT NOT NULL,
        title TEXT NOT NULL,
        doc TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS {p}board_rows (
        mseq BIGINT NOT NULL, row_key TEXT NOT NULL, version INTEGER NOT NULL,
        motion_id TEXT NOT NULL, obligation_id TEXT NOT NULL, occurrence INTEGER,
        kind TEXT NOT NULL, recurrence TEXT, recipient TEXT, phrase TEXT, nominal_due TEXT,
        due TEXT, original_due TEXT, valid_from TEXT NOT NULL, valid_to TEXT,
        is_current INTEGER NOT NULL, is_open INTEGER NOT NULL, met_on TEXT,
        withdrawn_on TEXT, schedule TEXT, reference TEXT NOT NULL, title TEXT NOT NULL,
        body TEXT NOT NULL, committee TEXT, office TEXT, addressee TEXT, motion_kind TEXT,
        state TEXT, decision_date TEXT, registered_on TEXT NOT NULL, progress_on TEXT,
        progress TEXT, motion_status TEXT NOT NULL, initiators TEXT,
        initiator_key TEXT NOT NULL, public INTEGER NOT NULL, extensions INTEGER NOT NULL,
        rule TEXT)""",
    "CREATE INDEX IF NOT EXISTS board_rows_motion ON {p}board_rows (mseq)",
    """CREATE TABLE IF NOT EXISTS {p}board_counts (
        dim TEXT NOT NULL, value TEXT NOT NULL, due TEXT NOT NULL, n BIGINT NOT NULL,
        PRIMARY KEY (dim, value, due))""",
    """CREATE TABLE IF NOT EXISTS {p}board_values (
        dim TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (dim, value))""",
    # answered_key: the reference_key of a Drucksache that motion_id's document answers
    # (AnswerFiled); found when the answered motion arrives later, so the link waits.
    """CREATE TABLE IF NOT EXISTS {p}board_answers (
        answered_key TEXT NOT NULL, motion_id TEXT NOT NULL,
        PRIMARY KEY (answered_key, motion_id))""",
]
TABLES = ("board_motions", "board_rows", "board_counts", "board_values", "board_answers")
#: A part of a parallel rebuild holds other motions: rows are added, counts summed.
_MERGE = (
    "INSERT INTO {dst}board_motions SELECT * FROM {src}board_motions",
    "INSERT INTO {dst}board_rows SELECT * FROM {src}board_rows",
    "INSERT INTO {dst}board_counts AS c SELECT * FROM {src}board_counts WHERE true"
    " ON CONFLICT (dim, value, due) DO UPDATE SET n = c.n + excluded.n",
    "INSERT INTO {dst}board_values SELECT * FROM {src}board_values WHERE true"
    " ON CONFLICT (dim, value) DO NOTHING",
    "INSERT INTO {dst}board_answers SELECT * FROM {src}board_answers WHERE true"
    " ON CONFLICT (answered_key, motion_id) DO NOTHING",
)
#: Indexes only the queries use: built after a rebuild in one sorted pass each.
QUERY_INDEXES = (
    Index("board_motions_id", "board_motions", "(motion_id)", unique=True),
    Index("board_motions_reference", "board_motions", "(reference_key)"),
    Index("board_rows_open", "board_rows", "(due, mseq) WHERE is_open = 1"),
    # the few open non-public rows: a public listing's total is all open rows less these
    Index("board_rows_open_hidden", "board_rows", "(due) WHERE is_open = 1 AND public = 0"),
    *[
        Index(f"board_rows_open_{d}", "board_rows", f"({d}, due, mseq) WHERE is_open = 1")
        for d in INDEXED_DIMENSIONS
    ],
)


@lru_cache(maxsize=131072)
def legal_due(nominal: str | None, state: str | None) -> str | None:
    """ISO due date after BGB § 193 in ``state`` (``holidays`` is imported when needed)."""
    if nominal is None:
        return None
    return legal_due_date(date.fromisoformat(nominal), state).isoformat()


class BoardProjection(Tables):
    """The deadline board read model (see the module docstring)."""

    statements = _CREATE
    tables = TABLES
    query_indexes = QUERY_INDEXES
    merge_statements = _MERGE

    name = "board"

    def __init__(self, regular_cadence_months: int = DEFAULT_REGULAR_CADENCE_MONTHS) -> None:
        self.rules = Rules(regular_cadence_months)
        self.regular_cadence_months = regular_cadence_months
        self.version = f"{SCHEMA_VERSION};regular={regular_cadence_months}"
        #: While the motion-id index is missing (a build from scratch): motion id -> mseq
        #: of every motion in board_motions, so states are found by the primary key.
        self._mseq: dict[str, int] | None = None

    def __getstate__(self) -> dict[str, Any]:
        """Pickled for the workers of a parallel rebuild: the settings, not the id map."""
        return {**self.__dict__, "_mseq": None}

    def begin_catch_up(self, cur: Cursor, prefix: str, *, indexed: bool) -> None:
        """Without the query indexes, find motions through an in-memory id -> mseq map.

        Maintaining a unique index on random UUIDs costs a random page write per motion;
        during a build from scratch the map (loaded once, by one sequential scan, when a
        killed build is resumed) replaces it. About 150 bytes per motion.
        """
        if indexed:
            self._mseq = None
            return
        self._mseq = {
            str(mid): int(seq)
            for mid, seq in cur.execute(
                f"SELECT motion_id, mseq FROM {prefix}board_motions"
            ).fetchall()
        }

    # -- tables --------------------------------------------------------------------------

    # -- applying ------------------------------------------------------------------------

    def apply(self, cur: Cursor, entries: Sequence[LogEntry], prefix: str) -> None:
        """Apply a batch: load the touched motions' states, evolve them, rewrite their rows."""
        # Motions are keyed by UUID.int while applying: hashing a UUID object is slow Python.
        states: dict[int, Any] = {}
        names: dict[int, str] = {}
        # Events of motions registered before this batch wait until their states are loaded
        # (one query for all of them); a motion's events stay in log order either way.
        waiting: list[tuple[int, Step, Any]] = []
        rules = self.rules
        for e in entries:
            event = e.event
            cls = type(event)
            step = step_for(cls)
            if step is None:
                if cls.__name__ != "Registered":
                    continue  # not a motion's event
                # The runner never hands an entry twice: a motion registered in this batch
                # has no stored state.
                key = event.originator_id.int
                states[key] = state = registered(event)
                state["seq"] = e.position  # type: ignore[typeddict-unknown-key]
                names[key] = str(event.originator_id)
                continue
            key = event.originator_id.int
            s = states.get(key)
            if s is not None:
                step(s, event, rules)
            else:
                if key not in names:
                    names[key] = str(event.originator_id)
                waiting.append((key, step, event))
        stored: dict[str, tuple[str, str]] = {}
        before: dict[str, list[tuple[Any, ...]]] = {}
        if waiting:
            keys = {names[key]: key for key, _, _ in waiting}  # motion id -> UUID.int
            loaded, stored = self._load(cur, prefix, sorted(keys))
            for mid, s in loaded.items():
                states[keys[mid]] = s
                before[mid] = self.rows_for(mid, s)
            for key, step, event in waiting:
                s = states.get(key)
                if s is not None:
                    step(s, event, rules)

        counts: dict[str, int] = {}  # open rows per due date: + new rows, - replaced rows
        kinds: set[str] = set()
        bodies: set[str] = set()
        committees: set[str] = set()
        offices: set[str] = set()
        initiators: set[str] = set()
        answers: set[tuple[str, str]] = set()
        new_rows: list[tuple[Any, ...]] = []
        motions: list[tuple[Any, ...]] = []
        replaced: list[int] = []
        for key, s in states.items():  # events of motions never registered left none
            mid = names[key]
            doc = _encode_doc(s)
            previous = stored.get(mid)
            if previous is not None and previous == (doc, s["title"]):
                continue  # nothing the board shows changed
            rows = self.rows_for(mid, s)
            if mid in before:
                replaced.append(s["seq"])
                for row in before[mid]:
                    due = row[_DUE]
                    if row[_IS_OPEN] and due is not None:
                        counts[due] = counts.get(due, 0) - 1
            for row in rows:
                due = row[_DUE]
                if row[_IS_OPEN] and due is not None:
                    counts[due] = counts.get(due, 0) + 1
                kinds.add(row[_KIND])
            if rows:
                first = rows[0]  # the motion's columns are the same in each of its rows
                bodies.add(first[_BODY])
                committees.add(first[_COMMITTEE])
                offices.add(first[_OFFICE])
                initiators.update(s.get("initiators") or ())
            answers.update((reference_key(a[0]), mid) for a in s.get("answers") or ())
            new_rows.extend(rows)
            reference = s["reference"]
            motions.append(
                (s["seq"], mid, reference, reference_key(reference), s["body"], s["title"], doc)
            )
        if not motions:
            return
        if self._mseq is not None:
            self._mseq.update((row[1], row[0]) for row in motions)
        for chunk_start in range(0, len(replaced), 500):
            chunk = replaced[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            cur.execute(f"DELETE FROM {prefix}board_rows WHERE mseq IN ({marks})", chunk)
        cur.executemany(_INSERT_ROWS.format(p=prefix), new_rows)
        cur.executemany(_UPSERT_MOTIONS.format(p=prefix), motions)
        cur.executemany(
            f"INSERT INTO {prefix}board_counts AS c (dim, value, due, n) VALUES ('', '', ?, ?)"
            " ON CONFLICT (dim, value, due) DO UPDATE SET n = c.n + excluded.n",
            sorted((due, n) for due, n in counts.items() if n),
        )
        cur.executemany(
            f"INSERT INTO {prefix}board_values (dim, value) VALUES (?, ?)"
            " ON CONFLICT (dim, value) DO NOTHING",
            sorted(
                {("kind", k) for k in kinds}
                | {("body", v) for v in bodies}
                | {("committee", v) for v in committees if v is not None}
                | {("office", v) for v in offices if v is not None}
                | {("initiator", v) for v in initiators}
            ),
        )
        cur.executemany(
            f"INSERT INTO {prefix}board_answers (answered_key, motion_id) VALUES (?, ?)"
            " ON CONFLICT (answered_key, motion_id) DO NOTHING",
            sorted(answers),
        )

    def _load(
        self, cur: Cursor, prefix: str, ids: list[str]
    ) -> tuple[dict[str, dict[str, Any]], dict[str, tuple[str, str]]]:
        """The stored states of ``ids`` (those that have one), and their stored doc and title."""
        states: dict[str, dict[str, Any]] = {}
        stored: dict[str, tuple[str, str]] = {}
        keys: list[Any] = ids
        column = "motion_id"
        if self._mseq is not None:
            # Unindexed: look up by mseq. A motion missing from the map was registered by
            # another runner meanwhile; the (rare) lookup by id then scans the table.
            known = self._mseq
            keys = [known[mid] for mid in ids if mid in known]
            column = "mseq"
            missing = [mid for mid in ids if mid not in known]
            if missing:
                states, stored = self._load_rows(cur, prefix, "motion_id", missing)
        found, seen = self._load_rows(cur, prefix, column, keys)
        states.update(found)
        stored.update(seen)
        return states, stored

    def _load_rows(
        self, cur: Cursor, prefix: str, column: str, keys: list[Any]
    ) -> tuple[dict[str, dict[str, Any]], dict[str, tuple[str, str]]]:
        states: dict[str, dict[str, Any]] = {}
        stored: dict[str, tuple[str, str]] = {}
        for chunk_start in range(0, len(keys), 500):
            chunk = keys[chunk_start : chunk_start + 500]
            marks = ",".join("?" * len(chunk))
            for mid, seq, reference, body, title, doc in cur.execute(
                f"SELECT motion_id, mseq, reference, body, title, doc FROM {prefix}board_motions"
                f" WHERE {column} IN ({marks})",
                chunk,
            ).fetchall():
                state = json.loads(doc)
                state.update(seq=seq, reference=reference, body=body, title=title)
                states[mid] = state
                stored[mid] = (doc, title)
        return states, stored

    # -- rows ------------------------------------------------------------------------------

    def rows_for(self, mid: str, s: Any) -> list[tuple[Any, ...]]:
        """Every row version of one motion's state, as tuples in :data:`ROW_COLUMNS` order."""
        state = s["state"]
        seq = s["seq"]
        committee = fold.committee(s)
        decided = fold.decision_date(s)
        withdrawn = s["withdrawn"]
        progress = s.get("progress")
        common = (
            s["reference"],
            s["title"],
            s["body"],
            committee,
            s["office"],
            s["addressee"],
            s["kind"],
            state,
            decided,
            s["registered"],
            progress["on"] if progress else None,
            _encode_progress(progress),
            fold.motion_status(s),
            *_initiator_columns(s.get("initiators") or []),
            int(s.get("public", True)),
        )
        rows: list[tuple[Any, ...]] = []
        for oid, d in s["deadlines"].items():
            changes = d["changes"]
            first_due = legal_due(changes[0][1], state)
            met = d["met"]
            closed = withdrawn if met is None else None
            last = len(changes) - 1
            for i, (valid_from, nominal) in enumerate(changes):
                due = legal_due(nominal, state)
                current = i == last
                rows.append(
                    (
                        seq,
                        f"{mid}/{oid}",
                        i,
                        mid,
                        oid,
                        None,
                        d["kind"],
                        None,
                        None,
                        d["phrase"],
                        nominal,
                        due,
                        first_due if i and first_due != due else None,
                        valid_from,
                        changes[i + 1][0] if i < last else None,
                        int(current),
                        int(current and met is None and closed is None),
                        met,
                        closed,
                        None,
                        *common,
                        d.get("extended", 0),
                        d.get("rule"),
                    )
                )
        due_of = self.rules.occurrence_due
        for oid, o in s["duties"].items():
            recurring = self.rules.cadence(o["recurrence"]) > 0
            for k, met_on, opened in o["met"]:
                nominal = due_of(s, o, k)
                head = _duty_row(mid, oid, o, k, recurring, nominal, state, opened, met_on, None)
                rows.append((seq, *head, None, *common, 0, None))
            if o["ended"] is None:
                k = o["occurrence"]
                nominal = due_of(s, o, k)
                schedule = None
                if recurring:
                    following = (due_of(s, o, j) for j in range(k + 1, k + 1 + SCHEDULE_LENGTH))
                    schedule = ",".join(
                        str(legal_due(n, state)) for n in following if n is not None
                    )
                head = _duty_row(
                    mid, oid, o, k, recurring, nominal, state, o["open_since"], None, withdrawn
                )
                rows.append((seq, *head, schedule, *common, 0, None))
        return rows


#: Separates the initiators in ``initiator_key`` (which also starts and ends with it).
INITIATOR_SEPARATOR = "\x1f"


def _initiator_columns(names: list[str]) -> tuple[str | None, str]:
    """``initiators`` (JSON list, None when none) and ``initiator_key`` (the folded names,
    each between separators, so that a part of a name is found with LIKE)."""
    if not names:
        return None, ""
    sep = INITIATOR_SEPARATOR
    return _ENCODER.encode(names), sep + sep.join(initiator_key(n) for n in names) + sep


def _encode_progress(progress: ProgressLife | None) -> str | None:
    """The latest Sachstand as the JSON of the listings (``text, reason, next, expected,
    on, by, office``), or None."""
    if progress is None:
        return None
    p = progress
    shown = {
        "text": p["text"], "reason": p["reason"], "next": p["next"],
        "expected": p["expected"], "on": p["on"], "by": p["by"], "office": p["office"],
    }  # fmt: skip
    return _ENCODER.encode(shown)


def _duty_row(
    mid: str,
    oid: str,
    o: DutyLife,
    k: int,
    recurring: bool,
    nominal: str | None,
    state: str | None,
    valid_from: str,
    met_on: str | None,
    withdrawn: str | None,
) -> tuple[Any, ...]:
    """The columns of a report duty's row up to ``withdrawn_on`` (schedule and motion follow)."""
    return (
        f"{mid}/{oid}/{k + 1}" if recurring else f"{mid}/{oid}",
        0,
        mid,
        oid,
        k + 1 if recurring else None,
        "report",
        o["recurrence"],
        o["recipient"],
        o["phrase"],
        nominal,
        legal_due(nominal, state),
        None,
        valid_from,
        None,
        1,
        int(met_on is None and withdrawn is None),
        met_on,
        withdrawn,
    )
