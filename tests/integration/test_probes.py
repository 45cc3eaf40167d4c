"""The reader on the hand-written probe excerpts (tests/data/probes, decision 0027): ratchets
per set and half, so that no change makes it worse unnoticed. Half B is held out: only these
aggregates are looked at."""

from __future__ import annotations

import pytest

from tests.corpus.probes import probes, scored, sets

#: (set, half) -> (obligations found at least, silent misses at most, traps at most), shares;
#: measured at the end of the tenth session (docs/benchmarks.md), less a small margin; tightened
#: at the end of the thirteenth (found up on both halves of every set, traps down on sets 2 and 3)
#: and the sixteenth (traps down on set2 B and set3 B); set7 tightened in the seventeenth; in the
#: eighteenth the held-out traps fell on sets 3, 4, 8, 10 and 11 (B), and their floors followed;
#: in the nineteenth found rose on set2 B and set11 B and traps fell on sets 3, 8, 10, 11 and 13
#: (B), and their floors followed; in the twentieth the held-out traps fell on sets 10, 13, 16
#: and 17 (B), and their floors followed; in the twenty-first found rose on sets 1, 6 and 10 (B)
#: and traps fell on sets 10 and 15 (B), and their floors followed; in the twenty-second traps
#: fell on sets 12, 15, 17 and 25 (B), and their floors followed; in the twenty-third silent
#: misses fell on sets 12, 26, 27, 28 and 29 (B) and found rose and traps fell on set 29 (B), and
#: their floors followed; in the twenty-fourth traps fell on sets 14, 18, 19, 20, 21 and 22 (B),
#: and their floors followed.
FLOORS: dict[tuple[str, str], tuple[float, float, float]] = {
    ("set1", "A"): (0.89, 0.02, 0.03),
    ("set1", "B"): (0.80, 0.08, 0.05),
    ("set2", "A"): (0.90, 0.03, 0.07),
    ("set2", "B"): (0.72, 0.12, 0.23),
    ("set3", "A"): (0.93, 0.03, 0.15),
    ("set3", "B"): (0.82, 0.06, 0.11),
    # the sixteenth session's sets (records, a random stream, news pages, small councils'
    # minutes), measured at its end less a margin
    ("set4", "A"): (0.82, 0.03, 0.12),
    ("set4", "B"): (0.79, 0.03, 0.12),
    ("set5", "A"): (0.95, 0.03, 0.13),
    ("set5", "B"): (0.55, 0.08, 0.27),
    ("set6", "A"): (0.86, 0.07, 0.24),
    ("set6", "B"): (0.73, 0.11, 0.22),
    ("set7", "A"): (0.85, 0.03, 0.20),
    ("set7", "B"): (0.90, 0.03, 0.16),
    # the seventeenth session's sets (minutes, gazette pages, Vorlagen; news pages and the
    # pages of council information systems; questions with answers, large councils' records;
    # damaged PDF text, small councils of the East and the South),
    # measured at its end less a margin
    ("set8", "A"): (0.88, 0.03, 0.12),
    ("set8", "B"): (0.90, 0.08, 0.18),
    ("set9", "A"): (0.95, 0.03, 0.10),
    ("set9", "B"): (0.90, 0.03, 0.12),
    ("set10", "A"): (0.92, 0.03, 0.20),
    ("set10", "B"): (0.93, 0.03, 0.30),
    ("set11", "A"): (0.84, 0.03, 0.16),
    ("set11", "B"): (0.85, 0.10, 0.11),
    # the eighteenth session's sets (follow-up lists and status papers; sub-municipal and
    # advisory bodies, citizens' motions; money, plans and procedures; counties, regions and
    # associations), measured at its end less a margin
    # (set12 A's silent share loosened by one document in the nineteenth: a record's next item
    # now ends its resolution, and the doubt that had flagged that document went with it)
    ("set12", "A"): (0.80, 0.03, 0.12),
    ("set12", "B"): (0.72, 0.03, 0.20),
    # (motions of groups; council-system pages as crawled; press releases and newspapers;
    # committee minutes)
    ("set13", "A"): (0.92, 0.02, 0.04),
    # (set13 B's trap share loosened by two traps in the twenty-fifth session: a request's items
    # in the active are read now, which found four held-out obligations elsewhere)
    ("set13", "B"): (0.93, 0.02, 0.17),
    # (verbatim records of large councils; schools, childcare and social matters; transport
    # and building works; council papers as OCR returns them from scans)
    ("set14", "A"): (0.85, 0.03, 0.08),
    ("set14", "B"): (0.85, 0.05, 0.15),
    # the nineteenth session's sets, measured at its end less a margin: municipal companies
    # and associations; the administration's own organisation; letters and e-mails; the
    # city-states' districts
    ("set15", "A"): (0.79, 0.02, 0.20),
    ("set15", "B"): (0.72, 0.02, 0.28),
    # (environment and climate; tables and lists as extracted; citizens and advisory bodies; a
    # random stream of small municipalities)
    ("set16", "A"): (0.72, 0.08, 0.11),
    ("set16", "B"): (0.69, 0.02, 0.39),
    # (fire brigades; culture, sport and tourism; economy and real estate; land-use planning;
    # the administration's announcements in sessions)
    ("set17", "A"): (0.75, 0.03, 0.23),
    ("set17", "B"): (0.81, 0.04, 0.18),
    # the twentieth session's sets, measured at its end less a margin: minutes excerpts,
    # invitations and notices, contracts and procurement, social matters
    ("set18", "A"): (0.89, 0.03, 0.23),
    ("set18", "B"): (0.88, 0.04, 0.18),
    # (audit and control; elections and organisation; the administration's statements; status
    # reports)
    ("set19", "A"): (0.71, 0.02, 0.23),
    ("set19", "B"): (0.63, 0.09, 0.18),
    # (district and local sub-bodies; budget matters; long whole-session minutes; building
    # applications; attachments)
    ("set20", "A"): (0.85, 0.04, 0.24),
    ("set20", "B"): (0.81, 0.04, 0.31),
    # the twenty-first session's sets, measured at its end less a margin: the councils of
    # Hessen, Niedersachsen, Bayern, Brandenburg and its neighbours, Baden-Württemberg
    ("set21", "A"): (0.85, 0.02, 0.19),
    ("set21", "B"): (0.80, 0.07, 0.25),
    # (urgent decisions and objections; aims in agreements and speeches; work programmes;
    # committees' recommendations; the administration's periodic reports)
    ("set22", "A"): (0.93, 0.02, 0.29),
    ("set22", "B"): (0.88, 0.07, 0.33),
    # (the councils of Sachsen and Thüringen, Nordrhein-Westfalen, Rheinland-Pfalz and Saarland,
    # Schleswig-Holstein and the city-states)
    ("set23", "A"): (0.94, 0.02, 0.22),
    ("set23", "B"): (0.88, 0.03, 0.25),
    # (calendars and schedules; local newspapers; questions with a term for the answer; notes
    # and to-do lists of bodies that are not the council)
    ("set24", "A"): (0.78, 0.02, 0.12),
    ("set24", "B"): (0.74, 0.06, 0.31),
    # (counties; large cities' own formats; Berlin's district assemblies; statutes and fees)
    ("set25", "A"): (0.79, 0.03, 0.21),
    ("set25", "B"): (0.83, 0.02, 0.15),
    # (groups' newsletters; a random stream of one town; attachments; budget consolidation)
    ("set26", "A"): (0.89, 0.02, 0.24),
    ("set26", "B"): (0.73, 0.04, 0.14),
    # the twenty-second session's sets, measured at its end less a margin: (groups' requests to
    # examine and report; motions in their procedural forms; resolutions charging the
    # administration; postponements; mirrors' and crawlers' text; promises in minutes; groups'
    # lists of their motions; small councils' minutes)
    ("set27", "A"): (0.83, 0.03, 0.17),
    ("set27", "B"): (0.72, 0.03, 0.15),
    # (a county's random stream; gazettes' summaries of decisions; the administration's
    # statements with timetables; delivered reports; times in all their spellings; large
    # councils' records; finance committees; advisory councils)
    ("set28", "A"): (0.74, 0.02, 0.10),
    ("set28", "B"): (0.68, 0.03, 0.10),
    # (press releases; citizens' assemblies; collegial executives; schools and childcare;
    # municipal enterprises; public notices and participation; written questions and answers;
    # papers through several bodies)
    ("set29", "A"): (0.73, 0.05, 0.11),
    ("set29", "B"): (0.69, 0.05, 0.18),
    # the twenty-third session's sets, measured at its end less a margin: (groups' web pages on
    # their motions; small municipalities' gazettes; agenda-item pages of council systems;
    # document mirrors' text; answers to written questions; motions on one concrete subject;
    # the stream of an Amt or Verbandsgemeinde; local newspapers)
    ("set30", "A"): (0.69, 0.04, 0.16),
    ("set30", "B"): (0.70, 0.03, 0.17),
    # (motions in their many phrasings; groups' session reports; minutes excerpts of one item;
    # the mayor's reports; sub-municipal bodies; the administration's Vorlagen; a county's
    # random stream; short notices of decisions)
    ("set31", "A"): (0.71, 0.03, 0.10),
    ("set31", "B"): (0.75, 0.05, 0.12),
    # (groups' social-media posts; municipal newsletters; small councils' minutes of many items;
    # invitations with notes per item; special-purpose associations; annual and activity reports;
    # the administration's lists of what became of decisions; programmes and budget speeches)
    ("set32", "A"): (0.78, 0.03, 0.18),
    ("set32", "B"): (0.74, 0.05, 0.17),
    # the twenty-fourth session's sets, measured at its end less a margin: (certified excerpts
    # of single decisions; the administration's statements on motions; information papers;
    # a large city's OParl file texts; report duties in all their wordings; unusual time
    # expressions; Hessen's Ortsbeiräte and Magistrat; Bavarian minutes and gazettes)
    ("set33", "A"): (0.80, 0.03, 0.17),
    ("set33", "B"): (0.83, 0.03, 0.17),
    # (press releases; session reports in gazettes; counties' records; reports answering
    # orders; letters and e-mails; a large city's questions and motions with statements; a
    # random stream in Nordrhein-Westfalen; small towns in Thüringen and Sachsen-Anhalt)
    ("set34", "A"): (0.80, 0.03, 0.19),
    ("set34", "B"): (0.83, 0.04, 0.12),
    # the twenty-fifth session's sets, measured at its end less a margin: (Ortsbeiräte and
    # Ortschaftsräte; follow-up lists and their deadline extensions; land-use planning; budgets
    # and finances; a county's random stream; schools and childcare in the East; written
    # questions and answers; climate and mobility in the West)
    ("set35", "A"): (0.90, 0.03, 0.24),
    ("set35", "B"): (0.86, 0.03, 0.23),
    # (groups' pages on the last session; towns' short news on it; local newspapers; the mayor's
    # reports in minutes; a city's random stream; counties' press releases)
    ("set36", "A"): (0.95, 0.03, 0.30),
    ("set36", "B"): (0.92, 0.03, 0.18),
    # (Berlin's and Hamburg's district assemblies; Niedersachsen; Baden-Württemberg; youth,
    # social and health committees; municipal enterprises; postponements in every form; PDF
    # text; Schleswig-Holstein's and Mecklenburg-Vorpommern's Gemeinden and Ämter)
    ("set37", "A"): (0.95, 0.03, 0.20),
    ("set37", "B"): (0.92, 0.03, 0.25),
}


def test_every_set_has_its_floors() -> None:
    assert {key for key in FLOORS} == {(name, half) for name in sets() for half in "AB"}


@pytest.mark.parametrize(
    ("name", "half"), sorted(FLOORS), ids=[f"{n}-{h}" for n, h in sorted(FLOORS)]
)
def test_probes_keep_their_floors(name: str, half: str) -> None:
    s = scored([p for p in probes(name) if p.half == half])
    found, silent, traps = FLOORS[(name, half)]
    assert s.share("found") >= found, f"found {s.found}/{s.required}"
    assert s.share("silent") <= silent, f"silent {s.silent}/{s.required}"
    assert s.share("traps") <= traps, f"traps {s.traps}/{s.predicted}"
