"""A build from scratch in progress, seen from any process: its mark and its lock.

A build of read models in several processes (:mod:`projections.parallel`) leaves files
beside the SQLite database while it runs: ``<db>.rebuild-<token>-<k>`` (the parts),
``<db>.rebuild-<token>.json`` (its plan) and ``<db>.rebuild-<token>.lock``, on which the
building process holds an exclusive ``flock``. The read models it builds are marked in the
table ``projection_builds`` (name, token) until their parts are merged. A runner that finds
a mark waits for the lock (:func:`wait_for_build`); if the lock is free, the build was
killed, and its files are for the next build from scratch to resume or delete.

This module knows the files and locks only; the runner (:mod:`projections.runner`) keeps
the marks, and :mod:`projections.parallel` runs builds.
"""

from __future__ import annotations

import fcntl
import glob
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def part_path(db_path: Path, token: str, k: int) -> Path:
    """The scratch file of part ``k`` of parallel build ``token`` of ``db_path``."""
    return db_path.with_name(f"{db_path.name}.rebuild-{token}-{k}")


def plan_path(db_path: Path, token: str) -> Path:
    """The saved plan of parallel build ``token`` (what a resumed build needs)."""
    return db_path.with_name(f"{db_path.name}.rebuild-{token}.json")


def lock_path(db_path: Path, token: str) -> Path:
    """The lock file held by the process running parallel build ``token``."""
    return db_path.with_name(f"{db_path.name}.rebuild-{token}.lock")


@contextmanager
def build_lock(db_path: Path, token: str) -> Iterator[None]:
    """Hold the lock of build ``token`` (released, and its file deleted, afterwards).

    A lock file is only deleted by a process holding its lock (:func:`remove_build`); one
    deleted between opening and locking it is replaced by a new one.
    """
    path = lock_path(db_path, token)
    while True:
        handle = open(path, "a")  # noqa: SIM115 (closed below)
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            if os.fstat(handle.fileno()).st_ino == os.stat(path).st_ino:
                break
        except FileNotFoundError:
            pass
        handle.close()
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
        handle.close()  # releases the lock


@contextmanager
def _lock_file(db_path: Path, token: str, *, wait: bool) -> Iterator[bool]:
    """Try the lock of build ``token`` (``wait``: until it is free): yields whether it is
    held here, and True without locking when the build has no lock file (it is gone)."""
    try:
        handle = open(lock_path(db_path, token))  # noqa: SIM115 (closed below)
    except FileNotFoundError:
        yield True
        return
    with handle:  # closing releases the lock
        try:
            fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True


def build_alive(db_path: Path, token: str) -> bool:
    """Whether a process still holds the lock of build ``token``."""
    with _lock_file(db_path, token, wait=False) as free:
        return not free


def wait_for_build(db_path: Path, token: str) -> None:
    """Block until the process running build ``token`` releases its lock (or has died)."""
    with _lock_file(db_path, token, wait=True):
        pass


def dead_builds(db_path: Path) -> list[str]:
    """Tokens of the parallel builds of ``db_path`` that left files and whose process is
    gone."""
    prefix = f"{db_path.name}.rebuild-"
    tokens = {
        path.name[len(prefix) :].split("-")[0].split(".")[0]
        for path in db_path.parent.glob(f"{glob.escape(prefix)}*")
    }
    return sorted(token for token in tokens if not build_alive(db_path, token))


def remove_build(db_path: Path, token: str) -> None:
    """Delete every file of parallel build ``token`` (parts, plan, lock), holding its lock;
    nothing if a process holds it (the build runs after all)."""
    files = list(db_path.parent.glob(f"{glob.escape(f'{db_path.name}.rebuild-{token}')}*"))
    # Without a lock file the build is gone (a build deletes its lock file last).
    with _lock_file(db_path, token, wait=False) as free:
        if free:
            for path in files:
                path.unlink(missing_ok=True)


def remove_dead_builds(db_path: Path) -> None:
    """Delete the files of parallel builds of ``db_path`` whose process is gone."""
    for token in dead_builds(db_path):
        remove_build(db_path, token)


def remove_part(path: Path) -> None:
    """Delete a scratch file and its WAL companions, if present."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
