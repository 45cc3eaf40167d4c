"""The OParl sync against a real HTTP server on 127.0.0.1, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from structlog.testing import capture_logs

from events.motion import Corrected, DecisionRecorded, Withdrawn
from events.values import Outcome, Recurrence, SourceKind
from oparl.client import ClientOptions
from oparl.mapping import read_obligations
from tests.integration.oparl.conftest import T1, T2, T3, Runner
from tests.integration.oparl.server import BASE, OParlWorld, path_of
from tests.integration.oparl.world import (
    BODY0,
    BODY1,
    example,
    gen_meeting,
    gen_paper,
    tombstone_699,
)
from tracker.documents.obligations import Obligations
from tracker.errors import StorageError
from tracker.motion import Motion

GEN = "Bezirksverordnetenversammlung Generatia"
KOELN = "Stadt Köln, kreisfreie Stadt"


def query(target: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(target).query)


def test_a_full_sync_records_motions_decisions_and_deadlines(sync: Runner) -> None:
    summary = sync(at=T1)
    service = sync.service()

    adopted = service.find("DS/0004/XX", GEN)
    assert (adopted.kind, adopted.state, adopted.office) == (
        "Antrag",
        "BE",
        "Abteilung Stadtentwicklung",
    )
    assert adopted.addressee == "Bezirksamt"
    assert [(c.committee, c.on, c.role, c.result) for c in adopted.consultations] == [
        (
            "Bezirksverordnetenversammlung",
            date(2015, 3, 2),
            "Entscheidung",
            "ohne Änderungen beschlossen",
        )
    ]
    assert adopted.decision is not None
    assert (adopted.decision.outcome, adopted.decision.on) == (Outcome.ADOPTED, date(2015, 3, 2))
    assert [(d.due, d.kind.value) for d in adopted.deadlines.values()] == [
        (date(2015, 12, 31), "completion")
    ]
    assert [o.recurrence for o in adopted.obligations.values()] == [Recurrence.HALF_YEARLY]

    outcomes = {
        ref: (m.decision.outcome if m.decision else None)
        for ref in ("DS/0001/XX", "DS/0002/XX", "DS/0003/XX")
        for m in [service.find(ref, GEN)]
    }
    assert outcomes == {
        "DS/0001/XX": Outcome.REJECTED,
        "DS/0002/XX": Outcome.DEFERRED,
        "DS/0003/XX": None,
    }
    assert not service.find("DS/0001/XX", GEN).deadlines  # a rejected motion obliges nothing

    amended = service.find("1300/2014", KOELN)
    assert amended.state == "NW"
    assert amended.office == "Dezernat II - Finanzen"
    assert amended.decision is not None
    assert amended.decision.outcome is Outcome.ADOPTED_AMENDED
    assert amended.decision.committee == "Ausschuss für Haushalt und Finanzen"
    assert amended.decision.on == date(2013, 1, 4)
    assert amended.decision.text == "Der Beschluss weicht wie folgt vom Antrag ab: ..."

    spec_paper = service.find("1234/2014", KOELN)
    assert spec_paper.title == "Antwort auf Anfrage 1200/2014"
    assert spec_paper.kind == "Beantwortung einer Anfrage"
    assert [(c.committee, c.role) for c in spec_paper.consultations] == [
        ("Rat der Stadt Köln", "Beschlussfassung")
    ]
    assert spec_paper.decision is None

    registered = service.history(spec_paper.id)[0]
    assert registered.provenance.kind is SourceKind.OPARL
    assert registered.provenance.name == sync.base + "/paper/749"
    assert registered.provenance.detail == "2013-01-08T12:05:27+01:00"
    assert registered.provenance.sha256 and len(registered.provenance.sha256) == 64

    assert summary.motions_new == 10
    assert summary.lists[f"{sync.base}/gen/body/1 paper"].seen == 7
    assert summary.bodies == [BODY0.replace(BASE, sync.base), BODY1.replace(BASE, sync.base)]


def test_every_quirk_is_repaired_logged_with_its_url_and_counted(
    sync: Runner, world: OParlWorld
) -> None:
    world.delays["/gen/organization/alias-3"] = [2.0]
    options = ClientOptions(timeout=1.0, retries=3, backoff=0.01, rate=0, concurrency=2)
    with capture_logs() as logs:
        summary = sync(at=T1, options=options)
    problems = summary.problems
    for kind in (
        "blank_value",
        "control_characters",
        "id_mismatch",
        "list_not_found",
        "bare_list",
        "missing_type",
        "not_a_list",
        "relative_web",
    ):
        assert problems.get(kind, 0) >= 1, kind
    assert problems["not_found"] == 3  # agendaitem/15569, meeting/243, gen/meeting/999
    assert summary.errors == 3
    logged = [e for e in logs if e["event"] == "oparl_problem"]
    retried = {(e["url"], e["detail"].split(";")[0]) for e in logged if e["problem"] == "retried"}
    assert {
        (f"{sync.base}/gen/body/1/papers?page=2", "HTTP 500"),
        (f"{sync.base}/gen/organization/alias-3", "timed out"),
    } <= retried
    assert all(e["url"].startswith(sync.base) for e in logged)
    assert {e["problem"] for e in logged} == set(problems)

    assert world.log().count("/gen/body/1/papers?page=2") == 3
    service = sync.service()
    assert service.find("DS/0002/XX", GEN).title == "DS/0002/XX"  # "   " name, "N/A" type
    assert service.find("DS/0002/XX", GEN).kind is None
    assert service.find("DS/0005/XX", GEN).title == "Radweg Konzept Ortsteil 5"
    assert service.find("DS/0006/XX", GEN).office == "Abteilung Stadtentwicklung"  # via alias
    assert service.find("DS/0007/XX", GEN).consultations[0].on is None  # its meeting 404s
    assert service.find("DS/0004/XX", GEN).decision is not None  # a paper without type
    stored = sync.mirror.get(f"{sync.base}/gen/paper/5")
    assert stored is not None
    assert stored.data["web"] == f"{sync.base}/gen/paper/vo020.asp?VOLFDNR=5"
    aux = sync.mirror.get(f"{sync.base}/gen/paper/3")
    assert aux is not None and isinstance(aux.data["auxiliaryFile"], list)


def test_second_sync_fetches_and_appends_only_the_change_third_appends_nothing(
    sync: Runner, world: OParlWorld
) -> None:
    sync(at=T1)
    head = sync.head()
    changed = gen_paper(1, modified="2015-06-02T10:00:00+02:00")
    changed["name"] = "Sichere Radwege im Ortsteil 1 (neue Fassung)"
    world.replace(f"{BASE}/gen/body/1/papers", changed)
    world.clear_log()

    second = sync(at=T2)
    assert second.total("seen") == 1
    assert (second.total("changed"), second.total("new"), second.total("deleted")) == (1, 0, 0)
    assert second.events == 1 and second.motions_updated == 1
    [entry] = list(sync.service().log(start=head + 1))
    assert isinstance(entry.event, Corrected)
    assert entry.event.value == "Sichere Radwege im Ortsteil 1 (neue Fassung)"
    lists = [t for t in world.log() if "modified_since" in t]
    others = [t for t in world.log() if "modified_since" not in t]
    assert others == ["/", "/bodies"]  # no object was fetched one by one
    assert {query(t)["modified_since"][0] for t in lists} == {"2015-05-31T23:00:00+00:00"}

    world.clear_log()
    third = sync(at=T3)
    assert third.events == 0
    assert (third.total("seen"), third.total("new"), third.total("changed")) == (0, 0, 0)
    assert sync.head() == head + 1
    # strip microseconds: T2 was 12:00:00.123456
    assert {query(t)["modified_since"][0] for t in world.log() if "modified_since" in t} == {
        "2015-06-03T11:00:00+00:00"
    }


def test_a_tombstone_withdraws_the_motion_once(sync: Runner, world: OParlWorld) -> None:
    sync(at=T1)
    world.replace(f"{BASE}/body/0/papers/", tombstone_699())
    second = sync(at=T2, full=True)
    assert second.total("deleted") == 1
    assert second.motions_withdrawn == 1
    motion = sync.service().find("1200/2014", KOELN)
    assert motion.withdrawn_on == date(2014, 4, 5)
    last = sync.service().history(motion.id)[-1]
    assert isinstance(last, Withdrawn)
    assert last.reason == f"deleted in the OParl source ({sync.base}/paper/699)"
    assert last.provenance.detail == "2014-04-05T09:00:00+02:00"

    head = sync.head()
    third = sync(at=T3, full=True)
    assert (third.events, third.total("deleted"), sync.head()) == (0, 0, head)


def test_a_next_link_that_drops_modified_since_gets_it_back(
    sync: Runner, world: OParlWorld
) -> None:
    sync(at=T1)
    meetings = f"{BASE}/gen/body/1/meetings"
    world.page_size[path_of(meetings)] = 1
    world.drop_filter.add(path_of(meetings))
    papers = range(1, 8)
    for m in (0, 1):
        meeting = gen_meeting(m, papers)
        meeting["name"] += " (Nachtrag)"
        meeting["modified"] = "2015-06-02T10:00:00+02:00"
        world.replace(meetings, meeting)
    world.clear_log()

    summary = sync(at=T2)
    asked = [t for t in world.log() if t.startswith("/gen/body/1/meetings")]
    assert len(asked) == 2
    assert all("modified_since" in query(t) for t in asked)
    assert summary.lists[f"{sync.base}/gen/body/1 meeting"].seen == 2  # not meeting 2 as well
    assert summary.problems["filter_dropped"] == 1


def test_an_agenda_item_that_changes_records_the_new_decision(
    sync: Runner, world: OParlWorld
) -> None:
    sync(at=T1)
    item = example("AgendaItem-01.json")
    item.update(result="abgelehnt", modified="2015-06-02T10:00:00+02:00")
    item.pop("resolutionText")
    world.replace(f"{BASE}/body/0/agendaItems/", item)

    summary = sync(at=T2)
    assert summary.events == 2  # the consultation's new result and the decision
    motion = sync.service().find("1300/2014", KOELN)
    assert motion.decision is not None and motion.decision.outcome is Outcome.REJECTED
    decision = [e for e in sync.service().history(motion.id) if isinstance(e, DecisionRecorded)]
    assert decision[-1].provenance.detail == "2015-06-02T10:00:00+02:00"


def test_a_page_failing_beyond_the_retries_leaves_its_list_incomplete(
    sync: Runner, world: OParlWorld
) -> None:
    world.failures["/gen/body/1/papers?page=3"] = 10
    options = ClientOptions(timeout=0.5, retries=2, backoff=0.01, rate=0, concurrency=2)
    first = sync(at=T1, options=options)
    body1 = f"{sync.base}/gen/body/1"
    assert first.incomplete == [f"{body1} paper"]
    assert first.problems["list_failed"] == 1
    assert world.log().count("/gen/body/1/papers?page=3") == 3  # 1 + 2 retries, bounded
    assert sync.mirror.last_started(body1, "paper") is None
    assert sync.mirror.last_started(body1, "meeting") == T1
    assert sync.service().find("DS/0001/XX", GEN)  # the pages before were recorded

    world.failures.clear()
    world.clear_log()
    second = sync(at=T2)
    assert not second.incomplete
    papers = [t for t in world.log() if t.startswith("/gen/body/1/papers")]
    assert all("modified_since" not in t for t in papers)  # read again from the start
    assert second.motions_new == 3  # papers 5 and 6 (page 3) and 7 (page 4)
    assert sync.service().find("DS/0007/XX", GEN)


def test_an_oparl_1_0_server_with_the_real_leipzig_page(sync: Runner, world: OParlWorld) -> None:
    summary = sync("/leipzig/system", at=T1)
    motion = sync.service().find("DS-00029/14", "Stadt Leipzig")
    assert motion.title == (
        "Konzept der Stadt Leipzig zur fairen und nachhaltigen Beschaffung (eRis: DS V/3966)"
    )
    assert (motion.kind, motion.state) == ("Informationsvorlage", "SN")
    assert summary.motions_new == 3
    assert summary.problems["relative_web"] == 3
    stored = sync.mirror.get(f"{sync.base}/bi/oparl/1.0/papers.asp?id=1000030")
    assert stored is not None
    assert stored.data["web"] == f"{sync.base}/bi/oparl/1.0/N/Avo020.asp?VOLFDNR=1000030"

    world.clear_log()
    sync("/leipzig/system", at=T2, overlap=timedelta(hours=1))
    since = {query(t)["modified_since"][0] for t in world.log() if "modified_since" in t}
    assert since == {(T1 - timedelta(days=14)).isoformat()}  # the large 1.0 overlap


def test_only_the_named_body_is_synced(sync: Runner) -> None:
    summary = sync(at=T1, body="Generatia")
    assert summary.bodies == [f"{sync.base}/gen/body/1"]
    assert summary.motions_new == 7


def test_a_run_that_dies_half_way_loses_nothing(sync: Runner) -> None:
    calls: list[str] = []

    def dying_reader(text: str, *args: Any) -> Obligations:
        calls.append(text)
        if len(calls) == 2:
            raise StorageError("the disk went away")
        return read_obligations(text, *args)

    with pytest.raises(StorageError):
        sync(at=T1, body="Generatia", reader=dying_reader)
    body1 = f"{sync.base}/gen/body/1"
    assert sync.mirror.last_started(body1, "paper") is None
    assert len(_motions(sync)) == 3  # papers 1-3; paper 4 (the second text read) died

    second = sync(at=T2, body="Generatia")
    assert second.total("seen") == 13  # the list state was not advanced: all again
    assert second.total("new") == 0  # ... but the mirror already held every object
    assert second.motions_new == 4
    assert {m.reference for m in _motions(sync)} == {f"DS/{i:04d}/XX" for i in range(1, 8)}
    assert sync.mirror.pending_papers(body1) == []


def _motions(sync: Runner) -> list[Motion]:
    service = sync.service()
    return [service.get(mid) for mid in {e.motion_id for e in service.log()}]


def test_a_paper_that_cannot_be_recorded_is_counted_and_the_rest_go_on(
    sync: Runner, world: OParlWorld
) -> None:
    broken = gen_paper(99)
    del broken["reference"]
    world.add_to_list(f"{BASE}/gen/body/1/papers", broken)
    with capture_logs() as logs:
        summary = sync(at=T1, body="Generatia")
    assert summary.problems["record_failed"] == 1
    assert summary.motions_new == 7
    [failed] = [e for e in logs if e.get("problem") == "record_failed"]
    assert failed["url"] == f"{sync.base}/gen/paper/99"
    assert "no reference" in failed["detail"]
    assert sync.mirror.pending_papers(f"{sync.base}/gen/body/1") == []  # not retried forever


def test_a_consultation_changed_in_its_own_list_wins_over_the_copy_in_the_paper(
    sync: Runner, world: OParlWorld
) -> None:
    sync(at=T1, body="Generatia")
    newer = gen_paper(5)["consultation"][0] | {
        "role": "Vorberatung",
        "modified": "2015-06-02T10:00:00+02:00",
    }
    world.add_to_list(f"{BASE}/gen/body/1/consultations", newer)

    summary = sync(at=T2, body="Generatia")
    assert (summary.total("seen"), summary.events) == (1, 1)
    motion = sync.service().find("DS/0005/XX", GEN)
    assert [c.role for c in motion.consultations] == ["Entscheidung", "Vorberatung"]
