"""``python -m ops_console`` runs the same command as ``ops-console``."""

import sys

from ops_console.cli import main

sys.exit(main())
