"""The OParl HTTP client against httpx.MockTransport: retries, lenient JSON, lists."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from oparl.client import (
    DEFAULT_USER_AGENT,
    ClientOptions,
    OParlClient,
    RateLimiter,
    missing_params,
    parse_json,
    with_params,
)
from oparl.problems import Problems
from tracker.errors import FetchError

Handler = Callable[[httpx.Request], httpx.Response]


def client(handler: Handler, **options: Any) -> tuple[OParlClient, list[float]]:
    slept: list[float] = []
    opts = ClientOptions(**({"rate": 0, "backoff": 1.0} | options))
    return (
        OParlClient(opts, Problems(), transport=httpx.MockTransport(handler), sleep=slept.append),
        slept,
    )


def test_a_server_error_is_retried_with_growing_backoff_then_succeeds() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        if len(calls) <= 2:
            return httpx.Response(503)
        return httpx.Response(200, json={"id": "x"})

    c, slept = client(handler)
    assert c.get_object("http://s/x") == {"id": "x"}
    assert len(calls) == 3
    assert 0.5 <= slept[0] <= 1.0 and 1.0 <= slept[1] <= 2.0
    assert c.problems.counts() == {"retried": 2}
    assert c.requests.total == 3


def test_retries_are_bounded() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(500)

    c, _ = client(handler, retries=2)
    with pytest.raises(FetchError) as caught:
        c.get_object("http://s/x")
    assert (len(calls), caught.value.status) == (3, 500)
    assert "after 3 attempts" in str(caught.value)


def test_timeouts_are_retried() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ReadTimeout("slow", request=request)
        return httpx.Response(200, json={"id": "x"})

    c, _ = client(handler)
    assert c.get_object("http://s/x") == {"id": "x"}
    assert len(calls) == 2


def test_a_client_error_is_not_retried() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return httpx.Response(404)

    c, _ = client(handler)
    with pytest.raises(FetchError) as caught:
        c.get_object("http://s/x")
    assert (len(calls), caught.value.status) == (1, 404)


def test_retry_after_is_honoured_up_to_the_cap() -> None:
    answers = iter(
        [httpx.Response(429, headers={"Retry-After": "120"}), httpx.Response(200, json={})]
    )
    c, slept = client(lambda r: next(answers), backoff_max=7.0)
    c.get_object("http://s/x")
    assert slept == [7.0]


def test_requests_name_the_tool_and_have_a_timeout() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={})

    c, _ = client(handler, timeout=3.0)
    c.get_object("http://s/x")
    assert seen[0].headers["User-Agent"] == DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith("tracker-oparl-sync/")
    assert seen[0].extensions["timeout"]["read"] == 3.0


def test_raw_control_characters_in_json_are_tolerated_and_counted() -> None:
    problems = Problems()
    text = '{"name": "Radweg\x0bKonzept\x07", "n": 1}'
    assert parse_json(text, "http://s/x", problems) == {"name": "Radweg\x0bKonzept\x07", "n": 1}
    assert problems.counts() == {"control_characters": 1}


def test_text_that_is_not_json_is_a_fetch_error() -> None:
    with pytest.raises(FetchError, match="not JSON"):
        parse_json("<html>Wartungsarbeiten</html>", "http://s/x", Problems())


def test_params_are_set_and_missing_ones_found() -> None:
    url = with_params("http://s/p?page=2&modified_since=old", {"modified_since": "new"})
    assert parse_qs(urlsplit(url).query) == {"page": ["2"], "modified_since": ["new"]}
    assert missing_params("http://s/p?page=2", {"modified_since": "x"}) == {"modified_since": "x"}


def pages_handler(pages: Mapping[str, Any], asked: list[str]) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        key = request.url.params.get("page", "1")
        if key not in pages:
            return httpx.Response(404)
        return httpx.Response(200, text=json.dumps(pages[key]))

    return handler


def test_a_list_is_followed_to_the_end_and_the_dropped_filter_put_back() -> None:
    asked: list[str] = []
    pages = {
        "1": {"data": [{"id": "a"}], "links": {"next": "http://s/p?page=2"}},
        "2": {"data": [{"id": "b"}, "junk"], "links": {"next": "/p?page=3"}},
        "3": {"data": [{"id": "c"}], "links": {}},
    }
    c, _ = client(pages_handler(pages, asked))
    got = list(c.iter_list("http://s/p", {"modified_since": "2015-01-01T00:00:00+01:00"}))
    assert [[i["id"] for i in page.items] for page in got] == [["a"], ["b"], ["c"]]
    assert all(
        parse_qs(urlsplit(u).query)["modified_since"] == ["2015-01-01T00:00:00+01:00"]
        for u in asked
    )
    assert c.problems.counts() == {"bad_object": 1, "filter_dropped": 2}


def test_a_list_answering_404_or_a_bare_array_is_empty() -> None:
    c, _ = client(lambda r: httpx.Response(404))
    assert list(c.iter_list("http://s/p")) == []
    c2, _ = client(lambda r: httpx.Response(200, json=[]))
    assert [p.items for p in c2.iter_list("http://s/p")] == [[]]
    assert (c.problems.counts(), c2.problems.counts()) == ({"list_not_found": 1}, {"bare_list": 1})


def test_a_failing_later_page_raises_and_a_next_loop_ends_the_list() -> None:
    asked: list[str] = []
    c, _ = client(pages_handler({"1": {"data": [], "links": {"next": "http://s/p?page=9"}}}, asked))
    with pytest.raises(FetchError):
        list(c.iter_list("http://s/p"))
    looping = {"1": {"data": [{"id": "a"}], "links": {"next": "http://s/p"}}}
    c2, _ = client(pages_handler(looping, []))
    assert len(list(c2.iter_list("http://s/p"))) == 1
    assert c2.problems.counts() == {"next_loop": 1}


def test_several_objects_are_fetched_with_failures_returned() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/gone":
            return httpx.Response(404)
        return httpx.Response(200, json={"id": str(request.url)})

    c, _ = client(handler, concurrency=3)
    got = c.get_objects(["http://s/a", "http://s/gone", "http://s/b", "http://s/a"])
    assert got["http://s/a"] == {"id": "http://s/a"}
    assert isinstance(got["http://s/gone"], FetchError)
    assert len(got) == 3


def test_the_rate_limiter_spaces_requests() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)

    limiter = RateLimiter(4.0, monotonic=lambda: now[0], sleep=sleep)
    for _ in range(3):
        limiter.wait()
    assert slept == [0.25, 0.5]
    RateLimiter(0, sleep=sleep).wait()
    assert len(slept) == 2
