"""Test configuration shared by every layer.

Widget tests run on Qt's offscreen platform so the suite needs no display. Python's cyclic
garbage collector runs only on the main (GUI) thread, as in the console (ui/qt.py), and a
test that hangs ends the run with every thread's stack instead of eating CI's time.
"""

import faulthandler
import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path
from typing import IO

import pytest

from helpers.pg import scratch_database
from helpers.posts import open_signed_on, pg_url, sqlite_url

# pytest-timeout fails a test stuck in Python after `timeout` (pyproject, 300 s) with every
# thread's stack. A thread deadlocked while holding the GIL (the freeze of ui/qt.py) never lets
# that Python-level guard run; faulthandler's C thread does, so a test stuck this long writes
# every thread's stack to HANG_REPORT and ends the process with a failure code.
HANG_LIMIT_S = 420
HANG_REPORT = Path(__file__).resolve().parent.parent / "build" / "hang-report.txt"
_hang_file: IO[str] | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _hang_file
    gc.disable()  # collected on the main thread only: after each test, and by the app's GUI timer
    HANG_REPORT.parent.mkdir(parents=True, exist_ok=True)
    _hang_file = open(HANG_REPORT, "w", encoding="utf-8")  # noqa: SIM115 - faulthandler writes to it


def pytest_unconfigure(config: pytest.Config) -> None:
    """No hang: no report left behind."""
    if _hang_file is not None:
        faulthandler.cancel_dump_traceback_later()
        _hang_file.close()
        HANG_REPORT.unlink(missing_ok=True)


def pytest_report_header(config: pytest.Config) -> str:
    return f"hang guard: a test stuck {HANG_LIMIT_S} s writes all stacks to {HANG_REPORT} and stops the run"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    if _hang_file is not None:
        _hang_file.seek(0)
        _hang_file.truncate()
        _hang_file.write(f"hung in {item.nodeid}\n")
        _hang_file.flush()
        faulthandler.dump_traceback_later(HANG_LIMIT_S, exit=True, file=_hang_file)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture(autouse=True)
def _collect_on_main_thread():
    """Collect what the test left behind here, on the main thread, never on a worker's."""
    from PySide6.QtWidgets import QApplication

    from ops_console.ui.qt import collect_due, install_gui_thread_collector

    app = QApplication.instance()
    if app is not None:
        install_gui_thread_collector(app)  # collects during qtbot waits too
    yield
    collect_due()


@pytest.fixture
def settled_heap():
    """The heap as the console has it after start-up (ui/qt.py ``GuiThreadCollector.settle``):
    what exists now is frozen, so a full collection on the GUI thread walks only what the
    test makes. Tests that time the event loop use it: in a test process an unfrozen heap
    holds every object the earlier tests left behind, and one full collection of it stalled
    the loop 1.3 s on CI - a pause of the test runner's heap, not of the code under test."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True, scope="session")
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory):
    """Tests never read or write the developer's own config, data or logs."""
    home = tmp_path_factory.mktemp("user-dirs")
    saved = {
        k: os.environ.get(k) for k in ("OPS_CONSOLE_CONFIG", "OPS_CONSOLE_DATA_DIR", "OPS_CONSOLE_LOG_DIR")
    }
    os.environ["OPS_CONSOLE_CONFIG"] = str(home / "config.toml")
    os.environ["OPS_CONSOLE_DATA_DIR"] = str(home / "data")
    os.environ["OPS_CONSOLE_LOG_DIR"] = str(home / "logs")
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh SQLite database file for one test."""
    return sqlite_url(tmp_path / "post.sqlite")


@pytest.fixture
def post(db_url: str):
    """A migrated post with one operator per role and the supervisor signed on."""
    p = open_signed_on(db_url)
    yield p
    p.close()


@pytest.fixture
def themed(qapp):
    """The console's look for screenshots, undone afterwards so other panels' tests see plain Qt."""
    from ops_console.ui.common.theme import apply_theme

    style, palette, sheet, font = qapp.style().name(), qapp.palette(), qapp.styleSheet(), qapp.font()
    apply_theme(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setFont(font)


def _speaking_chinese(qapp):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    from ops_console.language import install_translators, remove_translators

    translators = install_translators(qapp, QLocale("zh_CN"))
    assert translators, "the zh_CN catalogue did not load"
    yield qapp
    remove_translators(qapp, translators)


@pytest.fixture
def chinese(qapp):
    """The application speaking zh_CN, as a console started with LANG=zh_CN.UTF-8 does
    (its catalogue compiled from the .ts if need be); English again afterwards."""
    yield from _speaking_chinese(qapp)


@pytest.fixture
def zh(qapp):
    """``chinese`` under another name, for tests whose parameters already use that word."""
    yield from _speaking_chinese(qapp)


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where UI tests save PNGs of each panel for people (and the README tour) to look at."""
    path = Path(__file__).resolve().parent.parent / "build" / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def any_db_url(request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh database on each engine: a SQLite file, and PostgreSQL when a server is given."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path / "post.sqlite")
        return
    server = pg_url()
    if server is None:
        pytest.skip(
            "PostgreSQL tests need OPS_CONSOLE_TEST_PG (e.g. postgresql+psycopg://postgres@127.0.0.1/test)"
        )
    with scratch_database(server) as url:
        yield url


@pytest.fixture
def any_post(any_db_url: str):
    """Like ``post``, on every engine."""
    p = open_signed_on(any_db_url)
    yield p
    p.close()


@pytest.fixture
def full_demo_post(tmp_path: Path):
    """A post filled like ``--demo`` with every feature's data, the demo supervisor signed on."""
    from ops_console.demo import build_full_demo
    from ops_console.post import open_post

    p = open_post(f"sqlite:///{tmp_path / 'demo.db'}")
    build_full_demo(p)
    p.operators.sign_on("Chen Jing", "1234")
    yield p
    p.close()
