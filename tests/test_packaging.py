"""Packaging: a wheel that works without the checkout, a sound PyInstaller spec, Linux metadata.

The wheel is built once per session (hatchling without build isolation when it is importable, so
no network), installed with ``pip install --target`` into a temporary folder and driven through
subprocesses whose working directory is outside the checkout. The PyInstaller build itself is too
slow for the suite (see packaging/README.md); its spec is executed here with stand-ins for
PyInstaller's build classes.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import types
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest

import hongtu

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "io.github.hongtu.HongTu"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

WHEEL_MUST_HOLD = (
    "hongtu/__init__.py",
    "hongtu/cli/__init__.py",
    "hongtu/core/paths.py",
    "hongtu/_bundled/resources/web/vendor/leaflet-1.9.3/LICENSE",
    "hongtu/_bundled/resources/web/vendor/leaflet-1.9.3/leaflet.js",
    "hongtu/_bundled/resources/data/districts/districts.geojson",
    "hongtu/_bundled/resources/data/sites.json",
    "hongtu/_bundled/db/env.py",
    "hongtu/_bundled/db/versions/0001_sites.py",
)


# ---- the wheel -----------------------------------------------------------------------------


def _pip(*args: str | Path) -> None:
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *map(str, args)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """hongtu-*.whl built from this checkout; offline when hatchling is importable."""
    out = tmp_path_factory.mktemp("wheel")
    if importlib.util.find_spec("hatchling") is not None:
        isolation: tuple[str, ...] = ("--no-build-isolation", "--no-index")
    else:  # pragma: no cover - CI installs the test extra, which brings hatchling
        isolation = ()
    _pip("wheel", "--no-deps", *isolation, "-w", out, ROOT)
    (built,) = out.glob("hongtu-*.whl")
    return built


@pytest.fixture(scope="module")
def site(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding only the installed wheel (its dependencies come from this venv)."""
    target = tmp_path_factory.mktemp("site")
    _pip("install", "--no-deps", "--no-index", "--no-compile", "--target", target, wheel)
    return target.resolve()


def _run_installed(
    site: Path, tmp_path: Path, *args: str, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run Python with only ``site`` ahead of this venv, from a folder outside the checkout."""
    cwd = tmp_path / "cwd"
    cwd.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HONGTU_", "PYTHON"))}
    env |= {
        "PYTHONPATH": str(site),
        "PYTHONIOENCODING": "utf-8",
        "HONGTU_HOME": str(tmp_path / "home"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_wheel_holds_the_package_resources_and_migrations(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    missing = [name for name in WHEEL_MUST_HOLD if name not in names]
    assert not missing, f"missing from {wheel.name}: {missing}"
    for folder in ("resources", "db"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                relative = path.relative_to(ROOT).as_posix()
                assert f"hongtu/_bundled/{relative}" in names, relative
    for path in (ROOT / "desktop" / "hongtu").rglob("*.py"):
        assert path.relative_to(ROOT / "desktop").as_posix() in names, path
    assert not [n for n in names if "__pycache__" in n or n.startswith(("tests/", "desktop/"))]
    assert "hongtu = hongtu.cli:main" in scripts
    assert wheel.name.startswith(f"hongtu-{hongtu.__version__}-")


def test_installed_wheel_is_used_instead_of_the_checkout(site: Path, tmp_path: Path) -> None:
    code = (
        "import json, hongtu; from hongtu.core import paths; print(json.dumps({"
        "'package': hongtu.__file__, 'bundle': str(paths.bundle_root()),"
        "'resources': str(paths.resource_path()), 'db': str(paths.db_path())}))"
    )
    found = json.loads(_run_installed(site, tmp_path, "-c", code).stdout)
    assert Path(found["package"]).resolve().is_relative_to(site)
    assert Path(found["bundle"]) == site / "hongtu" / "_bundled"
    assert Path(found["resources"]) == site / "hongtu" / "_bundled" / "resources"
    assert Path(found["db"]) == site / "hongtu" / "_bundled" / "db"


def test_cli_from_the_wheel_migrates_and_lists_sites(site: Path, tmp_path: Path) -> None:
    result = _run_installed(site, tmp_path, "-m", "hongtu", "sites", "list", "--json")
    sites = json.loads(result.stdout)
    assert len(sites) >= 10
    assert all(s["name"] and s["district"] for s in sites)
    assert (tmp_path / "home" / "data" / "hongtu.sqlite3").is_file()


def test_map_page_from_the_wheel_uses_only_its_own_files(site: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    code = (
        "import json, sys; from pathlib import Path;"
        "from hongtu.core.mappage import build_map_page_html;"
        f"Path({str(page)!r}).write_text(build_map_page_html(), encoding='utf-8');"
        "print(json.dumps([m.__file__ for n, m in sys.modules.items()"
        " if n.split('.')[0] == 'hongtu' and getattr(m, '__file__', None)]))"
    )
    loaded = json.loads(_run_installed(site, tmp_path, "-c", code).stdout)
    assert loaded and all(Path(f).resolve().is_relative_to(site) for f in loaded)
    html = page.read_text("utf-8")
    tags = re.findall(r"<(?:script|link)\b[^>]*>", html)
    urls = re.findall(r"""\b(?:src|href)\s*=\s*["']([^"']+)""", html)
    assert not [t for t in tags if re.search(r"https?://", t)]
    assert not [u for u in urls if u.startswith(("http:", "https:", "//"))]
    files = [Path(url2pathname(urlparse(u).path)) for u in urls if u.startswith("file:")]
    names = {f.name for f in files}
    assert {"leaflet.js", "leaflet.css", "hongtu-map.js", "hongtu-map.css"} <= names
    for file in files:
        assert file.resolve().is_relative_to(site / "hongtu" / "_bundled"), file
        assert file.is_file(), file


# ---- the PyInstaller spec ------------------------------------------------------------------


def test_pyinstaller_spec_parses_and_names_resources_and_db() -> None:
    tree = ast.parse((PACKAGING / "hongtu.spec").read_text("utf-8"), "hongtu.spec")
    strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
    assert {"resources", "db"} <= strings
    assert (PACKAGING / "launcher.py").is_file()


class _Recorder:
    """Stands in for one of PyInstaller's build classes and keeps what the spec passed."""

    made: dict[str, list[_Recorder]]

    def __init__(self, kind: str, *args: Any, **kwargs: Any) -> None:
        self.kind, self.args, self.kwargs = kind, args, kwargs
        self.made.setdefault(kind, []).append(self)
        if kind == "Analysis":
            self.pure, self.scripts, self.binaries = [], [], []
            self.datas = [(dest, src, "DATA") for src, dest in kwargs["datas"]]


@pytest.fixture
def spec_build(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[_Recorder]]:
    """Run packaging/hongtu.spec with PyInstaller replaced by recorders; returns what it built."""
    made: dict[str, list[_Recorder]] = {}
    recorder = type("Recorder", (_Recorder,), {"made": made})
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda package, **_kw: [(f"/site/{package}/t.html", package)]  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "path", list(sys.path))
    qt_data = [
        ("PySide6/Qt/translations/qtwebengine_locales/zh-CN.pak", "/qt/zh-CN.pak", "DATA"),
        ("PySide6/Qt/translations/qtwebengine_locales/de.pak", "/qt/de.pak", "DATA"),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", "/qt/qtbase_zh_CN.qm", "DATA"),
        ("PySide6/Qt/translations/qtbase_fr.qm", "/qt/qtbase_fr.qm", "DATA"),
        ("PySide6/Qt/translations/qtwebengine_zh_CN.qm", "/qt/qtwebengine_zh_CN.qm", "DATA"),
        ("PySide6/Qt/translations/qtwebengine_fr.qm", "/qt/qtwebengine_fr.qm", "DATA"),
    ]

    def analysis(*args: Any, **kwargs: Any) -> _Recorder:
        built = recorder("Analysis", *args, **kwargs)
        built.datas += qt_data
        return built

    spec = PACKAGING / "hongtu.spec"
    namespace = {
        "__file__": str(spec),
        "__name__": "__main__",
        "SPECPATH": str(PACKAGING),
        "Analysis": analysis,
        **{k: (lambda *a, _k=k, **kw: recorder(_k, *a, **kw)) for k in ("PYZ", "EXE", "COLLECT")},
    }
    exec(compile(spec.read_text("utf-8"), str(spec), "exec"), namespace)
    return made


def test_spec_bundles_data_at_the_bundle_root(spec_build: dict[str, list[_Recorder]]) -> None:
    (analysis,) = spec_build["Analysis"]
    assert [Path(p) for p in analysis.args[0]] == [PACKAGING / "launcher.py"]
    pairs = {(Path(src), dest) for src, dest in analysis.kwargs["datas"]}
    assert (ROOT / "resources", "resources") in pairs
    assert (ROOT / "db", "db") in pairs
    dests = {entry[0] for entry in analysis.datas}
    assert "PySide6/Qt/translations/qtwebengine_locales/zh-CN.pak" in dests
    assert "PySide6/Qt/translations/qtbase_zh_CN.qm" in dests
    assert "PySide6/Qt/translations/qtwebengine_zh_CN.qm" in dests  # the map's right-click menu
    assert not {d for d in dests if d.endswith(("de.pak", "_fr.qm"))}
    assert analysis.kwargs["module_collection_mode"] == {"hongtu": "pyz+py"}


def test_spec_reads_name_and_version_from_the_package(
    spec_build: dict[str, list[_Recorder]],
) -> None:
    (collect,) = spec_build["COLLECT"]
    assert collect.kwargs["name"] == hongtu.APP_NAME
    assert spec_build["EXE"][0].kwargs["name"] == hongtu.APP_NAME
    assert spec_build["EXE"][0].kwargs["console"] is True


def test_spec_hidden_imports_cover_migrations_and_every_module(
    spec_build: dict[str, list[_Recorder]],
) -> None:
    hidden = set(spec_build["Analysis"][0].kwargs["hiddenimports"])
    assert {"alembic.op", "alembic.context", "sqlalchemy.dialects.sqlite"} <= hidden
    assert {"branca.element", "hongtu.core.mappage", "hongtu.core.storage.models"} <= hidden
    for path in (ROOT / "desktop" / "hongtu").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT / "desktop").with_suffix("").parts)
        if path.name != "__main__.py":
            assert module.removesuffix(".__init__") in hidden, module
    for path in [ROOT / "db" / "env.py", *(ROOT / "db" / "versions").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported = {f"{node.module}.{alias.name}" for alias in node.names} | {node.module}
                assert imported & hidden or node.module.startswith("sqlalchemy"), node.module


def test_spec_excludes_unused_qt_but_keeps_what_the_app_imports(
    spec_build: dict[str, list[_Recorder]],
) -> None:
    excludes = set(spec_build["Analysis"][0].kwargs["excludes"])
    unused = (
        "Qt3DCore",
        "QtQuick3D",
        "QtMultimedia",
        "QtDataVisualization",
        "QtBluetooth",
        "QtNfc",
        "QtSensors",
        "QtSerialPort",
        "QtTest",
        "QtDesigner",
    )
    assert {f"PySide6.{m}" for m in unused} <= excludes
    kept = {
        "QtWebEngineCore",
        "QtWebEngineWidgets",
        "QtWebChannel",
        "QtPrintSupport",
        "QtSvg",
        "QtNetwork",
        "QtPositioning",
        "QtCharts",  # the 台账 view's charts
        "QtCore",
        "QtGui",
        "QtWidgets",
    }
    source = "\n".join(p.read_text("utf-8") for p in (ROOT / "desktop").rglob("*.py"))
    kept |= set(re.findall(r"PySide6\.(Qt\w+)", source))
    assert not {f"PySide6.{m}" for m in kept} & excludes


# ---- Linux desktop entry and AppStream metadata --------------------------------------------


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def test_desktop_entry_has_required_and_translated_keys() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "红途"
    assert entry["Name[en]"] == "HongTu"
    for key in ("GenericName", "Comment"):
        assert entry[key] and entry[f"{key}[zh_CN]"] and entry[f"{key}[en]"].isascii()
    assert entry["Exec"].split()[0] == "hongtu"
    assert entry["Icon"] == APP_ID
    assert (LINUX / f"{entry['Icon']}.svg").is_file()
    assert entry["Categories"] == "Office;Education;"
    assert entry["Terminal"] == "false"
    keywords = entry["Keywords"]
    assert keywords.endswith(";") and re.search(r"[\u4e00-\u9fff]", keywords)
    for key, value in entry.items():
        assert value == value.strip() and "\n" not in value, key


def test_icon_matches_the_app_icon_and_is_svg() -> None:
    icon = LINUX / f"{APP_ID}.svg"
    assert icon.read_bytes() == (ROOT / "resources" / "icons" / "hongtu.svg").read_bytes()
    assert ET.parse(icon).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def _texts(root: ET.Element, tag: str) -> dict[str | None, str]:
    return {e.get(XML_LANG): (e.text or "").strip() for e in root.findall(tag)}


def test_appstream_metadata_structure() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "GPL-3.0-or-later"
    for tag in ("name", "summary"):
        texts = _texts(root, tag)
        assert texts.get(None) and texts.get("zh_CN"), tag
    assert _texts(root, "name") == {None: "HongTu", "zh_CN": "红途"}
    paragraphs = root.findall("description/p")
    assert {p.get(XML_LANG) for p in paragraphs} == {None, "zh_CN"}
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == f"{APP_ID}.desktop" and (LINUX / launchable.text).is_file()
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == hongtu.__version__
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", releases[0].get("date", ""))
    assert root.find("content_rating") is not None
    assert root.findtext("provides/binary") == "hongtu"
    for url in root.findall("url"):  # only real addresses belong here
        assert url.text and not re.search(r"example|placeholder", url.text), url.text


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="needs desktop-file-utils")
def test_desktop_file_validate_accepts_the_entry() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    problems = [line for line in result.stdout.splitlines() if ": hint:" not in line]
    assert result.returncode == 0 and not problems, result.stdout + result.stderr


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="needs appstream")
def test_appstreamcli_accepts_the_metadata() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
