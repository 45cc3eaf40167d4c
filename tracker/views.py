"""JSON-ready views of a motion for ``tracker show``: its facts, deadlines and history.

The schema is stable: keys are only ever added.
"""

from __future__ import annotations

from typing import Any

from events.log import event_data
from events.values import to_jsonable
from tracker.explain import explain_motion
from tracker.motion import Motion
from tracker.state import DEFAULT_RULES, Rules, fraktionen, motion_status


def motion_view(motion: Motion, rules: Rules = DEFAULT_RULES) -> dict[str, Any]:
    """The motion's current facts; each deadline and open report duty with the explanation
    of its due date (:mod:`tracker.explain`)."""
    decision = motion.decision
    explained = {e.obligation_id: e.as_json() for e in explain_motion(motion, rules)}
    return {
        "id": str(motion.id),
        "reference": motion.reference,
        "body": motion.body,
        "title": motion.title,
        "kind": motion.kind,
        "state": motion.state,
        "initiators": list(motion.initiators),
        "fraktion": ", ".join(fraktionen(motion.initiators)) or None,
        "public": motion.is_public,
        "addressee": motion.addressee,
        "office": motion.office,
        "consultations": [
            {"committee": c.committee, "date": c.on, "role": c.role, "result": c.result}
            for c in motion.consultations
        ],
        "decision": None
        if decision is None
        else {
            "committee": decision.committee,
            "date": decision.on,
            "outcome": decision.outcome,
            "text": decision.text,
        },
        "deadlines": [
            {
                "id": d.deadline_id,
                "kind": d.kind,
                "due": d.due,
                "original_due": d.original_due,
                "window_start": d.window_start,
                "phrase": d.phrase,
                "rule": d.rule,
                "met_on": d.met_on,
                "explanation": explained.get(d.deadline_id),
                "history": [
                    {
                        "due": h.due,
                        "effective": h.effective,
                        "recorded": h.recorded,
                        "reason": h.reason,
                    }
                    for h in d.history
                ],
            }
            for d in motion.deadlines.values()
        ],
        "report_obligations": [
            {
                "id": o.obligation_id,
                "recipient": o.recipient,
                "recurrence": o.recurrence,
                "first_due": o.first_due,
                "phrase": o.phrase,
                "submitted": o.submitted,
                "ended_on": o.ended_on,
                "explanation": explained.get(o.obligation_id),
            }
            for o in motion.obligations.values()
        ],
        "reports": [
            {
                "date": r.on,
                "kind": r.report_kind,
                "document": r.document_reference,
                "obligation": r.obligation_id,
            }
            for r in motion.reports
        ],
        "answers": [
            {
                "reference": a.reference,
                "kind": a.report_kind,
                "date": a.on,
                "phrase": a.phrase,
                "rule": a.rule,
            }
            for a in motion.answers
        ],
        "review": [
            {
                "item": r.item_id,
                "reason": r.reason,
                "phrase": r.phrase,
                "rule": r.rule,
                "document": r.document,
                "resolution": r.resolution,
                "resolved_by": r.resolved_by,
                "note": r.note,
            }
            for r in motion.reviews.values()
        ],
        "status": motion_status(motion.life),
        "progress": sorted(motion.progress_reports, key=lambda p: p["on"]),
        "done_on": motion.done_on,
        "closed_on": motion.closed_on,
        "closed_by": motion.closed_by,
        "completed_on": motion.completed_on,
        "completion_note": motion.completion_note,
        "withdrawn_on": motion.withdrawn_on,
        "version": motion.version,
    }


def history_view(events: list[Any]) -> list[dict[str, Any]]:
    """A motion's events with both times and provenance."""
    return [
        {
            "version": e.originator_version,
            "event": type(e).__name__,
            "recorded": to_jsonable(e.timestamp),
            "effective": to_jsonable(getattr(e, "effective", None)),
            "data": event_data(e),
        }
        for e in events
    ]
