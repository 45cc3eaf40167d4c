"""Scoring extractions against annotations, with the semantics of the shared scorer.

The repository scores its own corpus with this module, so the corpus tests run in a fresh
clone without ``../shared``; under CI the shared ``score_extraction.py`` scores the same
predictions too, and ``test_corpus.py`` checks that both agree.

Fields (each only where the annotation has a value): reference, title, kind, body, decision
outcome, addressee, deadline recall and precision (dates), report duties (by recurrence),
amount recall and precision. The score is the mean of the field shares. Obligations (not in
the mean): found, silent misses (in documents whose ``review`` is empty), review load, traps.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.documents.model import OUTCOMES

Doc = dict[str, Any]

_OUTCOME_WORDS = (
    ("recommended", r"empf(o|ie)hl"),
    ("adopted_amended", r"(mit|in ge)?änderung|geändert|ergänz"),
    ("rejected", r"abgelehnt|ablehnung"),
    ("noted", r"kenntnis"),
    ("deferred", r"vertagt|zurückgestellt|abgesetzt"),
    ("referred", r"überwiesen|verwiesen"),
    ("withdrawn", r"zurückgezogen"),
    ("disposed", r"erledigt"),
    ("adopted", r"beschlossen|angenommen|bestätig|zugestimmt"),
)


def _norm(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value or "")).casefold()
    text = re.sub(r"[\"'„“”‚‘’«»]", "", text)
    return re.sub(r"\s+", " ", text).strip(" .:;-")


def _outcome(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("outcome") or value.get("text")
    text = _norm(value)
    if text in OUTCOMES:
        return text
    if "ohne änderung" in text:
        return "adopted"
    return next((o for o, p in _OUTCOME_WORDS if re.search(p, text)), None)


def _similar(a: object, b: object, threshold: float) -> bool:
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return False
    shorter = min(x, y, key=len)
    if x == y or (len(shorter) >= 6 and (x in y or y in x)):
        return True
    return difflib.SequenceMatcher(None, x, y).ratio() >= threshold


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text) if len(w) >= 3}


def _overlap(a: object, b: object) -> bool:
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return False
    if len(min(x, y, key=len)) >= 8 and (x in y or y in x):
        return True
    wa, wb = _words(x), _words(y)
    shared = wa & wb
    return len(shared) >= 2 and len(shared) / min(len(wa), len(wb)) >= 0.6


def _obligations(doc: Doc, *, required: bool) -> list[dict[str, Any]]:
    items = [
        {"text": d.get("text"), "date": d.get("date")}
        for d in doc.get("deadlines") or []
        if not (required and d.get("optional"))
    ]
    for r in doc.get("reports") or []:
        if required and r.get("optional"):
            continue
        if any(_norm(r.get("text")) == _norm(i["text"]) for i in items if i["text"]):
            continue
        items.append({"text": r.get("text"), "date": r.get("due")})
    return items


def required_obligations(truth: Doc) -> list[dict[str, Any]]:
    """The obligations of an annotation that must be found (text and date)."""
    return _obligations(truth, required=True)


def has_obligations(truth: Doc) -> bool:
    """Whether an annotation holds an obligation that must be found (deadline or report)."""
    return bool(required_obligations(truth))


def overlaps(a: object, b: object) -> bool:
    """Whether two obligation texts are the same passage (the scorer's own test)."""
    return _overlap(a, b)


def _found(item: dict[str, Any], predicted: list[dict[str, Any]]) -> bool:
    return any(
        (item.get("date") and p.get("date") == item["date"])
        or _overlap(p.get("text"), item["text"])
        for p in predicted
    )


@dataclass
class Score:
    """Field shares and obligation counts over a set of documents."""

    hits: dict[str, float] = field(default_factory=dict)
    totals: dict[str, float] = field(default_factory=dict)
    required: int = 0
    found: int = 0
    silent: int = 0
    documents: int = 0
    flagged: int = 0
    predicted: int = 0
    traps: int = 0
    missing: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, hit: float, total: float = 1.0, note: str = "") -> None:
        self.hits[name] = self.hits.get(name, 0.0) + hit
        self.totals[name] = self.totals.get(name, 0.0) + total
        if hit < total and note:
            self.misses.append(f"{name}: {note}")

    def field(self, name: str) -> float:
        return self.hits[name] / self.totals[name]

    @property
    def score(self) -> float:
        shares = [self.field(n) for n in self.totals]
        return sum(shares) / len(shares) if shares else 0.0

    def share(self, what: str) -> float:
        """``found``, ``silent`` (of required), ``flagged`` (of documents), ``traps``."""
        base = {"found": self.required, "silent": self.required, "flagged": self.documents}
        total = base.get(what, self.predicted)
        return getattr(self, what) / total if total else 0.0

    def lines(self) -> list[str]:
        rows = [
            f"{n:20s} {self.hits[n]:6.0f}/{self.totals[n]:<6.0f} {self.field(n):.3f}"
            for n in self.totals
        ]
        for label, what, of in (
            ("obligations found", "found", self.required),
            ("silent misses", "silent", self.required),
            ("review load", "flagged", self.documents),
            ("traps taken", "traps", self.predicted),
        ):
            count = getattr(self, what)
            rows.append(f"{label:20s} {count:6d}/{of:<6d} {self.share(what):.3f}")
        rows.append(f"score: {self.score:.3f}")
        return rows


def _dated(items: Iterable[Doc], key: str = "date") -> set[str]:
    return {i[key] for i in items if i.get(key)}


def _fields(truth: Doc, pred: Doc, s: Score, name: str) -> None:
    if truth.get("reference"):
        want, got = _norm(truth["reference"]), _norm(pred.get("reference"))
        note = f"{name}: want {truth['reference']!r}, got {pred.get('reference')!r}"
        s.add("reference", want.replace(" ", "") == got.replace(" ", ""), note=note)
    if truth.get("title"):
        s.add("title", _similar(pred.get("title"), truth["title"], 0.85), note=name)
    if truth.get("kind"):
        kinds = [truth["kind"], *truth.get("kind_acceptable", [])]
        s.add("kind", any(_norm(pred.get("kind")) == _norm(k) for k in kinds),
              note=f"{name}: want {kinds}, got {pred.get('kind')!r}")  # fmt: skip
    if truth.get("body"):
        bodies = [truth["body"], *truth.get("body_acceptable", [])]
        s.add("body", any(_similar(pred.get("body"), b, 0.8) for b in bodies if b),
              note=f"{name}: want {bodies}, got {pred.get('body')!r}")  # fmt: skip
    want = _outcome(truth.get("decision"))
    if want:
        wants = {want, *(_outcome(a) for a in truth.get("decision_acceptable", []))}
        got = _outcome(pred.get("decision"))
        s.add(
            "decision",
            got in wants,
            note=f"{name}: want {sorted(w for w in wants if w)}, got {got}",
        )
    if truth.get("addressee"):
        names = [truth["addressee"], *truth.get("addressee_acceptable", [])]
        s.add("addressee", any(_similar(pred.get("addressee"), a, 0.8) for a in names if a),
              note=f"{name}: want {names}, got {pred.get('addressee')!r}")  # fmt: skip


def _dates(truth: Doc, pred: Doc, s: Score, name: str) -> None:
    deadlines = truth.get("deadlines") or []
    required = {d["date"] for d in deadlines if d.get("date") and not d.get("optional")}
    allowed = _dated(deadlines) | _dated(deadlines, "window_start")
    for r in truth.get("reports") or []:
        if r.get("due"):
            allowed.add(r["due"])
            if not r.get("optional"):
                required.add(r["due"])
    predicted = _dated(pred.get("deadlines") or []) | _dated(pred.get("reports") or [], "due")
    if required:
        s.add("deadline recall", len(required & predicted), len(required),
              note=f"{name}: missing {sorted(required - predicted)}")  # fmt: skip
    if predicted:
        s.add("deadline precision", len(predicted & allowed), len(predicted),
              note=f"{name}: unexpected {sorted(predicted - allowed)}")  # fmt: skip
    reports = [r for r in truth.get("reports") or [] if not r.get("optional")]
    if reports:
        pool = [_norm(r.get("recurrence")) for r in pred.get("reports") or []]
        hit = 0
        for r in reports:
            want = _norm(r.get("recurrence"))
            if want in pool:
                pool.remove(want)
                hit += 1
            elif not want and pool:
                pool.pop()
                hit += 1
        s.add("reports", hit, len(reports), note=name)
    want_eur = [float(a) for a in truth.get("amounts_eur") or []]
    got_eur = [float(a) for a in pred.get("amounts_eur") or [] if isinstance(a, int | float)]
    if want_eur:
        s.add("amount recall", sum(any(abs(a - g) < 0.5 for g in got_eur) for a in want_eur),
              len(want_eur), note=name)  # fmt: skip
    if got_eur:
        s.add("amount precision", sum(any(abs(a - g) < 0.5 for a in want_eur) for g in got_eur),
              len(got_eur), note=name)  # fmt: skip


def _obligation_counts(truth: Doc, pred: Doc, s: Score, name: str) -> None:
    predicted = _obligations(pred, required=False)
    flagged = bool(pred.get("review"))
    s.documents += 1
    s.flagged += flagged
    for item in _obligations(truth, required=True):
        s.required += 1
        if _found(item, predicted):
            s.found += 1
        elif not flagged:
            s.silent += 1
            s.misses.append(f"silent: {name}: {item.get('date')} {str(item.get('text'))[:80]!r}")
        else:
            s.misses.append(f"flagged: {name}: {item.get('date')} {str(item.get('text'))[:80]!r}")
    every = _obligations(truth, required=False)
    traps = [n.get("text") for n in truth.get("non_obligations") or []]
    for p in predicted:
        s.predicted += 1
        if any(_overlap(p.get("text"), t) for t in traps) and not any(
            _overlap(p.get("text"), i.get("text"))
            or (p.get("date") and p.get("date") == i.get("date"))
            for i in every
        ):
            s.traps += 1
            s.misses.append(f"trap: {name}: {str(p.get('text'))[:80]!r}")


def score(truths: list[Doc], predictions: list[Doc]) -> Score:
    """Pair predictions with annotations by the file's base name and score them."""
    by_name = {Path(str(p.get("file", ""))).name: p for p in predictions}
    s = Score()
    for truth in truths:
        name = Path(truth["file"]).name
        pred = by_name.get(name)
        if pred is None:
            s.missing += 1
            pred = {}
        _fields(truth, pred, s, name)
        _dates(truth, pred, s, name)
        _obligation_counts(truth, pred, s, name)
    return s
