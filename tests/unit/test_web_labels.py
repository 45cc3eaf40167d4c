"""Every event and every review reason has the German words the web front shows for it."""

from __future__ import annotations

import inspect

import events.motion as motion_events
from tracker.documents.model import REVIEW_REASONS
from web.render import EVENT, REVIEW_REASON


def test_every_motion_event_has_a_german_label() -> None:
    names = {
        name
        for name, cls in inspect.getmembers(motion_events, inspect.isclass)
        if cls.__module__ == motion_events.__name__
        and issubclass(cls, (motion_events.MotionEvent, motion_events.Registered))
        and cls is not motion_events.MotionEvent
    }
    assert names, "no event classes found"
    assert names - EVENT.keys() == set()


def test_every_review_reason_has_a_german_label() -> None:
    assert REVIEW_REASONS.keys() == REVIEW_REASON.keys()
