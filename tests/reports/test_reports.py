"""SITREP and ICS forms from real posts on real SQLite files, read back with poppler and csv."""

from __future__ import annotations

import csv
import io
import time
from datetime import timedelta
from pathlib import Path

import pytest

from helpers.pdf import ink, pdf_pages, pdf_text
from helpers.posts import open_signed_on, sqlite_url
from helpers.reports import add_log_lines
from ops_console.clock import utc_now
from ops_console.demo import build_full_demo
from ops_console.domain import IncidentKind, Severity
from ops_console.printing import Cancelled, CancelToken
from ops_console.reports.build import ReportRequest, build
from ops_console.reports.period import Period, PeriodError, period_from
from ops_console.services.incidents import IncidentDraft


@pytest.fixture(autouse=True)
def _gui(qapp):
    return qapp


@pytest.fixture
def demo(tmp_path):
    post = open_signed_on(sqlite_url(tmp_path / "demo.sqlite"))
    build_full_demo(post)
    yield post
    post.close()


@pytest.fixture
def empty(tmp_path):
    post = open_signed_on(sqlite_url(tmp_path / "empty.sqlite"))
    yield post
    post.close()


def _day() -> Period:
    return period_from("36h", None)


def _request(kind: str, out: Path, fmt: str = "pdf", **kw) -> ReportRequest:
    return ReportRequest(
        kind,
        out,
        kw.pop("period", None) or _day(),
        fmt,
        post_name="North Ward post",
        prepared_by="Anna Muster",
        position="Supervisor",
        **kw,
    )


def test_sitrep_of_the_demo_post_in_pdf_html_and_markdown(demo, tmp_path) -> None:
    from ops_console.mapping.basemap_config import DEMO_BASEMAP

    pdf = tmp_path / "sitrep.pdf"
    seen: list[float] = []
    build(
        demo,
        _request(
            "sitrep",
            pdf,
            summary="River rising at the Stone Bridge.",
            priorities="1. Sandbags on Elm St",
            basemaps=[DEMO_BASEMAP],
        ),
        progress=seen.append,
    )
    text = " ".join(pdf_text(pdf).split())  # cells wrap: compare words, not line breaks
    for words in (
        "SITUATION REPORT (SITREP)",
        "North Ward post",
        "Anna Muster, Supervisor",
        "River rising at the Stone Bridge.",
        "Sandbags on Elm St",
        "Open incidents by severity and kind",
        "Elderly man missing since morning",  # a critical demo incident
        "Task board",
        "Teams and accountability",
        "Critical stock and open requests",
        "Sirens and sensors",
        "Radio traffic in the period",
        "Residents in evacuation zones",  # the demo's 48 residents in the Canal Road zone
        "Warnings issued",
        "Page 1 of",
    ):
        assert words in text, words
    assert ink(pdf, 1) > 0.05  # the map snapshot fills part of page 1
    assert seen[-1] == 1.0
    html, md = tmp_path / "s.html", tmp_path / "s.md"
    build(demo, _request("sitrep", html, "html"))
    build(demo, _request("sitrep", md, "md"))
    for path in (html, md):
        body = path.read_text(encoding="utf-8")
        assert "SITUATION REPORT (SITREP)" in body and "Elderly man missing since morning" in body
    assert "data:image/png;base64," in html.read_text(encoding="utf-8")


def test_reports_for_an_empty_period_say_so(empty, tmp_path) -> None:
    period = period_from("2020-01-01 06:00", "2020-01-01 18:00")
    build(empty, _request("sitrep", tmp_path / "s.pdf", period=period, with_map=True))
    text = pdf_text(tmp_path / "s.pdf")
    assert "No radio traffic in the period." in text and "No open resource request." in text
    assert "no map" in text and "0 log lines in the period" in text
    assert "No public warning was issued" in " ".join(text.split())
    for kind in ("ics214", "ics309", "ics213rr", "ics211", "ics205"):
        build(empty, _request(kind, tmp_path / f"{kind}.pdf", period=period))
        assert pdf_pages(tmp_path / f"{kind}.pdf") == 1 and "Page 1 of 1" in pdf_text(
            tmp_path / f"{kind}.pdf"
        )
        build(empty, _request(kind, tmp_path / f"{kind}.csv", "csv", period=period))
        rows = list(csv.reader(io.StringIO((tmp_path / f"{kind}.csv").read_text(encoding="utf-8-sig"))))
        assert len(rows) == 1  # the headings alone
    assert "No resource request was made in this period." in pdf_text(tmp_path / "ics213rr.pdf")


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(PeriodError, match="ends .* before it starts"):
        period_from("2026-12-06 18:00", "2026-12-06 06:00")
    with pytest.raises(PeriodError, match="before it starts"):
        period_from("now", "now")


def test_ics214_of_100000_lines_pdf_and_csv_keep_the_window_of_time(empty, tmp_path) -> None:
    start = utc_now() - timedelta(hours=30)
    add_log_lines(empty, 100_000, start)
    period = Period(start - timedelta(minutes=1), start + timedelta(hours=28))
    began = time.perf_counter()
    result = build(empty, _request("ics214", tmp_path / "log.csv", "csv", period=period))
    csv_s = time.perf_counter() - began
    rows = list(csv.reader(io.StringIO((tmp_path / "log.csv").read_text(encoding="utf-8-sig"))))
    assert result.lines == 100_000 and len(rows) == 100_001
    assert rows[1][2] == "Routine radio check 0" and rows[-1][2] == "Routine radio check 99999"
    began = time.perf_counter()
    build(empty, _request("ics214", tmp_path / "log.pdf", period=period))
    pdf_s = time.perf_counter() - began
    pages = pdf_pages(tmp_path / "log.pdf")
    assert pages > 1000
    last = pdf_text(tmp_path / "log.pdf", pages)
    assert (
        "Routine radio check 99999" in last
        and f"Page {pages} of {pages}" in last
        and "Notable activities" in last
    )
    print(f"ICS 214 100k lines: csv {csv_s:.1f} s, pdf {pdf_s:.1f} s, {pages} pages")


def test_ics214_per_operator_and_per_unit(demo, tmp_path) -> None:
    team = demo.tasks.teams()[0]
    build(demo, _request("ics214", tmp_path / "unit.pdf", unit=team.name))
    text = pdf_text(tmp_path / "unit.pdf")
    assert team.name in text and "6. Resources assigned" in text
    build(demo, _request("ics214", tmp_path / "op.csv", "csv", operator="Chen Jing"))
    rows = list(csv.reader(io.StringIO((tmp_path / "op.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) > 2 and {r[1] for r in rows[1:]} == {"Chen Jing"}
    with pytest.raises(Exception, match="no team called"):
        build(demo, _request("ics214", tmp_path / "x.pdf", unit="Nobody"))
    assert not (tmp_path / "x.pdf").exists()


def test_ics309_with_right_to_left_astral_and_formula_text(empty, tmp_path) -> None:
    from ops_console.db.radio_models import RadioMessage

    now = utc_now()
    with empty.db.write() as s:
        for i, (direction, station, body) in enumerate(
            [
                ("in", "RESCUE1", "שלום from the bridge 𝐀𝐁𝐂 𠀀"),
                ("out", "OPS", '=HYPERLINK("http://x") send cots'),
                ("in", "MEDIC2", "مرحبا water at 1.2 m"),
            ]
        ):
            s.add(
                RadioMessage(
                    direction=direction,
                    kind="text",
                    station=station,
                    number=40 + i,
                    recipient="OPS" if direction == "in" else "RESCUE1",
                    body=body,
                    at=now - timedelta(minutes=10 - i),
                    status="received" if direction == "in" else "acked",
                )
            )
    build(empty, _request("ics309", tmp_path / "c.csv", "csv", net="Ward net"))
    raw = (tmp_path / "c.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: spreadsheets read it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[1][1:3] == ["RESCUE1", "40"] and rows[1][5] == "שלום from the bridge 𝐀𝐁𝐂 𠀀"
    assert rows[2][5].startswith("'=HYPERLINK")  # never run as a formula
    assert rows[2][1] == "OPS" and rows[2][3] == "RESCUE1"
    build(empty, _request("ics309", tmp_path / "c.pdf", net="Ward net"))
    text = pdf_text(tmp_path / "c.pdf")
    assert (
        "COMMUNICATIONS LOG (ICS 309)" in text and "Ward net" in text and "שלום" in text and "RESCUE1" in text
    )


def test_ics213rr_and_ics205(demo, tmp_path) -> None:
    requests = demo.inventory.requests(open_only=False)
    assert requests
    build(demo, _request("ics213rr", tmp_path / "rr.pdf", period=period_from("30d", None)))
    text = pdf_text(tmp_path / "rr.pdf")
    assert "RESOURCE REQUEST (ICS 213RR)" in text and f"Request #{requests[0].id}" in text
    demo.radio.configure(call_sign="NWARD", tactical={"BRIDGE": 12})
    build(demo, _request("ics205", tmp_path / "205.pdf"))
    text = pdf_text(tmp_path / "205.pdf")
    assert "INCIDENT RADIO COMMUNICATIONS PLAN (ICS 205)" in text and "NWARD" in text and "BRIDGE" in text


def test_a_cancelled_report_leaves_no_file(empty, tmp_path) -> None:
    add_log_lines(empty, 20_000, utc_now() - timedelta(hours=2))
    token = CancelToken()
    out = tmp_path / "log.pdf"

    def progress(fraction: float) -> None:
        if fraction > 0.3:
            token.cancel()

    with pytest.raises(Cancelled):
        build(empty, _request("ics214", out, period=period_from("3h", None)), progress=progress, cancel=token)
    assert list(tmp_path.glob("log.pdf*")) == [] and list(tmp_path.glob(".log.pdf*")) == []


def test_open_incidents_are_counted_by_severity_and_kind(empty, tmp_path) -> None:
    for kind, severity in (
        (IncidentKind.FIRE, Severity.CRITICAL),
        (IncidentKind.FIRE, Severity.CRITICAL),
        (IncidentKind.MEDICAL, Severity.MINOR),
    ):
        empty.incidents.create(
            IncidentDraft(
                title=f"{kind.value} {severity.value}", kind=kind, severity=severity, lat=31.2, lon=121.4
            )
        )
    md = tmp_path / "s.md"
    build(empty, _request("sitrep", md, "md"))
    text = md.read_text(encoding="utf-8")
    assert "| Severity | Fire | Medical | Total |" in text
    assert "| 4 Critical | 2 |  | 2 |" in text and "| 1 Minor |  | 1 | 1 |" in text
    assert "**Open now:** 3" in text


def test_cli_writes_a_form_and_refuses_a_backwards_period(empty, tmp_path) -> None:
    from helpers.cli import run_cli

    url = sqlite_url(tmp_path / "empty.sqlite")
    done = run_cli(
        tmp_path, "--db", url, "report", "ics214", "--format", "csv", "--out", str(tmp_path / "a.csv")
    )
    assert done.returncode == 0, done.stderr
    assert "ACTIVITY LOG (ICS 214)" in done.stderr and (tmp_path / "a.csv").exists()
    bad = run_cli(
        tmp_path,
        "--db",
        url,
        "report",
        "sitrep",
        "--from",
        "18:00",
        "--to",
        "06:00",
        "--out",
        str(tmp_path / "b.pdf"),
    )
    assert bad.returncode == 1 and "before it starts" in bad.stderr and not (tmp_path / "b.pdf").exists()
    wrong = run_cli(
        tmp_path, "--db", url, "report", "ics309", "--format", "md", "--out", str(tmp_path / "c.md")
    )
    assert wrong.returncode == 1 and "written as pdf, csv" in wrong.stderr
    sitrep = run_cli(tmp_path, "--db", url, "report", "sitrep", "--out", str(tmp_path / "s.pdf"))
    assert sitrep.returncode == 0, sitrep.stderr
    assert "SITUATION REPORT" in pdf_text(tmp_path / "s.pdf")


def test_ics211_lists_who_checked_in(demo, tmp_path) -> None:
    from sqlalchemy import select

    from ops_console.db.people_models import Volunteer, VolunteerCheckin

    with demo.db.read() as s:
        names = s.scalars(
            select(Volunteer.name).join(VolunteerCheckin, VolunteerCheckin.volunteer_id == Volunteer.id)
        ).all()
    assert names  # the demo's volunteers on site
    build(demo, _request("ics211", tmp_path / "211.csv", "csv", period=period_from("30d", None)))
    rows = list(csv.reader(io.StringIO((tmp_path / "211.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][:2] == ["#", "Name"] and {r[1] for r in rows[1:]} == set(names)
    build(demo, _request("ics211", tmp_path / "211.pdf", period=period_from("30d", None)))
    text = " ".join(pdf_text(tmp_path / "211.pdf").split())
    assert "INCIDENT CHECK-IN LIST (ICS 211)" in text and names[0] in text
