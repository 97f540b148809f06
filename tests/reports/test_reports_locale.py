"""A report's dates and numbers for people follow the chosen locale, as the window's do
(ops_console/locale_format.py): the SITREP's operational period reads "2026年12月6日 06:00"
in Chinese and "6 Dec 2026 06:00" in English; the ICS forms' rows, which are also their CSV
columns, stay ISO 8601 for machines."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QLocale

from helpers.posts import open_signed_on, sqlite_url
from ops_console.demo import build_full_demo
from ops_console.language import install_translators, remove_translators
from ops_console.reports.build import ReportRequest, build
from ops_console.reports.period import Period

START = datetime(2026, 12, 6, 6, 0, tzinfo=timezone.utc)
END = datetime(2026, 12, 6, 18, 0, tzinfo=timezone.utc)


@pytest.fixture
def demo(tmp_path, qapp):
    post = open_signed_on(sqlite_url(tmp_path / "demo.sqlite"))
    build_full_demo(post)
    yield post
    post.close()


@pytest.fixture
def speaking(qapp) -> Iterator:
    installed: list = []

    def speak(name: str) -> None:
        remove_translators(qapp, installed)
        installed[:] = install_translators(qapp, QLocale(name))

    yield speak
    remove_translators(qapp, installed)


def _sitrep(post, path) -> str:
    build(post, ReportRequest("sitrep", path, Period(START, END), "md", post_name="Willow Creek"))
    return path.read_text(encoding="utf-8")


def test_the_sitreps_period_reads_chinese_in_zh_cn_and_english_in_en(demo, speaking, tmp_path):
    start, end = START.astimezone(), END.astimezone()
    speaking("zh_CN")
    chinese = _sitrep(demo, tmp_path / "zh.md")
    speaking("en_US")
    english = _sitrep(demo, tmp_path / "en.md")
    assert f"{start.year}年{start.month}月{start.day}日 {start:%H:%M}" in chinese
    assert f"{start.day} {start:%b} {start.year} {start:%H:%M}" in english
    assert f"{end.day} {end:%b} {end.year} {end:%H:%M}" in english
    assert not re.search(r"\b\d{4}-\d\d-\d\d \d\d:\d\d\b", english.split("\n\n", 2)[0] + chinese[:400])


def test_an_ics_forms_rows_stay_iso_for_its_csv(demo, speaking, tmp_path):
    speaking("zh_CN")
    out = tmp_path / "ics214.csv"
    build(demo, ReportRequest("ics214", out, Period(START.replace(year=2020), END), "csv"))
    rows = out.read_text(encoding="utf-8-sig").splitlines()[1:]
    assert rows and all(re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d,", row) for row in rows[:50])
