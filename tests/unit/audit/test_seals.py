"""A seal's signed bytes, its line and its signature (no store)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from events.seals import BadSealLine, Seal, SealError, Signer, append_line, last_line_number
from tracker.audit import SealSettings
from tracker.errors import ConfigurationError

WHEN = datetime(2015, 1, 5, 8, 0, tzinfo=UTC)
CHAIN = bytes(range(32))


@pytest.fixture(scope="module")
def signer() -> Signer:
    return Signer(Ed25519PrivateKey.generate())


def test_the_signature_covers_a_fixed_text_of_every_field(signer: Signer) -> None:
    seal = signer.sign(7, 1234, CHAIN, WHEN)
    assert (
        seal.message()
        == (
            "tracker audit seal v1\nseal 7\nposition 1234\n"
            f"chain {CHAIN.hex()}\nsealed 2015-01-05T08:00:00+00:00\nkey {signer.key}\n"
        ).encode()
    )
    assert signer.verifier.verifies(seal)


@pytest.mark.parametrize(
    "change",
    [
        {"number": 8},
        {"position": 1235},
        {"chain": bytes(32)},
        {"sealed": datetime(2015, 1, 5, 8, 1, tzinfo=UTC)},
        {"key": "0" * 16},
    ],
    ids=["number", "position", "chain", "sealed", "key"],
)
def test_changing_any_field_breaks_the_signature(signer: Signer, change: dict[str, object]) -> None:
    seal = dataclasses.replace(signer.sign(7, 1234, CHAIN, WHEN), **change)  # type: ignore[arg-type]
    assert not signer.verifier.verifies(seal)


def test_another_key_does_not_verify(signer: Signer) -> None:
    other = Signer(Ed25519PrivateKey.generate())
    assert other.key != signer.key
    assert not signer.verifier.verifies(other.sign(1, 1, CHAIN, WHEN))


def test_a_seal_line_reads_back(signer: Signer) -> None:
    seal = signer.sign(3, 99, CHAIN, WHEN)
    assert Seal.parse(seal.line()) == seal
    assert seal.head == f"99:{CHAIN.hex()}"


@pytest.mark.parametrize(
    "line",
    [
        "{not json",
        "[]",
        '{"seal":1}',
        '{"seal":-1,"position":1,"chain":"' + "00" * 32 + '","sealed":"2015-01-05T08:00:00+00:00",'
        '"key":"k","signature":"AA=="}',
        '{"seal":1,"position":1,"chain":"00","sealed":"2015-01-05T08:00:00+00:00",'
        '"key":"k","signature":"AA=="}',
        '{"seal":1,"position":1,"chain":"' + "00" * 32 + '","sealed":"2015-01-05T08:00:00",'
        '"key":"k","signature":"AA=="}',
    ],
    ids=["json", "list", "fields", "negative", "short-chain", "naive-time"],
)
def test_a_line_that_is_no_seal_is_refused(line: str) -> None:
    with pytest.raises(BadSealLine):
        Seal.parse(line)


def test_the_last_seal_of_a_long_file_is_read_from_its_end(signer: Signer, tmp_path: Path) -> None:
    path = tmp_path / "seals.jsonl"
    assert last_line_number(path) == 0
    for n in range(1, 301):
        append_line(path, signer.sign(n, n * 10, CHAIN, WHEN))
    assert last_line_number(path) == 300
    with path.open("a") as out:
        out.write("garbage\n")
    with pytest.raises(SealError, match="its last line is not a seal"):
        last_line_number(path)


def test_audit_settings_resolve_paths_from_the_configuration_folder(tmp_path: Path) -> None:
    section = {"key": "keys/seal.key", "seal_file": "/var/seals.jsonl", "auditors": "a@b.example"}
    sealing = SealSettings.from_section(section, tmp_path)
    assert sealing.key == tmp_path / "keys" / "seal.key"
    assert sealing.seal_file == Path("/var/seals.jsonl")
    assert sealing.auditors == ("a@b.example",)
    assert not SealSettings.from_section({}).enabled


@pytest.mark.parametrize(
    ("section", "words"),
    [
        ({"keys": "x"}, "[audit] keys: unknown setting"),
        ({"key": 5}, "[audit] key must be a file path"),
        ({"auditors": ["nobody"]}, "[audit] auditors must be a list of e-mail addresses"),
    ],
)
def test_a_bad_audit_setting_is_named(section: dict[str, object], words: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        SealSettings.from_section(section)
    assert str(caught.value).startswith(words)
