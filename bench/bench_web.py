"""The web front at scale: the board page and /api/overdue at 100,000 motions, and many
concurrent readers.

Usage: python bench/bench_web.py [--motions 100000] [--requests 200] [--readers 200]
       [--seconds 60] [--keep DIR]

1. generates the log as ``bench_board.py`` does (≈ 4.5 events per motion, due dates over
   2015-2024, 40 offices, 12 bodies) in a temporary SQLite store, builds the board
   (``tracker rebuild board``) and starts ``tracker serve`` on 127.0.0.1 with the clock at
   2020-01-01 (about half the open rows overdue);
2. sequentially, ``--requests`` times each: the board page (``/``, first page of 50 with the
   total, as a public visitor: public items only), the board filtered by one office, and
   ``/api/overdue``: median and p95 of the server's own time (its ``Server-Timing``
   header) and of the time seen by the client over loopback;
3. ``--readers`` concurrent clients on loopback for ``--seconds`` (bounded: each stops at
   the end), each requesting the board page and ``/api/overdue`` in turn: answers, errors,
   throughput, client-side latency, and the server's peak memory (VmHWM).

Prints Markdown for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_board import generate
from machine import describe

from events.store import parse_location
from tracker.service import open_log

NOW = "2020-01-01T09:00"


def tracker(db: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    script = Path(sys.executable).parent / "tracker"
    return subprocess.run([str(script), "--db", db, "--now", NOW, *args], check=True,
                          capture_output=True)  # fmt: skip


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def sequential(client: httpx.Client, path: str, n: int) -> tuple[list[float], list[float]]:
    server, seen = [], []
    client.get(path).raise_for_status()  # warm
    for _ in range(n):
        start = time.perf_counter()
        answer = client.get(path)
        seen.append((time.perf_counter() - start) * 1000)
        answer.raise_for_status()
        server.append(float(answer.headers["server-timing"].split("dur=")[1]))
    return server, seen


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
    """One GET on a kept-alive connection (a minimal HTTP/1.1 client: the load generator
    shares the machine's two cores with the server, so it must cost little)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    await reader.readexactly(length)
    return status


async def readers(port: int, count: int, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    kinds: dict[str, int] = {}
    stop = time.monotonic() + seconds

    async def one(n: int) -> None:
        nonlocal errors
        paths = ("/", "/api/overdue")
        i = n
        connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        while time.monotonic() < stop:
            start = time.perf_counter()
            try:
                if connection is None:
                    connection = await asyncio.open_connection("127.0.0.1", port)
                status = await asyncio.wait_for(_get(*connection, paths[i % 2]), 60)
                if status != 200:
                    errors += 1
                    kinds[str(status)] = kinds.get(str(status), 0) + 1
            except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as exc:
                errors += 1
                kinds[type(exc).__name__] = kinds.get(type(exc).__name__, 0) + 1
                if connection is not None:
                    connection[1].close()
                connection = None
            latencies.append((time.perf_counter() - start) * 1000)
            i += 1
        if connection is not None:
            connection[1].close()

    started = time.perf_counter()
    await asyncio.gather(*(one(n) for n in range(count)))
    took = time.perf_counter() - started
    result: dict[str, Any] = {
        "requests": len(latencies),
        "errors": errors,
        "kinds": kinds,
        "per_second": len(latencies) / took,
        "median_ms": statistics.median(latencies),
        "p95_ms": percentile(latencies, 0.95),
    }
    return result


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--motions", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--keep", default=None, help="keep (and reuse) the store in this folder")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp())
    db = str(folder / "db")
    if not (folder / "db").exists():
        app = open_log(parse_location(db))
        events = generate(app, args.motions)
        app.close()
        tracker(db, "rebuild", "board")
        print(f"generated {args.motions:,} motions ({events:,} events)", file=sys.stderr)
    port = 18_765
    script = Path(sys.executable).parent / "tracker"
    server = subprocess.Popen([str(script), "--db", db, "--now", NOW, "serve", "--port",
                               str(port)], stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(600):
                try:
                    client.get("/healthz")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            office = client.get("/api/stats").json()["by_office"][0]["office"]
            print(f"{describe()}; {args.motions:,} motions, clock {NOW}\n")
            print("| request | server median | server p95 | client median | client p95 |")
            print("|---|---|---|---|---|")
            for label, path in (
                ("board page `/`", "/"),
                ("board page, one office", f"/?office={office.replace(' ', '+')}"),
                ("`/api/overdue`", "/api/overdue"),
            ):
                server_ms, seen_ms = sequential(client, path, args.requests)
                print(f"| {label} | {statistics.median(server_ms):.1f} ms "
                      f"| {percentile(server_ms, 0.95):.1f} ms "
                      f"| {statistics.median(seen_ms):.1f} ms "
                      f"| {percentile(seen_ms, 0.95):.1f} ms |")  # fmt: skip
        result = asyncio.run(readers(port, args.readers, args.seconds))
        print(f"\n{args.readers} concurrent readers for {args.seconds:.0f} s (board page and "
              f"/api/overdue in turn): {result['requests']:,} answers, {result['errors']} "
              f"errors {result['kinds'] or ''}, {result['per_second']:.0f}/s, latency median "
              f"{result['median_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms; server peak "
              f"memory {peak_memory_mb(server.pid):.0f} MiB")  # fmt: skip
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
