"""The console signed on in Simplified Chinese: every panel and dialog speaks Chinese
(apart from the short allow-list in tests/helpers/english_left.py: call signs, units,
proper names, and the words of the post's own records) and nothing is cut off at 1366x768,
where Chinese and English words differ in width."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QWidget

from helpers.clipping import clipped_buttons, clipped_headers
from helpers.dialogs import every_dialog
from helpers.english_left import data_words, english_left, english_words
from helpers.windows import settle, shown_at
from ops_console.inventory.views import MovementKind
from ops_console.post import Post
from ops_console.ui.alerts.model import AlertModel
from ops_console.ui.common.i18n import install_translators, remove_translators

SIZE = QSize(1366, 768)


@pytest.fixture
def chinese(qapp):
    """The application speaking zh_CN (its catalogue compiled from the .ts if need be)."""
    from ops_console.ui.app import prefer_cjk_font

    translators = install_translators(qapp, QLocale("zh_CN"))
    assert translators, "the zh_CN catalogue did not load"
    font = qapp.font()
    prefer_cjk_font(qapp)  # as a Chinese console starts (ui/app.py)
    yield qapp
    qapp.setFont(font)
    remove_translators(qapp, translators)


def _cells_left_in_english(window: QWidget, model_type: type, data: set[str]) -> list[str]:
    """The cells of a table whose every word is the console's own (the alert list)."""
    found, seen = [], 0
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if not isinstance(model, model_type):
            continue
        seen += 1
        assert model.rowCount() > 0, "the demo post has alerts to show"
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    text = str(model.data(model.index(row, column), role) or "")
                    if words := english_words(text, data):
                        found.append(f"cell {row},{column}: {text!r} ({', '.join(sorted(set(words)))})")
    assert seen, f"no {model_type.__name__} on the window"
    return found


@pytest.fixture
def chinese_window(full_demo_post, qtbot, themed, chinese, layout_settings):
    window = shown_at(full_demo_post, qtbot, layout_settings, SIZE)
    yield window
    window.close()


@pytest.fixture(params=["calm", "worst"])
def moment(request, full_demo_post) -> str:
    """A calm post, or the worst moment: a drill running when a live EMERGENCY comes in and
    six sirens sound for real (the marks, bars and buttons only then on screen)."""
    if request.param == "worst":
        from helpers.alerts import the_worst_moment

        the_worst_moment(full_demo_post, drill=True)
    return str(request.param)


def test_every_panel_speaks_chinese_and_keeps_its_buttons_whole(
    full_demo_post, moment, chinese_window, screenshot_dir
):
    window, data = chinese_window, data_words(full_demo_post.db.engine)
    problems: list[str] = []
    for key, dock in window.docks.items():
        dock.show()
        dock.raise_()
        settle()
        problems += [f"{key}: {p}" for p in english_left(dock, data)]
        if moment == "calm":  # at the worst moment three bars take ~100 px: a low dock's body
            # scrolls by design (the radio's compose box goes a scroll away; the English
            # layout test checks every dock's buttons at that moment at 1280x720)
            problems += [f"{key}: cut off: {p}" for p in clipped_buttons(window, dock)[0]]
    for bar in (window.alarm.toolbar, window.features.siren_strip, window.exercise_bar):
        problems += [f"{bar.objectName()}: {p}" for p in english_left(bar, data)]
        problems += [f"{bar.objectName()}: cut off: {p}" for p in clipped_buttons(window, bar)[0]]
    problems += english_left(window.menuBar(), data, visible_only=False)
    problems += english_left(window.statusBar(), data)
    problems += [f"alerts: {p}" for p in _cells_left_in_english(window, AlertModel, data)]
    problems += [f"status bar: cut off: {p}" for p in clipped_buttons(window, window.statusBar())[0]]
    assert window.minimumSizeHint().width() <= SIZE.width(), "Chinese words made the window too wide"
    assert not problems, "\n".join(problems)

    if moment == "calm":
        for key in ("incidents", "activity", "tasks"):
            window.docks[key].raise_()
        settle()
        window.grab().save(str(screenshot_dir / "main_window_zh_CN.png"))


@pytest.fixture(params=["zh_CN", "en_US"])
def raised_night_window(request, full_demo_post, qtbot, themed, layout_settings):
    """The window in each language, at night, with the text one step larger (Ctrl +)."""
    from ops_console.ui.app import prefer_cjk_font
    from ops_console.ui.common.theme import FONT_DEFAULT_PT, apply_theme
    from ops_console.ui.view_options import FONT_STEP

    font = themed.font()
    translators = install_translators(themed, QLocale(request.param))
    if request.param == "zh_CN":
        assert translators, "the zh_CN catalogue did not load"
        prefer_cjk_font(themed)
    apply_theme(themed, night=True, font_pt=FONT_DEFAULT_PT + FONT_STEP)
    window = shown_at(full_demo_post, qtbot, layout_settings, SIZE)
    yield request.param, window
    window.close()
    apply_theme(themed, night=False)
    themed.setFont(font)
    remove_translators(themed, translators)


def test_raised_text_at_night_keeps_buttons_headers_and_tabs_whole(raised_night_window, screenshot_dir):
    """Tired eyes raise the text one step at night: in Chinese and in English no button,
    column title or tab is cut at 1366x768."""
    language, window = raised_night_window
    problems: list[str] = []
    for key, dock in window.docks.items():
        dock.show()
        dock.raise_()
        settle()
        problems += [f"{key}: cut off: {p}" for p in clipped_buttons(window, dock)[0]]
        problems += [f"{key}: {p}" for p in clipped_headers(dock)]
        dock.grab().save(str(screenshot_dir / f"night_larger_{language}_{key}.png"))
    problems += [f"status bar: cut off: {p}" for p in clipped_buttons(window, window.statusBar())[0]]
    problems += [f"dock tabs: {p}" for p in clipped_headers(window) if p.startswith("tab ")]
    assert window.minimumSizeHint().width() <= SIZE.width(), "the larger text made the window too wide"
    for key in ("incidents", "activity", "tasks"):
        window.docks[key].raise_()
    settle()
    window.grab().save(str(screenshot_dir / f"main_window_{language}_night_larger.png"))
    assert not problems, "\n".join(sorted(set(problems)))


def test_raised_text_at_night_keeps_every_dialog_whole(full_demo_post, raised_night_window, qtbot):
    """The same dialogs, one text step larger at night, in Chinese and English."""
    language, window = raised_night_window
    problems: list[str] = []
    for name, make in every_dialog(full_demo_post, window).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        settle()
        problems += [f"{name}: cut off: {p}" for p in clipped_buttons(dialog, dialog)[0]]
        problems += [f"{name}: {p}" for p in clipped_headers(dialog)]
        size, least = dialog.size(), dialog.minimumSizeHint()
        if (
            max(size.width(), least.width()) > SIZE.width()
            or max(size.height(), least.height()) > SIZE.height()
        ):
            problems.append(f"{name}: {size.width()}x{size.height()} does not fit 1366x768")
        if isinstance(dialog, QDialog):
            dialog.reject()
        dialog.close()
    assert not problems, f"{language}:\n" + "\n".join(problems)


def test_every_dialog_speaks_chinese_and_fits_the_screen(full_demo_post, chinese_window, qtbot):
    data = data_words(full_demo_post.db.engine)
    problems: list[str] = []
    for name, make in every_dialog(full_demo_post, chinese_window).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        settle()
        problems += [f"{name}: {p}" for p in english_left(dialog, data)]
        problems += [f"{name}: cut off: {p}" for p in clipped_buttons(dialog, dialog)[0]]
        size, least = dialog.size(), dialog.minimumSizeHint()
        if (
            max(size.width(), least.width()) > SIZE.width()
            or max(size.height(), least.height()) > SIZE.height()
        ):
            problems.append(f"{name}: {size.width()}x{size.height()} does not fit 1366x768")
        if isinstance(dialog, QDialog):
            dialog.reject()
        dialog.close()
    assert not problems, "\n".join(problems)


def _raise_sensor_alerts(post: Post) -> None:
    """A river gauge crossing its lines up to EMERGENCY (the radio alarm too), rising fast,
    then an unregistered sensor: what the radio ingest stores, through the real ingest."""
    from helpers.sensors import RIVER, sensor_frame
    from ops_console.clock import utc_now

    post.sensors.save(RIVER)
    start = utc_now() - timedelta(minutes=20)
    levels = [2.0, 2.1, 2.2, 2.6, 3.1, 3.7]
    frames = [sensor_frame(RIVER.sensor_id, v, start + timedelta(minutes=i)) for i, v in enumerate(levels)]
    frames.append(sensor_frame("XX9-temp", 12.0, start + timedelta(minutes=7), kind="temp", unit="C"))
    post.radio.ingest.ingest(frames)


def _raise_siren_alarms(post: Post) -> None:
    """A controller reporting faults and sounding on its own, and one silent for three polls:
    the alarms the siren runtime stores (through its records, as a poll round does)."""
    from ops_console.hardware.protocols.siren_profile import FaultBit, SirenState, SirenStatus
    from ops_console.hardware.sirens.errors import NoAnswer
    from ops_console.sirens.records import SirenRecords

    records = SirenRecords(post.sirens.db, post.sirens.bus, post.sirens.patterns)
    first, second = post.sirens.list_sirens()[:2]
    faults = FaultBit.DOOR_OPEN | FaultBit.LOW_BATTERY | FaultBit.LOCAL_ACTIVATION
    status = SirenStatus(
        first.unit_id, SirenState.SOUNDING, 1, 60, first.last_seq, 23.9, True, faults, 21.0, 230
    )
    ids = {first.unit_id: first.id, second.unit_id: second.id}
    for _ in range(3):
        records.record_poll({first.unit_id: status, second.unit_id: NoAnswer(second.unit_id, 0.5)}, ids)


def _say_notices(post: Post) -> None:
    """Background failures on the notice board, as the radio's storage and outbox say them."""
    from ops_console.notices import say
    from ops_console.said import N_, said

    say(
        post.bus,
        "problem",
        said(N_("The radio outbox hit a problem and keeps trying; see the log.")),
        source="radio",
    )
    say(
        post.bus,
        "problem",
        said(
            N_("Radio frames are not being stored: {why} ({spool} waiting in the spool, {memory} in memory)"),
            why="—",
            spool=3,
            memory=0,
        ),
        source="radio storage",
    )


def test_stored_alerts_alarms_and_notices_read_in_chinese(full_demo_post, chinese_window, qtbot):
    """What services stored in no language (ops_console/said.py) — sensor alert details, the
    sensor's EMERGENCY alarm, siren alarms, notices — reads in Chinese on the alert list,
    whichever workstation wrote it (these rows were written with no translator involved)."""
    from ops_console.said import english, is_said

    post, window = full_demo_post, chinese_window
    _raise_sensor_alerts(post)
    _raise_siren_alarms(post)
    _say_notices(post)
    panel = window.docks["alerts"].widget()
    panel.refresh()
    wanted = ("sensor:RG1-level:level", "sensor:XX9-temp:unknown", "siren_alarm:", "notice:", "sensor_alert:")
    qtbot.waitUntil(
        lambda: all(any(a.key.startswith(w) for a in panel.model.alerts) for w in wanted), timeout=5000
    )
    stored = [a.words for a in post.sirens.list_alarms(open_only=True)]
    assert len(stored) >= 3
    with post.db.engine.connect() as conn:
        from sqlalchemy import text

        kept = [w for (w,) in conn.execute(text("SELECT words FROM siren_alarms"))]
    assert sum(is_said(w) for w in kept) >= 3, "siren alarms are stored in no language"
    assert any("reports:" in english(w) for w in kept)  # the English a log or an English console reads
    data = data_words(post.db.engine)
    problems = _cells_left_in_english(window, AlertModel, data)
    ours = [a for a in panel.model.alerts if a.key.startswith(wanted) or a.source == "radio"]
    chinese = [a for a in ours if any("\u4e00" <= ch <= "\u9fff" for ch in a.detail)]
    assert len(chinese) == len(ours), [a.detail for a in ours if a not in chinese]
    assert not problems, "\n".join(problems)
    from ops_console.services.activity import ActivityFilter

    [entry] = post.activity.page(ActivityFilter(text="is SOUNDING without a command"))  # found by its English
    assert entry.words.startswith("S1 North Gate（单元 1）在没有任何控制台命令的情况下正在鸣响"), entry.words


def test_a_sitrep_of_the_demo_post_reads_in_chinese(full_demo_post, chinese, tmp_path):
    """The SITREP's own words — headings, boxes, column headings and the words in its cells
    (states, yes/no, directions, kinds, the sensor alarm's stored sentence) — in Chinese;
    what is left in Latin letters is the records' own words or the allow-list."""
    from ops_console.reports.build import ReportRequest, build
    from ops_console.reports.period import period_from

    post = full_demo_post
    _raise_sensor_alerts(post)
    _raise_siren_alarms(post)
    out = tmp_path / "sitrep.html"
    build(
        post,
        ReportRequest(
            "sitrep", out, period_from("36h", None), "html", post_name="柳溪", prepared_by="Chen Jing"
        ),
    )
    page = out.read_text(encoding="utf-8")
    data = data_words(post.db.engine)
    cells = re.findall(r"<(?:td|th|h\d|p|caption|title)[^>]*>(.*?)</", page, flags=re.S)
    assert len(cells) > 50, "the SITREP has its sections"
    left = sorted(
        {f"{c.strip()!r} ({', '.join(sorted(set(w)))})" for c in cells if (w := english_words(c, data))}
    )
    assert "态势报告" in page and "传感器" in page and "紧急等级" in page
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">'), page[:60]  # the words' language
    assert not left, "\n".join(left)


def test_refusals_and_form_problems_from_services_read_in_chinese(full_demo_post, chinese, qtbot):
    """What a service refuses with or finds wrong in a form (raised where no translator is
    asked, read in the message box) and the refusals asked before the click, in Chinese."""
    from ops_console.domain import Permission
    from ops_console.errors import PermissionDenied, ValidationError
    from ops_console.said import N_
    from ops_console.services.audit import Actor
    from ops_console.services.incidents import IncidentDraft
    from ops_console.ui.common.messages import show_error

    post = full_demo_post
    data = data_words(post.db.engine)
    post.shift.actor = Actor(None, "Wang Lei", "viewer")
    boxes = []
    with pytest.raises(PermissionDenied) as refused:
        post.shift.require(Permission.EDIT_RECORDS, N_("report incidents"))
    boxes.append(show_error(None, refused.value))
    with pytest.raises(ValidationError) as invalid:
        IncidentDraft("", lat=91.0, lon=None, reported_at=datetime(2020, 1, 1, tzinfo=UTC)).validate()
    assert len(invalid.value.problems) == 4  # title, location, latitude, a year ago
    boxes.append(show_error(None, invalid.value))
    words = [post.radio.acknowledge_refusal(), post.sensors.edit_refusal()]
    texts = [b.text() for b in boxes] + words
    for box in boxes:
        qtbot.addWidget(box)
        box.close()
    left = [f"{t!r} ({', '.join(english_words(t, data))})" for t in texts if english_words(t, data)]
    assert all(t for t in texts) and not left, "\n".join(left)


def test_every_action_in_the_demo_log_has_words(full_demo_post, chinese):
    """The activity log's Action column names what happened in the reader's language: an
    action code with no words would show as an English-looking fallback ("Warning send")."""
    from sqlalchemy import text

    from ops_console.ui.activity.model import ACTION_LABELS, action_label

    with full_demo_post.db.engine.connect() as conn:
        actions = {a for (a,) in conn.execute(text("SELECT DISTINCT action FROM audit_entries"))}
    assert len(actions) > 10
    missing = sorted(a for a in actions if a not in ACTION_LABELS)
    assert not missing, f"actions with no words in ui/activity/model.py: {missing}"
    assert all(not english_words(action_label(a)) for a in actions)


def test_the_comms_log_and_the_outbox_give_precedence_in_chinese(chinese):
    """The precedence column showed the stored 'Routine' on a Chinese console (seen under Xvfb)."""
    from helpers.message_views import message_view
    from ops_console.precedence import Precedence
    from ops_console.ui.radio.model import cell_text
    from ops_console.ui.radio.tables import OutboxModel

    now = datetime.now(UTC)
    rows = [
        message_view(
            id=n,
            at=now,
            kind="field",
            station="CARE-5",
            number=n,
            sender="CARE-5",
            precedence=p.value,
            body="Road clear",
            rssi=None,
            snr=None,
        )  # fmt: skip
        for n, p in enumerate(Precedence, start=1)
    ]
    expected = ["紧急", "优先", "生活保障", "常规"]
    assert [cell_text(row, 5) for row in rows] == expected  # the comms log's column
    outbox = OutboxModel()
    outbox.set_rows(rows)
    assert [outbox.index(r, 3).data() for r in range(len(rows))] == expected


def _siren_words() -> dict[str, str]:
    """Every fault a siren bus raises and every outcome it describes, as the driver words them
    (hardware/sirens/errors.py, outcome.py): arguments inside otherwise Chinese siren alarms."""
    from ops_console.hardware.protocols.siren_profile import (
        Command,
        ExceptionCode,
        FaultBit,
        ProfileError,
        SirenState,
        SirenStatus,
        decode_status,
    )
    from ops_console.hardware.sirens import errors
    from ops_console.hardware.sirens.outcome import Confirmation, describe
    from ops_console.said import N_, said

    with pytest.raises(ProfileError) as caught:
        decode_status(2, [9, 0, 0, 1, 2700, 1, 0, 200, 230])  # state 9: no known state
    bad_registers = caught.value
    faults: list[errors.SirenFault] = [
        errors.NoAnswer(2, 0.5),
        errors.CrcError(2),
        errors.TruncatedReply(2, 5),
        errors.WrongUnit(2, 3),
        errors.SlowReply(2, 0.5, 4),
        errors.Overlapped(2, 3),
        errors.GarbledReply(2),
        errors.GarbledReply(2, said(N_("the write was echoed with another address or quantity"))),
        errors.ExceptionReply(2, ExceptionCode.BUSY),
        errors.ExceptionReply(2, 42),
        errors.ExceptionReply(2, 3, said(N_("activation refused: the siren cannot sound"))),
        errors.BadRegisters(2, "0x0102"),
        errors.BadRegisters(2, bad_registers.words),  # as the bus words a reply it cannot decode
        errors.PortUnplugged(2, "/dev/ttyUSB0"),
        errors.PortUnplugged(2, "/dev/ttyUSB0", said(N_("the line failed during the request"))),
    ]
    words = {f"{type(f).__name__}#{i}": f.words for i, f in enumerate(faults)}
    status = SirenStatus(2, SirenState.SOUNDING, 1, 60, 7, 23.9, False, FaultBit.DOOR_OPEN, 21.0, 0)
    for result in Confirmation:
        for fault in (None, faults[0], faults[10]):
            words[f"{result.name} {fault!r}"] = describe(2, Command.ACTIVATE, 7, result, status, fault)
    return words


def test_siren_faults_and_outcomes_read_in_chinese(chinese):
    """A siren's fault ("siren 2 did not answer within 500 ms …") and a command's outcome are
    stored in no language by the driver and read in Chinese on a Chinese console, while the
    log keeps its English (said.english); an English f-string coming back fails here."""
    from ops_console.said import english, is_said, shown

    for name, stored in _siren_words().items():
        assert is_said(stored), f"{name} is stored as finished English: {stored!r}"
        text = shown(stored)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), (name, text)
        assert not english_words(text, {"RS", "CRC", "dev"}), (name, text)
        assert english(stored) != text and "siren" in english(stored).lower() or "unit" in english(stored)


def _log_entries_of(post: Post, prefixes: tuple[str, ...]) -> list:
    from ops_console.services.activity import ActivityFilter

    return [e for e in post.activity.page(ActivityFilter(), limit=2000) if e.action.startswith(prefixes)]


def test_stock_movements_siren_test_schedules_and_cap_inbox_read_in_chinese(
    full_demo_post, chinese, tmp_path
):
    """The activity log's lines for stock movements ("Issued 2 box … to Team 1 — reason"),
    siren test schedules (the rule "first Monday of the month at 10:00") and received CAP
    alerts are stored in no language and read in Chinese; what stays in Latin letters is the
    records' own words (names, lots, reasons, CAP's codes). The schedule table's rule too."""
    from sqlalchemy import text

    from helpers.public_warnings import alert_xml
    from ops_console.said import english, is_said, shown
    from ops_console.sirens.schedule import describe_rule, test_kind_words

    post = full_demo_post
    with post.db.engine.connect() as conn:
        item = conn.execute(text("SELECT id FROM stock_items WHERE active ORDER BY id")).scalar()
        a, b = [
            i
            for (i,) in conn.execute(text("SELECT id FROM stock_locations WHERE active ORDER BY id LIMIT 2"))
        ]
        team = conn.execute(text("SELECT id FROM teams ORDER BY id")).scalar()
    post.inventory.receive(item, a, 5, lot="L7", reason="truck 3")
    post.inventory.issue(item, a, 2, team_id=team, lot="L7", reason="sandbags")
    post.inventory.transfer(item, a, b, 1, lot="L7")
    post.sirens.schedule_test(
        "Monthly", kind="silent", nth=1, weekday=0, time_local="10:00", tz="Asia/Shanghai"
    )
    folder = tmp_path / "from-city"
    folder.mkdir()
    (folder / "1.xml").write_bytes(alert_xml("CITY-1"))
    (folder / "2.xml").write_bytes(
        alert_xml("CITY-2", "Update", "city@example.gov,CITY-1,2026-05-01T10:00:00+08:00")
    )
    post.warnings.inbox.scan_folder(folder)
    post.warnings.inbox.acknowledge(post.warnings.inbox.list_received()[0].id)

    data = data_words(post.db.engine)
    entries = _log_entries_of(post, ("stock.receive", "stock.issue", "stock.transfer", "siren.test", "cap."))
    actions = {e.action for e in entries}
    assert {
        "stock.receive",
        "stock.issue",
        "stock.transfer",
        "siren.test.schedule",
        "cap.import",
        "cap.ack",
    } <= actions
    for e in entries:
        assert is_said(e.summary), f"{e.action} stored as finished English: {e.summary!r}"
        assert any("\u4e00" <= ch <= "\u9fff" for ch in e.words), (e.action, e.words)
        assert not english_words(e.words, data), (e.action, e.words)
    issued = next(e for e in entries if e.action == "stock.issue")
    assert english(issued.summary).startswith("Issued 2 ") and "lot L7" in english(issued.summary)
    assert english(issued.summary).endswith(" — sandbags")  # the English a log or an English console reads
    rule = shown(describe_rule(1, 0, "10:00", "Asia/Shanghai"))
    assert rule == "每月第一个星期一 10:00（Asia/Shanghai）", rule
    assert test_kind_words("silent") == "静音测试" and test_kind_words("odd") == "odd"


def test_the_schedule_dialog_offers_weekdays_and_ordinals_in_chinese(full_demo_post, chinese, qtbot):
    """The rule's combo boxes (every/first … last, Monday … Sunday) read in Chinese: the
    window check skips combo items as records, but these are the console's own words."""
    from ops_console.ui.sirens.schedule_dialog import ScheduleDialog

    dialog = ScheduleDialog(full_demo_post.sirens)
    qtbot.addWidget(dialog)
    items = [c.itemText(i) for c in (dialog.nth, dialog.weekday) for i in range(c.count())]
    assert len(items) == 13 and "星期一" in items and "第一个" in items
    assert not [t for t in items if english_words(t)], items


def test_a_missing_catalogue_writes_html_that_says_english(qapp, tmp_path, monkeypatch):
    """``<html lang>`` names the language the words are in: a Chinese choice whose catalogue
    cannot be had writes English words, so the page says "en", not "zh-CN"."""
    from ops_console import language
    from ops_console.printing.blocks import Heading, PrintDocument
    from ops_console.printing.text import to_html

    monkeypatch.setattr(language, "load_catalogue", lambda *_a, **_k: False)
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        assert language.speaking() == "en"
        assert '<html lang="en">' in to_html(PrintDocument("SITREP").add(Heading("Incidents")))
    finally:
        remove_translators(qapp, translators)


def test_a_record_gone_or_an_unknown_operator_reads_in_chinese(full_demo_post, chinese):
    """NotFound / SignOnError sentences reach a message box or the sign-on line: Chinese on a
    Chinese console, English in the log (OpsError.english). No service may raise one as an
    English f-string again (the source check below)."""
    from ops_console.errors import NotFound, OpsError, SignOnError

    post = full_demo_post
    raised: list[OpsError] = []
    for attempt in (
        lambda: post.incidents.get(999_999),
        lambda: post.tasks.get(999_999),
        lambda: post.sirens.get(999_999),
        lambda: post.operators.sign_on("Nobody Here", "1234"),
    ):
        with pytest.raises((NotFound, SignOnError)) as caught:
            attempt()
        raised.append(caught.value)
    for exc in raised:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc)), str(exc)
        assert not english_words(str(exc), {"Nobody", "Here"}), str(exc)
        assert exc.english and not any("\u4e00" <= ch <= "\u9fff" for ch in exc.english)
    root = Path(__file__).resolve().parents[2]
    english_raises = [
        f"{path.relative_to(root)}:{n}"
        for folder in ("ops_console", "hardware", "db")
        for path in (root / folder).rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r'raise (NotFound|SignOnError|ConflictError|PermissionDenied)\(f"', line)
    ]
    assert not english_raises, english_raises


def test_the_stock_ledgers_form_checks_and_shortfall_read_in_chinese(full_demo_post, chinese):
    """A movement the ledger refuses — its form checks and "Only 3 box of … at …; cannot
    issue 50" — reads in Chinese in the dialog; the ledger's modules hold no plain English
    problem sentence any more (the source check)."""
    from sqlalchemy import text

    from ops_console.errors import ValidationError
    from ops_console.inventory.ledger import InsufficientStock
    from ops_console.inventory.views import MovementDraft

    post = full_demo_post
    data = data_words(post.db.engine)
    with post.db.engine.connect() as conn:
        item = conn.execute(text("SELECT id FROM stock_items WHERE active ORDER BY id")).scalar()
        place = conn.execute(text("SELECT id FROM stock_locations WHERE active ORDER BY id")).scalar()
    with pytest.raises(ValidationError) as invalid:
        post.inventory.record(
            MovementDraft(MovementKind.TRANSFER, item, 0, from_location_id=place, lot="x" * 61)
        )
    assert len(invalid.value.problems) >= 3  # quantity, destination, lot
    with pytest.raises(InsufficientStock) as short:
        post.inventory.issue(item, place, 900_000, team_id=1, lot="NOPE")
    for words in [*invalid.value.problems.values(), str(short.value)]:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in words), words
        assert not english_words(words, data | {"NOPE"}), words
    root = Path(__file__).resolve().parents[2] / "ops_console" / "inventory"
    plain = [
        f"{path.name}:{n}: {line.strip()}"
        for path in root.glob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r'problems\[[^\]]+\] = f?"|ValidationError\(\{"\w+": f?"', line)
    ]
    assert not plain, plain


def test_a_refused_cap_file_reads_in_chinese(chinese, tmp_path):
    """Why a received CAP file was refused (a CAP 1.1 file, broken XML, an open polygon, a
    DTD) reads in Chinese on the notice and the CLI; the log keeps the English."""
    from helpers.public_warnings import alert_xml
    from ops_console.early_warning import cap
    from ops_console.early_warning.cap_import import CapRejected, parse
    from ops_console.said import arguments

    open_ring = "31.2,121.4 31.21,121.4 31.21,121.42 31.3,121.4"
    for data in (
        alert_xml("A", ns=cap.NS_11),
        b"<alert><unclosed>",
        alert_xml("B", polygon=open_ring),
        b"<?xml version='1.0'?><!DOCTYPE alert [<!ELEMENT alert ANY>]><alert/>",
    ):
        with pytest.raises(CapRejected) as refused:
            parse(data)
        words = str(refused.value)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in words), words
        details = {w for a in arguments(refused.value.stored) for w in re.findall(r"[A-Za-z]+", a)}
        assert not english_words(words, details | {"XML", "DTD"}), words  # the parser's own detail is data
        assert refused.value.english.startswith(("This", "The", "Area"))


def test_every_siren_pattern_note_reads_in_chinese(chinese):
    """The activation wizard's note says what a signal means and what people should do; it
    was the pattern file's English on a Chinese console."""
    import json

    from ops_console.ui.sirens.look import pattern_notes

    folder = Path(__file__).resolve().parents[2] / "resources" / "siren_patterns"
    notes = [
        p["notes"]
        for path in sorted(folder.glob("*.json"))
        for p in json.loads(path.read_text(encoding="utf-8"))["patterns"]
        if p.get("notes")
    ]
    assert len(notes) >= 11
    untranslated = [n for n in notes if not re.search(r"[\u4e00-\u9fff]", pattern_notes(n))]
    assert untranslated == []


def test_a_backwards_period_and_a_full_disk_read_in_chinese(chinese, tmp_path):
    """The report dialog's refusals — a period that ends before it starts, a disk that filled
    while writing — in Chinese (the log keeps the English)."""
    import errno

    from ops_console.printing.files import WriteFailed, _words
    from ops_console.reports.period import Period, PeriodError

    start = datetime(2026, 12, 6, 6, 0, tzinfo=UTC)
    with pytest.raises(PeriodError) as backwards:
        Period(start, start - timedelta(hours=1))
    full = WriteFailed(_words(tmp_path / "sitrep.pdf", OSError(errno.ENOSPC, "No space left on device")))
    for exc in (backwards.value, full):
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc)), str(exc)
        assert not english_words(str(exc), {"from", "to", "tmp", "pytest", "sitrep", "pdf"}), str(exc)
    assert "disk is full" in full.english


def test_the_alarm_bar_says_emergency_in_chinese(full_demo_post, chinese_window, qtbot):
    """The alarm bar's badge read 'EMERGENCY' on a Chinese console while the comms log beside
    it said 紧急 (seen in the worst-moment picture)."""
    from helpers.alerts import hear_emergency

    hear_emergency(full_demo_post)
    bar = chinese_window.alarm.bar
    qtbot.waitUntil(bar.alarm.isVisible, timeout=5000)
    assert bar.badge.text() == "紧急" and not english_words(bar.badge.text())


def test_live_records_are_marked_in_chinese_during_a_drill(full_demo_post, request, qtbot):
    """Live records kept in sight during an exercise were marked 'LIVE' on a Chinese console
    (the incidents list, the comms log, the task board, the map's lists), while the exercise
    bar above them said 实战."""
    from helpers.alerts import hear_emergency
    from ops_console.exercise_view import live_words
    from ops_console.ui.incidents.model import COLUMNS

    full_demo_post.exercise.set_exercise(True)
    hear_emergency(full_demo_post)  # a live EMERGENCY heard during the drill
    window = request.getfixturevalue("chinese_window")
    assert live_words() == "实战"
    incidents = window.incidents.model
    qtbot.waitUntil(lambda: incidents.rowCount() > 0, timeout=5000)
    title = COLUMNS.index("title")
    titles = [incidents.index(r, title).data() for r in range(incidents.rowCount())]
    assert any(str(t).startswith("● 实战 · ") for t in titles), titles[:5]
    assert not any("LIVE" in str(t) for t in titles)


def test_an_acknowledged_emergency_is_logged_in_chinese_words(full_demo_post, chinese):
    """The log line read 'EMERGENCY 消息 #7' on a Chinese console (the stored precedence went
    in as it is stored); it names the precedence in the reader's words."""
    from helpers.alerts import hear_emergency
    from ops_console.said import english
    from ops_console.services.activity import ActivityFilter

    hear_emergency(full_demo_post)
    [alert] = [m for m in full_demo_post.radio.unacknowledged_alerts() if m.station == "RESCUE1"]
    full_demo_post.radio.acknowledge_alert(alert.id)
    [entry] = [e for e in full_demo_post.activity.page(ActivityFilter()) if e.action == "radio.alert_ack"][:1]
    assert "紧急" in entry.words and "EMERGENCY" not in entry.words, entry.words
    assert english(entry.summary).startswith("Emergency message #41 from RESCUE1 acknowledged")
