"""The CSV reading every import shares (stock count, roster, sensor register)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ops_console.csv_import import Unreadable, match_header, read_records


def test_semicolons_blank_lines_and_escaped_formula_cells() -> None:
    file = read_records("name;phone\n\n'=HYPERLINK(x);123\n".encode("utf-8-sig"))
    assert file.delimiter == ";" and file.encoding == "utf-8"
    assert file.header == (1, ["name", "phone"]) and file.body == [(3, ["=HYPERLINK(x)", "123"])]


def test_gbk_is_read_only_where_asked() -> None:
    data = "姓名,电话\n李娜,13800000003\n".encode("gbk")
    assert read_records(data).body[0][1][0] == "李娜"
    with pytest.raises(Unreadable, match="not UTF-8"):
        read_records(data, gbk=False)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b" \n\n", "empty"),
        (b"PK\x03\x04\x00\x00", "spreadsheet"),
        (b"\xff\xfe\x00\xd8", "UTF-16"),
    ],
)
def test_unreadable_files_get_a_sentence(data: bytes, words: str) -> None:
    with pytest.raises(Unreadable, match=words):
        read_records(data)


def test_header_words_in_any_case_spacing_or_underscores_first_one_wins() -> None:
    found, unknown = match_header(
        ["Emergency_Contact", " NAME ", "name", "colour"],
        {"name": ("name",), "emergency_contact": ("emergency contact",)},
    )
    assert found == {"emergency_contact": 0, "name": 1} and unknown == ["name", "colour"]


@given(st.binary(max_size=400))
def test_any_bytes_are_records_or_a_sentence(data: bytes) -> None:
    try:
        file = read_records(data)
    except Unreadable as exc:
        assert str(exc).endswith(".")
    else:
        assert file.records and all(any(c.strip() for c in cells) for _, cells in file.records)
