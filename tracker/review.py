"""The review queue: what the reader could not resolve, until a person looks.

Ingesting a document records each of its ``review`` items as a ``ReviewRequested`` event on
its motion (the phrase, the rule, the document). A person closes an item with
:func:`resolve`: ``confirmed`` (what was read stands) or ``corrected`` (recorded beside a
correction), a ``ReviewResolved`` event with the person as provenance. Nothing is edited.

:func:`open_reviews` lists the open items, filtered by body or office; it reads only the
review events of the log (by topic), then the motions they name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from eventsourcing.utils import get_topic

from events.motion import ReviewRequested
from tracker.motion import Motion, ReviewItem
from tracker.service import TrackerService

REVIEW_TOPIC = get_topic(ReviewRequested)
_BATCH = 1000


@dataclass(frozen=True)
class OpenReview:
    """One open item with the motion it belongs to."""

    motion: Motion
    item: ReviewItem

    def as_json(self) -> dict[str, object]:
        """The JSON object of ``tracker review --format json``."""
        m, i = self.motion, self.item
        return {
            "reference": m.reference,
            "body": m.body,
            "title": m.title,
            "office": m.office,
            "addressee": m.addressee,
            "item": i.item_id,
            "reason": i.reason,
            "phrase": i.phrase,
            "rule": i.rule,
            "document": i.document,
            "requested": i.requested.isoformat() if i.requested else None,
        }


def _motions_with_reviews(service: TrackerService) -> Iterator[UUID]:
    seen: set[UUID] = set()
    recorder = service.app.recorder
    start = 1
    while True:
        batch = recorder.select_notifications(start, _BATCH, topics=[REVIEW_TOPIC])
        for n in batch:
            mid = n.originator_id if isinstance(n.originator_id, UUID) else UUID(n.originator_id)
            if mid not in seen:
                seen.add(mid)
                yield mid
        if len(batch) < _BATCH:
            return
        start = batch[-1].id + 1


def _matches(value: str | None, wanted: str | None) -> bool:
    return wanted is None or (value or "").casefold() == wanted.casefold()


def open_reviews(
    service: TrackerService, *, body: str | None = None, office: str | None = None
) -> list[OpenReview]:
    """Every open review item, by body, then reference, then item."""
    found: list[OpenReview] = []
    for mid in _motions_with_reviews(service):
        motion = service.get(mid)
        if not (_matches(motion.body, body) and _matches(motion.office, office)):
            continue
        found.extend(OpenReview(motion, item) for item in motion.open_reviews)
    found.sort(key=lambda r: (r.motion.body, r.motion.reference, int(r.item.item_id[1:])))
    return found


def resolve(
    service: TrackerService,
    reference: str,
    item_id: str | None,
    *,
    body: str | None = None,
    resolution: str = "confirmed",
    note: str | None = None,
    effective: date | None = None,
) -> list[str]:
    """Close one review item of a motion (every open one when ``item_id`` is None)."""
    motion = service.find(reference, body)
    meta = service.meta(effective)
    closed, _ = service.change(
        motion.id,
        lambda m: m.resolve_review(item_id, resolution=resolution, note=note, meta=meta),
    )
    return closed
