"""`python -m hongtu` runs the same entry point as the `hongtu` command."""

import sys

from hongtu.cli import main

sys.exit(main())
