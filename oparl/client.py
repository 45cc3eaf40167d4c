"""A polite, stubborn HTTP client for OParl servers.

Polite: a ``User-Agent`` naming the tool, a request rate limit shared by all threads, a cap
on concurrent requests, timeouts always on. Stubborn: bounded retries with exponential
backoff on 5xx, 429, timeouts and connection errors; JSON with raw control characters is
read anyway; a list that answers 404 or a bare ``[]`` is an empty list; a ``next`` link that
lost the ``modified_since`` filter gets it back. Every repair is counted in
:class:`~oparl.problems.Problems` with the URL.

Nothing here knows what the objects mean; :mod:`oparl.clean` repairs their fields.
"""

from __future__ import annotations

import json
import random
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx

from oparl.problems import Problems
from tracker.errors import FetchError
from tracker.logs import get_logger

log = get_logger()


def _version() -> str:
    try:
        return metadata.version("tracker")
    except metadata.PackageNotFoundError:
        return "0"


#: Names the tool to server operators, as OParl server operators ask.
DEFAULT_USER_AGENT = f"tracker-oparl-sync/{_version()} (council deadline tracker; httpx)"

#: Statuses worth asking again: the server is busy or broken for the moment.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class ClientOptions:
    """How the client treats a server. Times are seconds; ``rate`` is requests per second
    (0: unlimited)."""

    timeout: float = 10.0
    retries: int = 3
    backoff: float = 1.0
    backoff_max: float = 30.0
    rate: float = 5.0
    concurrency: int = 2
    user_agent: str = DEFAULT_USER_AGENT


class RateLimiter:
    """Spaces requests at least ``1 / rate`` seconds apart across all threads."""

    def __init__(
        self,
        rate: float,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._interval = 1.0 / rate if rate > 0 else 0.0
        self._monotonic = monotonic
        self._sleep = sleep
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        """Block until the next request may go."""
        if self._interval == 0.0:
            return
        with self._lock:
            now = self._monotonic()
            slot = max(now, self._next)
            self._next = slot + self._interval
        if slot > now:
            self._sleep(slot - now)


@dataclass(frozen=True)
class Page:
    """One page of an OParl list: its URL and its objects (dicts only)."""

    url: str
    items: list[dict[str, Any]]


@dataclass
class RequestCount:
    """Requests sent (retries included), thread-safe."""

    total: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self) -> None:
        with self._lock:
            self.total += 1


def parse_json(text: str, url: str, problems: Problems) -> Any:
    """JSON from ``text``; raw control characters (invalid JSON, common) are tolerated."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as first:
        if "control character" not in first.msg:
            raise FetchError(url, f"not JSON: {first.msg} at {first.pos}") from None
    try:
        data = json.loads(text, strict=False)
    except json.JSONDecodeError:
        try:
            data = json.loads(_CONTROL.sub(" ", text), strict=False)
        except json.JSONDecodeError as exc:
            raise FetchError(url, f"not JSON: {exc.msg} at {exc.pos}") from None
    problems.add("control_characters", url, "invalid control characters in JSON")
    return data


def with_params(url: str, params: Mapping[str, str]) -> str:
    """``url`` with ``params`` set in its query (replacing values of the same names)."""
    if not params:
        return url
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in params]
    query += list(params.items())
    return urlunsplit(parts._replace(query=urlencode(query)))


def missing_params(url: str, params: Mapping[str, str]) -> dict[str, str]:
    """The ``params`` that ``url``'s query lacks."""
    present = {k for k, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True)}
    return {k: v for k, v in params.items() if k not in present}


class OParlClient:
    """GET JSON from an OParl server with retries, a rate limit and a concurrency cap."""

    def __init__(
        self,
        options: ClientOptions,
        problems: Problems,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.options = options
        self.problems = problems
        self.requests = RequestCount()
        self._sleep = sleep
        self._limiter = RateLimiter(options.rate, sleep=sleep)
        self._slots = threading.BoundedSemaphore(max(1, options.concurrency))
        self._http = httpx.Client(
            timeout=httpx.Timeout(options.timeout),
            headers={"User-Agent": options.user_agent, "Accept": "application/json"},
            follow_redirects=True,
            limits=httpx.Limits(max_connections=max(1, options.concurrency)),
            transport=transport,
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> OParlClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- single requests -------------------------------------------------------------------

    def _send(self, url: str, limit: int | None) -> tuple[httpx.Response, bytes]:
        """One GET; the body is read (at most ``limit`` bytes) only for a success."""
        self._limiter.wait()
        with self._slots:
            self.requests.add()
            with self._http.stream("GET", url) as response:
                if response.status_code >= 400:
                    return response, b""
                declared = response.headers.get("Content-Length", "")
                if limit is not None and declared.isdigit() and int(declared) > limit:
                    raise FetchError(url, f"larger than {limit} bytes", response.status_code)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if limit is not None and size > limit:
                        raise FetchError(url, f"larger than {limit} bytes", response.status_code)
                    chunks.append(chunk)
                return response, b"".join(chunks)

    def _delay(self, attempt: int, response: httpx.Response | None) -> float:
        base = min(self.options.backoff * 2 ** (attempt - 1), self.options.backoff_max)
        if response is not None and response.status_code == 429:
            after = response.headers.get("Retry-After", "")
            if after.isdigit():
                return min(float(after), self.options.backoff_max)
        return float(base * random.uniform(0.5, 1.0))

    def get_bytes(self, url: str, limit: int | None = None) -> tuple[httpx.Response, bytes]:
        """The response and body of ``url``, retrying transient failures.

        Raises :class:`FetchError` (``status`` 404 for a missing object) after at most
        ``1 + retries`` attempts, and at once for another 4xx or a body over ``limit``.
        """
        attempts = 1 + max(0, self.options.retries)
        reason = ""
        status: int | None = None
        for attempt in range(1, attempts + 1):
            response: httpx.Response | None = None
            try:
                response, data = self._send(url, limit)
            except httpx.TimeoutException:
                reason, status = "timed out", None
            except httpx.TransportError as exc:
                reason, status = f"connection failed: {type(exc).__name__}", None
            else:
                if response.status_code < 400:
                    return response, data
                status = response.status_code
                reason = f"HTTP {status}"
                if status not in RETRY_STATUSES:
                    raise FetchError(url, reason, status)
            if attempt < attempts:
                delay = self._delay(attempt, response)
                self.problems.add("retried", url, f"{reason}; attempt {attempt}, wait {delay:.2f}s")
                self._sleep(delay)
        raise FetchError(url, f"{reason} after {attempts} attempts", status)

    def get_text(self, url: str) -> tuple[str, str]:
        """The body of ``url`` as text (by its declared charset, else UTF-8) and the final
        URL; see :meth:`get_bytes`."""
        response, data = self.get_bytes(url)
        charset = response.charset_encoding or "utf-8"
        try:
            return data.decode(charset, errors="replace"), str(response.url)
        except LookupError:
            return data.decode("utf-8", errors="replace"), str(response.url)

    def get_json(self, url: str) -> tuple[Any, str]:
        """The JSON at ``url`` and the final URL (see :meth:`get_text`)."""
        text, final = self.get_text(url)
        return parse_json(text, url, self.problems), final

    def get_object(self, url: str) -> dict[str, Any]:
        """One OParl object; anything but a JSON object raises :class:`FetchError`."""
        data, _ = self.get_json(url)
        if not isinstance(data, dict):
            raise FetchError(url, f"expected an object, got {type(data).__name__}")
        return data

    def get_objects(self, urls: Iterable[str]) -> dict[str, dict[str, Any] | FetchError]:
        """Several objects at once, ``concurrency`` at a time; failures are returned."""

        def one(url: str) -> tuple[str, dict[str, Any] | FetchError]:
            try:
                return url, self.get_object(url)
            except FetchError as exc:
                return url, exc

        wanted = list(dict.fromkeys(urls))
        if len(wanted) <= 1:
            return dict(one(u) for u in wanted)
        with ThreadPoolExecutor(max_workers=max(1, self.options.concurrency)) as pool:
            return dict(pool.map(one, wanted))

    # -- lists -----------------------------------------------------------------------------

    def iter_list(self, url: str, params: Mapping[str, str] | None = None) -> Iterator[Page]:
        """Every page of the list at ``url``, following ``links.next`` to the end.

        ``params`` (such as ``modified_since``) are sent with the first page and put back
        on any ``next`` link that dropped them. A 404 or a bare JSON array is an empty
        (or one-page) list. A page that fails after the retries raises :class:`FetchError`:
        the list is incomplete.
        """
        filters = dict(params or {})
        current: str | None = with_params(url, filters)
        visited: set[str] = set()
        while current is not None:
            visited.add(current)
            try:
                data, _ = self.get_json(current)
            except FetchError as exc:
                if exc.status == 404 and not visited - {current}:
                    self.problems.add("list_not_found", current, "404 for a list: empty")
                    return
                raise
            if isinstance(data, list):
                self.problems.add("bare_list", current, "a JSON array instead of a list page")
                yield Page(current, [item for item in data if isinstance(item, dict)])
                return
            if not isinstance(data, dict):
                raise FetchError(current, f"expected a list page, got {type(data).__name__}")
            items = data.get("data")
            if items is None:
                items = []
            if not isinstance(items, list):
                raise FetchError(current, "the page's data is not an array")
            bad = sum(1 for item in items if not isinstance(item, dict))
            if bad:
                self.problems.add("bad_object", current, f"{bad} list entries are not objects")
            yield Page(current, [item for item in items if isinstance(item, dict)])
            current = self._next_link(data, current, filters, visited)

    def _next_link(
        self, page: dict[str, Any], url: str, filters: dict[str, str], visited: set[str]
    ) -> str | None:
        links = page.get("links")
        nxt = links.get("next") if isinstance(links, dict) else None
        if not isinstance(nxt, str) or not nxt.strip():
            return None
        nxt = str(httpx.URL(url).join(nxt.strip()))
        lost = missing_params(nxt, filters)
        if lost:
            self.problems.add("filter_dropped", nxt, f"next link lost {', '.join(sorted(lost))}")
            nxt = with_params(nxt, lost)
        if nxt in visited:
            self.problems.add("next_loop", nxt, "the next link points to a page already read")
            return None
        return nxt
