"""The tracker's transcodings decode what they encode and refuse unknown values."""

from __future__ import annotations

import pytest

from events.transcodings import ENUMS, EnumAsValue, ProvenanceAsDict
from events.values import Outcome, Provenance, SourceKind


@pytest.mark.parametrize("name", sorted(ENUMS))
def test_every_member_round_trips(name: str) -> None:
    coding = EnumAsValue(ENUMS[name], name)
    for member in ENUMS[name]:
        assert coding.decode(coding.encode(member)) is member


def test_an_unknown_value_is_an_error_not_a_default() -> None:
    coding = EnumAsValue(Outcome, "outcome")
    with pytest.raises(ValueError, match="'approved' is not a valid Outcome"):
        coding.decode("approved")
    with pytest.raises(ValueError):
        coding.decode(["adopted"])  # unhashable: the enumeration's own error


def test_provenance_round_trips_and_refuses_an_unknown_kind() -> None:
    coding = ProvenanceAsDict()
    for kind in SourceKind:
        value = Provenance(kind=kind, name="x.txt", sha256="ab" * 32, detail=None)
        assert coding.decode(coding.encode(value)) == value
    with pytest.raises(ValueError):
        coding.decode({"kind": "telepathy", "name": "x"})
