"""Due dates read by their label: a labelled field (``Erledigungsfrist: 31.12.2025``, ``Termin:``
in a task list) and the open rows of a follow-up list (Beschlusskontrolle) laid out as a table.

The main pass (:mod:`tracker.documents.obligations`) merges them with what it reads in prose: a
labelled date is a limit unless the prose around it turns it down (basis ``label``).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from tracker.documents.clauses import (
    DEMANDED,
    MOTION_THEN_PUT_OFF,
    NOT_A_LIMIT,
    PUBLIC_ACTS,
    TURNED_DOWN,
    is_question,
)
from tracker.documents.grammar import DateContext, Term, find_terms, recurrence_of, review_of
from tracker.documents.model import Deadline, DeadlineKind, Report, ReviewItem
from tracker.documents.tables import column, find_table
from tracker.documents.text import lines_of, sentence_list, squash

_I = re.IGNORECASE

#: The labels of a due date ("Erledigungsfrist", "Zieltermin"): a field's label, or a table's
#: column of a follow-up list.
_DUE_LABELS = (
    r"Erledigungsfrist|Erledigungstermin|Erledigung\s+bis|Umsetzungsfrist|"
    r"Umsetzung\s+bis|Berichtsfrist|Berichtstermin|Bericht\s+bis|Wiedervorlage|Frist|"
    r"Termin\s+zur\s+Erledigung|Vorlage\s+bis|zu\s+erledigen\s+bis|Abgabetermin|Zieltermin|"
    r"Umsetzungstermin|Fertigstellungstermin|Wiedervorlagetermin|Erledigungsdatum|"
    r"Termin\s+der\s+(?:Umsetzung|Erledigung|Fertigstellung)|Umsetzungszeitraum|"
    r"WV|nächste\s+Befassung|erneute\s+Beratung|Zeitziel|Zieldatum"
)

LABELLED = re.compile(
    r"^(?:[\w -]{0,30}\t)?(" + _DUE_LABELS + r"|"
    # a task list of the Beschlusskontrolle: "Umsetzung: Termin: 30.08.2019 an: Bauamt"
    r"(?:Umsetzung|Erledigung|Bearbeitung)\s*:\s*Termin)"
    r"\s*:?\s*(.*)$",
    _I,
)

# What a follow-up list says of a task that is done ("erledigt", "umgesetzt", "in Kraft").
_DONE_WORDS = (
    r"(?:erledigt|umgesetzt|abgeschlossen|in\s+Kraft|vorgelegt|aufgestellt|fertiggestellt|"
    r"beantwortet|ausgeführt|eröffnet|entfällt|entfallen)"
)

_DONE_STATUS = re.compile(r"\b(?:Ergebnis|Status|Stand)\s*:\s*" + _DONE_WORDS + r"\b", _I)

_LABELLED_INLINE = re.compile(
    r"(?:[(\[,;]\s*(Fristende|Frist|Erledigungsfrist|Abgabefrist)\s*:?\s*"
    r"|\b(Frist)(?:\s+\S+){0,4}?\s+(?:auf|bis(?:\s+zum)?)\s+"
    # a row of a follow-up list run into one line ("Sanierung Dach | zuständig: Bauamt |
    # Erledigung bis: Q3/2025", "... – verantw.: Amt 61 – Termin: 30.09.2025")
    r"|(?:[|–—]|\s-)\s*(" + _DUE_LABELS + r"|Fälligkeit|Termin)\s*:\s*)(.*)$",
    _I,
)

# ... where a bare "Termin" is a due date only after the one responsible ("zuständig: FB 3")
_RESPONSIBLE = re.compile(r"\b(?:zuständig|verantwortlich|verantw\.|federführend)", _I)

# A list that follows decisions up (Beschlusskontrolle): there a bare "Termin:" is a task's
# due date, not a meeting's.
FOLLOW_UP_NAMES = (
    r"(?:Beschlusskontrolle|Beschlusscontrolling|Beschlussverfolgung|Beschlussvollzugskontrolle|"
    r"Erledigungsliste|Erledigungsübersicht|Umsetzungsliste|Wiedervorlageliste|Terminliste|"
    r"Vollzugsliste|"
    r"(?:Liste|Übersicht)\s+(?:der|über\s+die)\s+(?:offenen|unerledigten)\s+"
    r"(?:[\w-]+\s+und\s+)?\w*(?:beschlüsse|Beschlüsse|aufträge|Aufträge))"
)

_TASK_TERM = re.compile(r"^(Termin(?:\s+(?:lt\.|laut)\s+Beschluss)?)\s*:\s*(.*)$", _I)

# The words a due date's cell may open with ("Termin: Fertigstellung 31.07.2026", "Termin:
# Ausschuss für Mobilität im Juni 2025").
_LEAD_WORDS = re.compile(r"(?:(?:[A-ZÄÖÜ][\w-]*|für|der|des|und)\s+){1,4}")


def _prose_sets_no_limit(line: str, at: int) -> bool:
    """Whether the sentence of a line that names a ``Frist ... bis`` in prose sets no limit:
    a motion turned down or put off, a demand told, the public's term, a validity, a question
    ("Einen Antrag, der Oberbürgermeisterin eine Frist bis zum 30. September zu setzen, lehnte
    die Mehrheit ab", "für das laufende Jahr gilt eine Frist bis zum 31. Oktober")."""
    start = 0
    for sentence in sentence_list(line):
        start = line.find(sentence, start)
        if start <= at < start + len(sentence):
            return bool(
                TURNED_DOWN.search(sentence)
                or MOTION_THEN_PUT_OFF.search(sentence)
                or DEMANDED.search(sentence)
                or PUBLIC_ACTS.search(sentence)
                or NOT_A_LIMIT.search(sentence)
                or is_question(sentence)
            )
        start += len(sentence)
    return False


def labelled_deadlines(text: str, context: DateContext, task_list: bool) -> list[Deadline]:
    found: list[Deadline] = []
    lines = lines_of(text)
    for index, line in enumerate(lines):
        m = LABELLED.match(line) or (_TASK_TERM.match(line) if task_list else None)
        if m:
            label, value = m.group(1), m.group(2).strip()
        else:
            inline = _LABELLED_INLINE.search(line)
            if not inline:
                continue
            label = inline.group(1) or inline.group(2) or inline.group(3)
            value = inline.group(4).strip()
            if label.lower() == "termin" and not _RESPONSIBLE.search(line, 0, inline.start()):
                continue
            if inline.group(2) and _prose_sets_no_limit(line, inline.start()):
                continue
        value = value or (lines[index + 1] if index + 1 < len(lines) else "")
        if any(_DONE_STATUS.search(x) for x in lines[index + 1 : index + 3]):
            continue  # a task the list marks as done ("Ergebnis: erledigt")
        terms = [
            t
            for t in find_terms(value, context)
            if t.date is not None
            and (t.start <= 3 or _LEAD_WORDS.fullmatch(value[: t.start]) is not None)
        ]
        if not terms:
            # the label is the limit word: "WV: 09/2025" is "bis 09/2025"
            terms = [
                dataclasses.replace(t, start=t.start - 4, end=t.end - 4, text=t.text[4:])
                for t in find_terms("bis " + value, context)
                if t.date is not None and t.start == 0
            ]
        if not terms:
            continue
        label = squash(label)
        kind: DeadlineKind = (
            "report" if re.search(r"bericht|wiedervorlage", label, _I) else "completion"
        )
        term = terms[0]
        found.append(
            Deadline(
                f"{label}: {term.text}",
                term.date,
                term.window_start,
                kind,
                f"label:{term.rule}",
                "label",
            )
        )
    return found


# A list that follows the council's decisions up (:data:`FOLLOW_UP_NAMES`), as a table: one
# row per decision, a column for its due date ("Termin") and one for its state. Such a list is
# what the tracker itself keeps; a row still open is a deadline, a row marked done is none.
_FOLLOW_UP_LIST = re.compile(r"\b" + FOLLOW_UP_NAMES + r"\b", _I)

# A plan of measures the council adopts or follows, its due dates in a column ("Maßnahmenplan
# ... | Fertigstellung"): each open row is a task with its limit, as in a follow-up list.
_MEASURES_PLAN = re.compile(r"\bMaßnahmen(?:plan|liste|programm)\b", _I)

# (in a follow-up table a bare "Termin" heads the due dates too, and "Erledigung / Frist" names
# the state and the due date in one column)
_DUE_COLUMN = re.compile(
    r"(?:^|/\s*)(?:" + _DUE_LABELS + r"|Termin|umzusetzen\s+bis|fällig|Fertigstellung|"
    r"bis\s+wann)\b",
    _I,
)

_SUBJECT_COLUMN = re.compile(
    r"^(?:Gegenstand|Thema|Maßnahme|Betreff|Bezeichnung|Inhalt|Beschlussinhalt|Auftrag|"
    r"Beschluss\s*\(Kurz\w*|Kurzfassung|Vorhaben|Projekt|Was|Aufgabe\w*|To-?do)\b",
    _I,
)

# A to-do table of a working group's record ("Nr. | Was | Wer | Bis wann | Status"): whose task
# each row is, with its limit; the group's own tasks, announced by the record.
_WHO_COLUMN = re.compile(r"^(?:Wer|Verantwortlich\w*|Zuständig\w*|Federführ\w*)\b", _I)

_TO_DO_HINT = re.compile(r"\b(?:Wer|Bis\s+wann|Verantwortlich)\b", _I)

_STATE_COLUMN = re.compile(
    # (or its short form: "St.")
    r"^(?:Stand|Status|Sachstand|Erledigung|Erledigt|Bemerkung|Umsetzung|Ergebnis)\w*|^St\.?$",
    _I,
)

# A yes in a column that asks whether the row is done ("Erledigt | ja, 15.12.2008").
_DONE_COLUMN = re.compile(r"^(?:Erledigt|Done)\b", _I)

_YES_CELL = re.compile(r"^(?:ja|x|✓|✔)\b", _I)

# A row the list marks as done: its date lies behind the task.
_ROW_DONE = re.compile(r"\b" + _DONE_WORDS + r"\b", _I)
# A due column that holds a term extended ("Frist neu", "neuer Termin", "verlängert bis"): where
# a row fills it, it replaces the first due column's term.
_NEW_DUE_COLUMN = re.compile(
    r"^(?:(?:Frist|Termin)\w*\s+neu|neue[rs]?\s+(?:Frist|Termin)|verlängert\s+bis|"
    r"Fristverlängerung)\b",
    _I,
)
# A legend's letter for a done row ("Legende Status: E = erledigt, B = in Bearbeitung"): a cell
# that holds only the letter marks the row done.
_DONE_CODE = re.compile(r"(?<![\w-])([A-Z])\s*=\s*" + _DONE_WORDS + r"\b", _I)

# A row whose motion fell ("abgelehnt", "zurückgezogen"): no task.
_ROW_FALLEN = re.compile(r"^(?:abgelehnt|zurückgezogen)\b", _I)


def _follow_up_header(cells: list[str]) -> bool:
    """Whether a table's header row names a due date's column and a subject's column."""
    return column(cells, _DUE_COLUMN) is not None and column(cells, _SUBJECT_COLUMN) is not None


@dataclass(frozen=True)
class Rows:
    """What the open rows of a follow-up list hold."""

    deadlines: list[Deadline]
    reports: list[Report]
    review: list[ReviewItem]
    #: the table's lines (header and rows), which the prose rules do not read again
    lines: frozenset[str] = frozenset()


def follow_up_rows(text: str, context: DateContext) -> Rows:
    """The open rows of a follow-up list (:data:`_FOLLOW_UP_LIST`, or a table of decisions
    with a due and a state column, as a "Controlling-Bericht"): each row's due cell read
    as a deadline for the row's subject, or a report's cadence (``jährl.``, ``jede 2.
    Sitzung``) as a recurring report; a row marked done is skipped; a due cell no rule
    reads is shown to a person."""
    none = Rows([], [], [])
    head = text[:600]
    named = _FOLLOW_UP_LIST.search(head) is not None or _MEASURES_PLAN.search(head) is not None
    to_do = not named and _TO_DO_HINT.search(text) is not None
    if not named and not to_do and not re.search(r"\bBeschl", head):
        return none
    table = find_table(text.split("\n"), _follow_up_header)
    if table is None:
        return none
    if to_do and column(table.header, _WHO_COLUMN) is not None:
        named = True  # a to-do table: each open row is someone's task with its limit
    elif not re.search(r"\bBeschl", head) and not named:
        return none
    due = column(table.header, _DUE_COLUMN)
    subject = column(table.header, _SUBJECT_COLUMN)
    assert due is not None and subject is not None  # (the header was found by them)
    state = column(table.header, _STATE_COLUMN, besides=due)
    if not named and state is None and not _STATE_COLUMN.match(table.header[due]):
        # a table of decisions with a due and a state column is such a list too ("Erledigung
        # / Frist": one column for both)
        return none
    extended = column(table.header, _NEW_DUE_COLUMN, besides=due)
    done_codes = {m.group(1) for m in _DONE_CODE.finditer(text)}
    found = Rows([], [], [], table.lines)
    for row in table.rows:
        cell = row[due]
        if extended is not None and _due_cell(row[extended]):
            cell = row[extended]
        if not _due_cell(cell):
            continue
        done = (
            _ROW_DONE.search(cell)
            or any(c.strip() in done_codes for c in row)
            or (
                state is not None
                and (
                    _ROW_DONE.match(row[state])
                    or _ROW_FALLEN.match(row[state])
                    or (_DONE_COLUMN.match(table.header[state]) and _YES_CELL.match(row[state]))
                )
            )
        )
        if done:
            continue
        said = squash(f"{row[subject]} | {cell}")
        reporting = (
            re.search(r"bericht|sachstand|übersicht", f"{row[subject]} {cell}", _I) is not None
        )
        terms = _due_cell_terms(cell, context)
        cadence = recurrence_of(cell)
        if not terms and cadence is not None and reporting:
            found.reports.append(Report(said, cadence, None, None, "label"))
            continue
        if not terms:
            found.review.append(ReviewItem("unread_cue", said[:160], "follow_up_row"))
            continue
        # (a cell telling a step behind and one ahead: "im HA am 10.07.2025 vertagt; erneute
        # Beratung in der BV am 25.09.2025" is due at the one ahead)
        term = next((t for t in terms if t.date is None or not context.is_past(t)), terms[0])
        kind: DeadlineKind = "report" if reporting else "completion"
        found.deadlines.append(
            Deadline(said, term.date, term.window_start, kind, f"row:{term.rule}", "label")
        )
        if term.date is None:
            found.review.append(review_of(term))
    return found


def _due_cell(cell: str) -> bool:
    """Whether a due cell holds anything (not empty, not a dash)."""
    return bool(cell) and re.fullmatch(r"[-–—/]+", cell) is None


# A due cell's shorthand: a quarter in Roman numerals ("II/2026"), a month and year without
# "bis" ("09/2026"), the next session ("nächste Sitzung BVA").
_ROMAN_QUARTER_CELL = re.compile(r"^(I{1,3}|IV)\s*/\s*((?:19|20)\d\d)$")


def _due_cell_terms(cell: str, context: DateContext) -> list[Term]:
    """The terms of a follow-up list's due cell: the column says it is a limit, so a bare
    month (``09/2026``), a Roman quarter (``II/2026``) or a session (``nächste Sitzung``) is
    read as one."""
    terms = find_terms(cell, context)
    if terms:
        return terms
    quarter = _ROMAN_QUARTER_CELL.match(cell.strip())
    if quarter is not None:
        return find_terms(f"bis {quarter.group(1)}. Quartal {quarter.group(2)}", context)
    return find_terms(f"bis {cell}", context) or find_terms(f"bis zur {cell}", context)
