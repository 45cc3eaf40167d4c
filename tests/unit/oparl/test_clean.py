"""Repairing OParl objects: blanks, single objects, missing types, relative URLs."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from oparl.clean import clean_object, content_hash, explode, kind_of, ref, refs
from oparl.problems import Problems

URL = "https://ris.example.org/oparl/paper/1"


def clean(obj: dict[str, Any], expected: str = "Paper") -> tuple[dict[str, Any], dict[str, int]]:
    problems = Problems()
    return clean_object(obj, expected=expected, url=URL, problems=problems), problems.counts()


def test_na_and_blank_values_are_dropped_once_per_object() -> None:
    out, counts = clean(
        {"id": URL, "type": "https://schema.oparl.org/1.1/Paper", "paperType": "N/A", "name": " "}
    )
    assert "paperType" not in out and "name" not in out
    assert counts == {"blank_value": 1}


def test_control_characters_inside_strings_become_spaces() -> None:
    out, _ = clean({"id": URL, "type": "Paper", "name": "Rad\x07weg\x0bplan\r\nneu"})
    assert out["name"] == "Rad weg plan\r\nneu"


def test_an_auxiliary_file_object_becomes_a_list() -> None:
    aux = {"id": "f1", "type": "https://schema.oparl.org/1.1/File", "text": "Anlage"}
    out, counts = clean({"id": URL, "type": "Paper", "auxiliaryFile": aux})
    assert out["auxiliaryFile"] == [aux]
    assert counts == {"not_a_list": 1}


def test_single_references_stay_single_where_the_spec_says_so() -> None:
    out, counts = clean(
        {"id": "c", "type": "Consultation", "paper": "p", "agendaItem": ["a"], "meeting": "m"},
        "Consultation",
    )
    assert (out["paper"], out["agendaItem"], out["meeting"]) == ("p", "a", "m")
    assert counts == {}


def test_a_missing_type_is_taken_from_the_list_and_a_missing_id_from_the_url() -> None:
    out, counts = clean({"reference": "1/2015"})
    assert kind_of(out) == "Paper"
    assert out["id"] == URL
    assert counts == {"missing_id": 1, "missing_type": 1}


def test_a_relative_web_url_is_resolved_against_the_object() -> None:
    out, counts = clean({"id": URL, "type": "Paper", "web": "vo020.asp?VOLFDNR=1000030"})
    assert out["web"] == "https://ris.example.org/oparl/paper/vo020.asp?VOLFDNR=1000030"
    assert counts == {"relative_web": 1}
    absolute, none = clean({"id": URL, "type": "Paper", "web": "https://ris.example.org/vo/1"})
    assert absolute["web"] == "https://ris.example.org/vo/1" and none == {}


def test_a_bodys_list_urls_are_not_wrapped() -> None:
    out, counts = clean({"id": "b", "type": "Body", "paper": "https://x/papers"}, "Body")
    assert out["paper"] == "https://x/papers" and counts == {}


def test_the_content_hash_ignores_key_order_but_not_values() -> None:
    assert content_hash({"a": 1, "b": [1, 2]}) == content_hash({"b": [1, 2], "a": 1})
    assert content_hash({"a": 1}) != content_hash({"a": 2})


def test_embedded_consultations_and_agenda_items_are_lifted_out_with_back_references() -> None:
    paper = {
        "id": "p",
        "type": "Paper",
        "consultation": [{"id": "c", "type": "Consultation"}, {"role": "no id"}],
        "mainFile": {"id": "f", "type": "File"},
    }
    assert explode(paper) == [
        {"paper": "p", "id": "c", "type": "Consultation"},
        {"paper": ["p"], "id": "f", "type": "File"},
    ]
    meeting = {"id": "m", "type": "Meeting", "agendaItem": [{"id": "a"}]}
    assert explode(meeting) == [{"meeting": "m", "id": "a", "type": "AgendaItem"}]


def test_references_are_urls_or_embedded_objects() -> None:
    assert ref("u") == "u" and ref({"id": "u"}) == "u" and ref(3) is None
    assert refs(["u", {"id": "v"}, None]) == ["u", "v"]
    assert refs("u") == ["u"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


@given(
    st.dictionaries(
        st.sampled_from(
            [
                "id",
                "type",
                "web",
                "auxiliaryFile",
                "consultation",
                "name",
                "paper",
                "location",
                "agendaItem",
            ]
        ),
        json_values,
    )
)
def test_cleaning_never_fails_on_odd_objects(obj: dict[str, Any]) -> None:
    out, _ = clean(obj)
    assert isinstance(out["id"], str) and kind_of(out) is not None
    explode(out)
    content_hash(out)
