"""The GUI entry point: application, translators, crash handler, sign-on, main window.

``run_gui`` is what the CLI calls; ``create_application`` and ``build_main_window``
are the pieces tests use without entering the event loop.

Start-up order (docs/architecture.md, "Start-up, in practice"): this module and what it
imports at the top are light (Qt, no SQLAlchemy, no models, no services), so the sign-on
dialog paints within a few tenths of a second of launch with the roster read by
ops_console/roster.py. The post itself (imports, schema check, services; the demo on a
first start) is opened by a worker once the dialog has painted, and the main window's
modules load on the GUI thread once it is open, both while the operator types.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from ops_console.config import log_dir
from ops_console.db import quick_check_ahead
from ops_console.errors import SignOnError
from ops_console.language import APPLICATION, ORGANIZATION  # the settings' names: one home
from ops_console.pins import drop_checks_ahead
from ops_console.ui import startup_probe
from ops_console.ui.common.first_paint import after_first_paint
from ops_console.ui.common.i18n import install_translators
from ops_console.ui.common.jobs import JobLane, start_job
from ops_console.ui.common.known_errors import KNOWN_ERRORS
from ops_console.ui.crash import install_crash_handler
from ops_console.ui.qt import (
    GuiThreadCollector,
    forget_import_sources,
    install_gui_thread_collector,
    lighten_import_hook,
)
from ops_console.ui.view_options import apply_saved_look
from ops_console.ui.watchdog import FreezeWatchdog, unseen_freezes

if TYPE_CHECKING:
    from ops_console.post import Post
    from ops_console.ui.main_window import MainWindow
    from ops_console.ui.signon.dialog import RosterLine

log = logging.getLogger(__name__)
EXIT_OK, EXIT_FAILED = 0, 1


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names for QSettings, the theme, translations and GUI-thread GC."""
    lighten_import_hook()  # before the post's and the panels' imports (ui/qt.py)
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    settings = QSettings()
    apply_saved_look(app, settings)  # the night theme and text size this workstation chose
    app._ops_translators = install_translators(app, settings=settings)  # type: ignore[attr-defined]  # kept alive with the app
    if QLocale().language() == QLocale.Language.Chinese:
        prefer_cjk_font(app)
    install_gui_thread_collector(app)  # see ui/qt.py: a collection on a worker thread can freeze the program
    return app


CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Noto Sans CJK")


def prefer_cjk_font(app: QApplication) -> None:
    """Chinese characters from a Simplified Chinese face where one is installed (Debian:
    fonts-noto-cjk): left to itself, fontconfig may draw them with the Japanese forms of
    the same unified characters. Latin text keeps the application's own family. Only for a
    Chinese console: the list of families makes Qt reserve the CJK face's taller line."""
    font = app.font()
    families = [font.family(), *(f for f in CJK_FAMILIES if f != font.family())]
    font.setFamilies(families)
    app.setFont(font)


def build_main_window(
    post: Post,
    *,
    settings: QSettings | None = None,
    log_path: Path | None = None,
    demo: bool = False,
    start_devices: bool = True,
) -> MainWindow:
    """The main window for a post with an operator already signed on (tests call this).
    Imported here, not at the top: the sign-on dialog shows before the panels' modules load."""
    from ops_console.ui.main_window import MainWindow

    return MainWindow(post, settings=settings, log_path=log_path, demo=demo, start_devices=start_devices)


def _tell(words: str) -> None:
    """A start-up refusal: on stderr always, and in a window unless dialogs are off."""
    print(words, file=sys.stderr)
    if not os.environ.get("OPS_CONSOLE_NO_DIALOGS"):
        QMessageBox.critical(None, QCoreApplication.translate("Startup", "Ops Console cannot start"), words)


def _load_main_window_modules() -> None:
    """Import the panels' modules now (a few hundred ms) so the window builds sooner later."""
    importlib.import_module("ops_console.ui.main_window")
    forget_import_sources()  # what PySide6's import hook read of them (ui/qt.py)


def _check_pin_while_loading(post: Post, operator: str, pin: str) -> None:
    """Sign ``operator`` on. The PIN check is slow on purpose (scrypt, about half a second,
    and it lets other threads run), so it goes to a worker while the GUI thread loads the
    main window's modules; whatever ``sign_on`` raised is raised here."""
    lane = JobLane("sign-on")
    outcome: list[tuple[bool, object]] = []
    loop = QEventLoop()

    def finish(ok: bool, value: object) -> None:
        outcome.append((ok, value))
        loop.quit()

    start_job(
        lane, partial(post.operators.sign_on, operator, pin), partial(finish, True), partial(finish, False)
    )
    _load_main_window_modules()
    if not outcome:
        loop.exec()
    lane.waitForDone()
    ok, value = outcome[0]
    if not ok:
        assert isinstance(value, BaseException)
        raise value


def _sign_on(post: Post, operator: str, pin: str | None) -> bool:
    """--operator with a PIN signs on directly (the PIN from OPS_CONSOLE_PIN)."""
    if not pin:
        _tell(
            QCoreApplication.translate(
                "Startup", "--operator needs the PIN in the OPS_CONSOLE_PIN environment variable."
            )
        )
        return False
    try:
        _check_pin_while_loading(post, operator, pin)
    except SignOnError as exc:
        _tell(QCoreApplication.translate("Startup", "Cannot sign on: {reason}").replace("{reason}", str(exc)))
        return False
    return True


def _open_while_waiting(open_post: Callable[[], Post]) -> Post:
    """Open the post on a worker while the GUI thread waits in its event loop (nothing is
    shown: ``--operator`` signs on without a dialog); its exception is raised here."""
    lane = JobLane("post-open")
    outcome: list[tuple[bool, object]] = []
    loop = QEventLoop()

    def finish(ok: bool, value: object) -> None:
        outcome.append((ok, value))
        loop.quit()

    start_job(lane, open_post, partial(finish, True), partial(finish, False))
    if not outcome:
        loop.exec()
    lane.waitForDone()
    ok, value = outcome[0]
    if not ok:
        assert isinstance(value, BaseException)
        raise value
    return value  # type: ignore[return-value]


def _sign_on_dialog(
    post: Post | None, open_post: Callable[[], Post] | None, roster: Sequence[RosterLine] | None
) -> tuple[Post | None, bool]:
    """Ask who is at the workstation. Without ``post`` the dialog shows at once with the
    ``roster`` preview and the post opens on a worker after its first paint; returns the
    post (opened or not, None if it never opened) and whether someone signed on. A failure
    to open closes the dialog and is raised here."""
    from ops_console.ui.signon.dialog import SignOnDialog

    dialog = SignOnDialog(post, roster=roster)
    lane = JobLane("post-open", parent=dialog)
    opened: list[Post] = []

    def work() -> Post:
        assert open_post is not None
        opened.append(open_post())  # kept also when the dialog is gone: it is closed below
        return opened[-1]

    def ready(value: Post) -> None:
        forget_import_sources()  # the post's imports are done: their memory goes to the window
        dialog.post_ready(value)
        QTimer.singleShot(0, dialog, _load_main_window_modules)  # while the operator types

    if post is None:
        after_first_paint(dialog, lambda: start_job(lane, work, ready, dialog.post_failed, owner=dialog))
    else:
        after_first_paint(dialog, _load_main_window_modules)  # while the operator types the PIN
    # watched after the work above is queued: Qt asks the filter installed last first, so the
    # mark is printed before that work begins (the paint it marks came before both)
    startup_probe.watch_signon(dialog, dialog.reject)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    lane.waitForDone()  # a refusal before the post opened: it is closed by the caller
    if dialog.failure is not None:
        raise dialog.failure
    return (post if post is not None else (opened[0] if opened else None)), accepted


def _after_first_paint(window: MainWindow, collector: GuiThreadCollector) -> None:
    """The devices open; start-up's imports are done by then, so the sources PySide6's
    import hook left in ``linecache`` go (ui/qt.py), and the garbage collector, held
    through start-up, collects once, freezes what start-up built and resumes."""
    window.start_devices()
    QTimer.singleShot(0, window, forget_import_sources)
    QTimer.singleShot(0, window, collector.settle)


def _start_watchdog(window: QWidget, log_path: Path | None) -> FreezeWatchdog:
    """Leave evidence of any freeze from here on, and show the evidence an earlier run left."""
    report_dir = log_path.parent if log_path is not None else log_dir()
    earlier = unseen_freezes(report_dir)
    watchdog = FreezeWatchdog(report_dir, parent=window)
    watchdog.start()
    if earlier and not os.environ.get("OPS_CONSOLE_NO_DIALOGS"):
        words = "\n\n".join(report.sentence() for report in earlier[-3:])
        QTimer.singleShot(
            0,
            window,
            lambda: QMessageBox.warning(
                window, QCoreApplication.translate("Startup", "The console froze last time"), words
            ),
        )
    for report in earlier:
        log.warning("%s", report.sentence())
    return watchdog


def _radio_last_words(post: Post) -> int:
    """The window closed: if frames heard could not be stored or spooled, say how many and
    where (stderr and the log) and make the exit code say it too (radio/stop_report.py)."""
    post.devices.stop()  # idempotent: the window's shutdown normally did it already
    report = post.devices.radio_report
    if report is None or report.kept:
        return 0
    log.critical("radio: %s", report.line())
    print(f"Ops Console: radio {report.line()}", file=sys.stderr, flush=True)
    return report.exit_code


def run_gui(
    post_factory_or_post: Post | Callable[[], Post],
    *,
    operator: str | None = None,
    pin: str | None = None,
    demo: bool = False,
    log_path: Path | None = None,
    roster: Sequence[RosterLine] | None = None,
    first_start: bool = False,
    opened: Callable[[Post], object] | None = None,
) -> int:
    """Run the console until the window closes; returns the process exit code.

    Given a factory, the post opens on a worker: behind the first start's progress window
    (``first_start``), behind the sign-on dialog (which lists ``roster`` meanwhile), or,
    with ``operator``, while nothing is shown yet. ``opened(post)`` is called on the GUI
    thread once it is open (the CLI keeps a PostgreSQL post's roster for the next start)."""
    app = create_application()
    collector = install_gui_thread_collector(app)
    collector.hold()  # until the window has painted (_after_first_paint)
    crash = install_crash_handler(log_path)
    post: Post | None = None
    try:
        factory = post_factory_or_post if callable(post_factory_or_post) else None
        try:
            if factory is None:
                post = post_factory_or_post  # type: ignore[assignment]
            elif first_start:
                from ops_console.ui.first_start import run_with_progress

                post = run_with_progress(factory)
                forget_import_sources()
            elif operator:
                post = _open_while_waiting(factory)
                forget_import_sources()  # before the window's modules and widgets reuse that memory
            if operator:
                assert post is not None
                signed_on = _sign_on(post, operator, pin)
            else:
                post, signed_on = _sign_on_dialog(post, factory, roster)
        except KNOWN_ERRORS as exc:  # the post could not be opened (or made): words, an exit code
            log.error("%s", exc)
            _tell(str(exc))
            return getattr(exc, "exit_code", EXIT_FAILED)
        if post is not None and opened is not None:
            opened(post)
        if not signed_on:
            return EXIT_FAILED if operator else EXIT_OK
        assert post is not None
        post.feed.start()  # other workstations' changes arrive as events from here on
        # the radios and siren buses open once the window is on the screen, one paint later
        # than before: their ports were closed through all of start-up anyway, and from the
        # moment a port opens every frame is journaled as before
        window = build_main_window(post, log_path=log_path, demo=demo, start_devices=False)
        after_first_paint(window, partial(_after_first_paint, window, collector))
        window.show()
        startup_probe.watch_window(window, window.front_populated)
        watchdog = _start_watchdog(window, log_path)
        code = app.exec()
        watchdog.stop()
        code = code or _radio_last_words(post)
        try:
            post.operators.sign_off()
        except KNOWN_ERRORS as exc:
            log.warning("could not record the sign-off: %s", exc)
        return code
    finally:
        drop_checks_ahead()  # a PIN checked ahead for a sign-on that never came (cli.py)
        quick_check_ahead.drop_all()  # and a file check for a post that never opened
        collector.start()  # collecting again also when no window ever painted (a refusal)
        crash.uninstall()
        if post is not None:
            post.close()
