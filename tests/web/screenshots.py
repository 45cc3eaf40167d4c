"""The screenshots in docs/screenshots/ (linked from the README), made by hand:

    .venv/bin/python -m tests.web.screenshots

Seeds a store as the web tests do, records a Sachstand, serves it, and photographs the board
and a motion page with Debian's chromium (desktop and phone width), the committee page,
and a motion with a statutory due date answered by a Stellungnahme.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tests.web.browser import chromium
from tests.web.conftest import REPO, seed, start_server, tracker, write_config

OUT = REPO / "docs" / "screenshots"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ["TRACKER_USER"] = "Gremienbüro"
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "db")
        ids = seed(db)
        tracker(db, "progress", "1263/IV", "--text", "Konferenz ist für Mai geplant",
                "--reason", "Raum erst ab Mai frei", "--next", "Einladungen versenden",
                "--expected", "29.05.2026", "--date", "20.02.2026")  # fmt: skip
        tracker(db, "deadline", "extend", "1263/IV", "D1", "--to", "29.05.2026",
                "--reason", "Raum nicht verfügbar", "--effective", "20.02.2026")  # fmt: skip
        answers = REPO / "tests" / "data" / "sachstand"
        for name in ("hh-22-5001-auskunftsersuchen.txt", "hh-22-5001.1-stellungnahme.txt"):
            tracker(db, "ingest", str(answers / name), now="2024-04-20T10:00")
        question = tracker(db, "show", "22-5001", "--format", "json")
        ids["22-5001"] = question.split('"id": "', 1)[1].split('"', 1)[0]
        server = start_server(db, config=write_config(Path(folder)))
        try:
            with chromium("--lang=de-DE") as browser:
                for name, width in (("", 1280), ("-phone", 390)):
                    page = browser.new_page(locale="de-DE", viewport={"width": width,
                                                                      "height": 900})  # fmt: skip
                    page.goto(server.url)
                    page.screenshot(path=str(OUT / f"board{name}.png"), full_page=True)
                    page.goto(f"{server.url}/motions/{ids['1263/IV']}")
                    page.screenshot(path=str(OUT / f"motion{name}.png"), full_page=True)
                    if not name:
                        page.goto(f"{server.url}/committees/Ausschuss%20Soziales")
                        page.screenshot(path=str(OUT / "committee.png"), full_page=True)
                        page.goto(f"{server.url}/motions/{ids['22-5001']}")
                        page.screenshot(path=str(OUT / "motion-answered.png"), full_page=True)
                    page.close()
        finally:
            server.stop()
    print(f"written to {OUT}")


if __name__ == "__main__":
    main()
