"""The shape of the code: no import cycles among HongTu's modules, no borrowed private helpers.

The import graph is read from the source with ``ast``: module-level imports, those under
``if TYPE_CHECKING:`` included (a cycle of types is a cycle of design). An import inside a
function runs later and is left out: that is how the CLI keeps start-up light. A new cycle fails
here with the modules it runs through, before it fails for a user as a half-initialised module.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent / "desktop" / "hongtu"


def _module_name(path: Path) -> str:
    parts = path.relative_to(SOURCES.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(SOURCES.rglob("*.py"))}


def _is_package(module: str) -> bool:
    return MODULES[module].name == "__init__.py"


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not _is_package(module):
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _top_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Imports at module level: the body, and under if (TYPE_CHECKING too), try and with."""
    found: list[ast.Import | ast.ImportFrom] = []
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If):
            pending += node.body + node.orelse
        elif isinstance(node, ast.Try):
            pending += node.body + node.orelse + node.finalbody
            for handler in node.handlers:
                pending += handler.body
        elif isinstance(node, ast.With):
            pending += node.body
    return found


def imported_modules(module: str) -> set[str]:
    """HongTu modules that ``module`` imports when it is itself imported."""
    tree = ast.parse(MODULES[module].read_text("utf-8"), str(MODULES[module]))
    targets: set[str] = set()
    for node in _top_level_imports(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            base = _resolve(module, node)
            # ``from package import submodule`` imports the submodule; otherwise a name in base
            names = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        targets.update(name for name in names if name in MODULES and name != module)
    return targets


def import_graph() -> dict[str, set[str]]:
    return {module: imported_modules(module) for module in MODULES}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as ``[a, b, …, a]``, or None (depth-first search, three colours)."""
    state: dict[str, int] = {}  # 1 on the current path, 2 finished
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_there_is_no_import_cycle_among_hongtu_modules() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_the_cycle_check_reports_a_cycle_it_is_given() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    cycle = find_cycle(graph)
    assert cycle is not None and cycle[0] == cycle[-1] and set(cycle) == {"a", "b", "c"}
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_the_graph_sees_relative_absolute_and_submodule_imports() -> None:
    graph = import_graph()
    assert "hongtu.cli.common" in graph["hongtu.cli"]
    assert "hongtu.qt.panel_host" in graph["hongtu.qt.plan_ui"]  # under TYPE_CHECKING
    assert "hongtu.cli.common" in graph["hongtu.cli.plans"]
    assert "hongtu" in graph["hongtu.cli"]  # ``from hongtu import __version__``


def test_no_module_imports_another_modules_private_names() -> None:
    borrowed = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and (target := _resolve(module, node)):
                if not target.startswith("hongtu") or target == module:
                    continue
                borrowed += [
                    f"{module} imports {target}.{alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_") and not alias.name.startswith("__")
                ]
    assert borrowed == []


# ---- narrow seams in the window ---------------------------------------------------------------

QT = SOURCES / "qt"
PANELS = ("plan_ui.py", "site_editing.py", "ledger_ui.py", "branch_tools.py")


def _window_names(path: Path) -> set[str]:
    """Names a panel uses of the window: ``self.window.X`` and ``window.X``."""
    used: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Attribute):
            continue
        owner = node.value
        if (isinstance(owner, ast.Name) and owner.id == "window") or (
            isinstance(owner, ast.Attribute)
            and owner.attr == "window"
            and isinstance(owner.value, ast.Name)
            and owner.value.id == "self"
        ):
            used.add(node.attr)
    return used


def test_panels_use_only_the_windows_panel_interface() -> None:
    from hongtu.qt.mainwindow import MainWindow
    from hongtu.qt.panel_host import PanelHost, panel_interface

    interface = panel_interface()
    assert {"notify", "sites", "site_selected", "add_menus"} <= interface
    methods = {name for name in interface if inspect.isfunction(getattr(PanelHost, name))}
    assert {"notify", "sites", "update_site"} <= methods
    for name in methods:  # the window implements every method it promises
        assert getattr(MainWindow, name) is not getattr(PanelHost, name), name
    for panel in PANELS:
        reached = _window_names(QT / panel) - interface
        assert reached == set(), f"{panel} reaches into the window: {sorted(reached)}"


def _calls_in(path: Path) -> list[tuple[str, str]]:
    """(receiver, method) of every ``receiver.method(…)`` call whose receiver is a plain name
    or ``self.name``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = (
                owner.id
                if isinstance(owner, ast.Name)
                else owner.attr
                if isinstance(owner, ast.Attribute)
                else ""
            )
            found.append((name, node.func.attr))
    return found


MAP_PAGE_METHODS = {"call", "load_page", "runJavaScript", "page"}


def test_only_the_map_controller_calls_into_the_map_page() -> None:
    # early_page loads the page at start-up, before the window and its map controller exist
    allowed = {QT / "mapview.py", QT / "map_controller.py", QT / "early_page.py"}
    offenders = [
        f"{path.relative_to(SOURCES)}: {receiver}.{method}()"
        for path in MODULES.values()
        if path not in allowed
        for receiver, method in _calls_in(path)
        if receiver in {"map_view", "view", "mapview"} and method in MAP_PAGE_METHODS
    ]
    assert offenders == []


def test_each_piece_of_status_bar_text_has_one_owner() -> None:
    """The site counts, the base map and the passing notices are each set in one function."""
    setters: dict[str, list[str]] = {"status_sites": [], "status_map": [], "showMessage": []}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text("utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                    continue
                target = node.func.value
                if (
                    node.func.attr == "setText"
                    and isinstance(target, ast.Attribute)
                    and target.attr in ("status_sites", "status_map")
                ):
                    setters[target.attr].append(f"{module}.{function.name}")
                if node.func.attr == "showMessage":
                    setters["showMessage"].append(f"{module}.{function.name}")
    assert {piece: len(owners) for piece, owners in setters.items()} == {
        "status_sites": 1,
        "status_map": 1,
        "showMessage": 1,
    }, setters
