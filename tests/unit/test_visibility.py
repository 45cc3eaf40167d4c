"""Given a motion, when it is marked non-public or public, then ``VisibilityChanged`` and
its folded life; the initiators and the Fraktionen among them."""

from __future__ import annotations

from datetime import date

from events.motion import VisibilityChanged
from tests.unit.test_progress import meta
from tracker.motion import Motion
from tracker.state import fraktionen, initiator_key


def given(initiators: list[str]) -> Motion:
    motion = Motion.register(
        body="BVV Mitte von Berlin", reference="1263/IV", title="Integrationskonferenz",
        kind="Antrag", state="BE", initiators=initiators, meta=meta(date(2014, 2, 20)),
    )  # fmt: skip
    motion.collect_events()
    return motion


def test_a_motion_is_public_until_marked_non_public() -> None:
    motion = given([])
    assert motion.is_public and motion.life["public"] is True

    assert motion.mark_visibility(public=False, reason="Personalsache", meta=meta())

    (event,) = motion.collect_events()
    assert isinstance(event, VisibilityChanged)
    assert (event.public, event.reason, event.effective) == (
        False,
        "Personalsache",
        date(2015, 1, 5),
    )
    assert not motion.is_public and motion.life["public"] is False


def test_marking_it_as_it_is_records_nothing() -> None:
    motion = given([])
    assert not motion.mark_visibility(public=True, reason=None, meta=meta())
    motion.mark_visibility(public=False, reason=None, meta=meta())
    assert not motion.mark_visibility(public=False, reason="again", meta=meta())
    assert len(motion.collect_events()) == 1
    assert motion.mark_visibility(public=True, reason="Beschluss öffentlich", meta=meta())
    assert motion.is_public


def test_the_fold_keeps_the_registered_initiators() -> None:
    motion = given(["SPD-Fraktion", "Anna Schmidt (CDU)"])
    assert motion.life["initiators"] == ["SPD-Fraktion", "Anna Schmidt (CDU)"]


def test_fraktionen_are_those_named_so_and_parties_in_brackets() -> None:
    assert fraktionen(
        ["SPD-Fraktion", "Fraktion Die Linke", "Anna Schmidt (CDU)", "Gruppe FDP", "Bezirksamt",
         "Jan Roth (CDU)"]
    ) == ["SPD-Fraktion", "Fraktion Die Linke", "CDU", "Gruppe FDP"]  # fmt: skip
    assert fraktionen([]) == []
    assert fraktionen(["SPD", "Bündnis 90/Die Grünen", "Spielplatzinitiative"]) == [
        "SPD", "Bündnis 90/Die Grünen",
    ]  # fmt: skip


def test_initiator_key_folds_case_and_spacing() -> None:
    assert initiator_key("  Fraktion  BÜNDNIS 90/DIE GRÜNEN ") == "fraktion bündnis 90/die grünen"
