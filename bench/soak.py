"""The bounded soak: `tracker run` with 3 workers on PostgreSQL, the clock advanced, SMTP
killed, restarted and slowed at random, one worker SIGKILLed every minute (issue 16).

Usage: python bench/soak.py [--minutes 10] [--workers 3] [--motions 200]
                            [--postgres URL] [--seed N] [--out FILE]

Run by hand, not in the test suite. What it does, in real time:

* a fresh PostgreSQL schema; ``--motions`` motions registered at the start instant
  (Monday 2015-01-05 09:00 Berlin), one completion deadline each, due dates spread so that
  every stage (14 and 3 days before, on the day, every 7 days overdue, escalation from 30
  days) falls after the start; offices spread over 8 addresses;
* ``[audit] key`` and a seal file, so the workers also sign seals concurrently;
* ``--workers`` processes of ``tracker --now T run``. The clock advances by restarting
  workers: every ``--step-seconds`` the simulated day moves on by ``--days-per-step`` and
  each worker is stopped with SIGTERM (it must exit 0) and started again at the new ``--now``;
* once a minute, at a random second, one running worker is SIGKILLed and restarted;
* the SMTP server (bench/soak_smtp.py, aiosmtpd in its own process) is, at random
  intervals, either SIGKILLed and restarted 3-15 s later, or slowed by 2-12 s per
  message (longer than the lease of 10 s: claims must be renewed) for 10-40 s;
* then the faults stop: the workers are stopped, one worker drains what the outages
  postponed, and ``tracker audit seal`` / ``audit verify`` check the log and its seals.

Checks: the reminders expected (computed here from the policy, independently of the read
model: every stage whose send time is not after the final instant) equal the reminders
sent or coalesced (skipped) in the read model; the keys received by the SMTP server equal
the keys the read model has as sent; every key received twice was in flight at a kill (its
first copy was accepted shortly before its worker was SIGKILLed, or the SMTP server was
killed before it could answer); a worker stopped with SIGTERM once it serves exits 0 (one
stopped while still starting up is ended by Python's default action and counted apart); and
``audit verify`` finds the log and its seals intact. Exit 1 when a check fails; the folder
(worker logs, received.jsonl, actions.jsonl) is kept for a look.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from machine import describe

from events.reminders import reminder_key
from events.store import StoreLocation, connect, parse_location
from events.values import Outcome
from notifiers.policy import parse_policy, send_instant
from notifiers.queue import epoch
from tracker.clock import BERLIN, FixedClock
from tracker.deadlines import legal_due_date
from tracker.service import TrackerService, open_log

REPO = Path(__file__).resolve().parents[1]
TRACKER = str(Path(sys.executable).parent / "tracker")
START = datetime(2015, 1, 5, 9, 0, tzinfo=BERLIN)
OFFICES = 8
LEASE = 10
ESCALATE_TO = "leitung@soak.example"


def reminders_section() -> dict[str, Any]:
    return {
        "sender": "fristen@soak.example",
        "fallback": "bvv@soak.example",
        "escalate_after": 30,
        "escalate_to": ESCALATE_TO,
        "lease_seconds": LEASE,
        "poll_seconds": 2,
        "retries": 2,
        "backoff_seconds": 0.5,
        "office": {f"Amt {k}": f"amt{k}@soak.example" for k in range(OFFICES)},
    }


def toml(section: dict[str, Any], folder: Path) -> str:
    lines = ["[reminders]"]
    for key, value in section.items():
        if isinstance(value, dict):
            continue
        lines.append(f"{key} = {json.dumps(value)}")
    lines.append("\n[reminders.office]")
    lines += [f"{json.dumps(k)} = {json.dumps(v)}" for k, v in section["office"].items()]
    lines.append("\n[audit]")
    lines.append(f"key = {json.dumps(str(folder / 'keys' / 'seal.key'))}")
    lines.append(f"seal_file = {json.dumps(str(folder / 'seals.jsonl'))}")
    return "\n".join(lines) + "\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def now_text(instant: datetime) -> str:
    return instant.astimezone(BERLIN).replace(tzinfo=None).isoformat(timespec="minutes")


@dataclass
class Log:
    """What the soak did, with real times."""

    actions: list[dict[str, Any]] = field(default_factory=list)

    def add(self, what: str, **data: Any) -> None:
        self.actions.append({"t": time.time(), "what": what, **data})

    def of(self, what: str) -> list[dict[str, Any]]:
        return [a for a in self.actions if a["what"] == what]


class Smtp:
    """The SMTP server process, killed and restarted on the same port."""

    def __init__(self, folder: Path, port: int, log: Log) -> None:
        self.folder, self.port, self.log = folder, port, log
        self.received = folder / "received.jsonl"
        self.control = folder / "smtp-delay"
        self.control.write_text("0")
        self.proc: subprocess.Popen[str] | None = None
        self.out: TextIO = (folder / "smtp.log").open("a")

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(REPO / "bench" / "soak_smtp.py"), "--port", str(self.port),
             "--log", str(self.received), "--control", str(self.control)],
            stdout=subprocess.PIPE, stderr=self.out, text=True,
        )  # fmt: skip
        assert self.proc.stdout is not None
        ready = self.proc.stdout.readline().strip()
        if ready != "ready":
            raise RuntimeError(f"the SMTP server did not start: {ready!r}")
        self.log.add("smtp_up", pid=self.proc.pid)

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.log.add("smtp_kill", pid=self.proc.pid)
            self.proc = None

    def slow(self, seconds: float) -> None:
        self.control.write_text(f"{seconds:.1f}")
        self.log.add("smtp_delay", seconds=round(seconds, 1))

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=30)
            self.proc = None
        self.out.close()


class Workers:
    """``tracker run`` processes, one per slot, each at its own ``--now``."""

    def __init__(self, folder: Path, db: str, config: Path, smtp_url: str, log: Log) -> None:
        self.folder, self.db, self.config, self.log = folder, db, config, log
        self.env = os.environ | {"TRACKER_SMTP_URL": smtp_url, "PYTHONUNBUFFERED": "1"}
        self.procs: dict[int, subprocess.Popen[bytes]] = {}
        self.nows: dict[int, datetime] = {}
        self.stopping: dict[int, tuple[subprocess.Popen[bytes], float, datetime]] = {}
        self.term_exits: Counter[int] = Counter()
        #: Workers that got SIGTERM before they served (still importing): Python's default
        #: action ends them (exit -15); nothing was claimed yet.
        self.early: set[int] = set()
        self.early_exits: Counter[int] = Counter()
        self.hung = 0

    def start(self, slot: int, now: datetime) -> None:
        out = (self.folder / f"worker-{slot}.log").open("ab")
        proc = subprocess.Popen(
            [TRACKER, "--db", self.db, "--config", str(self.config), "--now", now_text(now),
             "--log-level", "info", "run"],
            stdout=out, stderr=subprocess.STDOUT, env=self.env,
        )  # fmt: skip
        out.close()
        self.procs[slot], self.nows[slot] = proc, now
        self.log.add("worker_start", slot=slot, pid=proc.pid, now=now_text(now))

    def kill(self, slot: int) -> None:
        proc = self.procs.pop(slot)
        proc.kill()
        proc.wait()
        self.log.add("worker_kill", slot=slot, pid=proc.pid)

    def serving(self, slot: int, pid: int) -> bool:
        """Whether the worker ``pid`` has started serving (installed its signal handlers)."""
        text = (self.folder / f"worker-{slot}.log").read_text(errors="replace")
        return any(
            f":{pid}:" in line and "reminder_service_started" in line for line in text.splitlines()
        )

    def terminate(self, slot: int, then: datetime) -> None:
        """SIGTERM the slot's worker; :meth:`poll` starts its successor at ``then``."""
        proc = self.procs.pop(slot)
        serving = self.serving(slot, proc.pid)
        proc.terminate()
        if not serving:
            self.early.add(proc.pid)
        self.stopping[slot] = (proc, time.time(), then)
        self.log.add("worker_term", slot=slot, pid=proc.pid, serving=serving)

    def poll(self) -> None:
        for slot, (proc, since, then) in list(self.stopping.items()):
            code = proc.poll()
            if code is None and time.time() - since > 90:
                proc.kill()
                proc.wait()
                self.hung += 1
                code = -9
            if code is None:
                continue
            (self.early_exits if proc.pid in self.early else self.term_exits)[code] += 1
            self.log.add("worker_exit", slot=slot, pid=proc.pid, code=code)
            del self.stopping[slot]
            self.start(slot, then)

    def stop_all(self) -> None:
        for slot in list(self.procs):
            proc = self.procs.pop(slot)
            if not self.serving(slot, proc.pid):
                self.early.add(proc.pid)
            proc.terminate()
            self.stopping[slot] = (proc, time.time(), START)
        while self.stopping:
            for slot, (proc, since, _) in list(self.stopping.items()):
                code = proc.poll()
                if code is None and time.time() - since > 90:
                    proc.kill()
                    code = proc.wait()
                    self.hung += 1
                if code is not None:
                    (self.early_exits if proc.pid in self.early else self.term_exits)[code] += 1
                    self.log.add("worker_exit", slot=slot, pid=proc.pid, code=code)
                    del self.stopping[slot]
            time.sleep(0.2)


def populate(location: StoreLocation, motions: int, sim_days: int, rng: random.Random) -> list[Any]:
    """Register the motions at START; returns (motion id, nominal due, office) per motion."""
    location.prepare()
    app = open_log(location)
    service = TrackerService(app, FixedClock(START.astimezone(UTC)), "soak")
    made = []
    try:
        for n in range(motions):
            nominal = START.date() + timedelta(days=15 + rng.randrange(max(1, sim_days)))
            office = f"Amt {n % OFFICES}"
            service.add(
                body="BVV Musterbezirk", reference=f"{n + 1}/SOAK", title=f"Antrag {n + 1}",
                kind="Antrag", state="BE", decided_on=date(2014, 12, 1),
                outcome=Outcome.ADOPTED, committee=None, addressee="Bezirksamt",
                office=office, due=nominal,
            )  # fmt: skip
            made.append((service.find(f"{n + 1}/SOAK").id, nominal, office))
    finally:
        app.close()
    return made


def expected_keys(made: list[Any], final: datetime) -> set[str]:
    """Every stage whose send time is not after ``final``, from the policy alone."""
    policy, _ = parse_policy(reminders_section())
    keys: set[str] = set()
    for motion_id, nominal, _office in made:
        due = legal_due_date(nominal, "BE")
        offset = -14
        while True:
            if offset in (-14, -3, 0) or (offset > 0 and offset % 7 == 0):
                if send_instant(due + timedelta(days=offset), "BE", policy) > final:
                    if offset > 0:
                        break
                else:
                    name = (
                        "due"
                        if offset == 0
                        else (f"before-{-offset}" if offset < 0 else f"overdue-{offset}")
                    )
                    keys.add(reminder_key(motion_id, "D1", nominal, name))
                    if offset >= policy.escalate_after:
                        keys.add(reminder_key(motion_id, "D1", nominal, f"escalation-{offset}"))
            offset += 1
    return keys


def read_model(location: StoreLocation) -> dict[str, list[tuple[str, int]]]:
    with connect(location) as db:
        rows = db.query(f"SELECT key, status, send_at FROM {db.table_prefix}reminders")
    by_status: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key, status, send_at in rows:
        by_status[str(status)].append((str(key), int(send_at)))
    return by_status


def statuses(model: dict[str, list[tuple[str, int]]], keys: set[str]) -> dict[str, int]:
    """How the read model lists ``keys`` (``absent``: no row)."""
    status = {k: s for s, rows in model.items() for k, _ in rows}
    return dict(Counter(status.get(k, "absent") for k in keys))


def pending_due(location: StoreLocation, final: datetime) -> int:
    with connect(location) as db:
        rows = db.query(
            f"SELECT COUNT(*) FROM {db.table_prefix}reminders "
            "WHERE status = 'planned' AND send_at <= ?",
            (epoch(final),),
        )
    return int(rows[0][0])


def cli(db: str, config: Path, now: datetime, *args: str) -> tuple[int, str, float]:
    begun = time.perf_counter()
    done = subprocess.run(
        [TRACKER, "--db", db, "--config", str(config), "--now", now_text(now), *args],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    return done.returncode, (done.stdout + done.stderr).strip(), time.perf_counter() - begun


def classify(receipts: list[dict[str, Any]], log: Log) -> str:
    """Why a key arrived twice: its first copy was in flight at a worker's or the server's
    kill, or unexplained."""
    first = receipts[0]
    pid = int(first["worker"].split(":")[1]) if first["worker"].count(":") >= 2 else -1
    for kill in log.of("worker_kill"):
        if kill["pid"] == pid and first["t"] - first["delay"] - 2 <= kill["t"] <= first["t"] + 10:
            return "worker_kill"
    for kill in log.of("smtp_kill"):
        if first["t"] - 0.5 <= kill["t"] <= first["t"] + 2:
            return "smtp_kill"
    return "unexplained"


def soak(args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    total = args.minutes * 60.0
    steps = int(total // args.step_seconds)
    sim_days = steps * args.days_per_step
    folder = Path(tempfile.mkdtemp(prefix="soak-"))
    schema = f"soak_{uuid.uuid4().hex[:8]}"
    db = f"{args.postgres}?schema={schema}"
    location = parse_location(db)
    config = folder / "tracker.toml"
    config.write_text(toml(reminders_section(), folder))
    log = Log()
    print(f"# folder {folder}, schema {schema}", flush=True)
    made = populate(location, args.motions, sim_days, rng)
    smtp = Smtp(folder, free_port(), log)
    smtp.start()
    workers = Workers(
        folder, db, config, f"smtp://127.0.0.1:{smtp.port}?starttls=off&timeout=30", log
    )
    sim = START
    for slot in range(args.workers):
        workers.start(slot, sim)
    begun = time.time()
    next_step = begun + args.step_seconds
    next_kill = begun + rng.uniform(5, 55)
    minute = 0
    next_chaos = begun + rng.uniform(10, 40)
    smtp_back = slow_until = 0.0
    outage_seconds = 0.0
    try:
        while time.time() < begun + total:
            t = time.time()
            workers.poll()
            if t >= next_step:
                sim += timedelta(days=args.days_per_step)
                next_step += args.step_seconds
                for slot in list(workers.procs):
                    workers.terminate(slot, sim)
            if t >= next_kill:
                running = sorted(workers.procs)
                if running:
                    slot = rng.choice(running)
                    workers.kill(slot)
                    workers.start(slot, sim)
                minute += 1
                next_kill = begun + minute * 60 + rng.uniform(5, 55)
            if smtp.proc is None and t >= smtp_back:
                smtp.start()
            if slow_until and t >= slow_until:
                smtp.slow(0)
                slow_until = 0.0
            if t >= next_chaos and smtp.proc is not None and not slow_until:
                if rng.random() < 0.5:
                    down = rng.uniform(3, 15)
                    smtp.kill()
                    smtp_back = t + down
                    outage_seconds += down
                else:
                    smtp.slow(rng.uniform(2, 12))
                    slow_until = t + rng.uniform(10, 40)
                next_chaos = t + rng.expovariate(1 / 40)
            time.sleep(0.2)
        # the faults stop
        if smtp.proc is None:
            smtp.start()
        smtp.slow(0)
        workers.stop_all()
        final = sim
        drain_begun = time.time()
        workers.start(0, final)
        while pending_due(location, final) and time.time() - drain_begun < 240:
            time.sleep(2)
        left = pending_due(location, final)
        drain = time.time() - drain_begun
        workers.stop_all()
        sealed = cli(db, config, final, "audit", "seal")
        verified = cli(db, config, final, "audit", "verify")
    finally:
        for proc in workers.procs.values():
            proc.kill()
        smtp.stop()

    with (folder / "actions.jsonl").open("w") as out:
        out.writelines(json.dumps(a) + "\n" for a in log.actions)

    # -- the checks ---------------------------------------------------------------------
    expected = expected_keys(made, final)
    model = read_model(location)
    sent = {k for k, _ in model["sent"]}
    skipped = {k for k, _ in model["skipped"]}
    failed = {k for k, _ in model["failed"]}
    receipts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    messages = 0
    for line in smtp.received.read_text().splitlines() if smtp.received.exists() else []:
        record = json.loads(line)
        messages += 1
        for key in record["keys"]:
            receipts[key].append(record)
    received = set(receipts)
    duplicates = {k: v for k, v in receipts.items() if len(v) > 1}
    causes = Counter(classify(v, log) for v in duplicates.values())
    worker_logs = "".join(p.read_text(errors="replace") for p in folder.glob("worker-*.log"))
    result = {
        "machine": describe(),
        "date": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "minutes": args.minutes,
        "workers": args.workers,
        "motions": args.motions,
        "simulated": f"{now_text(START)} .. {now_text(final)} ({sim_days} days)",
        "expected": len(expected),
        "sent": len(sent),
        "coalesced": len(skipped),
        "failed": len(failed),
        "pending_due_left": left,
        "received_unique": len(received),
        "messages": messages,
        "duplicate_keys": len(duplicates),
        "duplicate_causes": dict(causes),
        "missing": sorted(expected - sent - skipped)[:10],
        "unexpected": sorted((sent | received) - expected)[:10],
        "received_not_sent": sorted(received - sent)[:10],
        "received_not_sent_status": statuses(model, received - sent),
        "expected_not_received_status": statuses(model, expected - received),
        "sent_not_received": sorted(sent - received)[:10],
        "worker_kills": len(log.of("worker_kill")),
        "worker_terms": sum(workers.term_exits.values()) + sum(workers.early_exits.values()),
        "term_exit_codes": dict(workers.term_exits),
        "terms_before_serving": dict(workers.early_exits),
        "hung_on_term": workers.hung,
        "smtp_kills": len(log.of("smtp_kill")),
        "smtp_outage_s": round(outage_seconds, 1),
        "smtp_slow_periods": len([a for a in log.of("smtp_delay") if a["seconds"] > 0]),
        "drain_s": round(drain, 1),
        "tracebacks": worker_logs.count("Traceback"),
        "deadlocks": worker_logs.count("DeadlockDetected"),
        "seal_refused": worker_logs.count("audit_seal_refused"),
        "audit_seal": sealed[1].splitlines()[0] if sealed[1] else "",
        "audit_verify": {"code": verified[0], "seconds": round(verified[2], 2),
                         "output": verified[1].splitlines()[-1] if verified[1] else ""},
        "folder": str(folder),
        "schema": schema,
    }  # fmt: skip
    checks = {
        "expected = sent + coalesced": expected == sent | skipped and not (sent & skipped),
        "received = sent": received == sent,
        "nothing failed or left": not failed and left == 0,
        "duplicates only at kills": causes.get("unexplained", 0) == 0,
        "SIGTERM of a serving worker exits 0": set(workers.term_exits) <= {0} and workers.hung == 0,
        "audit verify intact": verified[0] == 0,
    }
    result["checks"] = checks
    if not args.keep:
        import psycopg

        with psycopg.connect(args.postgres, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--motions", type=int, default=200)
    parser.add_argument("--step-seconds", type=float, default=20)
    parser.add_argument("--days-per-step", type=int, default=2)
    parser.add_argument(
        "--postgres",
        default=os.environ.get("TRACKER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test"),
    )
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--keep", action="store_true", help="Keep the schema afterwards.")
    parser.add_argument("--out", type=Path, help="Also write the result as JSON here.")
    args = parser.parse_args()
    result = soak(args)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")
    sys.exit(0 if all(result["checks"].values()) else 1)


if __name__ == "__main__":
    main()
