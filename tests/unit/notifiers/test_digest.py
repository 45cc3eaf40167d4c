"""The German digest: text and HTML, escaping, Message-ID from the keys."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from uuid import UUID

from notifiers.digest import (
    KEYS_HEADER,
    RenderedDigest,
    message_id,
    render,
    shift_reason,
    status_text,
    telling,
    to_email,
    to_whom,
)
from notifiers.policy import Digest, DueItem

NOW = datetime(2014, 12, 18, 7, 5, tzinfo=UTC)  # 08:05 in Berlin
MID = UUID("11111111-2222-3333-4444-555555555555")


@dataclass(frozen=True)
class Row:
    key: str
    motion_id: UUID
    deadline_id: str
    kind: str
    reference: str
    title: str
    body: str
    committee: str | None
    office: str | None
    addressee: str | None
    nominal_due: date
    due: date
    stage: str
    send_at: datetime


def row(reference: str = "1263/IV", title: str = "Konferenz", **kw: object) -> Row:
    values: dict[str, object] = {
        "key": f"{MID}/D1/2014-12-18/due",
        "motion_id": MID,
        "deadline_id": "D1",
        "kind": "completion",
        "reference": reference,
        "title": title,
        "body": "BVV Mitte von Berlin",
        "committee": "Integrationsausschuss",
        "office": "Abt. Soziales",
        "addressee": "Bezirksamt",
        "nominal_due": date(2014, 12, 18),
        "due": date(2014, 12, 18),
        "stage": "due",
        "send_at": datetime(2014, 12, 18, 7, 0, tzinfo=UTC),
    }
    values.update(kw)
    return Row(**values)  # type: ignore[arg-type]


def sample_digest(
    *rows: Row, late: bool = False, recipient: str = "amt@example.org"
) -> RenderedDigest:
    items = tuple(DueItem(r, late) for r in (rows or (row(),)))
    return render(Digest(recipient, items), now=NOW, sender="t@bvv.example", base_url=None)


def test_status_text_in_german() -> None:
    today = date(2014, 12, 18)
    assert status_text(date(2014, 12, 19), today) == "noch 1 Tag"
    assert status_text(date(2015, 1, 1), today) == "noch 14 Tage"
    assert status_text(today, today) == "heute fällig"
    assert status_text(date(2014, 12, 17), today) == "seit 1 Tag überfällig"
    assert status_text(date(2014, 12, 11), today) == "seit 7 Tagen überfällig"


def test_titles_from_documents_are_escaped_in_html_only() -> None:
    d = sample_digest(row(title='<script>alert("x")</script> & Co'))
    assert '<script>alert("x")</script> & Co' in d.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co" in d.html
    assert "<script>" not in d.html


def test_subject_counts_items_and_overdue_and_marks_late() -> None:
    d = sample_digest(
        row(),
        row(reference="2/IV", key=f"{MID}/D2/2014-12-04/overdue-14", due=date(2014, 12, 4)),
        late=True,
    )
    assert d.subject == (
        "Fristen-Erinnerung [verspätet]: 2 Vorgänge, davon 1 überfällig (Stand 18.12.2014)"
    )
    assert "seit 14 Tagen überfällig" in d.text


def test_message_id_depends_only_on_the_keys() -> None:
    a = message_id(("k1", "k2"), "x@bvv.example")
    assert a == message_id(("k2", "k1"), "y@bvv.example")
    assert a != message_id(("k1",), "x@bvv.example")
    assert a.startswith("<") and a.endswith(".reminder@bvv.example>")


def test_email_has_text_html_and_the_tracing_headers() -> None:
    d = sample_digest()
    msg = to_email(d, sender="t@bvv.example", now=NOW, worker="host:1")
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg[KEYS_HEADER] == f"{MID}/D1/2014-12-18/due"
    assert msg["Message-ID"] == d.message_id
    assert {p.get_content_type() for p in msg.iter_parts()} == {"text/plain", "text/html"}


def test_what_is_due_is_said_in_words_with_the_article_of_the_committee() -> None:
    assert to_whom("Ausschuss für Schule") == "an den Ausschuss für Schule"
    assert to_whom("Integrationsausschuss") == "an den Integrationsausschuss"
    assert to_whom("BVV Mitte von Berlin") == "an die BVV Mitte von Berlin"
    assert to_whom("Bezirksversammlung Altona") == "an die Bezirksversammlung Altona"
    assert to_whom("Hauptamt") == "an: Hauptamt"  # unsure of the gender: no article


def test_a_phrase_that_only_repeats_the_date_is_not_shown() -> None:
    assert telling("Erledigungsfrist: 31.01.2015") is None
    assert telling("bis zum 31.01.2015 zu berichten") == "bis zum 31.01.2015 zu berichten"


def test_a_shift_names_the_weekend_or_the_holiday() -> None:
    assert shift_reason(date(2015, 1, 31), date(2015, 2, 2), "BE") == "wegen Wochenende, § 193 BGB"
    assert shift_reason(date(2015, 4, 6), date(2015, 4, 7), "BE") == (
        "wegen Feiertag (Ostermontag), § 193 BGB"
    )
    assert shift_reason(date(2015, 4, 7), date(2015, 4, 7), "BE") is None


def test_a_late_item_says_when_it_was_planned_in_berlin_time() -> None:
    d = sample_digest(row(), late=True)
    assert "Verspätet: geplant für Donnerstag, 18.12.2014, 08:00 Uhr" in d.text
