"""The roster file parser: every bad input the issue names, Chinese names in UTF-8 and GBK,
and a fuzz test (it never raises, whatever the bytes)."""

from __future__ import annotations

import io
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ops_console.people.roster_csv import RosterRow, parse_roster_csv, write_roster_csv
from ops_console.people.skills import normalise_phone, parse_skills

GOOD = (
    "name,phone,badge,team,skills,languages,availability,emergency_contact\n"
    "王小明,+86 138-0013-8000,B001,Canal Watch,first aid 2027-05-01; boat,普通话; English,nights,妻子 139 0000 0000\n"
    "Li Na,13900001111,B002,,driver,,,\n"
)


def test_a_good_file_reads_every_field() -> None:
    parsed = parse_roster_csv(GOOD.encode("utf-8"))
    assert parsed.problems == () and parsed.encoding == "utf-8"
    first = parsed.rows[0]
    assert first.name == "王小明" and first.phone == "+8613800138000" and first.badge == "B001"
    assert first.skills == (("first aid", date(2027, 5, 1)), ("boat", None))
    assert first.languages == "普通话, English" and first.emergency_contact == "妻子 139 0000 0000"


def test_gbk_file_keeps_chinese_names_and_says_how_it_was_read() -> None:
    parsed = parse_roster_csv(GOOD.encode("gbk"))
    assert parsed.encoding == "gbk" and parsed.problems == ()
    assert [r.name for r in parsed.rows] == ["王小明", "Li Na"]


def test_utf8_with_bom_and_semicolons() -> None:
    data = "\ufeffname;phone;skills\n张伟;021 5555 1234;急救 2027-03-01、船\n".encode()
    parsed = parse_roster_csv(data)
    assert parsed.rows[0].name == "张伟" and parsed.rows[0].skills == (
        ("first aid", date(2027, 3, 1)),
        ("boat", None),
    )


def test_duplicates_bad_phones_and_unknown_skills_are_per_row_problems() -> None:
    data = (
        b"name,phone,badge,skills\n"
        b"Zhou Bo,13800000001,B1,first aid\n"
        b"Zhou Bo,138-0000-0001,B2,driver\n"  # the same person (phone written another way)
        b"Xu Lan,call me,B3,\n"  # not a phone number
        b"Hu Tao,13800000003,B4,juggling; first aid\n"  # unknown skill
        b"Ma Rui,13800000004,B1,\n"  # badge of line 2
        b",13800000005,B6,\n"  # no name
        b"Gao Yan,13800000006,B7,boat 2026-02-30\n"  # no such date
    )
    parsed = parse_roster_csv(data)
    assert [r.name for r in parsed.rows] == ["Zhou Bo"]
    by_line = {p.line: p.message for p in parsed.problems}
    assert "same person" in by_line[3] and "line 2" in by_line[3]
    assert "'call me' is not a phone number" in by_line[4]
    assert "unknown skill 'juggling'" in by_line[5].lower()
    assert "same badge" in by_line[6]
    assert "name is empty" in by_line[7]
    assert "2026-02-30" in by_line[8]


def test_whole_file_problems() -> None:
    assert "empty" in parse_roster_csv(b"").file_problem
    assert "name" in parse_roster_csv(b"phone,skills\n123,boat\n").file_problem
    assert "spreadsheet" in parse_roster_csv(b"PK\x03\x04\x00\x00binary").file_problem
    assert "neither UTF-8 nor GBK" in parse_roster_csv(b"name\n\xff\xff\xff\n").file_problem


def test_export_escapes_formulas_and_reads_back() -> None:
    rows = [
        RosterRow(0, "=HYPERLINK(evil)", "+8613800000000", "B1", "Canal", (("boat", date(2027, 1, 2)),)),
        RosterRow(0, "陈静", "13800000001", "", "", (("first aid", None), ("driver", None)), "普通话"),
    ]
    out = io.StringIO()
    assert write_roster_csv(rows, out) == 2
    text = out.getvalue()
    assert "'=HYPERLINK" in text  # a spreadsheet shows it, never runs it
    back = parse_roster_csv(text.encode("utf-8"))
    assert back.problems == ()
    assert [(r.name, r.phone, r.skills) for r in back.rows] == [(r.name, r.phone, r.skills) for r in rows]


def test_phone_and_skill_words() -> None:
    assert normalise_phone("(021) 5555-1234") == ("02155551234", "")
    assert normalise_phone("")[0] == ""
    assert normalise_phone("12")[0] is None and normalise_phone("2024-01-01 x")[0] is None
    assert parse_skills("First-Aid, RADIO; chain saw | knitting") == (
        ["first aid", "radio operator", "chainsaw"],
        ["knitting"],
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_fuzz_bytes_never_raise(data: bytes) -> None:
    parsed = parse_roster_csv(data)
    assert all(r.name for r in parsed.rows)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(min_size=1, max_size=30), st.text(max_size=20), st.text(max_size=40)),
        max_size=20,
    )
)
def test_fuzz_text_rows_never_raise(rows: list[tuple[str, str, str]]) -> None:
    out = io.StringIO()
    out.write("name,phone,skills\n")
    for row in rows:
        out.write(",".join('"' + c.replace('"', '""') + '"' for c in row) + "\n")
    for encoding in ("utf-8", "gb18030"):
        parsed = parse_roster_csv(out.getvalue().encode(encoding, "replace"))
        assert len(parsed.rows) + len([p for p in parsed.problems if p.line > 1]) <= len(rows) + 1
