"""The soak's SMTP server: aiosmtpd on 127.0.0.1 in its own process, so it can be SIGKILLed.

Usage: python bench/soak_smtp.py --port PORT --log FILE --control FILE

Every accepted message is appended to ``--log`` as one JSON line (receipt time, Message-ID,
the reminder keys and the worker header) and flushed to disk before ``250`` is answered, so
a message the server accepted is on record even if the server is killed a moment later.
``--control`` holds a number of seconds to wait before answering DATA (a slow server); the
soak rewrites it at random.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import threading
import time
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, log: Path, control: Path) -> None:
        self.log = log
        self.control = control
        self.lock = threading.Lock()

    def delay(self) -> float:
        try:
            return float(self.control.read_text().strip() or 0)
        except (OSError, ValueError):
            return 0.0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        wait = self.delay()
        if wait > 0:
            await asyncio.sleep(wait)
        message = message_from_bytes(envelope.content, policy=policy.default)
        line = json.dumps(
            {
                "t": time.time(),
                "message_id": str(message["Message-ID"]),
                "keys": str(message["X-Tracker-Reminder-Keys"] or "").split(),
                "worker": str(message["X-Tracker-Worker"] or ""),
                "to": list(envelope.rcpt_tos),
                "delay": wait,
            }
        )
        with self.lock, self.log.open("a", encoding="utf-8") as out:
            out.write(line + "\n")
            out.flush()
            os.fsync(out.fileno())
        return "250 OK"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log", type=Path, required=True)
    parser.add_argument("--control", type=Path, required=True)
    args = parser.parse_args()
    controller = Controller(
        Handler(args.log, args.control), hostname="127.0.0.1", port=args.port, ready_timeout=30
    )
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print("ready", flush=True)
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
