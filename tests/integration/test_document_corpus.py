"""The reader against real council documents annotated by hand (see tests/corpus/corpus.py).

Every document is read (none refused) and scored with the repository's scorer, which has the
semantics of ``../shared/tools/score_extraction.py``; under CI the shared scorer must agree.
The floors below are ratchets: measured values less a small margin, raised as the reader
improves, so that no change makes it worse unnoticed. On the frozen ``test`` split only the
aggregate numbers are printed: its failures are not to be read while tuning the reader.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.corpus.corpus import REPO, Entry, entries, of_split, split_of
from tests.corpus.scoring import Score, score
from tracker.documents import extract_file

#: Floors per split: (field score, obligations found, silent misses at most, review load at
#: most, traps at most).
FLOORS: dict[str, tuple[float, float, float, float, float]] = {
    # measured 2026-12-06 (end of the seventh session, docs/benchmarks.md) on 301 documents
    # (uns1 and uns2 included): 0.839, 0.861, 0.009, 0.306, 0.028; after the uncertainty
    # signal (decision 0021): 0.840, 0.861, 0.000, 0.322, 0.023; after the doubt rules
    # (decision 0023): 0.840, 0.861, 0.000, 0.322, 0.011 (traps ratcheted to 0.02).
    # Reader fields by structure (decision 0022): field score 0.890, the rest unchanged.
    # Eighth session: twelve new batches (uns3-uns6, ops1-ops4, frist2-frist5) joined both
    # splits (542 dev documents); at the session's end 0.846, 0.833, 0.040, 0.312, 0.022.
    # Ninth session: ten more batches (uns7-uns12, frist6-frist8, ops5) joined both splits (684
    # dev documents, 142 of them new, found 9/26 by the start reader); at the session's end
    # 0.846, 0.830, 0.045, 0.285, 0.011 (the 542 of the session start: 0.857, 0.847, 0.033,
    # 0.304, 0.013).
    # Tenth session: eleven more batches (frist9-frist11, ops6-ops8, uns13-uns16, git1) joined
    # both splits (816 dev documents, 132 of them new, found 8/14 by the start reader); at the
    # session's end 0.838, 0.832, 0.047, 0.284, 0.014 (the 684 of the session start: 0.849,
    # 0.830, 0.045, 0.289, 0.011).
    # Eleventh session: twenty-one more batches (frist12-frist15, ops9-ops12, uns17-uns29) joined
    # both splits (1,018 dev documents, 202 of them new, found 28/69 by the start reader). The
    # start reader scores 0.792, 0.718, 0.112, 0.288, 0.066 on the whole dev split, the end reader
    # 0.801, 0.772, 0.066, 0.293, 0.042 (the 816 of the session start: 0.839, 0.832, 0.047,
    # 0.286, 0.014 as before): the new documents, not the reader, moved the floors.
    # Twelfth session: seventeen more batches (uns30-uns42, frist16, frist17, ops13, ops14;
    # mostly random draws, few obligations) joined both splits (1,099 dev documents, 81 new).
    # The start reader scores 0.793, 0.771, 0.069, 0.288, 0.061 on the whole dev split (8 traps
    # of 21 predictions on the new halves), the end reader 0.808, 0.771, 0.069, 0.288, 0.053: the
    # trap ceiling moves to 0.055 with the new documents.
    # Thirteenth session: eleven more batches (frist18-frist20, ops15, ops16, uns43-uns48; 96
    # documents, 47 dev) joined. Start reader on the whole dev split 0.806, 0.774, 0.068, 0.284,
    # 0.062; end reader 0.816, 0.789, 0.064, 0.285, 0.042 (the 1,099 of the session start:
    # 0.808 -> 0.816, found 202 -> 206 of 262, silent 18 -> 17, traps 20 -> 16). Field, found and
    # traps tightened.
    # Fourteenth session: new batches join as they are read (uns50, frist21 first: a required
    # obligation the reader misses on arrival, frist21's 'morgen früh'); found moves to 0.77;
    # uns49 brings another silent on arrival (19 of 268): silent moves to 0.075. Ten batches
    # (85 documents, 43 dev) joined; start reader on the whole dev split 0.812, 0.777, 0.073,
    # 0.286, 0.055; end reader 0.816, 0.773, 0.070, 0.275, 0.047. The load ceiling tightens to
    # 0.30 (a quieter safety net, decision 0031).
    # Fifteenth session (no new batch): start reader 0.816, 0.773, 0.070, 0.275, 0.047; end
    # reader 0.826, 0.813, 0.062, 0.277, 0.046. Field, found and silent tighten.
    "dev": (0.82, 0.80, 0.065, 0.30, 0.05),
    # measured 2026-12-06 on 272 documents (uns1 and uns2 included): 0.645, 0.533, 0.213, 0.312,
    # 0.122 (far from the targets). The silent-miss floor stays at 0.22 and the trap floor moves
    # from 0.14 only to 0.13: the reader of the session start scores 0.200 and 0.118 on these
    # 272 documents, and this session's readings (three obligations more found) cost one more
    # silent miss and one more trap; see decision 0016.
    # After the uncertainty signal (decision 0021, three looks at these aggregates in that
    # session): 0.645, 0.533, 0.187, 0.298, 0.122. Silent misses ratcheted to 0.20.
    # After the doubt rules (decision 0023): 0.652, 0.533, 0.187, 0.301, 0.129 (9 traps of 70
    # predicted, 9 of 74 before): no test floor improved, none tightened.
    # Reader fields by structure (decision 0022, three looks): field score 0.692.
    # Eighth session: twelve new batches joined the test split (504 documents); the reader at
    # the session's end: 0.722, 0.598, 0.110, 0.302, 0.195 (the new batches brought traps the
    # reader of the session start takes as well: 17 of 70 predictions on their test halves;
    # 0.132 on the 272 of the session start). Far from the targets still.
    # Ninth session: ten more batches joined (657 documents); the start reader scores 0.706,
    # 0.578, 0.123, 0.304, 0.198 on them all, the end reader 0.718, 0.604, 0.117, 0.307, 0.200
    # (on the 504 of the session start 0.732, 0.630, 0.094, 0.300, 0.181). The silent-miss
    # ceiling moves from 0.12 to 0.13 because the new documents bring misses the start reader
    # makes too (5 of 27 obligations silent on their test half; 6 with the end reader).
    # Tenth session: eleven more batches joined (753 documents); the start reader scores 0.706,
    # 0.580, 0.142, 0.315, 0.238 on them all, the end reader 0.706, 0.580, 0.142, 0.316, 0.232
    # (on the 657 of the session start 0.718, 0.604, 0.117, 0.307, 0.199, as the start reader).
    # The new documents' test half is the hardest yet (start reader: 5 of 15 obligations found,
    # 6 silent, 17 traps of 39 predictions), so the found floor moves to 0.57, the silent and
    # trap ceilings to 0.15 and 0.25: the new documents, not the reader, moved them.
    # Eleventh session: twenty-one more batches joined (982 documents); the start reader scores
    # 0.681, 0.548, 0.166, 0.325, 0.264 on them all, the end reader 0.684, 0.553, 0.152, 0.328,
    # 0.267 (on the 753 of the session start 0.711, 0.586, 0.136, 0.320, 0.234; the 229 new
    # ones: the start reader 21 of 48 found, 12 silent, 26 traps of 70 predictions). The floors
    # move with the new documents: found 0.55, silent 0.16, traps 0.28, field 0.68.
    # Twelfth session: seventeen more batches joined (1,090 documents; the 108 new ones hold 7
    # obligations). The start reader scores 0.680, 0.549, 0.152, 0.320, 0.270 on them all, the
    # end reader 0.693, 0.545, 0.156, 0.319, 0.266 (on the 982 of the session start 0.684 ->
    # 0.693 field, found 120 -> 119 of 217, silent 33 -> 34, traps 83/311 -> 80/304; the lost
    # obligation was not looked for: the split is frozen). The found floor moves to 0.54 (the
    # start reader fails 0.55 on the new corpus too), field rises to 0.69, traps to 0.27.
    # Thirteenth session: eleven more batches (49 new test documents, 7 obligations, the
    # hardest half yet: field 0.57, 3 silent misses on arrival). Start reader on all 1,139:
    # 0.689, 0.545, 0.165, 0.312, 0.274; end reader 0.693, 0.558, 0.160, 0.314, 0.274 (on the
    # 1,090 of the session start 0.693 -> 0.697, found 122 -> 125 of 224, silent 35 -> 34,
    # traps 86/323 -> 88/331). The start reader fails the old silent and trap floors on the new
    # corpus: they move to 0.17 and 0.28 with the new documents; found rises to 0.55.
    # Fourteenth session (1,181 test documents, 42 new): start reader 0.695, 0.567, 0.160, 0.314,
    # 0.276; end reader 0.697, 0.567, 0.160, 0.301, 0.275. Found tightens to 0.56, load to 0.32.
    # Fifteenth session (no new batch; the split's aggregates printed at the start and the end):
    # start reader 0.697, 0.567, 0.160, 0.301, 0.275; end reader 0.704, 0.588, 0.151, 0.303,
    # 0.278 (found 135 -> 140 of 238, silent 38 -> 36, traps 95/345 -> 99/356). Field and found
    # tighten; the trap floor stays (0.278 of 0.28).
    # Seventeenth and eighteenth sessions (no new batch): end reader 0.707, 0.592, 0.160, 0.301,
    # 0.273 (found 141 of 238, traps 95/348); the floors stay.
    "test": (0.70, 0.58, 0.17, 0.32, 0.28),
}


#: Each document is read once per test session (three tests score the whole corpus).
_READ: dict[Path, dict[str, object]] = {}


def predict(items: list[Entry]) -> list[dict[str, object]]:
    for e in items:
        if e.path not in _READ:
            _READ[e.path] = extract_file(e.path).to_json()
    return [_READ[e.path] for e in items]


def scored(items: list[Entry]) -> Score:
    return score([e.truth for e in items], predict(items))


def test_every_annotation_has_its_document_and_source() -> None:
    everything = entries()
    assert len(everything) >= 70
    names = [e.path.name for e in everything]
    assert len(names) == len(set(names)), "file names must be unique across batches"
    for e in everything:
        assert e.path.is_file(), e.path
        sources = (e.path.parent / "SOURCES.md").read_text("utf-8")
        assert e.path.name in sources, f"{e.path.name} has no source"


def _page_key(source: str) -> str:
    return source.split("://")[-1].removeprefix("www.").rstrip("/").rstrip(").,>")


def test_no_page_stands_in_the_corpus_twice() -> None:
    # the same page in two batches could put it in both splits; the corpus the reader was
    # built on names its pages only in its SOURCES.md
    legacy = (REPO / "tests" / "data" / "documents" / "SOURCES.md").read_text("utf-8")
    seen: dict[str, str] = {
        _page_key(url): "tests/data/documents"
        for url in re.findall(r"https?://[^\s)>\]|`]+", legacy)
    }
    for e in entries():
        if e.batch == "documents":
            continue
        source = str(e.truth.get("source") or "")
        key = _page_key(source)
        if not key:
            continue
        assert key not in seen, f"{e.path.name} and {seen[key]} are the same page"
        seen[key] = e.path.name


def _verbatim(entry: Entry) -> list[str]:
    text = " ".join(entry.path.read_text("utf-8", errors="replace").split())
    t = entry.truth
    quoted = [t.get("reference"), t.get("title")]
    decision = t.get("decision")
    if isinstance(decision, dict):
        quoted.append(decision.get("text"))
    quoted += [d.get("text") for d in t.get("deadlines") or []]
    quoted += [r.get("text") for r in t.get("reports") or []]
    return [q for q in quoted if q and " ".join(str(q).split()) not in text]


@pytest.mark.parametrize("batch", sorted({e.batch for e in entries()} - {"documents"}))
def test_the_annotations_of_a_batch_quote_their_documents(batch: str) -> None:
    missing = {e.path.name: _verbatim(e) for e in entries() if e.batch == batch}
    assert not {k: v for k, v in missing.items() if v}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_no_document_is_refused_and_the_reader_holds_its_floor_on_each_split(split: str) -> None:
    # (the two splits are the whole corpus: each document is read once, in this test)
    items = of_split(split)  # type: ignore[arg-type]
    if not items:
        pytest.skip(f"no {split} documents yet")
    assert all(prediction["file"] for prediction in predict(items)), "a document was refused"
    s = scored(items)
    field, found, silent, load, traps = FLOORS[split]
    summary = "\n".join(s.lines())
    if split == "dev":  # the dev split's failures are there to be read
        summary += "\n" + "\n".join(s.misses)
    # plain numbers, so that a failure prints no Score (whose misses name test documents)
    measured = (s.score, s.share("found"), s.share("silent"), s.share("flagged"), s.share("traps"))
    assert measured[0] >= field, summary
    assert measured[1] >= found, summary
    assert measured[2] <= silent, summary
    assert measured[3] <= load, summary
    assert measured[4] <= traps, summary


def test_the_split_is_frozen_by_file_name() -> None:
    assert split_of("ka_001_karlsruhe-x.txt") == split_of("ka_001_karlsruhe-x.txt")
    names = [e.path.name for e in entries() if e.batch != "documents"]
    if len(names) >= 40:
        tests = sum(split_of(n) == "test" for n in names)
        assert 0.3 <= tests / len(names) <= 0.7


def test_the_shared_scorer_agrees(shared_dir: Path, tmp_path: Path) -> None:
    items = entries()
    truth, pred = tmp_path / "truth.jsonl", tmp_path / "pred.jsonl"
    truth.write_text("".join(json.dumps(e.truth) + "\n" for e in items), encoding="utf-8")
    predictions = predict(items)
    pred.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score_extraction.py"), str(truth), str(pred)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    ours = score([e.truth for e in items], predictions).lines()
    assert done.stdout.strip().splitlines()[-5:] == ours[-5:]


def test_the_seeds_score_one(shared_dir: Path) -> None:
    seeds = shared_dir / "seeds"
    truths = [
        json.loads(x) for x in (seeds / "expected.jsonl").read_text("utf-8").splitlines() if x
    ]
    s = score(truths, [extract_file(seeds / t["file"]).to_json() for t in truths])
    assert round(s.score, 3) == 1.0, "\n".join(s.lines() + s.misses)


def test_the_shipped_examples_extract_as_annotated() -> None:
    folder = REPO / "examples"
    truths = [
        json.loads(x) for x in (folder / "expected.jsonl").read_text("utf-8").splitlines() if x
    ]
    s = score(truths, [extract_file(folder / t["file"]).to_json() for t in truths])
    assert s.score >= 0.9, "\n".join(s.lines() + s.misses)
