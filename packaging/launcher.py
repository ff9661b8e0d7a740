"""Entry point of the frozen (PyInstaller) app: the same ``hongtu`` command as the wheel's."""

import sys

from hongtu.cli import main

if __name__ == "__main__":
    sys.exit(main())
