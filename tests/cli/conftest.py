"""Shared fixtures of the CLI tests: ``run`` invokes ``cli.app`` on a store of each backend."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import CliRunner

import cli

NOW = "2015-01-05T09:00"

#: ``run(*args, now=...)`` -> (exit code, stdout, stderr)
Invoke = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(db_url: str) -> Invoke:
    """The CLI on the test's store, at ``NOW`` unless told."""
    runner = CliRunner()

    def invoke(*args: str, now: str | None = NOW) -> tuple[int, str, str]:
        prefix = ["--db", db_url] + (["--now", now] if now else [])
        result = runner.invoke(cli.app, [*prefix, *args])
        return result.exit_code, result.stdout, result.stderr

    return invoke
