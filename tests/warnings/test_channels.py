"""Issuing on every ticked channel, each with its own state: sirens through the interlocked
siren door, the radio through the outbox, the CAP file, the printed notice; a siren that
refuses while the radio goes out is partial (not sent), a folder that cannot be written is
red with the reason, and a failed channel is retried on its own."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from helpers.posts import PIN
from helpers.public_warnings import approved_flood
from ops_console.db.siren_models import Siren
from ops_console.early_warning import cap


def by_channel(summary):  # type: ignore[no-untyped-def]
    return {d.channel: d for d in summary.deliveries}


def test_issue_sends_on_every_ticked_channel(wpost, tmp_path: Path):
    w = approved_flood(wpost)
    summary = wpost.warnings.issue(w.id, PIN, ["sirens", "radio", "cap", "pdf"])
    d = by_channel(summary)
    assert [x.channel for x in summary.deliveries] == ["sirens", "radio", "cap", "pdf"]
    # sirens: through SirenService.activate — the China set's pre-alert on the two chosen sirens
    commands = wpost.sirens.list_commands(request_id=d["sirens"].ref)
    assert sorted(c.siren_id for c in commands) == [1, 2]
    assert {c.command for c in commands} == {"activate"} and {c.pattern_id for c in commands} == {101}
    assert d["sirens"].state == "sending"  # until the controllers confirm
    # radio: a broadcast at EMERGENCY precedence through the outbox, fitted to two frames
    radio = wpost.radio.get(int(d["radio"].ref))
    assert (radio.recipient, radio.precedence, radio.status) == ("ALL", "EMERGENCY", "queued")
    assert radio.body.startswith("Flood warning for Willow Creek")
    assert wpost.radio.outbox.check("ALL", radio.body).frames <= 2
    # CAP: the file in the folder, valid against the OASIS schema
    cap_path = Path(d["cap"].ref)
    assert d["cap"].state == "delivered" and cap_path.parent == tmp_path / "cap"
    cap.validate(cap_path.read_bytes())
    # the printed notice: a PDF file
    pdf = Path(d["pdf"].ref)
    assert d["pdf"].state == "delivered" and pdf.read_bytes().startswith(b"%PDF")
    assert summary.outcome == "sending"
    wpost.radio.outbox.mark_sent(radio, "lora0")  # as the outbox worker does once it is on air
    after = wpost.warnings.messages(w.id)[0]
    assert by_channel(after)["radio"].state == "delivered"


def test_a_siren_that_refuses_while_the_radio_goes_out_is_partial_then_retried(spost):
    with spost.db.write() as s:  # the siren is out of service: the interlock refuses it
        s.execute(update(Siren).where(Siren.id == 2).values(enabled=False))
    w = approved_flood(spost)
    summary = spost.warnings.issue(w.id, PIN, ["sirens", "radio"])
    d = by_channel(summary)
    assert d["sirens"].state == "failed" and "out of service" in d["sirens"].detail
    radio = spost.radio.get(int(d["radio"].ref))
    spost.radio.outbox.mark_sent(radio, "lora0")
    after = spost.warnings.messages(w.id)[0]
    assert by_channel(after)["radio"].state == "delivered"
    assert after.outcome == "partial"
    with spost.db.write() as s:
        s.execute(update(Siren).where(Siren.id == 2).values(enabled=True))
    retried = spost.warnings.retry(d["sirens"].id, PIN)
    assert retried.state == "sending" and retried.attempts == 2
    assert [e.action for e in spost.warnings.timeline(w.id)][-1] == "warning.retry"


def test_a_cap_folder_that_cannot_be_written_is_red_with_the_reason(spost, tmp_path: Path):
    not_a_folder = tmp_path / "file.txt"
    not_a_folder.write_text("x")
    spost.warnings.settings.cap_folder = not_a_folder
    spost.warnings.settings.notice_folder = Path("/proc/self")  # not writable even for root
    w = approved_flood(spost)
    d = by_channel(spost.warnings.issue(w.id, PIN, ["radio", "cap", "pdf"]))
    assert d["cap"].state == "failed" and "is not a folder" in d["cap"].detail
    assert d["pdf"].state == "failed" and "/proc/self is not writable" in d["pdf"].detail
    assert d["radio"].state == "sending"  # not held up by the files
    spost.warnings.settings.cap_folder = tmp_path / "cap"
    assert spost.warnings.retry(d["cap"].id).state == "delivered"


def test_a_zone_area_goes_into_cap_as_a_polygon_in_lat_lon_order(spost):
    from ops_console.early_warning.templates import Hazard
    from ops_console.mapping.zones import ZoneDraft, ZoneKind

    ring = ((31.20, 121.40), (31.21, 121.40), (31.21, 121.42), (31.20, 121.42))
    zone = spost.map.zones.create(ZoneDraft("Low streets", ZoneKind.WARNING, ring=ring))
    area = spost.warnings.area_from_zone(zone.id)
    w = spost.warnings.draft(Hazard.TYPHOON, area, place="Low streets", time_text="18:00")
    from helpers.posts import PIN as pin
    from helpers.public_warnings import SECOND

    spost.operators.sign_on(SECOND, pin)
    spost.warnings.approve(w.id, pin)
    spost.warnings.issue(w.id, pin, ["cap"])
    doc = spost.warnings.cap_documents(w.id)[0][1].decode()
    assert "<polygon>31.2,121.4 31.21,121.4 31.21,121.42 31.2,121.42 31.2,121.4</polygon>" in doc


def test_a_cancel_stops_the_areas_sirens_through_the_siren_door(spost):
    w = approved_flood(spost)
    spost.warnings.issue(w.id, PIN, ["sirens"])
    cancel = spost.warnings.cancel(w.id, PIN, ["sirens", "cap"])
    d = by_channel(cancel)
    commands = spost.sirens.list_commands(request_id=d["sirens"].ref)
    assert sorted(c.siren_id for c in commands) == [1, 2] and {c.command for c in commands} == {"cancel"}
    assert "cancelled" in commands[0].detail and d["sirens"].state == "sending"


def test_a_failed_channel_reads_in_the_language_of_the_console_that_shows_it(spost, tmp_path: Path, qapp):
    """The reason is stored in no language (ops_console/said.py): the same delivery reads in
    English here and in Chinese on a console that speaks it, the folder's path unchanged."""
    from PySide6.QtCore import QLocale

    from ops_console.language import install_translators, remove_translators

    spost.warnings.settings.notice_folder = Path("/proc/self")
    w = approved_flood(spost)
    d = by_channel(spost.warnings.issue(w.id, PIN, ["pdf"]))
    assert d["pdf"].detail == "the folder /proc/self is not writable"
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        [message] = spost.warnings.messages(w.id, refresh=False)
        [shown] = [x for x in message.deliveries if x.channel == "pdf"]
        assert shown.detail == "文件夹 /proc/self 不可写"
        entry = spost.warnings.timeline(w.id)[-1]
        assert entry.action == "warning.send" and "通过" in entry.words and "发送了" in entry.words
    finally:
        remove_translators(qapp, translators)
