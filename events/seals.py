"""Signed seals: checkpoints of the audit chain, signed with an Ed25519 key kept outside the store.

A :class:`Seal` says "seal number N: the chain at position P had the value H, sealed at T,
by the key K". Its signature covers exactly :meth:`Seal.message`; the key id K is the
first 16 hex digits of the SHA-256 of the raw public key. Seals are numbered without gaps
from 1, so a seal deleted from the middle shows as a missing number.

Where seals live:

* the table ``audit_seals`` beside the log (always);
* optionally an append-only file, one JSON line per seal (:func:`append_line`), on storage
  that whoever can write the database cannot rewrite;
* optionally e-mailed to auditors (:mod:`notifiers.auditors`); an auditor keeps the lines.

Verifying needs only the public key (:class:`Verifier`): an auditor checks seals without the
private key. The private key (:class:`Signer`) is a PEM file (PKCS#8), created on first use
with mode 0600, refused when others may read it; its public half is written beside it
(``<key>.pub``). Signing goes through the ``cryptography`` package.

What seals prove, and what they cannot, is in ``docs/audit.md``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from events.chain import ensure_table
from events.store import Cursor, Database

#: The table beside the log that keeps every seal.
SEAL_TABLE = "audit_seals"
#: The first line of every signed message; a new format gets a new version.
SEAL_VERSION = "tracker audit seal v1"


class SealError(Exception):
    """Base of this module's errors (the tracker maps them onto its own error tree)."""


class KeyFileError(SealError):
    """A key file that cannot be created, read or trusted."""


class BadSealLine(SealError):
    """A line of a seal file that is no seal."""


def key_id(public: Ed25519PublicKey) -> str:
    """The short id of a public key: 16 hex digits of the SHA-256 of its 32 raw bytes."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


@dataclass(frozen=True)
class Seal:
    """One signed checkpoint of the chain."""

    number: int
    position: int
    chain: bytes
    sealed: datetime
    key: str
    signature: bytes

    def message(self) -> bytes:
        """The bytes the signature covers."""
        return signed_message(self.number, self.position, self.chain, self.sealed, self.key)

    def line(self) -> str:
        """The seal as one JSON line (what the seal file and the e-mail hold)."""
        return json.dumps(
            {
                "seal": self.number,
                "position": self.position,
                "chain": self.chain.hex(),
                "sealed": self.sealed.isoformat(),
                "key": self.key,
                "signature": base64.b64encode(self.signature).decode("ascii"),
            },
            separators=(",", ":"),
        )

    @property
    def head(self) -> str:
        """The sealed head as ``POSITION:HASH`` (what ``audit verify --expect`` takes)."""
        return f"{self.position}:{self.chain.hex()}"

    @classmethod
    def parse(cls, text: str) -> Seal:
        """Read one JSON line; raises :class:`BadSealLine` for anything else."""
        try:
            data: Any = json.loads(text)
            if not isinstance(data, dict):
                raise TypeError("not an object")
            sealed = datetime.fromisoformat(str(data["sealed"]))
            chain = bytes.fromhex(str(data["chain"]))
            if len(chain) != 32 or sealed.tzinfo is None:
                raise ValueError("bad chain value or sealing time")
            return cls(
                number=_integer(data["seal"]),
                position=_integer(data["position"]),
                chain=chain,
                sealed=sealed,
                key=str(data["key"]),
                signature=base64.b64decode(str(data["signature"]), validate=True),
            )
        except (ValueError, TypeError, KeyError, binascii.Error) as exc:
            raise BadSealLine(f"not a seal ({exc})") from None


def _integer(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{value!r} is not a number")
    return value


def signed_message(number: int, position: int, chain: bytes, sealed: datetime, key: str) -> bytes:
    """The canonical text a seal's signature covers, one field per line."""
    return (
        f"{SEAL_VERSION}\nseal {number}\nposition {position}\nchain {chain.hex()}\n"
        f"sealed {sealed.isoformat()}\nkey {key}\n"
    ).encode("ascii")


class Verifier:
    """Checks seals with one public key."""

    def __init__(self, public: Ed25519PublicKey) -> None:
        self.public = public
        self.key = key_id(public)

    def verifies(self, seal: Seal) -> bool:
        """Whether ``seal`` was signed by this key, unchanged since."""
        try:
            self.public.verify(seal.signature, seal.message())
        except InvalidSignature:
            return False
        return True

    def pem(self) -> str:
        """The public key as PEM text (SubjectPublicKeyInfo), to hand to auditors."""
        return self.public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ).decode("ascii")

    @classmethod
    def from_pem(cls, data: bytes, where: str) -> Verifier:
        """A verifier from a PEM public key (or a PEM private key, whose half it takes)."""
        try:
            if b"PRIVATE KEY" in data:
                private = serialization.load_pem_private_key(data, password=None)
                if not isinstance(private, Ed25519PrivateKey):
                    raise ValueError("not an Ed25519 key")
                return cls(private.public_key())
            public = serialization.load_pem_public_key(data)
        except (ValueError, TypeError) as exc:
            raise KeyFileError(f"{where}: not an Ed25519 key in PEM form ({exc})") from None
        if not isinstance(public, Ed25519PublicKey):
            raise KeyFileError(f"{where}: not an Ed25519 public key")
        return cls(public)

    @classmethod
    def from_file(cls, path: Path) -> Verifier:
        """A verifier from a PEM file."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise KeyFileError(f"public key {path}: {exc.strerror}") from None
        return cls.from_pem(data, str(path))


class Signer:
    """Signs seals with the private key."""

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self.private = private
        self.verifier = Verifier(private.public_key())

    @property
    def key(self) -> str:
        return self.verifier.key

    def sign(self, number: int, position: int, chain: bytes, sealed: datetime) -> Seal:
        """A new signed seal."""
        message = signed_message(number, position, chain, sealed, self.key)
        return Seal(number, position, chain, sealed, self.key, self.private.sign(message))

    @classmethod
    def load_or_create(cls, path: Path) -> Signer:
        """The key in ``path``; created there (mode 0600, ``<path>.pub`` beside it) when absent.

        Refuses a key file that others than its owner may read or write.
        """
        try:
            return cls._load(path)
        except FileNotFoundError:
            pass
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it first: use that one
            return cls._load(path)
        except OSError as exc:
            raise KeyFileError(f"cannot create the seal key {path}: {exc.strerror}") from None
        with os.fdopen(fd, "wb") as out:
            out.write(pem)
        signer = cls(private)
        public_path(path).write_text(signer.verifier.pem(), encoding="ascii")
        return signer

    @classmethod
    def _load(cls, path: Path) -> Signer:
        try:
            mode = path.stat().st_mode
            if mode & (stat.S_IRWXG | stat.S_IRWXO):
                raise KeyFileError(
                    f"seal key {path}: others may read it (mode {stat.S_IMODE(mode):o}); "
                    "chmod 600 it"
                )
            data = path.read_bytes()
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise KeyFileError(f"seal key {path}: {exc.strerror}") from None
        try:
            private = serialization.load_pem_private_key(data, password=None)
        except (ValueError, TypeError) as exc:
            raise KeyFileError(f"seal key {path}: not a PEM private key ({exc})") from None
        if not isinstance(private, Ed25519PrivateKey):
            raise KeyFileError(f"seal key {path}: not an Ed25519 key")
        return cls(private)


def public_path(key: Path) -> Path:
    """Where the public half of the key in ``key`` is written: ``<key>.pub``."""
    return key.with_name(key.name + ".pub")


# -- the table beside the log --------------------------------------------------------------


def seal_table(db: Database) -> str:
    """The seal table's (schema-qualified) name."""
    return f"{db.table_prefix}{SEAL_TABLE}"


def ensure_seal_table(db: Database) -> None:
    """Create the seal table if it does not exist."""
    ensure_table(
        db,
        seal_table(db),
        "seal {number} PRIMARY KEY, position {number} NOT NULL, chain {blob} NOT NULL, "
        "sealed TEXT NOT NULL, key TEXT NOT NULL, signature {blob} NOT NULL",
    )


_COLUMNS = "seal, position, chain, sealed, key, signature"


def _seal(row: tuple[Any, ...]) -> Seal:
    return Seal(
        int(row[0]),
        int(row[1]),
        bytes(row[2]),
        datetime.fromisoformat(str(row[3])),
        str(row[4]),
        bytes(row[5]),
    )


def stored_seals(db: Database) -> list[Seal]:
    """Every seal in the store, by number."""
    return [_seal(r) for r in db.query(f"SELECT {_COLUMNS} FROM {seal_table(db)} ORDER BY seal")]


def last_seal(cur: Cursor, db: Database) -> Seal | None:
    """The seal with the highest number, read inside a transaction."""
    cur.execute(f"SELECT {_COLUMNS} FROM {seal_table(db)} ORDER BY seal DESC LIMIT 1")
    row = cur.fetchone()
    return None if row is None else _seal(row)


def insert_seal(cur: Cursor, db: Database, seal: Seal) -> None:
    """Store ``seal`` inside the caller's transaction."""
    cur.execute(
        f"INSERT INTO {seal_table(db)} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
        (
            seal.number,
            seal.position,
            seal.chain,
            seal.sealed.isoformat(),
            seal.key,
            seal.signature,
        ),
    )


# -- the seal file ---------------------------------------------------------------------------


def append_line(path: Path, seal: Seal) -> None:
    """Append ``seal`` to the seal file as one line, in one write (``O_APPEND``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.write(fd, (seal.line() + "\n").encode("ascii"))
    finally:
        os.close(fd)


@dataclass(frozen=True)
class FileLine:
    """One line of a seal file: its number in the file and the seal, or why it is none."""

    path: Path
    line: int
    seal: Seal | None
    problem: str | None = None

    @property
    def where(self) -> str:
        return f"{self.path.name} line {self.line}"


def read_lines(path: Path) -> Iterator[FileLine]:
    """Every non-empty line of a seal file, parsed."""
    with path.open(encoding="utf-8", errors="replace") as lines:
        for n, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            try:
                yield FileLine(path, n, Seal.parse(text))
            except BadSealLine as exc:
                yield FileLine(path, n, None, str(exc))


def last_line_number(path: Path, tail: int = 8192) -> int:
    """The number of the last seal in a seal file (0 when it is absent or ends in no seal).

    Reads only the file's end, so sealing stays cheap however long the file grows.
    """
    try:
        with path.open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(0, size - tail))
            lines = handle.read().splitlines()
    except FileNotFoundError:
        return 0
    except OSError as exc:
        raise SealError(f"seal file {path}: {exc.strerror}") from None
    for raw in reversed(lines):
        if raw.strip():
            try:
                return Seal.parse(raw.decode("utf-8", errors="replace")).number
            except BadSealLine:
                raise SealError(f"seal file {path}: its last line is not a seal") from None
    return 0
