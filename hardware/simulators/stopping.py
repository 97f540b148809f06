"""How a simulator started from the command line is told to stop.

Ctrl+C (SIGINT) and SIGTERM both end it cleanly. A process started as a background job of a
non-interactive shell, or by some service managers, inherits SIGINT *ignored*, and Python
then never raises KeyboardInterrupt: the simulator would run on after Ctrl+C and leave its
pty behind. So the handlers are installed explicitly.
"""

from __future__ import annotations

import signal
from types import FrameType


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def stop_on_signals() -> None:
    """SIGINT and SIGTERM raise KeyboardInterrupt in the main thread (call it from there)."""
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
