"""Run the real ``ops-console`` command in a subprocess, with its own data and log dirs."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(home: Path, *args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "OPS_CONSOLE_DATA_DIR": str(home / "data"),
        "OPS_CONSOLE_LOG_DIR": str(home / "logs"),
        "OPS_CONSOLE_CONFIG": str(home / "config.toml"),
        "OPS_CONSOLE_NO_DIALOGS": "1",
        "QT_QPA_PLATFORM": "offscreen",
        **(env or {}),
    }
    return subprocess.run([sys.executable, "-m", "ops_console", *args], capture_output=True, text=True,
                          env=environment, timeout=timeout)
