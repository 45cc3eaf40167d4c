"""The README's session by hand works as written (issue 16): its commands, read from
README.md, run one after the other in an empty folder through bash and the installed
``tracker``; every command exits 0 and prints the lines the README shows under it."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARK = "An example session by hand"


@dataclass
class Step:
    command: str
    shown: list[str] = field(default_factory=list)


def session(readme: str) -> list[Step]:
    """The ``$ `` commands of the indented block after :data:`MARK`, with the lines shown
    under each (a command ending in a backslash continues on the next line)."""
    text = readme[readme.index(MARK) :]
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("    $ "))
    steps: list[Step] = []
    continued = False
    for line in lines[start:]:
        if not line.startswith("    "):
            if line.strip():
                break
            continue
        body = line[4:]
        if continued:
            steps[-1].command += "\n" + body
        elif body.startswith("$ "):
            steps.append(Step(body[2:]))
        else:
            steps[-1].shown.append(body)
        continued = body.endswith("\\")
    return steps


def test_the_session_is_read_from_the_readme() -> None:
    steps = session((ROOT / "README.md").read_text(encoding="utf-8"))
    assert steps[0].command.startswith("export TRACKER_NOW=")
    assert any(s.command.startswith("tracker add 1263/IV") and "\n" in s.command for s in steps)
    assert sum(1 for s in steps if s.shown) >= 5


def test_the_readme_session_by_hand_works_as_written(tmp_path: Path) -> None:
    steps = session((ROOT / "README.md").read_text(encoding="utf-8"))
    script = ["set -u"]
    for n, step in enumerate(steps):
        script.append(f"{step.command} 2>err.{n} || {{ echo {n} >failed; exit 1; }}")
        if ">" not in step.command:  # keep what it prints (unless it writes a file)
            script[-1] = f"{step.command} >out.{n} 2>err.{n} || {{ echo {n} >failed; exit 1; }}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env |= {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}",
        "HOME": str(tmp_path),
        "COLUMNS": "100",
    }
    done = subprocess.run(
        ["bash", "-c", "\n".join(script)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    if done.returncode:
        n = int((tmp_path / "failed").read_text())
        err = (tmp_path / f"err.{n}").read_text()
        raise AssertionError(f"README step {shlex.quote(steps[n].command)} failed: {err}")
    for n, step in enumerate(steps):
        out = (tmp_path / f"out.{n}").read_text(encoding="utf-8") if step.shown else ""
        for line in step.shown:
            assert line in out, (step.command, line, out)
    assert (tmp_path / "tracker-data").is_dir()
    assert (tmp_path / "fristen.csv").read_bytes().startswith(b"\xef\xbb\xbfid;")
