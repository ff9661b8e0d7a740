"""Entry point of the frozen (PyInstaller) app: the same ``hongtu`` command as the wheel's."""

import sys

from hongtu.cli import main

if __name__ == "__main__":
    if sys.argv[1:2] == ["--pdf-worker"]:  # the window's PDF child (hongtu.qt.pdf_process)
        from hongtu.qt.pdf_process import main as pdf_worker

        sys.exit(pdf_worker())
    sys.exit(main())
