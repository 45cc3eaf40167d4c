"""A day-by-day walk of the clock through November and December 2014, with a real SMTP server.

Five motions in three Bundesländer:

* A  BVV Mitte (BE), Abt. Stadtentwicklung, due Thu 18.12.2014
* B  Bezirksversammlung Altona (HH), no office mapping (the body's address), due Sat 06.12.2014
     (BGB § 193: Mon 08.12.2014)
* C  Stadt Leipzig (SN), no mapping (the fallback), due Thu 20.11.2014 (Buß- und Bettag
     19.11. is a holiday in SN only); still open at 35 days overdue: escalation
* D  BE, due 10.12.2014, extended on 01.12. to 15.01.2015
* E  BE, Abt. Soziales, due 12.12.2014, completed on 02.12.

Every day at 08:05 Berlin time ``notify`` runs twice; the second run must send nothing.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from uuid import UUID

from typer.testing import CliRunner

from cli import app
from events.store import StoreLocation
from tests.integration.notifiers.conftest import RECIPIENTS, Reminders, make_reminders
from tests.integration.notifiers.smtp import SmtpServer

STADT, BV, FRISTEN = "stadt@mitte.example", "bv@altona.example", "fristen@example.org"
SOZIALES, LEITUNG = "soziales@mitte.example", "leitung@example.org"

#: day -> recipient -> sorted "REFERENCE stage" items. Stages on weekends/holidays move
#: earlier: 25.12. -> 24.12., 01.01.2015 -> 31.12.2014; 07.12. (Sunday) -> 05.12.
EXPECTED: dict[str, dict[str, list[str]]] = {
    "2014-11-06": {FRISTEN: ["C before-14"]},
    "2014-11-17": {FRISTEN: ["C before-3"]},
    "2014-11-20": {FRISTEN: ["C due"]},
    "2014-11-24": {BV: ["B before-14"]},
    "2014-11-26": {STADT: ["D before-14"]},
    "2014-11-27": {FRISTEN: ["C overdue-7"]},
    "2014-11-28": {SOZIALES: ["E before-14"]},
    "2014-12-04": {FRISTEN: ["C overdue-14"], STADT: ["A before-14"]},
    "2014-12-05": {BV: ["B before-3"]},
    "2014-12-08": {BV: ["B due"]},
    "2014-12-11": {FRISTEN: ["C overdue-21"]},
    "2014-12-15": {BV: ["B overdue-7"], STADT: ["A before-3"]},
    "2014-12-18": {FRISTEN: ["C overdue-28"], STADT: ["A due"]},
    "2014-12-22": {BV: ["B overdue-14"]},
    "2014-12-24": {
        FRISTEN: ["C overdue-35"],
        LEITUNG: ["C escalation-35"],
        STADT: ["A overdue-7"],
    },
    "2014-12-29": {BV: ["B overdue-21"]},
    "2014-12-31": {
        FRISTEN: ["C overdue-42"],
        LEITUNG: ["C escalation-42"],
        STADT: ["A overdue-14", "D before-14"],
    },
}


def test_a_walk_through_two_months_sends_exactly_the_expected_digests(rem: Reminders) -> None:
    refs = {
        rem.add("A-1", date(2014, 12, 18), title="Poststadion <sanieren> & öffnen"): "A",
        rem.add(
            "B-2", date(2014, 12, 6), body="Bezirksversammlung Altona", state="HH", office=None
        ): "B",
        rem.add("C-3", date(2014, 11, 20), body="Stadt Leipzig", state="SN", office=None): "C",
        rem.add("D-4", date(2014, 12, 10)): "D",
        rem.add("E-5", date(2014, 12, 12), office="Abt. Soziales"): "E",
    }
    by_id = {str(mid): name for mid, name in refs.items()}
    seen: dict[str, dict[str, list[str]]] = {}
    subjects: dict[tuple[str, str], str] = {}
    day = date(2014, 11, 1)
    while day <= date(2014, 12, 31):
        rem.clock.set(day)
        before = len(rem.smtp.received)
        rem.notify()
        after_first = len(rem.smtp.received)
        rem.notify()
        assert len(rem.smtp.received) == after_first, f"second notify sent mail on {day}"
        for msg in rem.smtp.received[before:after_first]:
            items = sorted(f"{by_id[k.split('/')[0]]} {k.split('/')[3]}" for k in msg.keys)
            (recipient,) = msg.recipients
            seen.setdefault(day.isoformat(), {})[recipient] = items
            subjects[(day.isoformat(), recipient)] = str(msg.message["Subject"])
        if day == date(2014, 12, 1):
            rem.clock.set(day, 10)
            d4 = rem.service.find("D-4")
            rem.service.extend_deadline(
                d4.id, "D1", new_due=date(2015, 1, 15), reason="Personal", effective=day
            )
        if day == date(2014, 12, 2):
            rem.clock.set(day, 10)
            rem.service.complete(rem.service.find("E-5").id, on=day, deadline_id=None, note="ok")
        day += timedelta(days=1)
    assert seen == EXPECTED
    assert subjects[("2014-12-31", STADT)] == (
        "Fristen-Erinnerung: 2 Vorgänge, davon 1 überfällig (Stand 31.12.2014)"
    )
    assert "verspätet" not in " ".join(subjects.values())


def test_digest_headers_and_german_text(rem: Reminders) -> None:
    rem.add("A-1", date(2014, 12, 18), title="Poststadion <sanieren> & öffnen")
    rem.clock.set(date(2014, 12, 4))
    rem.notify()
    (msg,) = rem.smtp.received
    m = msg.message
    assert m["Auto-Submitted"] == "auto-generated"
    assert m["From"] == "tracker@bvv.example" and m["To"] == STADT
    assert m["Message-ID"].endswith(".reminder@bvv.example>")
    (key,) = msg.keys
    assert key.endswith("/D1/2014-12-18/before-14")
    assert "A-1: Poststadion <sanieren> & öffnen" in msg.text
    assert "Erledigung fällig am Donnerstag, 18.12.2014: noch 14 Tage" in msg.text
    assert "tracker show" not in msg.text  # no [web] base_url: the reference, no command
    assert "Poststadion &lt;sanieren&gt; &amp; öffnen" in msg.html
    assert "<sanieren>" not in msg.html


def test_notify_twice_at_the_same_time_sends_nothing_the_second_time(rem: Reminders) -> None:
    rem.add("A-1", date(2014, 12, 18))
    rem.add("A-2", date(2014, 12, 18), office="Abt. Soziales")
    rem.clock.set(date(2014, 12, 18), 9)
    first = rem.notify()
    second = rem.notify()
    assert first.counts["sent"] == 2 and len(rem.smtp.received) == 2
    assert second.counts["sent"] == 0 and len(rem.smtp.received) == 2


def test_stopped_across_the_due_date_sends_the_missed_reminder_once_marked_late(
    rem: Reminders,
) -> None:
    mid = rem.add("A-1", date(2014, 12, 18))
    rem.clock.set(date(2014, 12, 4))
    rem.notify()  # before-14 on time
    rem.clock.set(date(2014, 12, 20), 11)  # down from 05.12. to 20.12.: before-3 and due missed
    saturday = rem.notify()  # back on a Saturday: the missed one waits for Monday's send time
    assert saturday.counts["sent"] == 0 and saturday.counts["held"] == 1
    assert saturday.counts["skipped"] == 1  # before-3, coalesced into the held due stage
    assert len(rem.smtp.received) == 1
    rem.clock.set(date(2014, 12, 22), 8)
    result = rem.notify()
    assert result.counts["sent"] == 1 and not result.counts["held"]
    late = rem.smtp.received[-1]
    (key,) = late.keys
    assert key == f"{mid}/D1/2014-12-18/due"
    assert "[verspätet]" in str(late.message["Subject"])
    assert "Verspätet: geplant für Donnerstag, 18.12.2014, 08:00 Uhr" in late.text
    rem.notify()
    assert len(rem.smtp.received) == 2
    status = rem.status()
    assert status[f"{mid}/D1/2014-12-18/before-3"] == "skipped"
    assert status[f"{mid}/D1/2014-12-18/due"] == "sent"
    rows = {r.key: r for r in rem.reminders.reminders()}
    assert rows[key].late is True
    assert rows[f"{mid}/D1/2014-12-18/before-14"].late is False
    # the overdue chain continues from the late send: the next repeat is on its own day
    rem.clock.set(date(2014, 12, 24))
    rem.notify()
    assert rem.smtp.received[-1].keys == [f"{mid}/D1/2014-12-18/overdue-7"]
    assert "verspätet" not in str(rem.smtp.received[-1].message["Subject"])


def test_extended_or_completed_deadlines_get_no_more_reminders_for_the_old_date(
    rem: Reminders,
) -> None:
    a = rem.add("A-1", date(2014, 12, 18))
    b = rem.add("B-1", date(2014, 12, 18), office="Abt. Soziales")
    rem.clock.set(date(2014, 12, 4))
    rem.notify()
    assert len(rem.smtp.received) == 2
    rem.clock.set(date(2014, 12, 5), 10)
    rem.service.extend_deadline(
        a, "D1", new_due=date(2015, 3, 2), reason="Fristverlängerung", effective=None
    )
    rem.service.complete(b, on=date(2014, 12, 5), deadline_id="D1", note=None)
    for day in (date(2014, 12, 15), date(2014, 12, 18), date(2014, 12, 24)):
        rem.clock.set(day)
        rem.notify()
    assert len(rem.smtp.received) == 2
    status = rem.status()
    assert status[f"{a}/D1/2014-12-18/before-3"] == "retired"
    assert status[f"{b}/D1/2014-12-18/due"] == "retired"
    assert status[f"{a}/D1/2015-03-02/before-14"] == "planned"
    rem.clock.set(date(2015, 2, 16))
    rem.notify()
    assert rem.smtp.received[-1].keys == [f"{a}/D1/2015-03-02/before-14"]


def _group(keys: list[str]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for k in keys:
        counts[k] += 1
    return counts


SEED_EXPECTED = {
    "2014-12-04": ["1263/IV D1 before-14"],
    "2014-12-15": ["1263/IV D1 before-3"],
    "2014-12-17": ["1263/IV D2 before-14"],
    "2014-12-18": ["1263/IV D1 due"],
    "2014-12-24": ["1263/IV D1 overdue-7", "1263/IV D2 before-3"],
    "2014-12-31": ["1263/IV D1 overdue-14", "1263/IV D2 due"],
}


def test_the_seed_motions_walked_through_december_2014(
    location: StoreLocation, smtp: SmtpServer, db_url: str, shared_dir: Path
) -> None:
    """``tracker ingest ../shared/seeds/``: 1263/IV (BVV Mitte) has two deadlines, the
    Erledigungsfrist 18.12.2014 (D1) and "bis Jahresende 2014" (D2); the Bezirksamt
    (its addressee) is reminded."""
    result = CliRunner().invoke(
        app, ["--db", db_url, "--now", "2014-03-01T09:00", "ingest", str(shared_dir / "seeds")]
    )
    assert result.exit_code == 0, result.stderr
    section = {**RECIPIENTS, "office": {"Bezirksamt": "ba@mitte.example"}, "fallback": None}
    section = {k: v for k, v in section.items() if v is not None}
    rem = make_reminders(location, smtp, section)
    try:
        seen: dict[str, list[str]] = {}
        day = date(2014, 12, 1)
        while day <= date(2014, 12, 31):
            rem.clock.set(day)
            before = len(smtp.received)
            rem.notify()
            rem.notify()
            for msg in smtp.received[before:]:
                assert msg.recipients == ["ba@mitte.example"]
                seen[day.isoformat()] = sorted(
                    f"{rem.service.get(UUID(k.split('/')[0])).reference}"
                    f" {k.split('/')[1]} {k.split('/')[3]}"
                    for k in msg.keys
                )
                assert "1263/IV: Bezirkliche Integrationskonferenz" in msg.text
                assert len(msg.keys) == len(set(msg.keys))
            assert len(smtp.received) - before <= 1
            day += timedelta(days=1)
        assert seen == SEED_EXPECTED
    finally:
        rem.reminders.close()
        rem.service.app.close()
