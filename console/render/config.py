"""Printing ``tracker config check``."""

from __future__ import annotations

from collections.abc import Sequence

from notifiers.checks import Finding


def render_findings(findings: Sequence[Finding]) -> str:
    """One line per setting (``ok``, ``missing`` or ``wrong``), then the verdict."""
    width = max((len(f.channel) for f in findings), default=0)
    lines = [f"{f.status:<9}{f.channel:<{width + 2}}{f.setting}: {f.detail}" for f in findings]
    bad = sum(not f.ok for f in findings)
    lines.append(f"{bad} setting(s) missing or wrong" if bad else "the configuration is complete")
    return "\n".join(lines) + "\n"
