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
    status_text,
    to_email,
)
from notifiers.policy import Digest, DueItem

NOW = datetime(2014, 12, 18, 7, 5, tzinfo=UTC)  # 08:05 in Berlin
MID = UUID("11111111-2222-3333-4444-555555555555")


@dataclass(frozen=True)
class Row:
    key: str
    motion_id: UUID
    reference: str
    title: str
    body: str
    committee: str | None
    office: str | None
    addressee: str | None
    nominal_due: date
    due: date
    stage: str


def row(reference: str = "1263/IV", title: str = "Konferenz", **kw: object) -> Row:
    values: dict[str, object] = {
        "key": f"{MID}/D1/2014-12-18/due",
        "motion_id": MID,
        "reference": reference,
        "title": title,
        "body": "BVV Mitte von Berlin",
        "committee": "Integrationsausschuss",
        "office": "Abt. Soziales",
        "addressee": "Bezirksamt",
        "nominal_due": date(2014, 12, 18),
        "due": date(2014, 12, 18),
        "stage": "due",
    }
    values.update(kw)
    return Row(**values)  # type: ignore[arg-type]


def sample_digest(
    *rows: Row, late: bool = False, recipient: str = "amt@example.org"
) -> RenderedDigest:
    items = tuple(DueItem(r, late) for r in (rows or (row(),)))
    return render(Digest(recipient, items), now=NOW, sender="t@bvv.example", link=None)


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
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in d.html
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
