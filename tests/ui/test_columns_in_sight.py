"""Tables in the real main window at 1280x720 and 1920x1080 keep in sight the columns a
person acts on. Each was found past a dock's edge under Xvfb at 1280x720:

- the logistics officer's stock table: item, location, level (and on hand when wide). An
  empty level chart sat beside the table from the start and left only the item and its
  category; it now appears once a row is chosen, below the table in a narrow dock, and
  the chosen row stays in sight;
- the supervisor's sirens table: state, time remaining, faults, mains and comms (a siren
  idle with its door open, or on battery, looked like any other);
- the team board: status, PAR and last contact (an overdue team was only a bold row);
- the volunteers: name, on site, team and skills (who was on site was out of sight).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from ops_console.config import DEMO_PIN
from ops_console.ui.app import build_main_window
from ops_console.ui.common.jobs import pending_jobs
from ops_console.ui.inventory.model import STOCK_COLUMNS

ACTED_ON = ("item", "location", "level")


def _window(post, qtbot, settings, who: str, size: QSize):  # type: ignore[no-untyped-def]
    post.operators.sign_on(who, DEMO_PIN)
    window = build_main_window(post, settings=settings)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size)
    return window


def _settle() -> None:
    for _ in range(5):  # layouts settle over a few passes of the event loop (no sleeping)
        QApplication.processEvents()


def hidden_columns(table, names, columns=STOCK_COLUMNS) -> list[str]:  # type: ignore[no-untyped-def]
    """The named columns not wholly inside the table's viewport."""
    width = table.viewport().width()
    out = []
    for name in names:
        column = columns.index(name)
        left = table.columnViewportPosition(column)
        if left < 0 or left + table.columnWidth(column) > width:
            out.append(name)
    return out


@pytest.mark.parametrize(
    "size", [QSize(1280, 720), QSize(1920, 1080)], ids=lambda s: f"{s.width()}x{s.height()}"
)
def test_the_stock_columns_acted_on_stay_in_sight_with_and_without_the_chart(
    full_demo_post, qtbot, themed, layout_settings, screenshot_dir, size
):
    window = _window(full_demo_post, qtbot, layout_settings, "Liu Yang", size)
    qtbot.waitUntil(lambda: window.features.built("inventory"))
    panel = window.features.inventory
    qtbot.waitUntil(lambda: panel.model.rowCount() > 10 and pending_jobs() == 0, timeout=10_000)
    _settle()
    view = panel.stock
    assert view.table.isVisible() and not view.chart_box.isVisible()  # nothing chosen: no empty chart
    wide = size.width() >= 1920
    assert hidden_columns(view.table, ACTED_ON + (("quantity",) if wide else ())) == []

    view.table.selectRow(8)
    _settle()
    assert view.chart_box.isVisible() and view.chart.title.text().startswith(
        panel.model.level_at(8).item_name
    )
    assert hidden_columns(view.table, ACTED_ON + (("quantity",) if wide else ())) == []
    row = view.table.visualRect(panel.model.index(8, 0))
    assert view.table.viewport().rect().contains(row), "the chosen row went out of sight"
    assert view.table.viewport().height() >= 2 * row.height()
    window.grab().save(str(screenshot_dir / f"stock-chosen-row-{size.width()}x{size.height()}.png"))

    view.table.clearSelection()
    view.table.setCurrentIndex(panel.model.index(-1, -1))
    _settle()
    assert not view.chart_box.isVisible()


@pytest.mark.parametrize(
    "size", [QSize(1280, 720), QSize(1920, 1080)], ids=lambda s: f"{s.width()}x{s.height()}"
)
def test_the_siren_columns_a_supervisor_acts_on_stay_in_sight(
    full_demo_post, qtbot, themed, layout_settings, screenshot_dir, size
):
    from ops_console.ui.sirens.model import COLUMNS

    window = _window(full_demo_post, qtbot, layout_settings, "Chen Jing", size)
    qtbot.waitUntil(lambda: window.features.built("sirens"))
    table = window.features.sirens.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 6 and pending_jobs() == 0, timeout=10_000)
    _settle()
    assert table.isVisible()
    acted_on = ("siren", "state", "remaining", "faults", "mains", "comms")
    assert hidden_columns(table, acted_on, COLUMNS) == []
    window.grab().save(str(screenshot_dir / f"sirens-table-{size.width()}x{size.height()}.png"))


@pytest.mark.parametrize(
    "size", [QSize(1280, 720), QSize(1920, 1080)], ids=lambda s: f"{s.width()}x{s.height()}"
)
def test_an_overdue_team_shows_its_par_and_last_contact_in_sight(
    full_demo_post, qtbot, themed, layout_settings, screenshot_dir, size
):
    from ops_console.ui.people.board_model import COLUMNS

    window = _window(full_demo_post, qtbot, layout_settings, "Chen Jing", size)
    window.docks["teams"].show()
    window.docks["teams"].raise_()
    qtbot.waitUntil(lambda: window.features.built("teams"))
    table = window.features.teams.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 3 and pending_jobs() == 0, timeout=10_000)
    _settle()
    assert table.isVisible()
    assert hidden_columns(table, ("team", "status", "par", "contact"), COLUMNS) == []
    window.grab().save(str(screenshot_dir / f"team-board-{size.width()}x{size.height()}.png"))


@pytest.mark.parametrize(
    "size", [QSize(1280, 720), QSize(1920, 1080)], ids=lambda s: f"{s.width()}x{s.height()}"
)
def test_who_is_on_site_and_what_they_can_do_stay_in_sight(
    full_demo_post, qtbot, themed, layout_settings, screenshot_dir, size
):
    from ops_console.ui.people.roster_panel import COLUMNS

    window = _window(full_demo_post, qtbot, layout_settings, "Chen Jing", size)
    window.docks["roster"].show()
    window.docks["roster"].raise_()
    qtbot.waitUntil(lambda: window.features.built("roster"))
    table = window.features.roster.table
    qtbot.waitUntil(lambda: table.rowCount() > 10 and pending_jobs() == 0, timeout=10_000)
    _settle()
    assert table.isVisible()
    assert hidden_columns(table, ("name", "on_site", "team", "skills"), COLUMNS) == []
    window.grab().save(str(screenshot_dir / f"volunteers-{size.width()}x{size.height()}.png"))
