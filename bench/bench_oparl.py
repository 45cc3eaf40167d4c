"""OParl sync at scale: a full sync of N papers from a local server, then incremental syncs.

Usage: python bench/bench_oparl.py [--papers N] [--page-size P] [--postgres URL]
                                   [--concurrency C] [--changed FRACTION]

A local OParl 1.1 server (``tests/integration/oparl``; one body, N generated papers with an
embedded consultation each, N/3 meetings with the agenda items embedded, 3 organizations;
pages of P objects) runs in a child process on 127.0.0.1. Each phase runs in a fresh child
process, so its peak RSS is its own:

* ``full``: the first sync (every list from the start, every paper recorded);
* ``incremental``: the server restarted with FRACTION of the papers changed (a new title and
  ``modified``); the sync asks with ``modified_since`` and records only the changes;
* ``unchanged``: once more with nothing changed.

Each phase reports wall time, the sync process's CPU time (steadier on a shared machine;
the server and PostgreSQL run in other processes), HTTP requests, objects seen, events
appended and peak RSS (``ru_maxrss``). No rate limit (``rate = 0``): the numbers are the
tool's own cost; at the default 5 requests/s, a real server adds requests / 5 seconds.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing as mp
import os
import resource
import socket
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import structlog
from machine import describe

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from events.store import connect, parse_location  # noqa: E402
from oparl.client import ClientOptions, OParlClient  # noqa: E402
from oparl.mirror import Mirror  # noqa: E402
from oparl.problems import Problems  # noqa: E402
from oparl.sync import OParlSync  # noqa: E402
from tests.integration.oparl.server import BASE, OParlWorld, path_of, serve  # noqa: E402
from tests.integration.oparl.world import gen_paper, generated_body  # noqa: E402
from tracker.clock import FixedClock  # noqa: E402
from tracker.service import TrackerService, open_log  # noqa: E402

T1 = datetime(2015, 6, 1, tzinfo=UTC)
T2 = datetime(2015, 6, 3, tzinfo=UTC)
T3 = datetime(2015, 6, 5, tzinfo=UTC)


def build_world(papers: int, page_size: int, changed: float) -> OParlWorld:
    """The benchmark body; every ``1/changed``-th paper changed when ``changed`` > 0."""
    world = OParlWorld(default_page_size=page_size)
    body = generated_body(world, papers, quirks=False)
    world.objects["/"] = {
        "id": f"{BASE}/",
        "type": "https://schema.oparl.org/1.1/System",
        "oparlVersion": "https://schema.oparl.org/1.1/",
        "body": f"{BASE}/bodies",
    }
    world.lists["/bodies"] = [body]
    for name in ("agendaItem", "file"):  # 1.1 lists, empty here (agenda items are embedded)
        world.lists[path_of(body[name])] = []
    if changed > 0:
        step = max(1, round(1 / changed))
        for i in range(step, papers + 1, step):
            paper = gen_paper(i, modified="2015-06-02T10:00:00+02:00")
            paper["name"] += " (geändert)"
            world.replace(body["paper"], paper)
    return world


def quiet() -> None:
    """Warnings and errors only: the benchmark measures, it does not narrate."""
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))


def server(papers: int, page_size: int, changed: float, port: int, ready: Any, stop: Any) -> None:
    """Child process: serve the world until told to stop (the same port every phase: object
    ids are URLs, and a server that moves changes every id)."""
    quiet()
    world = build_world(papers, page_size, changed)
    with serve(world, port) as base:
        ready.put(base)
        stop.wait()


def phase(db: str, base: str, at: datetime, concurrency: int, out: Any) -> None:
    """Child process: one sync, reporting time, requests and peak RSS."""
    quiet()
    location = parse_location(db)
    app = open_log(location)
    database = connect(location)
    options = ClientOptions(timeout=30, retries=3, backoff=0.1, rate=0, concurrency=concurrency)
    service = TrackerService(app, FixedClock(at), "bench")
    head = service.head()
    cpu = time.process_time()
    started = time.perf_counter()
    with OParlClient(options, Problems()) as client:
        summary = OParlSync(service, Mirror(database), client).run(base + "/")
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu
    out.put(
        {
            "seconds": elapsed,
            "cpu_seconds": cpu,
            "requests": summary.requests,
            "seen": summary.total("seen"),
            "changed": summary.total("changed"),
            "events": service.head() - head,
            "motions_new": summary.motions_new,
            "motions_updated": summary.motions_updated,
            "errors": summary.errors,
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    )
    database.close()
    app.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def run_phase(
    db: str,
    papers: int,
    page_size: int,
    changed: float,
    at: datetime,
    concurrency: int,
    port: int,
) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    ready, stop, out = ctx.Queue(), ctx.Event(), ctx.Queue()
    srv = ctx.Process(target=server, args=(papers, page_size, changed, port, ready, stop))
    srv.start()
    try:
        base = ready.get(timeout=60)
        worker = ctx.Process(target=phase, args=(db, base, at, concurrency, out))
        worker.start()
        result: dict[str, Any] = out.get(timeout=3600)
        worker.join()
    finally:
        stop.set()
        srv.join(timeout=30)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--changed", type=float, default=0.01)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--postgres", help="postgresql:// URL; a temporary schema is used")
    args = parser.parse_args()
    print(f"{datetime.now(UTC):%Y-%m-%d}, {describe()}")
    with tempfile.TemporaryDirectory() as tmp:
        targets = [("SQLite", str(Path(tmp) / "db"))]
        if args.postgres:
            schema = f"bench_oparl_{os.getpid()}"
            targets.append(("PostgreSQL", f"{args.postgres}?schema={schema}"))
        port = free_port()
        for name, db in targets:
            print(f"\n{name}: {args.papers} papers, pages of {args.page_size}")
            print("| phase | wall s | CPU s | requests | objects seen | events | peak RSS MiB |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            for label, changed, at in (
                ("full", 0.0, T1),
                (f"incremental, {args.changed:.0%} changed", args.changed, T2),
                ("incremental, nothing changed", args.changed, T3),
            ):
                r = run_phase(db, args.papers, args.page_size, changed, at, args.concurrency, port)
                print(
                    f"| {label} | {r['seconds']:.2f} | {r['cpu_seconds']:.2f} | {r['requests']} "
                    f"| {r['seen']} "
                    f"| {r['events']} | {r['peak_rss_mib']:.0f} |",
                    flush=True,
                )
            if name == "PostgreSQL":
                _drop_schema(args.postgres, schema)


def _drop_schema(url: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


if __name__ == "__main__":
    main()
