"""Decision wording -> outcome (``ohne Änderungen beschlossen`` -> ``adopted``).

The specific phrases come first: ``mit Zwischenbericht zur Kenntnis genommen`` is noted,
not adopted; ``in geänderter Fassung beschlossen`` is adopted_amended. A participle used as
an attribute (``die vom Ausschuss empfohlenen Straßen``, ``der abgelehnte Antrag``) describes
a thing, not the outcome: ``(?!e)`` after each participle.
"""

from __future__ import annotations

import re

_OUTCOME_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (outcome, re.compile(pattern, re.IGNORECASE))
    for outcome, pattern in (
        (
            "adopted",
            r"ohne\s+Änderung|unverändert\s+(?:beschlossen(?!e)|angenommen(?!e)|zugestimmt)|ungeändert",
        ),
        ("noted", r"(?:mit|als)\s+(?:Zwischen|Schluss|Sach\w*)?bericht\w*\s+zur\s+Kenntnis"),
        ("withdrawn", r"zurückgezogen(?!e)|Rücknahme|zurückgenommen(?!e)"),
        ("recommended", r"empfohlen(?!e)|empfiehlt|Empfehlung|zur\s+Annahme\s+empf"),
        (
            "adopted_amended",
            r"mit\s+(?:den\s+|der\s+)?(?:\w+en\s+)?Änderung|in\s+geänderter\s+Fassung|geändert\s+(?:beschlossen(?!e)|angenommen(?!e))"
            r"|mit\s+Ergänzung|ergänzt\s+(?:beschlossen(?!e)|angenommen(?!e))|in\s+der\s+Fassung\s+des",
        ),
        (
            "rejected",
            r"abgelehnt(?!e)|Ablehnung|lehnt(?:e|en)?\s+(?:\S+\s+){0,6}?ab\b|nicht\s+(?:beschlossen(?!e)|angenommen(?!e)|zugestimmt)"
            r"|stimm(?:t|en|te|ten)\s+(?:\S+\s+){0,6}?nicht\s+zu\b"
            # "Dem Einwohnerantrag wird nicht entsprochen", "Die Anregung wird zurückgewiesen"
            r"|nicht\s+(?:zu\s+)?entsprochen(?!e)|nicht\s+zu\s+entsprechen|zurückgewiesen(?!e)"
            r"|nicht\s+stattgegeben",
        ),
        ("noted", r"Kenntnis|zur\s+Kenntnis|informiert\s+sich"),
        (
            "deferred",
            r"vertagt(?!e)|vertagen|Vertagung|zurückgestellt(?!e)|zurückzustellen|Zurückstellung|abgesetzt(?!e)|verschoben(?!e)"
            r"|zurückverwiesen(?!e)",
        ),
        (
            "referred",
            r"überwiesen(?!e)|Überweisung|verwiesen(?!e)|weitergeleitet|zurück\s+in\s+(?:die|den)\s+\w+"
            r"|in\s+den\s+(?:Rat|Kreistag|Ausschuss|Fachausschuss)\s+(?:zu\s+)?(?:schieben|geben)",
        ),
        ("disposed", r"(?<!Erledigungs)erledigt|für\s+erledigt|Erledigung\s+erklärt|beantwortet"),
        (
            "adopted",
            r"beschlossen(?!e)|beschließt|beschließen|beschloss(?:en)?\b|angenommen(?!e)|bestätig|zugestimmt"
            r"|stimm(?:t|en|te|ten)\s+(?:\S+\s+){0,6}?zu\b"
            r"|Zustimmung|einstimmig|mehrheitlich|befürwortet(?!e)|Einverständnis"
            r"|einverstanden|nahm(?:en)?\s+(?:\S+\s+){0,8}?an\b",
        ),
    )
)


def outcome_of(text: str | None) -> str | None:
    """The outcome that ``text`` reports, or None when it names none."""
    if not text:
        return None
    for outcome, pattern in _OUTCOME_PATTERNS:
        if pattern.search(text):
            return outcome
    return None


_OUTCOME_START = re.compile(
    r"\b(?:ohne\s+Änderung|mit\s+Änderung|mit\s+Zwischenbericht|mit\s+Ergänzung|in\s+geänderter"
    r"|ungeändert|unverändert|einstimmig|mehrheitlich|zur\s+Kenntnis|abgelehnt|vertagt"
    r"|zurückgestellt|zurückgezogen|überwiesen|verwiesen|erledigt|beschlossen|angenommen"
    r"|empfohlen|abgesetzt|zugestimmt|beantwortet)",
    re.IGNORECASE,
)


def outcome_phrase(text: str) -> str | None:
    """The tail of a Beratungsfolge line that states the result (``ohne Änderungen ...``)."""
    m = _OUTCOME_START.search(text)
    return text[m.start() :].strip() if m else None
