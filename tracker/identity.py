"""How a motion is named: natural keys and the deterministic motion id (GUIDE rule 3).

A module of its own, without the aggregate and the event classes, so that read-only commands
(``tracker overdue`` on a current board) can look references up without importing them.
"""

from __future__ import annotations

import uuid
from uuid import UUID

#: Namespace of motion ids: uuid5(MOTION_NAMESPACE, f"{body}\x1f{reference}").
MOTION_NAMESPACE = UUID("0b4f3b8e-6a52-5d1c-9a7e-2f61c3d0a9e4")


def normalise_key(text: str) -> str:
    """Whitespace-collapsed, case-folded form used in natural keys."""
    return " ".join(text.split()).casefold()


def reference_key(reference: str) -> str:
    """A reference with all whitespace removed, case-folded: ``1263 / iv`` is ``1263/IV``."""
    return "".join(reference.split()).casefold()


def motion_id(body: str, reference: str) -> UUID:
    """The deterministic id of the motion ``reference`` of ``body``."""
    return uuid.uuid5(MOTION_NAMESPACE, f"{normalise_key(body)}\x1f{reference_key(reference)}")
