"""Per process and per request: the ``[web]`` settings, the bootstrap, who is signed in.

``[web]`` in tracker.toml (all optional)::

    [web]
    base_url = "https://fristen.bezirk.example"   # links in e-mails, the Atom feed
    page_size = 50                                 # rows per page of a listing
    secure_cookies = true                          # false only behind plain HTTP on loopback
    auth_header = "X-Remote-User"                  # single sign-on: the proxy's user header ...
    trusted_proxies = ["127.0.0.1"]                # ... believed only from these addresses
    document_dirs = ["/srv/ratsdokumente"]         # where ingested documents are kept
    link_requires_login = false                    # reminder links: sign in first?

A user named by the trusted header must exist as a local account (``tracker user add NAME
--role R``, without a password): the account says the role and the office.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from starlette.requests import Request

from bootstrap import Bootstrap
from tracker.errors import ConfigurationError
from tracker.settings import Settings, load_settings
from web import uploads
from web.accounts import PUBLIC, Accounts, User
from web.params import Forbidden

SESSION_COOKIE = "tracker_session"
CSRF_COOKIE = "tracker_csrf"


@dataclass(frozen=True)
class WebSettings:
    """The ``[web]`` table."""

    base_url: str = "http://127.0.0.1:8080"
    page_size: int = 50
    secure_cookies: bool = True
    auth_header: str | None = None
    trusted_proxies: tuple[str, ...] = ()
    #: Folders holding the documents ingested from files, to show their text (by file name,
    #: only when the bytes still have the recorded SHA-256).
    document_dirs: tuple[str, ...] = ()
    #: Whether a reminder link (``/sachstand/{token}``) also needs a signed-in user.
    link_requires_login: bool = False

    @classmethod
    def from_settings(cls, settings: Settings) -> WebSettings:
        """Read and check ``[web]`` (``base_url`` as :attr:`Settings.base_url` reads it, for
        the e-mails too); unknown keys are an error (typos)."""
        section = settings.section("web")
        known = {
            "base_url", "page_size", "secure_cookies", "auth_header", "trusted_proxies",
            "document_dirs", "link_requires_login",
        }  # fmt: skip
        unknown = set(section) - known
        if unknown:
            raise ConfigurationError(f"[web]: unknown setting(s) {', '.join(sorted(unknown))}")
        base = settings.base_url or cls.base_url
        size = section.get("page_size", cls.page_size)
        secure = section.get("secure_cookies", True)
        header = section.get("auth_header")
        proxies = section.get("trusted_proxies", [])
        folders = section.get("document_dirs", [])
        if not isinstance(folders, list) or not all(isinstance(f, str) for f in folders):
            raise ConfigurationError("[web] document_dirs must be a list of folders")
        if not isinstance(size, int) or isinstance(size, bool) or not 1 <= size <= 500:
            raise ConfigurationError("[web] page_size must be a whole number 1..500")
        if not isinstance(secure, bool):
            raise ConfigurationError("[web] secure_cookies must be true or false")
        if header is not None and (not isinstance(header, str) or not header.strip()):
            raise ConfigurationError("[web] auth_header must be a header name")
        if not isinstance(proxies, list) or not all(isinstance(p, str) for p in proxies):
            raise ConfigurationError("[web] trusted_proxies must be a list of addresses")
        login = section.get("link_requires_login", False)
        if not isinstance(login, bool):
            raise ConfigurationError("[web] link_requires_login must be true or false")
        if header and not proxies:
            raise ConfigurationError("[web] auth_header needs trusted_proxies")
        return cls(base.rstrip("/"), size, secure, header, tuple(proxies), tuple(folders), login)


class Web:
    """What one server process holds: the settings, read once, and the tables made once."""

    def __init__(
        self, *, db: str | None = None, now: str | None = None, config: str | None = None
    ) -> None:
        self.settings: Settings = load_settings(db=db, now=now, config=config)
        self.web = WebSettings.from_settings(self.settings)
        with self.open() as c:
            Accounts.create_tables(c.store)
            uploads.create_tables(c.store)

    def bootstrap(self, user: User | None = None) -> Bootstrap:
        """A bootstrap for one request, recording as ``user`` when signed in (the caller
        closes it)."""
        return Bootstrap(settings=self.settings, user=user.name if user else None)

    @contextmanager
    def open(self, user: User | None = None) -> Iterator[Bootstrap]:
        """A bootstrap for one request (recording as ``user`` when signed in), closed after."""
        c = self.bootstrap(user)
        try:
            yield c
        finally:
            c.close()

    def now(self) -> datetime:
        """The injected clock's time."""
        return self.settings.clock.now()

    def user(self, request: Request, accounts: Accounts) -> tuple[User, str | None]:
        """Who sent ``request``, and the CSRF token of their session (None when anonymous).

        Order: the trusted proxy's header (from a trusted address only), the session cookie.
        """
        header = self.web.auth_header
        client = request.client.host if request.client else None
        if header and client in self.web.trusted_proxies:
            name = request.headers.get(header)
            if name:
                found = accounts.get(name.strip())
                if found is None:
                    raise Forbidden("Für diese Anmeldung ist kein Konto eingerichtet.")
                return found, _proxy_csrf(request)
        token = request.cookies.get(SESSION_COOKIE)
        if token:
            session = accounts.session(token, now=self.now())
            if session is not None:
                return session
        return PUBLIC, None

    def bearer(self, request: Request, accounts: Accounts) -> User | None:
        """The user of an ``Authorization: Bearer`` API token (None without one)."""
        value = request.headers.get("authorization", "")
        scheme, _, token = value.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        return accounts.token_user(token.strip())


def _proxy_csrf(request: Request) -> str | None:
    """Behind single sign-on there is no session of ours: the CSRF cookie is the token."""
    return request.cookies.get(CSRF_COOKIE)


def new_csrf() -> str:
    """A fresh token for the double-submitted CSRF cookie (visitors not signed in)."""
    return secrets.token_urlsafe(32)


def csrf_ok(expected: str | None, given: object) -> bool:
    """Whether a form's token matches (constant time); no expected token never matches."""
    return (
        isinstance(expected, str)
        and isinstance(given, str)
        and bool(given)
        and secrets.compare_digest(expected, given)
    )
