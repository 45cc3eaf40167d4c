"""A local OParl server on 127.0.0.1 for the sync's tests and benchmark.

Objects are written against the placeholder host :data:`BASE`; the server replaces it with
its own ``http://127.0.0.1:PORT`` in every answer, so worlds are built before the port is
known. Lists are served page by page with ``modified_since`` filtering; faults are
injected per request target: 500s, delays (timeouts), 404 lists, bare ``[]`` lists, raw
control characters, and ``next`` links that lose the filter. ``files`` are served as PDFs.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

BASE = "http://oparl.invalid"

_ESCAPED_CONTROL = re.compile(r"\\u00(0[0-8bcef]|1[0-9a-f])")


@dataclass
class OParlWorld:
    """What the server serves, and what it was asked."""

    objects: dict[str, Any] = field(default_factory=dict)
    lists: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    page_size: dict[str, int] = field(default_factory=dict)
    default_page_size: int = 2
    failures: dict[str, int] = field(default_factory=dict)
    delays: dict[str, list[float]] = field(default_factory=dict)
    not_found_lists: set[str] = field(default_factory=set)
    bare_lists: set[str] = field(default_factory=set)
    drop_filter: set[str] = field(default_factory=set)
    raw_controls: set[str] = field(default_factory=set)
    files: dict[str, bytes] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def put(self, obj: dict[str, Any]) -> dict[str, Any]:
        """Serve ``obj`` at its own id (under :data:`BASE`)."""
        self.objects[path_of(obj["id"])] = obj
        return obj

    def add_to_list(self, list_url: str, obj: dict[str, Any], *, serve: bool = True) -> None:
        """Append ``obj`` to the list at ``list_url`` (and serve it at its id)."""
        self.lists.setdefault(path_of(list_url), []).append(obj)
        if serve:
            self.put(obj)

    def replace(self, list_url: str, obj: dict[str, Any]) -> None:
        """Replace the object with ``obj['id']`` in a list and at its id."""
        items = self.lists[path_of(list_url)]
        for i, item in enumerate(items):
            if item["id"] == obj["id"]:
                items[i] = obj
        self.put(obj)

    def log(self) -> list[str]:
        """Request targets received so far."""
        with self.lock:
            return list(self.requests)

    def clear_log(self) -> None:
        with self.lock:
            self.requests.clear()


def path_of(url: str) -> str:
    """The request target (path and query) of an URL under :data:`BASE`."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _since(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


class _Handler(BaseHTTPRequestHandler):
    world: OParlWorld
    base: str

    def log_message(self, format: str, *args: Any) -> None:
        return None

    def do_GET(self) -> None:
        world = self.world
        target = self.path
        with world.lock:
            world.requests.append(target)
            delays = world.delays.get(target) or world.delays.get(urlsplit(target).path)
            delay = delays.pop(0) if delays else 0.0
            key = target if target in world.failures else urlsplit(target).path
            failing = world.failures.get(key, 0) > 0
            if failing:
                world.failures[key] -= 1
        if delay:
            time.sleep(delay)
        if failing:
            self._send(500, "internal error", "text/plain")
            return
        if target in world.files:
            self._send_bytes(200, world.files[target], "application/pdf")
            return
        status, body = self._answer(target)
        if isinstance(body, str):
            self._send(status, body, "text/plain")
            return
        text = json.dumps(body, ensure_ascii=False).replace(BASE, self.base)
        if urlsplit(target).path in world.raw_controls:
            text = _ESCAPED_CONTROL.sub(lambda m: chr(int(m.group(1), 16)), text)
        self._send(status, text, "application/json")

    def _answer(self, target: str) -> tuple[int, Any]:
        world = self.world
        parts = urlsplit(target)
        if parts.path in world.not_found_lists:
            return 404, "not found"
        if parts.path in world.bare_lists:
            return 200, []
        if parts.path in world.lists:
            return 200, self._page(parts.path, dict(parse_qsl(parts.query)))
        if target in world.objects:
            return 200, world.objects[target]
        if parts.path in world.objects and not parts.query:
            return 200, world.objects[parts.path]
        return 404, "not found"

    def _page(self, path: str, query: dict[str, str]) -> dict[str, Any]:
        world = self.world
        items = world.lists[path]
        since = query.get("modified_since")
        if since:
            limit = _since(since)
            items = [i for i in items if "modified" not in i or _since(i["modified"]) >= limit]
        size = world.page_size.get(path, world.default_page_size)
        page = int(query.get("page", "1"))
        chunk = items[(page - 1) * size : page * size]
        links = {
            "first": BASE + path + "?" + urlencode({k: v for k, v in query.items() if k != "page"})
        }
        if page * size < len(items):
            following = dict(query, page=str(page + 1))
            if path in world.drop_filter:
                following.pop("modified_since", None)
            links["next"] = BASE + path + "?" + urlencode(following)
        return {
            "data": chunk,
            "pagination": {
                "totalElements": len(items),
                "elementsPerPage": size,
                "currentPage": page,
                "totalPages": max(1, -(-len(items) // size)),
            },
            "links": links,
        }

    def _send(self, status: int, text: str, content_type: str) -> None:
        self._send_bytes(status, text.encode("utf-8"), f"{content_type}; charset=utf-8")

    def _send_bytes(self, status: int, data: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (a timeout test) is expected; stay quiet."""


@contextmanager
def serve(world: OParlWorld, port: int = 0) -> Iterator[str]:
    """Serve ``world`` on 127.0.0.1 (a free port unless given); yields the base URL."""
    handler: type[_Handler] = type("Handler", (_Handler,), {"world": world, "base": ""})
    server = _Server(("127.0.0.1", port), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    handler.base = base
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
