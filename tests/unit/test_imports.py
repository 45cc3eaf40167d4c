"""The shape of the house (docs/architecture.md): no import cycle between modules, and the
packages import only inward.

Every import counts, function-local ones included (a cycle hidden inside a function is
still a cycle); imports under ``if TYPE_CHECKING:`` do not (they never run).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("events", "tracker", "projections", "notifiers", "oparl", "console", "web")
MODULES = ("bootstrap", "cli")

#: What each top-level package or module may import (besides itself).
MAY_IMPORT: dict[str, set[str]] = {
    "events": set(),
    "tracker": {"events"},
    "oparl": {"events", "tracker"},
    "projections": {"events", "tracker"},
    "notifiers": {"events", "tracker", "projections"},
    "bootstrap": {"events", "tracker", "oparl", "projections", "notifiers"},
    "console": {"events", "tracker", "oparl", "projections", "notifiers", "bootstrap", "web"},
    # the second front: its JSON documents are console.render's and console.views' (0020)
    "web": {"events", "tracker", "oparl", "projections", "notifiers", "bootstrap", "console"},
    "cli": {"console"},
}


def modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    for module in MODULES:
        found[module] = ROOT / f"{module}.py"
    return found


def imported(path: Path) -> Iterator[str]:
    """The names every import of ``path`` reaches (``from a import b`` yields ``a.b``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            hidden.update(id(sub) for sub in ast.walk(node))
    for node in ast.walk(tree):
        if id(node) in hidden:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def graph() -> dict[str, set[str]]:
    known = modules()

    def resolve(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    edges: dict[str, set[str]] = {}
    for name, path in known.items():
        targets = {resolve(target) for target in imported(path)}
        edges[name] = {t for t in targets if t is not None and t != name}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_through_others() -> None:
    assert cycles(graph()) == []


def test_the_cycle_finder_sees_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_packages_import_only_inward() -> None:
    outward = sorted(
        f"{source} imports {target}"
        for source, targets in graph().items()
        for target in targets
        if (top := target.split(".")[0]) != (home := source.split(".")[0])
        and top not in MAY_IMPORT[home]
    )
    assert outward == []
