"""The real main window at the sizes posts use (1280x720 and 1366x768 laptops, 1920x1080):
every dock in front in turn, no enabled button cut, outside the window or narrower than
its text — with an EMERGENCY on the alarm bar above the docks, so its Acknowledge button is
checked too, with every dock in front.
First start (no saved geometry) opens maximised, whatever the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication, QMainWindow

from helpers.alerts import the_worst_moment
from helpers.clipping import clipped_buttons, visible_part
from helpers.windows import settle, shown_at
from ops_console.config import DEMO_PIN
from ops_console.ui.app import build_main_window
from ops_console.ui.common.jobs import pending_jobs
from ops_console.ui.main_window import LAYOUT_VERSION

SIZES = [QSize(1280, 720), QSize(1366, 768), QSize(1920, 1080)]


@pytest.mark.parametrize(
    ("size", "language", "who"),
    [(size, "en", "Chen Jing") for size in SIZES]
    + [(SIZES[0], "zh_CN", "Chen Jing")]  # Chinese words are longer on the bars
    + [(SIZES[0], "en", "Zhao Lei")]  # a viewer: the standing "nobody here may acknowledge" line too
    + [(SIZES[0], "zh_CN", "Zhang Min"), (SIZES[0], "en", "Liu Yang")],  # their own docks in front
    ids=lambda v: f"{v.width()}x{v.height()}" if isinstance(v, QSize) else v,
)
def test_every_dock_keeps_its_buttons_whole_and_in_sight(
    full_demo_post, qtbot, themed, layout_settings, screenshot_dir, size, language, who, request
):
    if language != "en":
        request.getfixturevalue("chinese")
    the_worst_moment(full_demo_post, drill=True)  # CANCEL ALL on the bar and in the panel; a third bar
    full_demo_post.operators.sign_on(who, DEMO_PIN)
    window = shown_at(full_demo_post, qtbot, layout_settings, size)
    assert (
        window.minimumSizeHint().width() <= size.width()
        and window.minimumSizeHint().height() <= size.height()
    )

    # the EMERGENCY brings the radio operator's list forward once its first read is in:
    # only then does a dock raised here stay in front
    qtbot.waitUntil(window.alarm.bar.alarm.isVisible)
    qtbot.waitUntil(lambda: pending_jobs() == 0)
    settle()
    problems: list[str] = []
    for key, dock in window.docks.items():
        dock.show()
        dock.raise_()
        settle()
        found, _ = clipped_buttons(window, dock)
        problems += [f"{key}: {p}" for p in found]
        for bar in (window.alarm.toolbar, window.exercise_bar, window.features.siren_strip):
            problems += [
                f"{bar.objectName()} with {key} in front: {p}" for p in clipped_buttons(window, bar)[0]
            ]
        must_see = (  # enabled or not (a viewer's say who may): whole and on screen
            window.alarm.bar.ack_button,
            window.exercise_bar.end_button,
            window.features.siren_strip.cancel_button,
        )
        for button in must_see:
            if not button.isVisible() or visible_part(button, window) != button.rect():
                problems.append(f"{button.text()!r} was not whole on screen with {key} in front")
    assert not problems, "\n".join(problems)

    window.docks["radio"].raise_()
    window.docks["sirens"].raise_()
    settle()
    suffix = ("" if language == "en" else f"_{language}") + (
        "" if who == "Chen Jing" else f"_{who.split()[0]}"
    )
    window.grab().save(str(screenshot_dir / f"layout_{size.width()}x{size.height()}{suffix}.png"))
    window.close()


def test_first_start_opens_maximised(post, qtbot, themed, layout_settings: QSettings):
    window = build_main_window(post, settings=layout_settings)  # nothing saved yet
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.isMaximized)
    window.close()

    again = build_main_window(post, settings=layout_settings)  # the saved geometry wins from now on
    qtbot.addWidget(again)
    again.show()
    again.showNormal()
    again.resize(1300, 800)
    qtbot.waitUntil(lambda: not again.isMaximized() and again.size() == QSize(1300, 800))
    again.close()
    third = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(third)
    third.show()
    settle()
    assert not third.isMaximized()  # (restoreGeometry fits the size to the small test screen)
    third.close()


def test_a_size_chosen_by_the_caller_is_kept(post, qtbot, themed, layout_settings: QSettings):
    window = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    settle()
    assert not window.isMaximized() and window.size() == QSize(1400, 900)
    window.close()


def test_no_stale_tab_bar_is_drawn_over_the_docks(full_demo_post, qtbot, themed, layout_settings):
    from PySide6.QtWidgets import QTabBar

    window = build_main_window(full_demo_post, settings=layout_settings)
    qtbot.addWidget(window)
    window.resize(QSize(1280, 720))
    window.show()
    qtbot.waitExposed(window)
    for _ in range(2):  # as built, and after View → Reset layout
        settle()
        shown = [b for b in window.findChildren(QTabBar) if b.parentWidget() is window and b.isVisible()]
        firsts = [b.tabText(0) for b in shown]
        assert len(firsts) == len(set(firsts)), f"two tab bars for one dock group: {firsts}"
        bar = next(b for b in shown if "Radio" in [b.tabText(i) for i in range(b.count())])
        bar.setCurrentIndex([bar.tabText(i) for i in range(bar.count())].index("Radio"))  # the kept bar works
        settle()
        assert window.rect().contains(window.docks["radio"].geometry())
        window.reset_layout()
    window.close()


@pytest.mark.parametrize(
    "size", [QSize(1280, 720), QSize(1366, 768)], ids=lambda s: f"{s.width()}x{s.height()}"
)
def test_every_dock_tab_shows_its_whole_title(full_demo_post, qtbot, themed, layout_settings, size):
    """Eight docks share the right-hand group: at 1280x720 under Xvfb's DejaVu font Qt cut them
    to "Sire…", "Sens…", "Team bo…". Each tab must be as wide as its title (the bar scrolls
    when they do not fit). The offscreen platform's font is narrower than a desktop's, so
    the titles are drawn 3 points larger here, as a tired operator's raised font would be."""
    from PySide6.QtWidgets import QTabBar

    app = QApplication.instance()
    font = app.font()
    font.setPointSize(font.pointSize() + 3)
    app.setFont(font, "QTabBar")
    try:
        window = build_main_window(full_demo_post, settings=layout_settings)
        qtbot.addWidget(window)
        window.resize(size)
        window.show()
        qtbot.waitExposed(window)
        for _ in range(2):  # as built, and after View → Reset layout
            settle()
            cut = [
                bar.tabText(i)
                for bar in window.findChildren(QTabBar)
                if bar.parentWidget() is window and bar.isVisible()
                for i in range(bar.count())
                if bar.tabRect(i).width() < bar.tabSizeHint(i).width()  # squeezed: its title elided
            ]
            assert not cut, f"tab titles cut: {cut}"
            window.reset_layout()
            qtbot.wait(50)
        window.close()
    finally:
        app.setFont(QApplication.font(), "QTabBar")


@pytest.mark.parametrize("size", SIZES[:2], ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_siren_of_the_post_is_in_sight_on_a_laptop(
    full_demo_post, qtbot, themed, layout_settings, size
):
    """The siren table gets the room before the battery chart (empty until a siren is
    chosen): all six demo sirens' rows are whole in view, no scrolling, at 1280x720 too."""
    window = shown_at(full_demo_post, qtbot, layout_settings, size)
    window.docks["sirens"].raise_()
    panel = window.features.sirens
    panel.reload()
    qtbot.waitUntil(lambda: panel.table.model().rowCount() == 6)
    settle()
    table = panel.table
    last = table.visualRect(table.model().index(5, 0))
    assert last.isValid() and last.bottom() <= table.viewport().height(), (
        last.bottom(),
        table.viewport().height(),
    )
    window.close()


def test_a_layout_saved_with_the_bars_on_one_line_gives_each_its_own(
    full_demo_post, qtbot, themed, layout_settings
):
    """A saved arrangement (an older console's, or the default taken before the alarm bar
    existed) once put the EMERGENCY bar on the siren strip's line: the strip shrank to its
    badge, its sirens and CANCEL ALL behind an overflow. Restored, each bar has its line."""
    the_worst_moment(full_demo_post)
    window = build_main_window(full_demo_post, settings=layout_settings)
    qtbot.addWidget(window)
    window.resize(QSize(1280, 720))
    strip, alarm = window.features.siren_strip, window.alarm.toolbar
    window.removeToolBarBreak(alarm)
    window.removeToolBarBreak(window.exercise_bar)
    merged = QMainWindow.saveState(window, LAYOUT_VERSION)
    window.restoreState(merged, LAYOUT_VERSION)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: strip.isVisible() and alarm.isVisible())
    settle()
    assert window.toolBarBreak(alarm) and window.toolBarBreak(window.exercise_bar)
    assert strip.geometry().bottom() < alarm.geometry().top(), (strip.geometry(), alarm.geometry())
    assert strip.width() == alarm.width() == window.width()
    problems, buttons = clipped_buttons(window, strip)
    assert not problems and any("CANCEL ALL" in b.text() for b in buttons)
    assert strip.lines.isVisible() and "S1 North Gate" in strip.lines.text()
    window.close()
