"""Shared fixtures of the document-reader tests."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
FORMATS = REPO / "tests" / "data" / "seeds_formats"


@pytest.fixture
def formats_dir() -> Path:
    """The seeds as .txt, .html and .pdf (tests/data/seeds_formats)."""
    return FORMATS
