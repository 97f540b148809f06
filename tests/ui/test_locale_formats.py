"""Dates, times and numbers follow the chosen locale (ui/common/formatting.py): the same
row reads "6月5日 14:30" in zh_CN and "5 Jun 14:30" in English; counts take the locale's
digit grouping, and no panel formats by hand."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt

from ops_console.clock import utc_now
from ops_console.inventory.views import LevelState, LocationKind, StockLevel
from ops_console.services.incidents import IncidentDraft
from ops_console.ui.common import formatting
from ops_console.ui.incidents.model import COLUMNS, IncidentTableModel
from ops_console.ui.inventory.model import StockTableModel

UI = Path(formatting.__file__).resolve().parents[1]


@pytest.fixture
def in_locale(qapp) -> Iterator:
    """Switch Qt's default locale (as install_translators does), restored afterwards."""
    before = QLocale()

    def switch(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield switch
    QLocale.setDefault(before)


def test_the_same_incident_row_reads_chinese_in_zh_cn_and_english_in_en(post, in_locale):
    when = (utc_now() - timedelta(days=2)).replace(second=0, microsecond=0)
    shown = when.astimezone()
    view = post.incidents.create(IncidentDraft("Flooded cellar", reported_at=when))
    model = IncidentTableModel()
    model.set_rows([view])
    index = model.index(0, COLUMNS.index("reported"))
    clock = f"{shown:%H:%M}"

    in_locale("zh_CN")
    chinese, chinese_tip = model.data(index), model.data(index, Qt.ItemDataRole.ToolTipRole)
    in_locale("en_US")
    english, english_tip = model.data(index), model.data(index, Qt.ItemDataRole.ToolTipRole)

    assert chinese == f"{shown.month}月{shown.day}日 {clock}"
    assert chinese_tip == f"{shown.year}年{shown.month}月{shown.day}日 {clock}"
    assert english == f"{shown.day} {shown:%b} {clock}"  # the test runs in the C locale: %b is English
    assert english_tip == f"{shown.day} {shown:%b} {shown.year} {clock}"
    assert "AM" not in english_tip and "PM" not in english_tip  # 24 h in every language


def test_a_row_from_another_year_names_its_year_in_both_languages(in_locale):
    now = datetime(2026, 6, 15, 12, tzinfo=timezone.utc)
    old = datetime(2025, 12, 31, 9, 30, tzinfo=timezone.utc)
    in_locale("zh_CN")
    assert "2025年" in formatting.local_short(old, now)
    assert "年" not in formatting.local_short(datetime(2026, 6, 1, 9, tzinfo=timezone.utc), now)
    in_locale("en_US")
    assert "2025" in formatting.local_short(old, now)
    assert "2026" not in formatting.local_short(datetime(2026, 6, 1, 9, tzinfo=timezone.utc), now)


def _stock(quantity: int, expiry: date | None) -> StockLevel:
    return StockLevel(
        1, "Sandbags", "Flood", "bags", False, 1, "Depot", LocationKind.DEPOT,
        quantity, 2000, 20000, LevelState.OK, expiry, 350.0,
    )  # fmt: skip


def test_a_stock_row_groups_digits_and_writes_its_expiry_as_the_locale_does(in_locale):
    model = StockTableModel()
    row = _stock(12500, date(2027, 3, 1))
    in_locale("zh_CN")
    assert model._display(row, "quantity") == "12,500 bags"
    assert model._display(row, "expiry") == "2027年3月1日"
    in_locale("en_US")
    assert model._display(row, "expiry") == "1 Mar 2027"
    in_locale("de_DE")  # a locale that groups with a dot: the grouping is the locale's, not ours
    assert model._display(row, "quantity") == "12.500 bags"
    assert model._display(row, "target") == "20.000"


def test_measured_values_take_the_locales_decimal_sign(in_locale):
    in_locale("de_DE")
    assert formatting.decimal(23.46, 1) == "23,5"
    assert formatting.measure(0.125) == "0,125"
    assert formatting.signed(40) == "+40" and formatting.signed(-3) == "-3"
    in_locale("zh_CN")
    assert formatting.decimal(23.46, 2) == "23.46"


def test_no_panel_formats_dates_or_counts_by_hand():
    """strftime and f"{n:,}" write English whatever the locale; ui/ goes through formatting.
    Machine text stays ISO (file names, editable coordinates), so those are named here."""
    allowed = {
        "watchdog.py",  # the freeze report's file name and log line
        "reports/dialog.py",  # a file name: 20260605-1430
        "radio/ics213_dialog.py",  # the ICS-213 form's own date field (another brief)
        "incidents/dialogs.py",  # a draft kept as ISO text
    }
    found = subprocess.run(
        ["grep", "-rnE", r"strftime|isoformat\(\)|:,\}|:\+,\}", str(UI), "--include=*.py"],
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    by_hand = [
        line
        for line in found
        if "common/formatting.py" not in line and not any(f"ui/{name}:" in line for name in allowed)
    ]
    assert not by_hand, "\n".join(by_hand)


def test_the_task_card_writes_a_due_day_with_its_weekday(in_locale):
    from ops_console.ui.tasks.delegate import local_time_text

    now = datetime(2026, 6, 15, 12, tzinfo=timezone.utc)
    due = datetime(2026, 6, 19, 12, tzinfo=timezone.utc)
    shown = due.astimezone()
    in_locale("zh_CN")
    chinese = local_time_text(due, now)
    assert chinese.startswith(f"{shown.month}月{shown.day}日 周") and re.search(r"\d\d:\d\d$", chinese)
    in_locale("en_US")
    assert local_time_text(due, now) == f"{shown:%a} {shown.day} {shown:%b} {shown:%H:%M}"


def test_a_charts_time_axis_speaks_the_locale(in_locale):
    """pyqtgraph's own axis wrote "Sun 06" under a Chinese chart."""
    from ops_console.ui.common.date_axis import DAY, LocaleDateAxis

    axis = LocaleDateAxis(orientation="bottom")
    noon = datetime(2026, 12, 6, 12, tzinfo=timezone.utc).timestamp()
    in_locale("zh_CN")
    day, hour = axis.tickStrings([noon], 1.0, DAY), axis.tickStrings([noon], 1.0, 3600)
    assert re.fullmatch(r"12月[67]日", day[0]) and re.fullmatch(r"\d\d:\d\d", hour[0])
    assert axis.tickStrings([noon], 1.0, 40 * DAY) == ["2026年12月"]
    in_locale("en_US")
    assert re.fullmatch(r"[67] Dec", axis.tickStrings([noon], 1.0, DAY)[0])
    assert axis.tickStrings([1e20], 1.0, DAY) == [""]  # far out of range: no tick word, no traceback


def test_a_charts_time_axis_never_writes_words_over_each_other(qtbot, in_locale):
    """The stock chart's axis read "28 NovDec 2026 3 Dec": the month's word was drawn over
    the days' beside it. Three weeks at the chart's width in the inventory dock."""
    import pyqtgraph as pg
    from PySide6.QtGui import QImage, QPainter

    from ops_console.ui.common.date_axis import LocaleDateAxis

    in_locale("en_US")
    plot = pg.PlotWidget(axisItems={"bottom": LocaleDateAxis(orientation="bottom")})
    qtbot.addWidget(plot)
    plot.resize(410, 300)
    plot.show()
    qtbot.waitExposed(plot)
    start = datetime(2026, 11, 16, tzinfo=timezone.utc).timestamp()
    plot.plot([start, start + 21 * 86_400], [0, 600])
    plot.setXRange(start, start + 21 * 86_400, padding=0)
    qtbot.wait(50)
    axis = plot.getAxis("bottom")
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    words = [w for _, _, w in texts]
    assert any("Dec 2026" == w for w in words) and len(words) >= 3, words
    rects = [r for r, _, _ in texts]
    touching = [
        (words[i], words[j]) for i in range(len(rects)) for j in range(i) if rects[i].intersects(rects[j])
    ]
    assert touching == []


def test_the_siren_timeline_names_its_tones_in_chinese(qapp):
    """The words painted under a pattern's bar were the pattern file's keys ("wavering")."""
    from ops_console.ui.common.i18n import install_translators, remove_translators
    from ops_console.ui.sirens.timeline import tone_words

    assert tone_words({"rise_fall", "steady"}) == "rise fall, steady"
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        assert tone_words({"wavering"}) == "波动音"
        assert tone_words({"rise_fall", "steady"}) == "升降音, 稳定音"
    finally:
        remove_translators(qapp, translators)
