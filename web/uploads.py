"""The text of documents uploaded through the web, kept so their motion page can link it.

Documents ingested from files (``tracker ingest``) are shown from their file, looked up by
name in ``[web] document_dirs``, when its SHA-256 is still the one recorded; uploaded ones
have no file, so their bytes are kept in ``web_documents`` by SHA-256.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from events.store import Database
from tracker.documents.sources import read_source
from tracker.errors import DocumentError

_CREATE = """CREATE TABLE IF NOT EXISTS {p}web_documents (
    sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, data BYTEA NOT NULL, uploaded_by TEXT NOT NULL,
    uploaded TEXT NOT NULL)"""


def create_tables(db: Database) -> None:
    """Make the table (kept when it exists)."""
    sql = _CREATE.format(p=db.table_prefix)
    if db.backend == "sqlite":
        sql = sql.replace("BYTEA", "BLOB")
    with db.transaction() as cur:
        cur.execute(sql)


def keep(db: Database, data: bytes, name: str, *, by: str, now: datetime) -> str:
    """Keep an uploaded document's bytes; returns its SHA-256 (the same bytes are kept once)."""
    digest = hashlib.sha256(data).hexdigest()
    p = db.table_prefix
    with db.transaction() as cur:
        found = cur.execute(f"SELECT 1 FROM {p}web_documents WHERE sha256 = ?", (digest,))
        if found.fetchone() is None:
            cur.execute(
                f"INSERT INTO {p}web_documents (sha256, name, data, uploaded_by, uploaded)"
                " VALUES (?, ?, ?, ?, ?)",
                (digest, name, data, by, now.isoformat()),
            )
    return digest


def document_text(db: Database, sha256: str, name: str, folders: Sequence[str] = ()) -> str | None:
    """The text of the document with this hash: uploaded, or a file ``name`` in one of
    ``folders`` whose bytes still have this hash; None when neither is there."""
    rows = db.query(
        f"SELECT data, name FROM {db.table_prefix}web_documents WHERE sha256 = ?", (sha256,)
    )
    data: bytes | None = bytes(rows[0][0]) if rows else None
    base = Path(name).name
    for folder in folders if data is None and base not in ("", ".", "..") else ():
        path = Path(folder) / base
        try:
            candidate = path.read_bytes() if path.is_file() else None
        except OSError:
            candidate = None
        if candidate is not None and hashlib.sha256(candidate).hexdigest() == sha256:
            data = candidate
            break
    if data is None:
        return None
    try:
        return read_source(data, name).text
    except DocumentError:
        return None
