"""``tracker audit seal``, ``audit key`` and ``audit verify`` with signed seals through the real
CLI, on SQLite and PostgreSQL, with the seals e-mailed to an auditor over a real SMTP server
on loopback (issue 16, "Audit: beyond what a hash chain alone can show")."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from events.seals import Seal
from events.store import StoreLocation
from tests.integration.audit.tampering import Forger
from tests.integration.notifiers.smtp import SmtpServer

runner = CliRunner()
AUDITOR = "rpa@musterbezirk.example"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """The tracker's configuration: a key, a seal file and one auditor (relative paths)."""
    path = tmp_path / "tracker.toml"
    path.write_text(
        '[reminders]\nsender = "fristen@musterbezirk.example"\n\n'
        '[audit]\nkey = "keys/seal.key"\nseal_file = "seals.jsonl"\n'
        f'auditors = ["{AUDITOR}"]\n',
        encoding="utf-8",
    )
    return path


def run(
    db: str, *args: str, config: Path | None = None, smtp: SmtpServer | None = None
) -> tuple[int, str, str]:
    prefix = ["--db", db, "--now", "2014-03-01T09:00"]
    if config is not None:
        prefix += ["--config", str(config)]
    env = {"TRACKER_SMTP_URL": f"smtp://127.0.0.1:{smtp.port}?starttls=off" if smtp else ""}
    result = runner.invoke(app, [*prefix, *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def add(db: str, config: Path, reference: str) -> None:
    code, _, err = run(
        db,
        "add",
        reference,
        "--body",
        "BVV Mitte von Berlin",
        "--title",
        "Integrationskonferenz",
        "--state",
        "BE",
        "--decided",
        "20.02.2014",
        "--office",
        "SGA",
        "--due",
        "2014-12-18",
        config=config,
    )
    assert code == 0, err


def test_each_writing_command_seals_with_a_key_created_on_first_use(
    db_url: str, config: Path, tmp_path: Path
) -> None:
    add(db_url, config, "1263/IV")
    add(db_url, config, "1264/IV")
    key = tmp_path / "keys" / "seal.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    lines = (tmp_path / "seals.jsonl").read_text().splitlines()
    assert [(s.number, s.position) for s in map(Seal.parse, lines)] == [(1, 4), (2, 8)]
    code, out, _ = run(db_url, "audit", "verify", config=config)
    assert code == 0
    assert out.startswith("intact: 8 event(s), head 8:")
    assert "sealed: 2 valid seal(s) by key " in out and "the last #2 at position 8" in out


def test_audit_key_prints_the_public_key_an_auditor_verifies_with(
    db_url: str, config: Path, tmp_path: Path
) -> None:
    code, out, _ = run(db_url, "audit", "key", config=config)
    assert code == 0
    first, *pem = out.splitlines()
    assert first.startswith("key ") and len(first) == 4 + 16
    assert pem[0] == "-----BEGIN PUBLIC KEY-----"
    assert "\n".join(pem) + "\n" == (tmp_path / "keys" / "seal.key.pub").read_text()


def test_audit_seal_mails_the_seal_and_the_auditor_alone_catches_a_cut_tail(
    db_url: str, config: Path, tmp_path: Path, smtp: SmtpServer, location: StoreLocation
) -> None:
    add(db_url, config, "1263/IV")
    add(db_url, config, "1264/IV")
    code, out, err = run(db_url, "audit", "seal", config=config, smtp=smtp)
    assert code == 0, err
    assert out.splitlines() == [
        out.splitlines()[0],
        "mailed to 1 of 1 auditor(s)",
    ]
    assert out.startswith("seal #2 already covers the head 8:")
    (mail,) = smtp.handler.received
    assert mail.recipients == [AUDITOR]
    assert str(mail.message["Subject"]) == "Prüfsiegel Nr. 2 des Fristen-Trackers (Position 8)"
    line = mail.text.strip().splitlines()[-1]
    kept = tmp_path / "auditor" / "kept.jsonl"
    kept.parent.mkdir()
    kept.write_text(line + "\n")

    forger = Forger(location)
    try:
        forger.truncate(5)  # the second motion, its chain rows and its seal
        forger.delete_seals_from(2)
    finally:
        forger.close()
    (tmp_path / "seals.jsonl").unlink()  # the forger reached the tracker's seal file too

    # the auditor: no private key, no tracker configuration, the public key and the mail
    code, out, err = run(
        db_url,
        "audit",
        "verify",
        "--public-key",
        str(tmp_path / "keys" / "seal.key.pub"),
        "--seals",
        str(kept),
    )
    assert code == 1
    assert "seal #2: missing from the store (kept.jsonl line 1 has it)" in out
    assert (
        "seal #2 (kept.jsonl line 1): sealed position 8, but the log now ends at position 4: "
        "events were deleted" in out
    )
    assert err.startswith("tracker: error: the seals do not vouch for the log: 2 seal problem(s)")
    assert len(err.strip().splitlines()) == 1


def test_audit_verify_names_each_forged_event_after_the_last_seal_and_exits_1(
    db_url: str, config: Path, location: StoreLocation
) -> None:
    add(db_url, config, "1263/IV")
    forger = Forger(location)
    try:
        forger.append_forged(source=3, version=9)
        forger.append_forged(source=4, version=10)
    finally:
        forger.close()
    code, out, err = run(db_url, "audit", "verify", config=config)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "after the last valid seal #1 (position 4), no signed seal vouches for:"
    assert lines[1].startswith("  position 5: ") and "version 9, recorded 2014-03-01" in lines[1]
    assert lines[2].startswith("  position 6: ") and "version 10" in lines[2]
    assert err == (
        "tracker: error: the seals do not vouch for the log: 2 event(s) after the last valid "
        "seal (positions 5-6) not vouched for by any signed seal\n"
    )


def test_audit_verify_without_a_key_checks_the_chain_only(db_url: str) -> None:
    code, out, _ = run(db_url, "audit", "verify")
    assert code == 0
    assert out.endswith("seals not checked (no [audit] key or --public-key)\n")


def test_a_bad_audit_setting_is_named(db_url: str, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[audit]\nkey = "k"\nauditors = ["nobody"]\n', encoding="utf-8")
    code, _, err = run(db_url, "audit", "verify", config=config)
    assert code == 2
    assert err == "tracker: error: [audit] auditors must be a list of e-mail addresses\n"
