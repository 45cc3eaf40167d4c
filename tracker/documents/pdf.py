"""The text layer of a PDF.

Two readers are kept so that the choice stays measurable (``tests/data/seeds_formats/
compare_pdf_libraries.py``, ``docs/decisions/0003-pdf-text-library.md``): :func:`pypdf_text`
is the one :func:`pdf_text` uses; :func:`pdfminer_text` is the measured alternative.
A PDF whose pages carry no text raises :class:`~tracker.errors.ImageOnlyDocument`; a
broken one :class:`~tracker.errors.UnreadableDocument`.
"""

from __future__ import annotations

import io
import logging
import struct
import zlib

from tracker.errors import ImageOnlyDocument, UnreadableDocument

# Errors the PDF libraries raise on damaged files (they do not wrap all of them).
_BROKEN = (
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    AssertionError,
    RecursionError,
    struct.error,
    zlib.error,
    EOFError,
    OSError,
    NotImplementedError,
)


def pypdf_text(data: bytes, name: str) -> str:
    """Text of every page with pypdf, pages separated by a blank line."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument(name, "the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PyPdfError as exc:
        raise UnreadableDocument(name, f"broken PDF: {exc}") from exc
    except _BROKEN as exc:
        raise UnreadableDocument(name, f"broken PDF: {type(exc).__name__}: {exc}") from exc
    return _checked("\n\n".join(pages), name, len(pages))


def _checked(text: str, name: str, pages: int) -> str:
    if not text.strip():
        raise ImageOnlyDocument(
            name, f"the PDF ({pages} page(s)) has no text layer; it needs OCR first"
        )
    return text


def pdf_text(data: bytes, name: str) -> str:
    """The text layer of the PDF ``data`` (read with pypdf; see decision 0003)."""
    return pypdf_text(data, name)
