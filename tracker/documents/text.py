"""Plain-text helpers: normalising exported council text, lines, paragraphs and sentences.

Council systems export text with non-breaking spaces, soft hyphens, table cells run
together and lines wrapped mid-sentence (PDF). :func:`normalize` makes the characters
uniform; :func:`sentences` rebuilds prose from wrapped lines.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

from tracker.documents.dates import MONTH

_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u3000\x0b\x0c"), " ")
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def one_of(words: Iterable[str]) -> str:
    """A regex group matching any of ``words`` literally, longest first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


# Markup that a mirror's text kept inline ("vor<strong>zu</strong>legen<br />"): a break
# tag ends a line, the others go.
_INLINE_BREAK = re.compile(r"<(?:br|/p|/div|/li)\s*/?>", re.IGNORECASE)
_MIRROR_LINE_END = re.compile(r"<br\s*/?>[ \t]*\r?\n[ \t]*\r?\n", re.IGNORECASE)
_INLINE_TAG = re.compile(
    r"</?(?:strong|b|i|em|u|span|font|sup|sub|small|big|p|div|li)(?:\s[^<>]{0,200})?\s*/?>",
    re.IGNORECASE,
)


def normalize(text: str) -> str:
    """NFC, one kind of space and line end, no soft hyphens, control characters or inline
    markup a mirror kept.

    Tabs survive: the HTML and PDF readers use them as table-cell boundaries.
    """
    text = _SURROGATE.sub("\ufffd", text)  # lone surrogates cannot be encoded or printed
    if "<" in text:
        # a mirror's line of a PDF page: "...Die Mitglieder<br />", a blank line, "des
        # Ausschusses ...": one line break, so that the paragraph reader can join the lines
        text = _MIRROR_LINE_END.sub("\n", text)
        text = _INLINE_TAG.sub("", _INLINE_BREAK.sub("\n", text))
    text = unicodedata.normalize("NFC", text).translate(_SPACES).translate(_DROP)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _CONTROL.sub(" ", text)
    lines = (re.sub(r" {2,}", " ", line).strip(" ") for line in _aligned_tables(text.split("\n")))
    text = "\n".join(line for line in lines if not _PAGE_NUMBER.match(line))
    return _restore_umlauts(text) if _UMLAUT_LOST.search(text) else text


# Words a scan's text or an ASCII export writes without their umlaut ("nachste Sitzung",
# "naechste", "spatestens", "unverzuglich", "Burgermeister", "fur"): the few that carry a time,
# an actor or a fate, given their umlaut back (nothing else of the text is touched).
_UMLAUT_WORDS: tuple[tuple[str, str], ...] = (
    (r"\b([Nn])(?:ae|a)chst(e[mnrs]?)?\b", r"\1ächst\2"),
    (r"\b([Üü]|[Uu]e?)bern(?:ae|a)chst(e[mnrs]?)?\b", r"übernächst\2"),
    (r"\b([Ss])p(?:ae|a)testens\b", r"\1pätestens"),
    (r"\b([Uu])nverz(?:ue|u)glich\b", r"\1nverzüglich"),
    (r"\b(Ober|Orts|Bezirks)?B(?:ue|u)rgermeister", r"\1Bürgermeister"),
    (r"\b([Ff])(?:ue|u)r\b", r"\1ür"),
    (r"\b([Zz])ur(?:ue|u)ck", r"\1urück"),
    (r"\b([Ff])r(?:ue|u)hjahr", r"\1rühjahr"),
    (r"(?<=\d\.\s)M(?:ae|a)rz\b|\bM(?:ae|a)rz(?=\s+\d{4}\b)", "März"),
)
# (any of them, once over the text: most texts have their umlauts, and are left alone)
_UMLAUT_LOST = re.compile("|".join(f"(?:{pattern})" for pattern, _ in _UMLAUT_WORDS))


def _restore_umlauts(text: str) -> str:
    for pattern, repl in _UMLAUT_WORDS:
        text = re.sub(pattern, repl, text)
    return text


# A PDF page's number on a line of its own ("Seite 2 von 5", "- 3 -", "Seite 4"): a page
# break, nothing of the text (a title, a sentence's middle).
_PAGE_NUMBER = re.compile(r"^(?:Seite\s+\d{1,3}(?:\s*(?:von|/)\s*\d{1,3})?|-\s*\d{1,3}\s*-)$", re.I)


# A table laid out with spaces (a PDF's text layer, a plain-text export): its cells apart by
# two spaces or more, and every row's cells starting where the header's do. Its rows get tabs
# between the cells, as the HTML and PDF readers give them, before runs of spaces collapse.
_SPACED_CELL = re.compile(r"\S+(?: \S+)*")


def _cell_starts(line: str) -> list[int]:
    return [m.start() for m in _SPACED_CELL.finditer(line)]


def _table_row(line: str, columns: list[int], header: list[tuple[int, int]]) -> bool:
    """Whether ``line`` is a row under a header whose cells start at ``columns``: two cells
    or more, each at a column or within a header's cell (a number set flush right under
    "Kosten (€)"), or one cell that a wrapped row continues in a later column."""
    if "|" in line or "\t" in line:
        return False
    starts = _cell_starts(line)
    aligned = all(
        any(abs(s - c) <= 1 for c in columns)
        or (line[s].isdigit() and any(a <= s < b for a, b in header))
        for s in starts
    )
    return aligned and (len(starts) >= 2 or (len(starts) == 1 and starts[0] > columns[0] + 1))


# A cell's last digit run into the next cell's first letter, at a column's start.
_RUN_TOGETHER = re.compile(r"\d[A-Za-zÄÖÜäöü]")


def _cut(line: str, columns: list[int]) -> str:
    """``line`` cut into cells at the header's columns where a space precedes them."""
    cells, last = [], 0
    for column in columns[1:]:
        at = next((p for p in (column, column - 1, column + 1) if 0 < p < len(line)
                   and line[p - 1] == " " and line[p] != " "), None)  # fmt: skip
        if at is None and 0 < column < len(line) and _RUN_TOGETHER.match(line, column - 1):
            at = column  # a date run into the next column's word ("13.03.2024Jugendhilfe")
        if at is None and column < len(line) and line[column - 1 : column + 1] == "  ":
            at = column  # an empty cell
        if at is not None and at > last:
            cells.append(line[last:at].strip())
            last = at
        elif column >= len(line):
            break
    cells.append(line[last:].strip())
    return "\t".join(cells)


def _aligned_tables(lines: list[str]) -> list[str]:
    """``lines`` with the rows of every space-aligned table (see :data:`_SPACED_CELL`)
    joined by tabs; a header needs three cells (twelve at most) and two rows of two cells
    under it."""
    out = list(lines)
    index = 0
    while index < len(lines):
        header = lines[index]
        columns = _cell_starts(header) if "  " in header.strip() else []
        if not 3 <= len(columns) <= 12 or "|" in header or "\t" in header:
            index += 1
            continue
        spans = [(m.start(), m.end()) for m in _SPACED_CELL.finditer(header)]
        if index + 1 < len(lines):
            # a header naming two columns in one cell ("Lfd. Schule / Standort" over "1" and
            # "BSZ Technik"): the first row's cell starts it at one of its words
            inner = [
                b
                for b in _cell_starts(lines[index + 1])
                if any(a < b < e for a, e in spans) and header[b - 1] == " "
            ]
            columns = sorted([*columns, *inner])
        end = index + 1
        while end < len(lines) and _table_row(lines[end], columns, spans):
            end += 1
        full = sum(len(_cell_starts(line)) >= 2 for line in lines[index + 1 : end])
        if full < 2:
            index += 1
            continue
        for at in range(index, end):
            out[at] = _cut(lines[at], columns)
        index = end
    return out


def squash(text: str) -> str:
    """One line, single spaces, cells joined by a space."""
    return " ".join(text.split())


# A list item's mark opening a line; not a day that a wrapped line opens with ("bis zum" /
# "31. Dezember 2025 abschließt": the sentence goes on).
_BULLET = re.compile(r"^\s*(?:[-–•·*▪◦]|\d{1,2}[.)](?!\s*(?i:" + MONTH + r"))|[a-z][.)])\s+")


# A line that goes on in the next: it ends in a hyphen, a comma or an opening bracket, or in
# a word that cannot end a sentence (an article, a preposition, a conjunction).
_GOES_ON = re.compile(
    r"(?:[-–,;(/&+]|\b(?:der|die|das|den|dem|des|ein|eine|einer|einen|einem|und|oder|sowie|"
    r"bis|zum|zur|im|in|am|an|auf|für|mit|von|vom|bei|nach|vor|über|unter|zu|ab|seit|als|"
    r"dass|daß|wie|wird|werden|ist|sind|hat|haben|soll|sollen|kann|können|nicht|auch|"
    r"spätestens|jeweils|ca|rd|Nr|TOP))$",
    re.IGNORECASE,
)


# A heading line of a record, whatever the width of the block: an agenda item ("TOP 5
# Turnhalle", "Ö 3", "Tagesordnungspunkt 4"), or the session line that heads a page ("Sitzung
# des Gemeinderates am 12.02.2025", "Niederschrift ... vom 3. Mai 2024, 19:00 Uhr"): a line
# that ends in a date or a time and holds no sentence's end. Joined to the prose below it,
# its meeting date would read as a time limit of the first sentence.
_DATE_AT_END = (
    r"(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.\s+[A-ZÄÖÜ][a-zä]+\s+\d{4}|"
    r"\d{1,2}[:.]\d{2}\s*Uhr)\s*$"
)
_HEADING_LINE = re.compile(
    # a dated label line of a page or a letter ("Datum: 24.04.2022", "Stand: 30.04.2025",
    # "Bad Berka, den 24.04.2022", "Veröffentlicht am 20.09.2019")
    r"^(?:Datum|Sitzungsdatum|Stand|Erstellt|Aktualisiert|Zuletzt\s+aktualisiert|"
    r"Veröffentlicht|Ausgabe|Eingang|Eingegangen)(?:\s+am)?\s*:?\s*" + _DATE_AT_END + r"|"
    r"^[A-ZÄÖÜ][\w./ -]{1,40},\s+(?:den\s+)?" + _DATE_AT_END + r"|"
    r"^(?:TOP|Top|Tagesordnungspunkt|[ÖN])\s*\d{1,2}\b"
    # at most three words before the noun: a heading, not a sentence that names a session
    r"|^(?:[\w.-]+\s+){0,3}?(?:Sitzung|Niederschrift|Protokoll|Tagesordnung|Einladung)\b[^!?]{0,80}?"
    + _DATE_AT_END
)


def _ends_paragraph(line: str, width: int) -> bool:
    """A short line in a block of long ones ends its paragraph: a heading, a label or the
    last line of a paragraph that an export put on one line each (web pages). Wrapped prose
    (PDF) fills its lines to about the same width. A record's heading line
    (:data:`_HEADING_LINE`) ends it at any width."""
    if _GOES_ON.search(line) is not None:
        return False
    return _HEADING_LINE.match(line) is not None or (width >= 60 and len(line) < width // 2)


def paragraphs(text: str) -> list[str]:
    """Blocks separated by blank lines; wrapped lines joined, list items and lines that
    end a paragraph kept apart."""
    blocks: list[str] = []
    for block in re.split(r"\n\s*\n", _bridged(text)):
        lines = [s for s in (line.replace("\t", " ").strip() for line in block.split("\n")) if s]
        width = max((len(s) for s in lines), default=0)
        current: list[str] = []
        for stripped in lines:
            if current and _BULLET.match(stripped):
                blocks.append(_join(current))
                current = []
            current.append(stripped)
            if _ends_paragraph(stripped, width):
                blocks.append(_join(current))
                current = []
        if current:
            blocks.append(_join(current))
    return blocks


# A sentence an export broke by one blank line goes on in lower case ("hat die Ortsgemeinde
# aufgefordert" / "die Maßnahmen bis zum 30.06. abzuschließen"), after a line that ends in a
# number ("am 1. April 2024" / "aufstellen"), or with a year that goes on ("im 3. Quartal" /
# "2024 einen Entwurf vorstellen").
_GOES_ON_BELOW = re.compile(
    r"(?<=[a-zäöüß,\d])[^\S\n]*\n[^\S\n]*\n\s*(?=[a-zäöüß]|\d{4}\s+[a-zäöüß])"
)


def _bridged(text: str) -> str:
    """The text with a blank line dropped where it breaks a sentence, not a paragraph: the
    next line goes on in lower case (:data:`_GOES_ON_BELOW`), or the line before it cannot end
    there (``bis zum`` / ``31.12.2025 abschließt``, ``Samtgemeinde-`` / ``rates``), as in an
    export that puts a blank line after every line of a page."""
    text = _GOES_ON_BELOW.sub("\n", text)
    if "\n\n" not in text and "\n \n" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    blank = 0
    for line in lines:
        if not line.strip():
            blank += 1
            continue
        if blank and not (out and _GOES_ON.search(out[-1].rstrip()) and not _BULLET.match(line)):
            out.extend([""] * blank)
        blank = 0
        out.append(line)
    out.extend([""] * blank)
    return "\n".join(out)


def _join(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        if re.search(r"[a-zäöüß]-$", out) and line[:1].islower() and not line.startswith("und "):
            out = out[:-1] + line  # a word hyphenated at the line end
        else:
            out = f"{out} {line}"
    return out


_ABBREVIATIONS = frozenset(
    [
        "z.b",
        "zb",
        "bzw",
        "ca",
        "nr",
        "abs",
        "art",
        "gem",
        "vgl",
        "ggf",
        "evtl",
        "inkl",
        "usw",
        "etc",
        "dr",
        "prof",
        "str",
        "tel",
        "u.a",
        "ua",
        "d.h",
        "dh",
        "o.g",
        "og",
        "s.o",
        "s.u",
        "bspw",
        "sog",
        "lt",
        "mio",
        "mrd",
        "tsd",
        "jan",
        "feb",
        "febr",
        "mär",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "okt",
        "nov",
        "dez",
        "ff",
        "hr",
        "fr",
        "z.t",
        "zt",
        "u",
        "i.v",
        "iv",
        "i.a",
        "ia",
        "v.a",
        "va",
        "allg",
        "bzgl",
        "max",
        "min",
        "insb",
        "insbes",
        "mind",
        # legal and letter abbreviations ("gemäß § 65 Abs. 2 i.V.m. Abs. 1 NGO")
        "i.v.m",
        "ivm",
        "i.s.d",
        "i.s.v",
        "a.a.o",
        "u.u",
        "o.ä",
        "u.ä",
        "i.d.r",
        "i.d.f",
        "v.h",
        "zzgl",
        "abzgl",
        "ggü",
        "gez",
        "lfd",
        # ("bis einschl. 09/2025", "gem. Ziff. 3", "voraussichtl. im Herbst")
        "einschl",
        "ziff",
        "abschn",
        "anl",
        "kap",
        "voraussichtl",
        "vsl",
        "zzt",
        # a record's votes and members ("Ja 8 · Nein 54 · Enth. 2 – abgelehnt", "Stv. Mehler",
        # "Bgm. Lage")
        "enth",
        "stv",
        "stellv",
        "bgm",
        "vors",
        # ("Drs. VIII/1142")
        "drs",
    ]
)
_ROMAN = re.compile(r"i{1,3}|iv|vi{0,3}|ix|x")
_PERIOD_NOUN = re.compile(r"(?:Quartal|Halbjahr|Jahreshälfte|Bauabschnitt|Abschnitt|Stufe)")
#: Any character of one sentence, for a regular expression: the spans between a verb and its
#: complement run over the dots of a numeric date ("am 04.03.2004"), of an ordinal ("im 1.
#: Quartal") and of the common abbreviations ("Abs.", "Nr.", "z.B."), but stop at the end of a
#: sentence. Each alternative takes one character, and several may take the same dot ("04.03."
#: after a digit and before one): the group is atomic, so that a failing match does not try
#: each of them again at every dot (exponential in the number of such dots).
WITHIN_SENTENCE = (
    r"(?>[^.;?]|\.(?=\d)|(?<=\b\d)\.|(?<=\b\d\d)\.|"
    # a single letter ("d. J.", "z.B.") or a Roman ordinal ("im III. Quartal")
    r"(?<=\b[^\W\d_])\.|(?<=\bII)\.|(?<=\bIII)\.|(?<=\bIV)\.|(?i:"
    # one lookbehind per length (a lookbehind's branches must share their width)
    + "|".join(
        "(?<=\\b(?:"
        + "|".join(re.escape(a) for a in sorted(_ABBREVIATIONS) if len(a) == n)
        + "))\\."
        for n in sorted({len(a) for a in _ABBREVIATIONS if len(a) > 1})
    )
    + "))"
)


# A full date or a year before the period ends the sentence ("enden am 31.03.2021. Bevor",
# "bis 2025. Die"); a day or an ordinal does not ("am 2. Juni", "im 2. Quartal").
_ENDS_WITH_YEAR = re.compile(r"(?:\d{1,2}\.\s?\d{1,2}\.)?(?:19|20)\d{2}")
_SENTENCE_END = re.compile(r"[.!?]+[\"“”'»)]*\s+(?=[\"„“»(]?[A-ZÄÖÜ0-9-])")


@functools.lru_cache(maxsize=8)
def sentence_list(text: str) -> tuple[str, ...]:
    """The sentences of ``text`` (see :func:`sentences`), kept for the few texts read again
    (the reader's passes over one document)."""
    return tuple(sentences(text))


# A list item's Roman number standing alone before its text ("II.", "IV)").
_ROMAN_MARK = re.compile(r"[IVX]{1,5}")


def sentences(text: str) -> Iterator[str]:
    """The sentences of ``text``: paragraphs split after ., ! or ? unless an abbreviation
    or an ordinal number (``2. Halbjahr``) ends there."""
    for block in paragraphs(text):
        start = 0
        for m in _SENTENCE_END.finditer(block):
            before = block[start : m.start()].rsplit(" ", 1)[-1].lower().lstrip('("„[«')
            # (a compound's abbreviated end too: "Beschluss-Nr. 2025/044", "Vorlagen-Nr. 12")
            # (an abbreviation that closes a bracket or a quote ends it: "(2 Enth.) Beschluss:")
            closes = m.group().rstrip().endswith((")", '"', "“", "”", "'", "»"))
            if (before.rstrip(".").rsplit("-", 1)[-1] in _ABBREVIATIONS and not closes) or (
                re.fullmatch(r"[\d./]+|[a-zäöü]", before) and not _ENDS_WITH_YEAR.fullmatch(before)
            ):
                continue
            if _ROMAN.fullmatch(before) and _PERIOD_NOUN.match(block, m.end()):
                continue  # "im III. Quartal 2025": an ordinal
            if _ROMAN_MARK.fullmatch(block[start : m.start()].strip()):
                continue  # "II. Umgehend Prüfungen einzuleiten": the item's number
            piece = block[start : m.end()].strip()
            if piece:
                yield piece
            start = m.end()
        tail = block[start:].strip()
        if tail:
            yield tail


# The furniture of a web page that an export keeps above the document: menus, login, search,
# skip links, image and table debris ("![]() |", "|||||"). A whole line of it says nothing of
# the document.
_CHROME = re.compile(
    r"^(?:login|anmelden|abmelden|passwort\s+vergessen\??|inhalt|inhaltsbereich|navigation|"
    r"hauptnavigation|men[üu]|suche|suchen|startseite|home|drucken|seite\s+drucken|druckansicht|"
    r"zurück|zur\s+übersicht|kontakt|impressum|datenschutz(?:erklärung)?|barrierefreiheit|"
    r"leichte\s+sprache|gebärdensprache|sitemap|(?:direkt\s+)?zum\s+(?:haupt)?inhalt(?:\s+springen)?|"
    r"(?:einen\s+)?kommentare?\s+(?:schreiben|hinterlassen|verfassen)|"
    r"diese\s+(?:web)?seite\s+verwendet\s+cookies\.?|file:current:title|"
    r"(?:link\s+zur\s+seite\s+versenden|(?:druckansicht|ansicht\s+zum\s+drucken)\s+öffnen)"
    r"(?:\s+(?:druckansicht|ansicht\s+zum\s+drucken)\s+öffnen)?|"
    r"bürgerinformationssystem|ratsinformationssystem|sitzungskalender|rss|teilen|schließen|"
    r"mehr\s+anzeigen|weniger\s+anzeigen|weiterlesen|\d[\d.]*\s+aufrufe|citation\s+preview|"
    r"ab\s+seite\s+anzeigen|logo(?:\s+der\s+\S+(?:\s+\S+)?)?|•?\s*keine\s+ergebnisse\s+gefunden|"
    # skip links, a mirror's own offers and placeholders, news-list headings, a portal link,
    # an image's file name ("Banner_Amtsblatt")
    r"direkt\s+zum\s+seiteninhalt|hilfsnavigation|erfolgreiche\s+epaper\s+selbst\s+erstellen|"
    r"share\s+this\s+document(?:\s+with\s+a\s+friend)?|die\s+seite\s+wird\s+erstellt\b.*|"
    r"bürgerinformationen\s+online|artikel\s+und\s+meldungen\s+zum\s+nachlesen|"
    r"nachrichten\s+zum\s+thema\s+\S+|zum\s+[\w-]*portal|kopf\s+verlauf|[^\s_]+_[^\s]+|"
    r"volltextsuche|weiter\s*lesen|mehr\s+erfahren|mehr\s+lesen|"
    # a document mirror's download box ("Größe: px", 'Download "..."', "Transkript"), its
    # page arrows and notes; an image's alternative text ("Logo Zweckverband ..., Wappen")
    r"größe:\s*px|download\s+\".*\"|transkript|transkription\s+von\s+seiteninhalten|"
    r"wenn\s+ihr\s+browser\s+die\s+seite\s+nicht\s+korrekt\s+rendert.*|[←→]|logo\s.{0,100}|"
    # a portal's banner carousel (the verwaltungsportal.de pages of many Saxon municipalities),
    # each image's caption run into the link before it: "Bannerbild | zur StartseiteStausee"
    r"(?:zur\s+startseite|bannerbild)\S*|"
    # a breadcrumb trail ("Rathaus + Verwaltung > Sitzungsberichte", "Sie sind hier:
    # Startseite › Politik › Sitzungen")
    r"[^>\n]{2,40}(?:\s>\s[^>\n]{2,60})+|[^»›\n]{2,40}(?:\s*[»›]\s*[^»›\n]{2,60})+|"
    r"sie\s+sind\s+hier\s*:.*|(?:kategorie|kategorien|rubrik|schlagw(?:ort|örter)|tags?)\s*:.*|"
    # reading aids, sharing and the foot of a page ("Schriftgröße: A A A", "Seite empfehlen",
    # "Facebook Twitter WhatsApp E-Mail", "Nach oben", "© 2025 Gemeinde ...")
    r"(?:schriftgröße|schriftgrösse|kontrast|textgröße)\b.*|(?:a[+-]?\s*){2,3}|vorlesen|"
    r"(?:(?:seite|artikel|beitrag)\s+(?:empfehlen|weiterempfehlen|teilen|drucken|vorlesen|merken)"
    r"\s*)+|"
    r"zurück\s+zur\s+übersicht|nach\s+oben|zum\s+seitenanfang|seitenanfang|[©].*|"
    r"(?:(?:facebook|twitter|whatsapp|instagram|linkedin|xing|youtube|mastodon|telegram|threads|"
    r"x|e-?mail|mail|drucken|teilen|pdf)\b\s*){2,}|"
    # a menu's toggles and entries ("Hauptmenü öffnen", "Leben & Wohnen")
    r"(?:haupt|unter|sub)?(?:men[üu]|navigation|suche)\s+(?:öffnen|schließen|einblenden|ausblenden)|"
    r"[A-ZÄÖÜ][\w-]+\s+&\s+[A-ZÄÖÜ][\w-]+|"
    r"(?:!\[[^\]]*\]\([^)]*\)\s*\|?\s*)+|[|\s]+)$",
    re.IGNORECASE,
)


_FURNITURE_GAP = re.compile(r"\s*[|•·]\s*|\s{2,}")


def _is_chrome(line: str) -> bool:
    """Whether a line is furniture: one piece, or several joined by bars, dots or wide gaps
    ("Startseite | Login | Impressum", "Drucken | Teilen", "Drucken • Teilen")."""
    if _CHROME.match(line):
        return True
    parts = [p.strip() for p in _FURNITURE_GAP.split(line)]
    return len(parts) >= 2 and all(not p or _CHROME.match(p) for p in parts)


def drop_page_chrome(text: str, within: int = 20) -> str:
    """``text`` without the web-page furniture among its first and its last ``within``
    lines (a portal's head and foot)."""
    lines = text.split("\n")
    head, rest = lines[:within], lines[within:]
    body, foot = (rest[:-within], rest[-within:]) if len(rest) > within else ([], rest)
    kept = [x for x in head if not _is_chrome(x.strip()) or not x.strip()]
    kept += body
    kept += [x for x in foot if not _is_chrome(x.strip()) or not x.strip()]
    return "\n".join(kept)


# A letter-spaced heading ("N i e d e r s c h r i f t"): the word, for the rules that read it.
_SPACED = re.compile(r"\b(?:[A-Za-zÄÖÜäöü] ){4,}[A-Za-zÄÖÜäöü]\b")


def despaced(text: str) -> str:
    """``text`` with letter-spaced words joined (``N i e d e r s c h r i f t`` -> one word)."""
    return _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def lines_of(text: str) -> list[str]:
    """The non-empty lines, stripped."""
    return [line.strip() for line in text.split("\n") if line.strip()]
