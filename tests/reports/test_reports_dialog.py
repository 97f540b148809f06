"""File → Reports and forms: a 100,000-line ICS 214 is built off the GUI thread with a
progress bar while the window keeps answering; Cancel stops it and leaves no file; the
tour's pictures (the dialog, and a SITREP page rendered by poppler)."""

from __future__ import annotations

import shutil
import subprocess
import time
from datetime import timedelta

import pytest
from PySide6.QtCore import QDateTime, QTimer

from helpers.pdf import ink, pdf_text
from helpers.posts import open_signed_on, sqlite_url
from helpers.reports import add_log_lines
from ops_console.clock import utc_now
from ops_console.demo import build_full_demo
from ops_console.ui.common.jobs import pending_jobs
from ops_console.ui.reports.dialog import ReportsDialog


@pytest.fixture
def long_log(tmp_path):
    post = open_signed_on(sqlite_url(tmp_path / "post.sqlite"))
    add_log_lines(post, 100_000, utc_now() - timedelta(hours=30))
    yield post
    post.close()


def _dialog(qtbot, post, kind: str, out, **kw) -> ReportsDialog:
    dialog = ReportsDialog(post, **kw)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.start.setDateTime(QDateTime.currentDateTime().addSecs(-31 * 3600))
    dialog.out.setText(str(out))
    dialog.show()
    return dialog


def test_a_100000_line_ics214_does_not_freeze_the_window(qtbot, long_log, tmp_path, settled_heap) -> None:
    out = tmp_path / "ics214.pdf"
    dialog = _dialog(qtbot, long_log, "ics214", out)
    ticks: list[float] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    seen: list[int] = []
    dialog.bar.valueChanged.connect(seen.append)
    dialog.build_button.click()
    assert not dialog.build_button.isEnabled() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.result is not None or "Written" in dialog.state.text(), timeout=240_000)
    timer.stop()
    assert dialog.result is not None and dialog.result.lines >= 100_000  # and the sign-on lines
    assert "Written to" in dialog.state.text() and dialog.bar.value() == 100
    assert len({v for v in seen if 0 < v < 100}) >= 5  # the bar moved on the way
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(gaps) > 50 and max(gaps) < 1.0, f"the event loop stalled {max(gaps):.2f} s"
    assert "Routine radio check 99999" in pdf_text(out, None)[
        -20000:
    ] or "Routine radio check 99999" in pdf_text(out)


def test_cancel_stops_the_build_and_leaves_no_file(qtbot, long_log, tmp_path) -> None:
    out = tmp_path / "ics214.pdf"
    dialog = _dialog(qtbot, long_log, "ics214", out)
    dialog.build_button.click()
    qtbot.waitUntil(lambda: dialog.bar.value() > 5, timeout=120_000)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: "Cancelled" in dialog.state.text(), timeout=120_000)
    assert dialog.build_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert list(tmp_path.glob("*.pdf*")) == [] and list(tmp_path.glob(".ics214*")) == []
    qtbot.waitUntil(lambda: pending_jobs() == 0, timeout=10_000)


def test_a_period_that_ends_before_it_starts_is_said_in_the_dialog(qtbot, tmp_path) -> None:
    post = open_signed_on(sqlite_url(tmp_path / "p.sqlite"))
    try:
        dialog = _dialog(qtbot, post, "sitrep", tmp_path / "s.pdf")
        dialog.end.setDateTime(dialog.start.dateTime().addSecs(-3600))
        assert dialog.start_build() is None
        assert "before it starts" in dialog.state.text() and dialog.build_button.isEnabled()
        for box in dialog.findChildren(type(dialog).__mro__[1]):  # the message box shown
            box.close()
    finally:
        post.close()


def test_sitrep_from_the_dialog_and_the_tour_pictures(qtbot, tmp_path, screenshot_dir) -> None:
    from ops_console.mapping.basemap_config import DEMO_BASEMAP

    post = open_signed_on(sqlite_url(tmp_path / "demo.sqlite"))
    try:
        build_full_demo(post)
        out = tmp_path / "sitrep.pdf"
        dialog = _dialog(
            qtbot, post, "sitrep", out, basemaps=[DEMO_BASEMAP], post_name="Willow Creek ward post"
        )
        dialog.position.setText("Post supervisor")
        dialog.summary.setPlainText(
            "River 40 cm above the warning level and rising; Canal Road underpass closed."
        )
        dialog.priorities.setPlainText("1. Evacuate Willow Lane ground floors\n2. Sandbags to the school")
        assert dialog.grab().save(str(screenshot_dir / "reports_dialog.png"))
        dialog.build_button.click()
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=120_000)
        text = " ".join(pdf_text(out).split())
        assert "Willow Creek ward post" in text and "Canal Road underpass closed" in text
        assert ink(out, 1) > 0.05
        png = screenshot_dir / "sitrep"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(out), str(png)],
            check=True,
        )
        assert (screenshot_dir / "sitrep.png").stat().st_size > 20_000
        shutil.copy(out, screenshot_dir / "sitrep.pdf")
    finally:
        post.close()


def test_a_typed_summary_is_asked_about_on_close_until_a_report_holds_it(qtbot, tmp_path) -> None:
    """The supervisor's summary is the form's own work: Esc asks before throwing it away,
    but once a report has been written with it the dialog closes at once."""
    post = open_signed_on(sqlite_url(tmp_path / "p.sqlite"))
    try:
        dialog = _dialog(qtbot, post, "sitrep", tmp_path / "s.md")
        dialog.fmt.setCurrentIndex(dialog.fmt.findData("md"))
        dialog.out.setText(str(tmp_path / "s.md"))
        assert not dialog.has_typed_content(), "choosing the report and its file is not typing"
        dialog.summary.setPlainText("River 40 cm above the warning level")
        dialog.reject()
        assert dialog.discard_box is not None and dialog.discard_box.isVisible() and dialog.isVisible()
        dialog.discard_box.reject()  # Keep editing
        dialog.build_button.click()
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=60_000)
        assert "River 40 cm" in (tmp_path / "s.md").read_text(encoding="utf-8")
        dialog.reject()
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        post.close()
