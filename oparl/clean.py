"""Repairing OParl objects as real servers send them, before anything reads them.

* ``"N/A"`` and blank strings mean "no value": the key is dropped; control characters
  inside strings (other than tab and line breaks) become spaces.
* Fields that the specification makes arrays (``auxiliaryFile``, ``consultation``,
  ``organization``, ...) arrive as a single object or URL: wrapped in a list.
* A missing ``type`` is taken from the list the object came from.
* A relative ``web`` URL is resolved against the URL the object was fetched from.
* A missing ``id`` becomes the URL fetched.

Each repair is counted once per object in :class:`~oparl.problems.Problems`.
:func:`explode` lifts the objects embedded in a Paper or a Meeting out as objects of their
own, with the back-reference that an embedded object may omit.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any
from urllib.parse import urljoin

from oparl.problems import Problems

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

#: Values that servers use for "nothing".
NOTHING = frozenset({"", "n/a", "n. a.", "n.a."})

#: Fields that hold arrays in OParl 1.0 and 1.1.
ARRAY_FIELDS = frozenset(
    {
        "agendaItem",
        "auxiliaryFile",
        "consultation",
        "derivativeFile",
        "keyword",
        "location",
        "membership",
        "organization",
        "originatorOrganization",
        "originatorPerson",
        "participant",
        "relatedPaper",
        "subordinatedPaper",
        "superordinatedPaper",
        "underDirectionOf",
        "paper",
    }
)

#: Names that are arrays on some types but single values on these.
SINGLE_ON: dict[str, set[str]] = {
    "Consultation": {"agendaItem", "paper", "meeting"},
    "AgendaItem": {"consultation", "meeting"},
    "Meeting": {"location"},
    "Body": {"location"},
    "Organization": {"location"},
    "Person": {"location"},
}

KINDS = frozenset(
    {
        "System",
        "Body",
        "Organization",
        "Person",
        "Meeting",
        "AgendaItem",
        "Consultation",
        "Paper",
        "File",
        "Location",
        "Membership",
        "LegislativeTerm",
    }
)


def kind_of(obj: dict[str, Any]) -> str | None:
    """The short type name (``Paper``) of an OParl object, None when it has no type."""
    value = obj.get("type")
    if not isinstance(value, str) or not value:
        return None
    return value.rstrip("/").rsplit("/", 1)[-1]


def content_hash(obj: Any) -> str:
    """sha256 of the object's canonical JSON form: equal content, equal hash."""
    text = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _strip_nothing(value: Any, found: list[str]) -> Any:
    if isinstance(value, str):
        if value.strip().casefold() in NOTHING:
            found.append(value)
            return None
        return _CONTROL.sub(" ", value).strip()
    if isinstance(value, list):
        items = [_strip_nothing(v, found) for v in value]
        return [v for v in items if v is not None]
    if isinstance(value, dict):
        cleaned = {k: _strip_nothing(v, found) for k, v in value.items()}
        return {k: v for k, v in cleaned.items() if v is not None}
    return value


def clean_object(
    obj: dict[str, Any], *, expected: str, url: str, problems: Problems
) -> dict[str, Any]:
    """A repaired copy of ``obj``, an object of kind ``expected`` read at ``url``."""
    blanks: list[str] = []
    out: dict[str, Any] = _strip_nothing(obj, blanks)
    oid = out.get("id")
    where = oid if isinstance(oid, str) else url
    if blanks:
        problems.add("blank_value", where, f"{len(blanks)} blank or N/A values dropped")
    if not isinstance(oid, str):
        problems.add("missing_id", url, f"a {expected} without id")
        out["id"] = url
    kind = kind_of(out)
    if kind is None:
        problems.add("missing_type", where, f"assumed {expected}")
        out["type"] = f"https://schema.oparl.org/1.1/{expected}"
        kind = expected
    _repair(out, kind, where, problems)
    return out


def _repair(obj: dict[str, Any], kind: str, where: str, problems: Problems) -> None:
    single = SINGLE_ON.get(kind, set())
    for key in ARRAY_FIELDS - single:
        value = obj.get(key)
        body_list = kind == "Body" and isinstance(value, str)  # a Body's lists are URLs
        if value is not None and not isinstance(value, list) and not body_list:
            problems.add("not_a_list", where, f"{key} is not an array")
            obj[key] = [value]
    for key in single:
        value = obj.get(key)
        if isinstance(value, list):
            obj[key] = value[0] if value else None
            if obj[key] is None:
                del obj[key]
    web = obj.get("web")
    if isinstance(web, str) and not web.startswith(("http://", "https://")):
        base = obj["id"] if isinstance(obj.get("id"), str) else where
        problems.add("relative_web", where, f"web {web!r}")
        obj["web"] = urljoin(base, web)
    for key in ("mainFile", "resolutionFile", "invitation", "resultsProtocol", "location"):
        value = obj.get(key)
        if isinstance(value, dict):
            _repair_embedded(value, where, problems)
    for key in ("auxiliaryFile", "consultation", "agendaItem"):
        for item in obj.get(key) or []:
            if isinstance(item, dict):
                _repair_embedded(item, where, problems)


def _repair_embedded(item: dict[str, Any], where: str, problems: Problems) -> None:
    kind = kind_of(item)
    if kind is not None:
        _repair(item, kind, where, problems)


def ref(value: Any) -> str | None:
    """The URL of a reference given as a URL or as an embedded object."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return str(value["id"])
    return None


def refs(value: Any) -> list[str]:
    """The URLs of a list of references (URLs or embedded objects)."""
    items = value if isinstance(value, list) else [value]
    return [r for r in (ref(v) for v in items) if r]


def explode(obj: dict[str, Any]) -> list[dict[str, Any]]:
    """The objects embedded in ``obj`` that the sync keeps on their own.

    Consultations of a Paper get ``paper``; agenda items of a Meeting get ``meeting``; a
    Paper's files get ``paper``. Embedded objects without an ``id`` are left inside.
    """
    kind = kind_of(obj)
    found: list[dict[str, Any]] = []
    oid = obj.get("id")
    if kind == "Paper":
        for c in obj.get("consultation") or []:
            if isinstance(c, dict) and isinstance(c.get("id"), str):
                found.append({"paper": oid, **c, "type": c.get("type") or "Consultation"})
        files = [obj.get("mainFile"), *(obj.get("auxiliaryFile") or [])]
        for f in files:
            if isinstance(f, dict) and isinstance(f.get("id"), str):
                found.append({"paper": [oid], **f, "type": f.get("type") or "File"})
    elif kind == "Meeting":
        for a in obj.get("agendaItem") or []:
            if isinstance(a, dict) and isinstance(a.get("id"), str):
                found.append({"meeting": oid, **a, "type": a.get("type") or "AgendaItem"})
    return found
