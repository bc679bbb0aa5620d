"""The house rules of the package, read from its source: no module imports one that imports
it back (lazy imports inside functions included), and a module takes from another only
what that one exports in ``__all__``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "unionnlp"


def _module(path: Path) -> str:
    name = ".".join(path.relative_to(SRC).with_suffix("").parts)
    return name.removesuffix(".__init__")


def _file(module: str) -> Path | None:
    base = SRC / module.replace(".", "/")
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


class _Imports(ast.NodeVisitor):
    """(target module, name) of every import from the package, outside TYPE_CHECKING blocks."""

    def __init__(self, module: str, is_package: bool) -> None:
        self.package = module if is_package else module.rpartition(".")[0]
        self.found: list[tuple[str, str, int]] = []

    def visit_If(self, node: ast.If) -> None:
        if "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            parts = self.package.split(".")
            parts = parts[:len(parts) - node.level + 1]
            target = ".".join([*parts, *([node.module] if node.module else [])])
        elif (node.module or "").split(".")[0] == "unionnlp":
            target = str(node.module)
        else:
            return
        for alias in node.names:
            self.found.append((target, alias.name, node.lineno))


def _imports() -> dict[str, list[tuple[str, str, int]]]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        visitor = _Imports(_module(path), path.name == "__init__.py")
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        out[_module(path)] = visitor.found
    return out


def _exports(module: str) -> set[str] | None:
    path = _file(module)
    assert path is not None, module
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return set(ast.literal_eval(node.value))
    return None


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = {module: {name if _file(f"{target}.{name}") else target
                      for target, name, _ in found} - {module}
             for module, found in _imports().items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert not cycles, [" -> ".join(c) for c in cycles]


def test_modules_take_from_each_other_only_what_is_exported() -> None:
    outside = []
    for module, found in _imports().items():
        for target, name, line in found:
            if _file(f"{target}.{name}") is not None or target == "unionnlp":
                continue  # a submodule, or the package's own lazy names
            exported = _exports(target)
            if exported is None or name not in exported:
                outside.append(f"{module}:{line} takes {name} from {target}")
    assert not outside


#: Modules that are run, never imported from: ``python -m unionnlp``, the forkserver preload.
_ENTRY_POINTS = {"unionnlp.__main__", "unionnlp._warm"}


@pytest.mark.parametrize("module", sorted(set(_imports()) - _ENTRY_POINTS))
def test_every_module_says_what_it_exports(module: str) -> None:
    assert _exports(module) is not None, f"{module} has no __all__"
