"""Task cards keep their due time and overdue mark whole: on the real board in the main
window at 1280x720 and 1366x768, at the default and the raised text size (Ctrl +), in
English and in Chinese; and at every supported text size at any column width the board
allows. Measured with the card's own fonts, the way Qt elides ("12:…" was the bug).
The title keeps its two rows while the due takes up to two rows below the badge (at
1280x720 a one-row title read "Escort resid…")."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QLocale, QRect, QSize
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from ops_console.clock import utc_now
from ops_console.db.models import Team
from ops_console.domain import Priority, TaskStatus
from ops_console.services.tasks import TaskDraft
from ops_console.ui.app import build_main_window
from ops_console.ui.common.formatting import clock_time
from ops_console.ui.common.i18n import install_translators, remove_translators
from ops_console.ui.common.theme import FONT_DEFAULT_PT, FONT_MAX_PT, FONT_MIN_PT, apply_theme
from ops_console.ui.tasks.card_layout import (
    card_rows,
    due_candidates,
    pill_width,
    place_due,
    rows_needed,
    tr,
)
from ops_console.ui.tasks.delegate import (
    CHROME_WIDTH,
    card_fonts,
    minimum_card_width,
    priority_label,
)
from ops_console.ui.tasks.model import OverdueRole
from ops_console.ui.view_options import FONT_STEP

# due times a board holds: overdue from this morning, yesterday, weeks back and last year;
# due later today, in a few days, and next year; and none at all
DUE_OFFSETS = (
    timedelta(minutes=-20),
    timedelta(days=-1, hours=-3),
    timedelta(days=-40),
    timedelta(days=-364),
    timedelta(hours=2),
    timedelta(days=3),
    timedelta(days=40),
    None,
)
STATUSES = (TaskStatus.NEW, TaskStatus.ASSIGNED, TaskStatus.IN_PROGRESS)


def _fill(post) -> None:
    """Every priority with every kind of due time, long titles, in three open columns."""
    with post.db.write() as s:
        s.add(Team(name="Sandbag and evacuation crew north", callsign="SB"))
    team = post.tasks.teams()[0].id
    now = utc_now()
    for i, (priority, offset) in enumerate((p, o) for p in Priority for o in DUE_OFFSETS):
        status = STATUSES[i % len(STATUSES)]
        view = post.tasks.create(
            TaskDraft(
                title=f"Check on elderly residents of the riverside flats, block {i}",
                priority=priority,
                team_id=None if status == TaskStatus.NEW else team,
                due_at=None if offset is None else now + offset,
            )
        )
        if view.status != status:
            post.tasks.move(view.id, view.version, status)


@pytest.fixture(params=["en_US", "zh_CN"])
def language(request, qapp):
    from ops_console.ui.app import prefer_cjk_font

    font = qapp.font()
    translators = install_translators(qapp, QLocale(request.param))
    if request.param == "zh_CN":
        assert translators, "the zh_CN catalogue did not load"
        prefer_cjk_font(qapp)
    yield request.param
    remove_translators(qapp, translators)
    qapp.setFont(font)


def _problems(column) -> list[str]:
    """Every due line of ``column``'s cards that does not fit its rect, or leaves its card,
    or lost its clock time or overdue mark (measured as Qt measures it before eliding)."""
    view, delegate, problems = column.view, column.view.itemDelegate(), []
    for row in range(column.model.rowCount()):
        index = column.model.index(row)
        task, overdue = column.model.tasks()[row], bool(index.data(OverdueRole))
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        option.rect = view.visualRect(index)
        plan = delegate.plan(option, index)
        metrics, name = QFontMetricsF(plan.fonts.due), f"#{task.id} ({column.status.value})"
        if option.rect.width() > view.viewport().width():
            problems.append(f"{name}: card {option.rect.width()} px in a {view.viewport().width()} px view")
        for rect, line in zip(plan.rows.due, plan.due.lines):
            if metrics.horizontalAdvance(line) > rect.width():
                problems.append(
                    f"{name}: {line!r} needs {metrics.horizontalAdvance(line):.1f} px, has {rect.width()}"
                )
            if not plan.card.contains(rect):
                problems.append(f"{name}: {line!r} at {rect} outside its card {plan.card}")
        if plan.due.beside and plan.rows.due[0].left() < plan.rows.badge.left() + plan.badge_width:
            problems.append(f"{name}: the due line overlaps the badge")
        shown = " ".join(plan.due.lines)
        if task.due_at is not None and clock_time(task.due_at) not in shown:
            problems.append(f"{name}: the due time {clock_time(task.due_at)} is not in {shown!r}")
        if overdue and tr("OVERDUE") not in shown:
            problems.append(f"{name}: overdue without the word in {shown!r}")
        if plan.rows.incident.bottom() > option.rect.bottom():
            problems.append(f"{name}: the card is taller than its row")
        if len(plan.rows.title) < 2 and plan.due.extra_rows <= 2:
            problems.append(f"{name}: the title has one row beside a due of {plan.due.extra_rows} row(s)")
    return problems


@pytest.mark.parametrize("size", [QSize(1280, 720), QSize(1366, 768)], ids=["1280x720", "1366x768"])
@pytest.mark.parametrize("raised", [False, True], ids=["default", "raised"])
def test_due_times_are_whole_on_the_board(
    post, qtbot, themed, language, layout_settings, screenshot_dir, size, raised
):
    _fill(post)
    apply_theme(themed, font_pt=FONT_DEFAULT_PT + (FONT_STEP if raised else 0))
    window = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size and not window.isMaximized())
    QApplication.processEvents()  # the role's front tabs are raised by a 0-timer after show
    window.docks["tasks"].raise_()
    board = window.tasks
    columns = [board.columns[s] for s in STATUSES]
    qtbot.waitUntil(lambda: all(c.count() for c in columns))
    for _ in range(5):  # the cards reflow for the width they got (a delayed layout)
        QApplication.processEvents()
    assert sum(c.model.overdue_count() for c in columns) >= 4 * len(Priority) - 1
    problems = [p for c in columns for p in _problems(c)]
    name = f"task_cards_{language}_{'raised' if raised else 'default'}_{size.width()}.png"
    window.docks["tasks"].grab().save(str(screenshot_dir / name))
    assert not problems, "\n".join(problems)
    window.close()


@pytest.mark.parametrize("language_pt", [FONT_MIN_PT, FONT_DEFAULT_PT, 14.0, FONT_MAX_PT])
def test_every_text_size_keeps_the_due_whole_at_any_width(qapp, language, language_pt):
    """From the narrowest a column may be (the widest due piece) to a wide one, every way a
    due time is written fits the rows the layout gives it, inside the card."""
    font = QFont(qapp.font())
    font.setPointSizeF(language_pt)
    narrowest = minimum_card_width(font)
    now = utc_now()
    offsets = [o for o in DUE_OFFSETS if o is not None]
    assert narrowest < 30 * language_pt, "the narrowest card is still a card, not a page"
    for width in range(narrowest, narrowest + 260, 7):
        for overdue in (True, False):
            for offset in offsets:
                fonts = card_fonts(font, overdue)
                candidates = due_candidates(now + offset, overdue, now)
                text = QRect(0, 0, width - CHROME_WIDTH, 1000)
                badge = max(
                    pill_width(QFontMetricsF(fonts.badge), priority_label(p).upper()) for p in Priority
                )
                placement = place_due(QFontMetricsF(fonts.due), text.width(), badge, candidates)
                rows = card_rows(text, 20, badge, placement)
                assert clock_time(now + offset) in " ".join(placement.lines)
                assert not overdue or tr("OVERDUE") in placement.lines[0]
                for rect, line in zip(rows.due, placement.lines):
                    assert QFontMetricsF(fonts.due).horizontalAdvance(line) <= rect.width(), (width, line)
                assert rows_needed(placement) <= 7 and len(rows.title) >= 1


def test_a_card_that_turns_overdue_is_laid_out_again(post, qtbot, themed, layout_settings):
    """The 30-second check flips a card to overdue: its longer due line gets its rows."""
    due = utc_now() + timedelta(days=2)
    post.tasks.create(TaskDraft(title="Welfare check at the flats", priority=Priority.URGENT, due_at=due))
    apply_theme(themed, font_pt=FONT_DEFAULT_PT + FONT_STEP)
    window = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(window)
    window.resize(QSize(1280, 720))
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # the role's front tabs are raised by a 0-timer after show
    window.docks["tasks"].raise_()  # the board reads its cards once it is on the screen
    column = window.tasks.columns[TaskStatus.NEW]
    qtbot.waitUntil(lambda: column.count() == 1)
    index = column.model.index(0)
    before = column.view.visualRect(index).height()
    window.tasks.refresh_overdue(utc_now() + timedelta(days=3))
    qtbot.waitUntil(lambda: column.view.visualRect(index).height() != before)
    assert not _problems(column)
    window.close()
