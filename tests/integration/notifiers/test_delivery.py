"""Delivery against a real SMTP server that refuses: 4xx is retried, 5xx fails for good."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from structlog.testing import capture_logs

from console.render.reminders import motion_reminders_view, reminder_stats, render_motion_reminders
from events.reminders import ReminderFailed, ReminderSent
from events.store import connect
from notifiers.email import EmailNotifier, parse_smtp_url
from tests.integration.notifiers.conftest import Reminders
from tests.integration.notifiers.smtp import SmtpServer, free_port
from tracker.errors import ConfigurationError, TransientDeliveryError


def outcome_events(rem: Reminders) -> list[object]:
    return [
        e.event for e in rem.service.log() if isinstance(e.event, ReminderSent | ReminderFailed)
    ]


def test_a_server_answering_451_then_250_gets_one_mail(rem: Reminders) -> None:
    rem.add("A-1", date(2014, 12, 18))
    rem.smtp.handler.replies = ["451 4.3.0 Mailbox busy, try later"]
    rem.clock.set(date(2014, 12, 18))
    result = rem.notify()
    assert rem.smtp.handler.refused == ["451 4.3.0 Mailbox busy, try later"]
    assert len(rem.smtp.received) == 1 and result.counts["sent"] == 1
    (event,) = outcome_events(rem)
    assert isinstance(event, ReminderSent) and event.stage == "due"
    rem.notify()
    assert len(rem.smtp.received) == 1


def test_a_server_answering_554_leads_to_a_permanent_failure(rem: Reminders) -> None:
    mid = rem.add("A-1", date(2014, 12, 18))
    rem.smtp.handler.replies = ["554 5.7.1 Rejected"]
    rem.clock.set(date(2014, 12, 18))
    result = rem.notify()
    assert result.counts["failed_permanent"] == 1 and not rem.smtp.received
    assert len(rem.smtp.handler.refused) == 1  # not retried
    (event,) = outcome_events(rem)
    assert isinstance(event, ReminderFailed) and event.permanent
    assert "554" in event.error and event.channel == "email"
    row = {r.key: r for r in rem.reminders.reminders(["failed"])}[f"{mid}/D1/2014-12-18/due"]
    assert row.error is not None and "554" in row.error
    rem.notify()
    assert not rem.smtp.received


def test_a_server_refusing_with_4xx_every_time_keeps_the_reminder_planned(rem: Reminders) -> None:
    mid = rem.add("A-1", date(2014, 12, 18))
    rem.smtp.handler.replies = ["421 4.3.2 down"] * 3
    rem.clock.set(date(2014, 12, 18))
    result = rem.notify()
    assert result.counts["failed_transient"] == 1 and not rem.smtp.received
    (event,) = outcome_events(rem)
    assert isinstance(event, ReminderFailed) and not event.permanent and event.attempts == 3
    assert rem.status()[f"{mid}/D1/2014-12-18/due"] == "planned"


def test_a_server_without_starttls_is_refused_unless_the_url_allows_it(smtp: SmtpServer) -> None:
    secure = parse_smtp_url(f"smtp://127.0.0.1:{smtp.port}?timeout=5")
    notifier = EmailNotifier(secure, sender="t@example.org", worker="w")
    from tests.unit.notifiers.test_digest import sample_digest

    rendered = sample_digest()
    with pytest.raises(TransientDeliveryError, match="offers no STARTTLS"):
        notifier.send(rendered, now=rendered_now(), items=[])
    assert not smtp.received


def test_connection_refused_is_transient() -> None:
    config = parse_smtp_url(f"smtp://127.0.0.1:{free_port()}?starttls=no&timeout=2")
    from tests.unit.notifiers.test_digest import sample_digest

    with pytest.raises(TransientDeliveryError):
        EmailNotifier(config, sender="t@example.org", worker="w").send(
            sample_digest(), now=rendered_now(), items=[]
        )


def test_smtp_url_credentials_are_not_shown() -> None:
    config = parse_smtp_url("smtps://user:s3cret@mail.example:465")
    assert "s3cret" not in config.display and "s3cret" not in repr(config)
    assert config.tls and not config.starttls
    with pytest.raises(ConfigurationError):
        parse_smtp_url("http://mail.example")


def rendered_now() -> datetime:
    return datetime(2014, 12, 18, 7, 5, tzinfo=UTC)


def test_a_permanent_failure_is_visible_per_motion_and_in_the_counts(rem: Reminders) -> None:
    mid = rem.add("A-1", date(2014, 12, 18))
    rem.smtp.handler.replies = ["554 5.7.1 Rejected"]
    rem.clock.set(date(2014, 12, 18))
    rem.notify()
    shown = render_motion_reminders(motion_reminders_view(rem.reminders.for_motion(mid)))
    assert shown.startswith("reminder to stadt@mitte.example failed for good (due, D1): ")
    assert "554" in shown.splitlines()[0]
    assert reminder_stats(rem.reminders.counts()) == {
        "planned": 1,
        "sent": 0,
        "failed": 1,
        "skipped": 2,  # before-14 and before-3, coalesced into the due date's reminder
        "retired": 0,
        "retrying": 0,
    }


def test_two_workers_recording_the_same_key_collide_and_only_one_event_is_kept(
    rem: Reminders,
) -> None:
    """A worker with a stale view (the row still planned at version 0) records the same
    reminder again: the stream's version collides, nothing is appended, the row settles."""
    mid = rem.add("A-1", date(2014, 12, 18))
    rem.clock.set(date(2014, 12, 18))
    rem.notify()
    key = f"{mid}/D1/2014-12-18/due"
    with connect(rem.location) as db, db.transaction() as cur:
        cur.execute(
            f"UPDATE {db.table_prefix}reminders SET status = 'planned', version = 0 WHERE key = ?",
            (key,),
        )
    dispatcher = rem.reminders.dispatcher(before_claim=lambda: None)  # no catch-up: stale
    with capture_logs() as logs:
        dispatcher.run_pass()
    assert any(e["event"] == "reminder_recorded_elsewhere" for e in logs)
    sent = [e.event for e in rem.service.log() if isinstance(e.event, ReminderSent)]
    assert [e.key for e in sent].count(key) == 1
    rem.reminders.catch_up()
    assert rem.status()[key] == "sent"
