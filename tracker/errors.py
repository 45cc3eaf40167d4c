"""The tracker's errors: one small tree rooted in :class:`TrackerError`.

Every error the tracker raises on purpose is one of these; anything else is a bug.
The CLI maps them to exit codes: :class:`InputError` and its subclasses are bad input
or usage (exit 2), every other :class:`TrackerError` is a domain error (exit 1).

::

    TrackerError
    ├── InputError                  bad input: the caller can fix it (exit 2)
    │   ├── InvalidDate             a date that does not exist or cannot be read
    │   ├── ConfigurationError      settings, --db, tracker.toml
    │   └── DocumentError           a council document that cannot be read (one file)
    │       ├── EmptyDocument
    │       ├── BinaryDocument
    │       ├── ImageOnlyDocument   a PDF without a text layer
    │       ├── DocumentTooLarge
    │       ├── UnreadableDocument  missing path, permission, broken file
    │       └── NoReference         no Drucksachen-Nr. could be found
    ├── StorageError                the event store cannot be reached or opened
    ├── NotFound                    unknown motion, deadline or reminder
    │   ├── UnknownMotion
    │   └── UnknownDeadline
    ├── RuleViolation               a command that the motion's rules forbid
    │   ├── MotionClosed            the motion is completed or withdrawn
    │   └── DateOrderError          e.g. a due date before the decision date
    ├── ConcurrencyError            a save kept losing the optimistic-concurrency race
    ├── IntegrityViolation          the audit chain does not match the log
    ├── SyncError                   an OParl server could not be read (oparl)
    │   └── FetchError              one URL failed after bounded retries, or is not JSON
    └── DeliveryError               a reminder could not be delivered
        ├── TransientDeliveryError  retry later (SMTP 4xx, HTTP 5xx, a webhook unreachable)
        │   └── ChannelUnavailable  the channel itself fails (SMTP login, TLS, connection):
        │                           the pass stops using it, every reminder stays pending
        └── PermanentDeliveryError  do not retry this message (SMTP 5xx, HTTP 4xx)
"""

from __future__ import annotations


class TrackerError(Exception):
    """Root of every error the tracker raises on purpose."""

    exit_code = 1


class InputError(TrackerError):
    """Bad input or usage that the caller can correct."""

    exit_code = 2


class InvalidDate(InputError):
    """A date that does not exist (31.02.2024) or cannot be read."""


class ConfigurationError(InputError):
    """Invalid settings: --db, environment variables, tracker.toml."""


class DocumentError(InputError):
    """A council document that cannot be read; names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class EmptyDocument(DocumentError):
    """The file has no text."""


class BinaryDocument(DocumentError):
    """The file is neither text, HTML nor PDF."""


class ImageOnlyDocument(DocumentError):
    """A PDF without a text layer (scanned pages)."""


class DocumentTooLarge(DocumentError):
    """The file exceeds the configured size limit."""


class UnreadableDocument(DocumentError):
    """The path is missing, not a file, not permitted, or the file is broken."""


class NoReference(DocumentError):
    """No Drucksachen-Nr. (reference) could be found in the document."""


class StorageError(TrackerError):
    """The event store cannot be opened or reached."""


class NotFound(TrackerError):
    """Something named by the caller does not exist."""


class UnknownMotion(NotFound):
    """No motion with this body and reference."""


class UnknownDeadline(NotFound):
    """The motion has no deadline with this id."""


class RuleViolation(TrackerError):
    """A command that the motion's rules forbid."""


class MotionClosed(RuleViolation):
    """The motion is completed or withdrawn and takes no further obligations."""


class DateOrderError(RuleViolation):
    """Dates in the wrong order, e.g. a due date before the decision date."""


class ConcurrencyError(TrackerError):
    """A save kept losing the optimistic-concurrency race after all retries."""


class IntegrityViolation(TrackerError):
    """The audit hash chain does not match the stored log."""


class SyncError(TrackerError):
    """An OParl server could not be read: its System or Body, or a list page."""


class FetchError(SyncError):
    """One URL failed after the bounded retries, answered 4xx, or sent no JSON.

    ``status`` is the HTTP status (None for timeouts and connection errors).
    """

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


class DeliveryError(TrackerError):
    """A reminder could not be delivered."""


class TransientDeliveryError(DeliveryError):
    """Delivery failed for a reason that may pass: retry with backoff."""


class PermanentDeliveryError(DeliveryError):
    """Delivery was refused for good: do not retry."""


class ChannelUnavailable(TransientDeliveryError):
    """The channel cannot deliver anything now: the server is unreachable, refuses the
    login, or offers no TLS. Not a verdict on one message: the pass stops sending on this
    channel and the reminders stay pending. ``retry`` is False when retrying within the
    pass cannot help (a wrong password, a missing STARTTLS)."""

    def __init__(self, message: str, *, retry: bool = True) -> None:
        super().__init__(message)
        self.retry = retry
