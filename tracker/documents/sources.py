"""From a file's bytes to text: the format (text, HTML, PDF), the encoding, bad input.

Raises only :class:`~tracker.errors.DocumentError` subclasses, each naming the file.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from tracker.documents.html import declared_charset, html_to_text, looks_like_html
from tracker.documents.pdf import pdf_text
from tracker.errors import BinaryDocument, DocumentTooLarge, EmptyDocument, UnreadableDocument

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (DOCX/ODT?)"),
    (b"\xd0\xcf\x11\xe0", "an MS Office (OLE) file"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF file"),
)
_WINDOWS_ALIASES = frozenset({"iso-8859-1", "iso8859-1", "latin-1", "latin1", "ascii", "us-ascii"})


@dataclass(frozen=True)
class Source:
    """A document's raw bytes and its text, with the format it was read as."""

    data: bytes
    text: str
    format: str


def display_name(path: Path) -> str:
    """The path as printable text: bytes that are not UTF-8 in a file name (kept by the OS
    as surrogate escapes) become U+FFFD instead of failing every later print."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, after the size check; UnreadableDocument for any OS failure."""
    name = display_name(path)
    try:
        if not path.is_file():
            raise UnreadableDocument(name, "no such file" if not path.exists() else "not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentTooLarge(name, f"{size} bytes, more than the limit of {max_bytes}")
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableDocument(name, exc.strerror or str(exc)) from exc


def decode_text(data: bytes, name: str, charset: str | None = None) -> str:
    """Text from bytes: BOM, then a declared charset, then UTF-8, then Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if charset:
        charset = "cp1252" if charset in _WINDOWS_ALIASES else charset
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(_decode_line(line) for line in data.splitlines(keepends=True))


def _decode_line(line: bytes) -> str:
    """One line as UTF-8 where it is, else as Windows-1252: a file that mixes the two
    (an export pasted together) keeps its UTF-8 lines intact instead of ``fÃ¼r``."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def _check_binary(data: bytes, name: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryDocument(name, f"{what}, not text, HTML or PDF")
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise BinaryDocument(name, "binary content (NUL bytes), not text, HTML or PDF")
    controls = len(re.findall(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]", sample))
    if sample and controls / len(sample) > 0.05:
        raise BinaryDocument(name, "binary content (control bytes), not text, HTML or PDF")


def read_source(data: bytes, name: str) -> Source:
    """Detect the format of ``data`` and return its text."""
    if not data.strip():
        raise EmptyDocument(name, "the file is empty")
    if data.lstrip()[:5] == b"%PDF-":
        return Source(data, pdf_text(data, name), "pdf")
    if name.lower().endswith(".pdf"):
        raise UnreadableDocument(name, "named .pdf but not a PDF file")
    _check_binary(data, name)
    if looks_like_html(data):
        text = html_to_text(decode_text(data, name, declared_charset(data)))
        fmt = "html"
    else:
        text = decode_text(data, name)
        fmt = "text"
    if not text.strip():
        raise EmptyDocument(name, f"the {fmt} file has no text")
    return Source(data, text, fmt)
