"""Reports speak the console's language: the fixed words of a form (title, boxes, headings,
column headings, "Page N of M") in Chinese, the records' own words untouched; the CLI
follows LANG / LC_ALL and the workstation's choice as the window does."""

from __future__ import annotations

import re
import unicodedata

import pytest

from helpers.cli import run_cli
from helpers.pdf import pdf_text
from helpers.posts import open_signed_on, sqlite_url
from ops_console.demo import build_full_demo
from ops_console.reports.build import ReportRequest, build
from ops_console.reports.period import period_from


@pytest.fixture
def demo(tmp_path, qapp):
    post = open_signed_on(sqlite_url(tmp_path / "demo.sqlite"))
    build_full_demo(post)
    yield post
    post.close()


def _read(path) -> str:
    """The PDF's text; NFKC because pdftotext names some glyphs of the CJK font by their
    Kangxi radical (⽇ for 日): the same character to a reader, another code point."""
    return unicodedata.normalize("NFKC", pdf_text(path))


def _n(words: str) -> str:
    return unicodedata.normalize("NFKC", words)


def _request(kind, out, fmt="pdf"):
    return ReportRequest(
        kind, out, period_from("36h", None), fmt, post_name="柳溪 post", prepared_by="Chen Jing"
    )


def test_a_form_and_a_sitrep_in_chinese_keep_the_records_words(demo, chinese, tmp_path):
    build(demo, _request("ics214", tmp_path / "a.pdf"))
    text = _read(tmp_path / "a.pdf")
    assert _n("活动日志（ICS 214）") in text and "1. 事件名称" in text
    assert re.search(r"第 1 \S[,，]共 \d+ \S", text), (
        "Page N of M in Chinese"
    )  # 页 comes out as a radical, ⻚
    assert "重要活动" in text  # a column heading
    assert "ACTIVITY LOG" not in text and "Notable activities" not in text
    assert "Chen Jing" in text  # who prepared it: a name, not translated
    assert " 至 " in text  # the operational period's words
    build(demo, _request("sitrep", tmp_path / "s.html", "html"))
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert "态势报告（SITREP）" in html and "未关闭事件（按严重程度和类型）" in html
    assert "柳溪 post" in html and "SITUATION REPORT" not in html


def test_the_same_form_in_english_without_a_translator(demo, tmp_path):
    build(demo, _request("ics214", tmp_path / "a.pdf"))
    text = _read(tmp_path / "a.pdf")
    assert "ACTIVITY LOG (ICS 214)" in text and "Page 1 of" in text and "活动日志" not in text


@pytest.mark.parametrize(
    ("env", "expected", "absent"),
    [
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": ""}, "活动日志（ICS 214）", "ACTIVITY LOG"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, "活动日志（ICS 214）", "ACTIVITY LOG"),
        ({"LANG": "C.UTF-8", "LC_ALL": ""}, "ACTIVITY LOG (ICS 214)", "活动日志"),
    ],
)
def test_the_cli_report_follows_lang_and_lc_all(tmp_path, env, expected, absent):
    url = sqlite_url(tmp_path / "empty.sqlite")
    open_signed_on(url).close()
    out = tmp_path / "a.pdf"
    done = run_cli(
        tmp_path,
        "--db",
        url,
        "report",
        "ics214",
        "--out",
        str(out),
        env={**env, "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "OPS_CONSOLE_CACHE_DIR": str(tmp_path / "c")},
    )
    assert done.returncode == 0, done.stderr
    text = _read(out)
    assert _n(expected) in text and _n(absent) not in text


@pytest.mark.parametrize(("lang", "tag"), [("zh_CN.UTF-8", "zh-CN"), ("C.UTF-8", "en")])
def test_the_cli_html_report_names_its_language(tmp_path, lang, tag):
    """``<html lang>`` is the language the words were written in (a browser picks a Chinese
    font for zh-CN), from the same choice as the words: LANG here."""
    url = sqlite_url(tmp_path / "empty.sqlite")
    open_signed_on(url).close()
    out = tmp_path / "s.html"
    done = run_cli(
        tmp_path,
        "--db",
        url,
        "report",
        "sitrep",
        "--format",
        "html",
        "--out",
        str(out),
        env={
            "LANG": lang,
            "LC_ALL": "",
            "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
            "OPS_CONSOLE_CACHE_DIR": str(tmp_path / "c"),
        },
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8").startswith(f'<!DOCTYPE html>\n<html lang="{tag}">')


def test_the_words_inside_a_213rr_and_a_205_read_chinese(demo, chinese, tmp_path):
    """A request's heading, its delivery status and the radio plan's cells ('Post NWARD',
    'Command / tactical') are the console's words, not the records': Chinese on a Chinese
    console (they were English f-strings the form's localiser could not look up)."""
    requests = demo.inventory.requests(open_only=False)
    build(demo, ReportRequest("ics213rr", tmp_path / "rr.pdf", period_from("30d", None), "pdf"))
    text = _read(tmp_path / "rr.pdf")
    assert _n(f"申请 #{requests[0].id}") in text and "Request #" not in text
    assert "delivered" not in text and _n("已送达") in text
    demo.radio.configure(call_sign="NWARD", tactical={"BRIDGE": 12})
    demo.radio.settings.demo = True  # the demo's simulated radio is the plan's channel
    build(demo, ReportRequest("ics205", tmp_path / "205.csv", period_from("12h", None), "csv"))
    table = (tmp_path / "205.csv").read_text(encoding="utf-8-sig")
    assert "指挥所 NWARD" in table and "Post NWARD" not in table and "Command / tactical" not in table


def test_a_forms_csv_and_a_markdown_sitrep_have_no_english_words_of_the_console(demo, chinese, tmp_path):
    """The CSV of a form has the PDF's column headings and cell words ("on site" for someone
    not checked out) in Chinese, and a Markdown SITREP names its map in Chinese: the three
    were English on a Chinese console."""
    build(demo, ReportRequest("ics211", tmp_path / "211.csv", period_from("36h", None), "csv"))
    header, *rows = (tmp_path / "211.csv").read_text(encoding="utf-8-sig").splitlines()
    assert "Checked out" not in header and "Name" not in header, header
    assert any(row.endswith(",在场") for row in rows), rows[:3]
    assert not any(row.endswith("on site") for row in rows)
    build(demo, _request("sitrep", tmp_path / "s.md", "md"))
    markdown = (tmp_path / "s.md").read_text(encoding="utf-8")
    assert "（图片：见 PDF 版）" in markdown and "picture" not in markdown
    assert "洪水预警" in markdown and "Flood warning for" not in markdown, "a warning's own Chinese headline"


def test_a_forms_csv_keeps_english_headings_in_english(demo, tmp_path):
    build(demo, ReportRequest("ics211", tmp_path / "211.csv", period_from("36h", None), "csv"))
    header, *rows = (tmp_path / "211.csv").read_text(encoding="utf-8-sig").splitlines()
    assert header.startswith("#,Name,Badge") and any(row.endswith(",on site") for row in rows)
