"""Worlds for the local OParl server: the spec's examples, a generated body, Leipzig 1.0.

* ``/`` is the System of the OParl specification's examples (1.1). Its bodies: ``body/0``
  (the spec's Body with its example Organization, Meeting, AgendaItem, Consultation, File
  and Paper, plus a few generated objects that complete the picture) and ``gen/body/1``
  (generated papers with every quirk of real servers).
* ``/leipzig/system`` is an OParl 1.0 system whose paper list holds the real Leipzig page.

Objects are written against :data:`BASE`; see :mod:`.server`.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from tests.integration.oparl.server import BASE, OParlWorld, path_of

DATA = Path(__file__).resolve().parents[2] / "data" / "oparl"
V11 = "https://schema.oparl.org/1.1/"
V10 = "https://schema.oparl.org/1.0/"

BODY0 = f"{BASE}/body/0"
BODY1 = f"{BASE}/gen/body/1"
LEIPZIG_SYSTEM = f"{BASE}/leipzig/system"
LEIPZIG_BODY = f"{BASE}/bi/oparl/1.0/bodies.asp?id=2387"

#: The result wordings of the generated papers, by paper number modulo 4.
RESULTS = ("ohne Änderungen beschlossen", "abgelehnt", "vertagt", None)
RESOLUTION = (
    "Das Bezirksamt wird ersucht, die Radwege im Ortsteil bis zum 31.12.2015 zu sanieren. "
    "Der BVV ist ab dem 1. Juli 2015 halbjährlich zu berichten."
)


def example(name: str) -> Any:
    """An example file with its hosts moved to :data:`BASE`."""
    text = (DATA / name).read_text(encoding="utf-8")
    text = text.replace("https://oparl.example.org", BASE)
    text = text.replace("https://ratsinfo.leipzig.de", BASE)
    return json.loads(text)


def _org(oid: str, name: str, v: str = V11) -> dict[str, Any]:
    return {
        "id": oid,
        "type": f"{v}Organization",
        "name": name,
        "created": "2012-01-01T00:00:00+01:00",
        "modified": "2012-01-01T00:00:00+01:00",
    }


def spec_body(world: OParlWorld) -> dict[str, Any]:
    """Body 0: the specification's example objects and a generated paper 900 and 699."""
    body: dict[str, Any] = example("Body-01.json")
    world.put(body)
    lists = {k: body[k] for k in ("organization", "meeting", "paper", "agendaItem")}
    lists |= {k: body[k] for k in ("consultation", "file")}
    for org in (
        example("Organization-01.json"),
        _org(f"{BASE}/organization/96", "Rat der Stadt Köln"),
        _org(f"{BASE}/organization/2000", "Dezernat II - Finanzen"),
    ):
        world.add_to_list(lists["organization"], org)
    world.add_to_list(lists["meeting"], example("Meeting-01.json"))
    world.add_to_list(lists["agendaItem"], example("AgendaItem-01.json"))
    world.add_to_list(lists["file"], example("File-01.json"))
    world.add_to_list(lists["consultation"], example("Consultation-01.json"))
    world.add_to_list(
        lists["consultation"],
        {
            "id": f"{BASE}/consultation/1034",
            "type": f"{V11}Consultation",
            "paper": f"{BASE}/paper/900",
            "agendaItem": f"{BASE}/agendaitem/3271",
            "meeting": f"{BASE}/meeting/281",
            "organization": [f"{BASE}/organization/34"],
            "authoritative": True,
            "role": "Entscheidung",
            "created": "2012-01-06T12:01:00+01:00",
            "modified": "2012-01-08T14:05:27+01:00",
        },
    )
    world.add_to_list(lists["paper"], example("Paper-01.json"))
    world.add_to_list(lists["paper"], alive_699())
    world.add_to_list(
        lists["paper"],
        {
            "id": f"{BASE}/paper/900",
            "type": f"{V11}Paper",
            "body": BODY0,
            "name": "Satzungsänderung für Ausschreibungen",
            "reference": "1300/2014",
            "date": "2012-12-10",
            "paperType": "Beschlussvorlage",
            "consultation": [f"{BASE}/consultation/1034"],
            "underDirectionOf": [f"{BASE}/organization/2000"],
            "created": "2012-12-10T09:00:00+01:00",
            "modified": "2012-12-10T09:00:00+01:00",
        },
    )
    return body


def alive_699() -> dict[str, Any]:
    """Paper 699 before the tombstone of the assembled list page replaced it."""
    return {
        "id": f"{BASE}/paper/699",
        "type": f"{V11}Paper",
        "body": BODY0,
        "name": "Anfrage 1200/2014 zu Ausschreibungen",
        "reference": "1200/2014",
        "date": "2013-01-08",
        "paperType": "Anfrage",
        "created": "2013-01-08T12:05:27+01:00",
        "modified": "2013-01-08T12:05:27+01:00",
    }


def tombstone_699() -> dict[str, Any]:
    """The soft-deleted paper 699 exactly as on the assembled list page."""
    page = example("PaperList-page-assembled.json")
    tomb: dict[str, Any] = page["data"][1]
    return tomb


def gen_paper(i: int, *, modified: str | None = None) -> dict[str, Any]:
    """Generated paper ``i`` of body 1, with its consultation embedded."""
    return {
        "id": f"{BASE}/gen/paper/{i}",
        "type": f"{V11}Paper",
        "body": BODY1,
        "name": f"Sichere Radwege im Ortsteil {i}",
        "reference": f"DS/{i:04d}/XX",
        "date": f"2015-01-{1 + i % 28:02d}",
        "paperType": "Antrag",
        "underDirectionOf": [f"{BASE}/gen/organization/3"],
        "consultation": [
            {
                "id": f"{BASE}/gen/consultation/{i}",
                "type": f"{V11}Consultation",
                "paper": f"{BASE}/gen/paper/{i}",
                "agendaItem": f"{BASE}/gen/agendaitem/{i}",
                "meeting": f"{BASE}/gen/meeting/{i // 3}",
                "organization": [f"{BASE}/gen/organization/1"],
                "authoritative": True,
                "role": "Entscheidung",
                "created": "2015-01-01T10:00:00+01:00",
                "modified": "2015-01-01T10:00:00+01:00",
            }
        ],
        "created": "2015-01-01T10:00:00+01:00",
        "modified": modified or f"2015-02-{1 + i % 28:02d}T10:00:00+01:00",
    }


def gen_agenda_item(i: int) -> dict[str, Any]:
    """The agenda item that decided paper ``i`` (no result for every fourth)."""
    item: dict[str, Any] = {
        "id": f"{BASE}/gen/agendaitem/{i}",
        "type": f"{V11}AgendaItem",
        "meeting": f"{BASE}/gen/meeting/{i // 3}",
        "consultation": f"{BASE}/gen/consultation/{i}",
        "number": str(i),
        "name": f"Sichere Radwege im Ortsteil {i}",
        "public": True,
        "created": "2015-01-01T10:00:00+01:00",
        "modified": "2015-03-01T10:00:00+01:00",
    }
    result = RESULTS[i % 4]
    if result is not None:
        item["result"] = result
    if result == RESULTS[0]:
        item["resolutionText"] = RESOLUTION
    return item


def gen_meeting(m: int, papers: range) -> dict[str, Any]:
    """Meeting ``m`` of the BVV with the agenda items of its papers embedded."""
    return {
        "id": f"{BASE}/gen/meeting/{m}",
        "type": f"{V11}Meeting",
        "name": f"{m + 1}. Sitzung der BVV",
        "start": f"2015-03-{1 + m % 28:02d}T17:00:00+01:00",
        "organization": [f"{BASE}/gen/organization/1"],
        "agendaItem": [gen_agenda_item(i) for i in papers if i // 3 == m],
        "created": "2015-01-01T10:00:00+01:00",
        "modified": "2015-03-01T10:00:00+01:00",
    }


def generated_body(world: OParlWorld, n: int, *, quirks: bool = True) -> dict[str, Any]:
    """Body 1: ``n`` generated papers (``gen/paper/1..n``), with the quirks when asked."""
    body = {
        "id": BODY1,
        "type": f"{V11}Body",
        "system": f"{BASE}/",
        "name": "Bezirksverordnetenversammlung Generatia",
        "shortName": "Generatia",
        "ags": "11000000",
        "organization": f"{BASE}/gen/body/1/organizations",
        "meeting": f"{BASE}/gen/body/1/meetings",
        "paper": f"{BASE}/gen/body/1/papers",
        "agendaItem": f"{BASE}/gen/body/1/agendaItems",
        "consultation": f"{BASE}/gen/body/1/consultations",
        "file": f"{BASE}/gen/body/1/files",
        "created": "2015-01-01T00:00:00+01:00",
        "modified": "2015-01-01T00:00:00+01:00",
    }
    world.put(body)
    for k, name in ((1, "Bezirksverordnetenversammlung"), (2, "Ausschuss für Verkehr")):
        world.add_to_list(body["organization"], _org(f"{BASE}/gen/organization/{k}", name))
    world.add_to_list(
        body["organization"], _org(f"{BASE}/gen/organization/3", "Abteilung Stadtentwicklung")
    )
    papers = range(1, n + 1)
    for m in range(0, n // 3 + 1):
        world.add_to_list(body["meeting"], gen_meeting(m, papers))
    world.lists.setdefault(path_of(body["consultation"]), [])
    for i in papers:
        world.add_to_list(body["paper"], gen_paper(i))
    if quirks:
        add_quirks(world, body)
    return body


def add_quirks(world: OParlWorld, body: dict[str, Any]) -> None:
    """Break body 1 the ways real servers are broken (papers 2-7 must exist)."""
    papers = body["paper"]
    p2 = gen_paper(2)
    p2["paperType"], p2["name"] = "N/A", "   "
    world.replace(papers, p2)
    p3 = gen_paper(3)
    p3["auxiliaryFile"] = {
        "id": f"{BASE}/gen/file/3",
        "type": f"{V11}File",
        "name": "Anlage",
        "text": "Anlage zum Antrag",
    }
    world.replace(papers, p3)
    p4 = gen_paper(4)
    del p4["type"]
    world.replace(papers, p4)
    p5 = gen_paper(5)
    p5["web"] = "vo020.asp?VOLFDNR=5"
    p5["name"] = "Radweg\u000bKonzept\u0007 Ortsteil 5"
    world.replace(papers, p5)
    p6 = gen_paper(6)
    p6["underDirectionOf"] = [f"{BASE}/gen/organization/alias-3"]
    world.replace(papers, p6)
    world.objects["/gen/organization/alias-3"] = _org(
        f"{BASE}/gen/organization/3", "Abteilung Stadtentwicklung"
    )
    world.delays["/gen/organization/alias-3"] = [1.0]
    p7 = gen_paper(7)
    p7["consultation"][0]["meeting"] = f"{BASE}/gen/meeting/999"
    world.replace(papers, p7)
    world.raw_controls.add(path_of(papers))
    world.failures[path_of(papers) + "?page=2"] = 2
    world.not_found_lists.add(path_of(body["file"]))
    world.bare_lists.add(path_of(body["agendaItem"]))


def leipzig(world: OParlWorld) -> None:
    """An OParl 1.0 system whose paper list's second page is the real Leipzig page."""
    papers = f"{BASE}/bi/oparl/1.0/papers.asp?body=2387"
    world.put(
        {
            "id": LEIPZIG_SYSTEM,
            "type": f"{V10}System",
            "oparlVersion": V10,
            "name": "Ratsinformationssystem Leipzig (1.0)",
            "body": f"{BASE}/leipzig/bodies",
        }
    )
    world.objects["/leipzig/bodies"] = {
        "data": [
            {
                "id": LEIPZIG_BODY,
                "type": f"{V10}Body",
                "name": "Stadt Leipzig",
                "ags": "14713000",
                "paper": papers,
                "organization": f"{BASE}/bi/oparl/1.0/organizations.asp?body=2387",
                "meeting": f"{BASE}/bi/oparl/1.0/meetings.asp?body=2387",
            }
        ],
        "links": {},
    }
    world.not_found_lists.add("/bi/oparl/1.0/organizations.asp")
    world.bare_lists.add("/bi/oparl/1.0/meetings.asp")
    first = {
        "id": f"{BASE}/bi/oparl/1.0/papers.asp?id=1000029",
        "type": f"{V10}Paper",
        "name": "Haushaltssatzung 2015",
        "reference": "DS-00028/14",
        "paperType": "Beschlussvorlage",
        "date": "2014-09-02",
        "web": "N/Avo020.asp?VOLFDNR=1000029",
        "created": "2014-07-20T12:00:00+02:00",
        "modified": "2014-09-02T10:00:00+02:00",
    }
    world.objects[path_of(papers)] = {
        "data": [first],
        "pagination": {"elementsPerPage": 20},
        "links": {"next": papers + "&p=2"},
    }
    world.objects[path_of(papers + "&p=2")] = example("PaperList-page-leipzig-real.json")
    last = copy.deepcopy(first)
    last.update(id=f"{BASE}/bi/oparl/1.0/papers.asp?id=1000031", reference="DS-00030/14")
    del last["type"]
    world.objects[path_of(papers + "&p=3")] = {
        "data": [last],
        "pagination": {"elementsPerPage": 20},
        "links": {"prev": papers + "&p=2"},
    }


def build(n: int = 7, *, quirks: bool = True) -> OParlWorld:
    """The whole world: the spec system (bodies 0 and 1) and Leipzig."""
    world = OParlWorld()
    system = example("System-01.json")
    world.put(system)
    bodies_url = system["body"]
    world.objects[path_of(bodies_url)] = {"data": [], "links": {}}
    world.lists[path_of(bodies_url)] = [spec_body(world), generated_body(world, n, quirks=quirks)]
    leipzig(world)
    return world
