"""The core never imports PySide6: import every core module with PySide6 made unimportable."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap


def test_whole_core_imports_and_works_with_pyside6_blocked(tmp_path) -> None:
    script = textwrap.dedent(
        f"""
        import importlib, pkgutil, sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6."):
                    raise ImportError("PySide6 is blocked: the core must not use Qt")
                return None

        sys.meta_path.insert(0, BlockQt())
        import hongtu.core
        names = [m.name for m in pkgutil.walk_packages(hongtu.core.__path__, "hongtu.core.")]
        for name in names:
            importlib.import_module(name)
        from hongtu.core.workspace import open_workspace
        ws = open_workspace({str(tmp_path / "core.sqlite3")!r})
        assert len(ws.sites.list_sites()) >= 10
        ws.close()
        assert not any(m.startswith("PySide6") for m in sys.modules)
        print("modules", len(names))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "HONGTU_HOME": str(tmp_path / "home")},
    )
    assert result.returncode == 0, result.stderr
    count = int(result.stdout.split()[-1])
    assert count >= 10  # the walk really found the core's modules
