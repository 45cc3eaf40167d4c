"""Choosing the web stack (decision 0020): start-up time and one page's latency.

Each candidate (Starlette, FastAPI, Litestar; all served by uvicorn) serves the same page:
a Jinja2 template (autoescaping) with a 50-row table. Measured, each in a fresh process:

* start-up: from interpreter start to the first answered request (import, app, server);
* latency: median and p95 of 500 sequential requests for the page over loopback.

Run by hand: ``.venv/bin/python bench/bench_web_stack.py``.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import sys
import time

import httpx

TEMPLATE = """<!doctype html><html lang="de"><body><table>
{% for r in rows %}<tr><td>{{ r.reference }}</td><td>{{ r.title }}</td><td>{{ r.due }}</td></tr>
{% endfor %}</table></body></html>"""

ROWS = (
    "[{'reference': f'{i}/IV', 'title': '<b>Titel</b> %d' % i, 'due': '2026-01-01'}"
    " for i in range(50)]"
)

APPS = {
    "starlette": f"""
import jinja2
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route
env = jinja2.Environment(autoescape=True)
t = env.from_string({TEMPLATE!r})
async def page(request):
    return HTMLResponse(t.render(rows={ROWS}))
app = Starlette(routes=[Route('/', page)])
""",
    "fastapi": f"""
import jinja2
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
env = jinja2.Environment(autoescape=True)
t = env.from_string({TEMPLATE!r})
app = FastAPI()
@app.get('/', response_class=HTMLResponse)
async def page():
    return HTMLResponse(t.render(rows={ROWS}))
""",
    "litestar": f"""
import jinja2
from litestar import Litestar, get, MediaType
env = jinja2.Environment(autoescape=True)
t = env.from_string({TEMPLATE!r})
@get('/', media_type=MediaType.HTML)
async def page() -> str:
    return t.render(rows={ROWS})
app = Litestar([page])
""",
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def measure(name: str, source: str) -> dict[str, float]:
    port = _free_port()
    code = source + (
        f"\nimport uvicorn\nuvicorn.run(app, host='127.0.0.1', port={port}, log_level='error')\n"
    )
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code])
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as client:
            while True:
                try:
                    client.get("/").raise_for_status()
                    break
                except httpx.TransportError:
                    time.sleep(0.005)
            startup = time.perf_counter() - start
            times = []
            for _ in range(500):
                t0 = time.perf_counter()
                client.get("/").raise_for_status()
                times.append((time.perf_counter() - t0) * 1000)
    finally:
        proc.terminate()
        proc.wait(5)
    times.sort()
    return {
        "startup_ms": startup * 1000,
        "median_ms": statistics.median(times),
        "p95_ms": times[int(len(times) * 0.95)],
    }


def main() -> None:
    for name, source in APPS.items():
        runs = [measure(name, source) for _ in range(3)]
        best = {k: min(r[k] for r in runs) for k in runs[0]}
        print(
            f"{name:10} start-up {best['startup_ms']:6.0f} ms   page median "
            f"{best['median_ms']:.2f} ms   p95 {best['p95_ms']:.2f} ms"
        )


if __name__ == "__main__":
    main()
