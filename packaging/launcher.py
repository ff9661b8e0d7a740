"""Entry point of the frozen (PyInstaller) app: the same ``hongtu`` command as the wheel's."""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--export-worker"]:  # the window's export child: hongtu.qt.export_process
        from hongtu.qt.export_process import main as export_worker

        sys.exit(export_worker())
    from hongtu.cli import main

    sys.exit(main())
