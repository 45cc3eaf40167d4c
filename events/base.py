"""What every event module shares: the ``event`` marker that tells type checkers what the
library's metaclass does at run time (every event class becomes a frozen dataclass)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

_T = TypeVar("_T")

if TYPE_CHECKING:
    from dataclasses import dataclass

    def event(cls: type[_T]) -> type[_T]:
        """Mark an event class (a frozen dataclass, made so by the library's metaclass)."""
        return dataclass(frozen=True)(cls)
else:

    def event(cls):
        return cls
