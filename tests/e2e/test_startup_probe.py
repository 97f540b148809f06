"""The start-up marks bench/startup.py times: the real ``ops-console --demo`` process says
when the sign-on dialog and the populated main window first painted, and with the probe
set to ``quit`` it ends by itself (so many starts can be timed)."""

import pytest

from helpers.cli import run_cli

pytestmark = pytest.mark.slow


def test_first_start_shows_progress_then_the_window_and_the_console_ends_by_itself(tmp_path):
    probe = {"OPS_CONSOLE_STARTUP_PROBE": "quit", "OPS_CONSOLE_PIN": "1234"}
    first = run_cli(tmp_path, "--demo", "--operator", "Chen Jing", env=probe, timeout=300)
    assert first.returncode == 0, first.stderr[-3000:]
    # the first start makes the demo post off the GUI thread behind a progress window
    assert first.stdout.splitlines() == ["STARTUP progress", "STARTUP window", "STARTUP settled"]

    again = run_cli(tmp_path, "--demo", "--operator", "Chen Jing", env=probe, timeout=300)
    assert again.returncode == 0, again.stderr[-3000:]
    assert again.stdout.splitlines() == [
        "STARTUP window",
        "STARTUP settled",
    ]  # the post exists: no progress window

    dialog = run_cli(tmp_path, "--demo", env=probe, timeout=300)  # nobody types a PIN: refused
    assert dialog.returncode == 0, dialog.stderr[-3000:]
    assert dialog.stdout.splitlines() == ["STARTUP signon"]


def test_without_the_probe_nothing_is_printed(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    from ops_console.ui import startup_probe

    label = QLabel("x")
    qtbot.addWidget(label)
    startup_probe.watch_window(label, lambda: True)
    assert not label.findChildren(startup_probe._FirstPaint)


# ops-console with a watch on the import of SQLAlchemy: it prints a line when that starts
WATCHED = """
import sys


class Watch:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("sqlalchemy", "psycopg"):
            sys.stdout.write(f"\\nIMPORT {name}\\n")  # one write: a whole line even among the GUI thread's
            sys.stdout.flush()
            sys.meta_path.remove(self)
        return None


sys.meta_path.insert(0, Watch())
from ops_console.cli import main

sys.exit(main(sys.argv[1:]))
"""


def test_the_first_window_paints_before_sqlalchemy_is_imported(tmp_path):
    """The sign-on dialog (and the first start's progress window) show from the thin entry
    point; SQLAlchemy, the models and the services load on a worker after that first paint."""
    import subprocess
    import sys

    from helpers.cli import cli_env

    env = cli_env(tmp_path, {"OPS_CONSOLE_STARTUP_PROBE": "quit"})

    def lines(*args: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", WATCHED, *args], capture_output=True, text=True, env=env, timeout=300
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return [line for line in done.stdout.splitlines() if line.startswith(("STARTUP", "IMPORT"))]

    first = lines("--demo")  # makes the demo post: the progress window, then the dialog
    assert first[:2] == ["STARTUP progress", "IMPORT sqlalchemy"], first
    assert first[-1] == "STARTUP signon"
    again = lines("--demo")
    assert again == ["STARTUP signon", "IMPORT sqlalchemy"], again  # the post opens behind the dialog


# the feature stacks no panel in front needs: each is imported when its dock first shows or
# its action is used (ui/feature_docks.py, ui/main_window.py), never by start-up
HEAVY = (
    "pyqtgraph",
    "numpy",
    "lxml",
    "defusedxml",
    "pmtiles",
    "ops_console.reports.build",
    "ops_console.printing",
    "ops_console.exports",
    "ops_console.ui.reports",
    "ops_console.ui.mapping",
    "ops_console.ui.inventory",
    "ops_console.ui.residents",
    "ops_console.ui.people",
    "ops_console.ui.sensors",
    "ops_console.ui.warnings",
    "sqlalchemy.dialects.postgresql",  # the demo post is SQLite: 60-70 ms for nothing (db/upsert.py)
)

# ops-console with a watch on the first import of each of HEAVY: a line when it starts
WATCHED_HEAVY = """
import sys

HEAVY = {heavy!r}


class Watch:
    def find_spec(self, name, path=None, target=None):
        if any(name == h or name.startswith(h + ".") for h in HEAVY):
            sys.stdout.write(f"\\nIMPORT {{name}}\\n")
            sys.stdout.flush()
        return None


sys.meta_path.insert(0, Watch())
from ops_console.cli import main

sys.exit(main(sys.argv[1:]))
"""


def test_no_heavy_feature_stack_is_imported_by_start_up_while_its_dock_is_hidden(tmp_path):
    """To the window's paint and half a second on (devices running, memory measured there
    by bench/startup.py), the supervisor's front panels (incidents, alerts, sirens) and the
    docks built with the window need none of HEAVY: the map stack, pyqtgraph and numpy, the
    reports and printing stack, the exports, lxml, the hidden feature panels, and on this
    SQLite post SQLAlchemy's PostgreSQL dialect."""
    import subprocess
    import sys

    from helpers.cli import cli_env

    env = cli_env(tmp_path, {"OPS_CONSOLE_STARTUP_PROBE": "quit", "OPS_CONSOLE_PIN": "1234"})
    made = run_cli(tmp_path, "--demo", "--operator", "Chen Jing", env=env, timeout=300)  # makes the demo
    assert made.returncode == 0, made.stderr[-3000:]
    done = subprocess.run(
        [sys.executable, "-c", WATCHED_HEAVY.format(heavy=HEAVY), "--demo", "--operator", "Chen Jing"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [line for line in done.stdout.splitlines() if line.startswith(("STARTUP", "IMPORT"))]
    assert lines[-2:] == ["STARTUP window", "STARTUP settled"], lines
    assert [line for line in lines if line.startswith("IMPORT")] == []
