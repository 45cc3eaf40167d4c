"""Who may sign in to the web front: local accounts, sessions, API tokens, the login limit.

Accounts live in tables beside the log (``web_users``, ``web_sessions``, ``web_tokens``,
``web_login_failures``), not as events (docs/decisions/0020): a password hash is a secret
that must be replaceable and erasable, which an append-only, sealed log cannot offer, and
who may sign in is not a fact of the council. What a user *does* is recorded in the log, with
the user's name as the event's provenance.

Passwords are hashed with Argon2id (argon2-cffi, its default parameters). Session and API
tokens are random (``secrets.token_urlsafe``) and stored only as their SHA-256, so a copy of
the tables lets nobody sign in. Times come from the injected clock.

Roles (:data:`ROLES`):

* ``public``: public items only (also every visitor who is not signed in);
* ``councillor``: everything, non-public items included, read only;
* ``office``: reads everything, writes only the motions its office is responsible for;
* ``reviewer``: reads everything, works the review queue;
* ``administrator``: everything, and the users.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from events.store import Database
from tracker.errors import InputError, NotFound

ROLES = ("public", "councillor", "office", "reviewer", "administrator")
#: Roles that may see non-public items.
SEE_ALL = frozenset(ROLES) - {"public"}
SESSION_HOURS = 12
#: Failed sign-ins per name within :data:`FAILURE_WINDOW` before further tries are refused.
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)

_CREATE = [
    """CREATE TABLE IF NOT EXISTS {p}web_users (
        name TEXT PRIMARY KEY, role TEXT NOT NULL, office TEXT, password_hash TEXT,
        created TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS {p}web_sessions (
        token_hash TEXT PRIMARY KEY, name TEXT NOT NULL, csrf TEXT NOT NULL,
        expires TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS {p}web_tokens (
        token_hash TEXT PRIMARY KEY, name TEXT NOT NULL, created TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS {p}web_login_failures (
        name TEXT NOT NULL, at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS {p}web_used_links (
        digest TEXT PRIMARY KEY, used TEXT NOT NULL)""",
]


class AuthError(InputError):
    """A sign-in that failed (wrong name or password); the message never says which."""


class TooManyAttempts(AuthError):
    """Too many failed sign-ins for one name in a short time."""


@dataclass(frozen=True)
class User:
    """A signed-in person (or the anonymous public visitor: ``name`` None)."""

    name: str | None
    role: str
    office: str | None = None

    @property
    def sees_all(self) -> bool:
        """Whether non-public items are shown."""
        return self.role in SEE_ALL

    def may_write(self, office: str | None) -> bool:
        """Whether the user may record Sachstand, extensions, done and closure on a motion
        whose Federführung is ``office``."""
        if self.role == "administrator":
            return True
        return self.role == "office" and office is not None and office == self.office

    @property
    def may_review(self) -> bool:
        """Whether the user works the review queue (and uploads documents)."""
        return self.role in ("reviewer", "administrator")


PUBLIC = User(None, "public")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Accounts:
    """The account tables of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.p = db.table_prefix

    @staticmethod
    def create_tables(db: Database) -> None:
        """Make the tables (once per process; they are kept when they exist)."""
        with db.transaction() as cur:
            for sql in _CREATE:
                cur.execute(sql.format(p=db.table_prefix))

    # -- users -------------------------------------------------------------------------

    def add_user(
        self, name: str, role: str, *, office: str | None, password: str | None, now: datetime
    ) -> User:
        """Create a user (``password`` None: sign-in only through the trusted proxy header)."""
        from argon2 import PasswordHasher  # deferred: only accounts that sign in need it

        name = name.strip()
        if not name:
            raise InputError("a user needs a name")
        if role not in ROLES:
            raise InputError(f"role {role!r} is not one of: {', '.join(ROLES)}")
        if role == "office" and not office:
            raise InputError("a user with role 'office' needs --office")
        if password is not None and len(password) < 10:
            raise InputError("a password needs at least 10 characters")
        if self.get(name) is not None:
            raise InputError(f"user {name!r} exists already")
        hashed = PasswordHasher().hash(password) if password is not None else None
        with self.db.transaction() as cur:
            cur.execute(
                f"INSERT INTO {self.p}web_users (name, role, office, password_hash, created)"
                " VALUES (?, ?, ?, ?, ?)",
                (name, role, office, hashed, now.isoformat()),
            )
        return User(name, role, office)

    def get(self, name: str) -> User | None:
        """The user of this name, or None."""
        rows = self.db.query(
            f"SELECT name, role, office FROM {self.p}web_users WHERE name = ?", (name,)
        )
        return User(*rows[0]) if rows else None

    def users(self) -> list[User]:
        """Every user, by name."""
        rows = self.db.query(f"SELECT name, role, office FROM {self.p}web_users ORDER BY name")
        return [User(*r) for r in rows]

    def remove_user(self, name: str) -> None:
        """Delete a user with their sessions and tokens."""
        if self.get(name) is None:
            raise NotFound(f"no user {name!r}")
        with self.db.transaction() as cur:
            for table in ("web_sessions", "web_tokens", "web_users"):
                cur.execute(f"DELETE FROM {self.p}{table} WHERE name = ?", (name,))

    # -- signing in --------------------------------------------------------------------

    def authenticate(self, name: str, password: str, *, now: datetime) -> User:
        """The user, if the password is right; failures count towards the limit."""
        from argon2 import PasswordHasher  # deferred: only sign-in needs it
        from argon2.exceptions import InvalidHashError, VerificationError

        since = (now - FAILURE_WINDOW).isoformat()
        failures = self.db.query(
            f"SELECT COUNT(*) FROM {self.p}web_login_failures WHERE name = ? AND at > ?",
            (name, since),
        )[0][0]
        if int(failures) >= MAX_FAILURES:
            raise TooManyAttempts("too many failed sign-ins; try again later")
        rows = self.db.query(
            f"SELECT name, role, office, password_hash FROM {self.p}web_users WHERE name = ?",
            (name,),
        )
        hasher = PasswordHasher()
        try:
            if not rows or rows[0][3] is None:
                # the same work as a real check, so timing does not tell who exists
                hasher.verify(_DUMMY_HASH, password + "x")
            hasher.verify(rows[0][3], password)
        except (VerificationError, InvalidHashError):
            with self.db.transaction() as cur:
                cur.execute(
                    f"INSERT INTO {self.p}web_login_failures (name, at) VALUES (?, ?)",
                    (name, now.isoformat()),
                )
            raise AuthError("wrong name or password") from None
        with self.db.transaction() as cur:
            cur.execute(f"DELETE FROM {self.p}web_login_failures WHERE name = ?", (name,))
        return User(*rows[0][:3])

    def open_session(self, user: User, *, now: datetime) -> tuple[str, str]:
        """A new session for ``user``: ``(session token, CSRF token)``."""
        assert user.name is not None
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        expires = (now + timedelta(hours=SESSION_HOURS)).isoformat()
        with self.db.transaction() as cur:
            cur.execute(f"DELETE FROM {self.p}web_sessions WHERE expires < ?", (now.isoformat(),))
            cur.execute(
                f"INSERT INTO {self.p}web_sessions (token_hash, name, csrf, expires)"
                " VALUES (?, ?, ?, ?)",
                (_digest(token), user.name, csrf, expires),
            )
        return token, csrf

    def session(self, token: str, *, now: datetime) -> tuple[User, str] | None:
        """The user and CSRF token of a live session, or None."""
        rows = self.db.query(
            f"SELECT u.name, u.role, u.office, s.csrf FROM {self.p}web_sessions s"
            f" JOIN {self.p}web_users u ON u.name = s.name"
            " WHERE s.token_hash = ? AND s.expires > ?",
            (_digest(token), now.isoformat()),
        )
        if not rows:
            return None
        name, role, office, csrf = rows[0]
        return User(name, role, office), str(csrf)

    def close_session(self, token: str) -> None:
        """Sign out."""
        with self.db.transaction() as cur:
            cur.execute(f"DELETE FROM {self.p}web_sessions WHERE token_hash = ?", (_digest(token),))

    # -- API tokens --------------------------------------------------------------------

    def issue_token(self, name: str, *, now: datetime) -> str:
        """A new API token for ``name`` (shown once; only its hash is kept)."""
        if self.get(name) is None:
            raise NotFound(f"no user {name!r}")
        token = "trk_" + secrets.token_urlsafe(32)
        with self.db.transaction() as cur:
            cur.execute(
                f"INSERT INTO {self.p}web_tokens (token_hash, name, created) VALUES (?, ?, ?)",
                (_digest(token), name, now.isoformat()),
            )
        return token

    def token_user(self, token: str) -> User | None:
        """The user an API token belongs to, or None."""
        rows = self.db.query(
            f"SELECT u.name, u.role, u.office FROM {self.p}web_tokens t"
            f" JOIN {self.p}web_users u ON u.name = t.name WHERE t.token_hash = ?",
            (_digest(token),),
        )
        return User(*rows[0]) if rows else None


class Links:
    """The reminder links used so far (:mod:`tracker.links`): each is accepted once."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.p = db.table_prefix

    def used(self, digest: str) -> bool:
        """Whether the link with this digest was used."""
        rows = self.db.query(f"SELECT 1 FROM {self.p}web_used_links WHERE digest = ?", (digest,))
        return bool(rows)

    def claim(self, digest: str, *, now: datetime) -> bool:
        """Mark the link used; False when it was already (atomic: one of two racing wins)."""
        with self.db.transaction() as cur:
            cur.execute(
                f"INSERT INTO {self.p}web_used_links (digest, used) VALUES (?, ?)"
                " ON CONFLICT (digest) DO NOTHING",
                (digest, now.isoformat()),
            )
            return cur.rowcount == 1

    def release(self, digest: str) -> None:
        """Undo :meth:`claim` (the write it guarded failed)."""
        with self.db.transaction() as cur:
            cur.execute(f"DELETE FROM {self.p}web_used_links WHERE digest = ?", (digest,))


#: An Argon2id hash of a random password, verified against when the user does not exist.
_DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$5ME7SDUoi128HPl3c86Crw"
    "$P2HDjlijXZKIOHaMCwuNmCaFopsv17fwWnGHhj/Z42Y"
)
