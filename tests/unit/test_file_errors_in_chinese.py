"""A file someone picked that cannot be read is explained in the reader's language.

Each bad file below is a real one (an empty CSV, an .xlsx given as CSV, a GBK roster read
where only UTF-8 is expected, a row with a bad value, …): with the zh_CN catalogue
installed the sentence a person sees has no English words left (file names, column names
of the file format and the file's own cells are data), and without it the English reads as
it always did.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from PySide6.QtCore import QLocale

from ops_console.csv_import import Unreadable, read_records
from ops_console.inventory.csv_io import parse_stock_csv
from ops_console.people.roster_csv import parse_roster_csv
from ops_console.sensors.register_io import parse_register
from tests.helpers.english_left import english_words

# words that stand in a sentence as data: the columns a file must have (typed in the
# file's header as they are), the cells of the file itself, Python's own csv/TOML detail
COLUMN_WORDS = set(
    "item location quantity lot expiry name phone badge team skills languages availability "
    "emergency_contact sensor_id kind unit lat lon node interval_s advisory warning emergency "
    "hysteresis rise rise_window_min amount".split()
)
# names of formats and encodings a Chinese operator reads in Latin letters too
FORMAT_WORDS = {
    "UTF",
    "GBK",
    "ANSI",
    "xlsx",
    "JSON",
    "XML",
    "SQLite",
    "MBTiles",
    "PMTiles",
    "PNG",
    "JPEG",
    "WebP",
}


def _xlsx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


CSV_CASES = [
    # (what, reader, data, English words the sentence has, data words allowed in Chinese)
    ("empty CSV", "stock", b"", "The file is empty.", set()),
    ("blank lines only", "roster", b" \n\n", "The file is empty.", set()),
    ("xlsx given as CSV", "stock", _xlsx(), "not a text file", set()),
    ("xlsx given as roster", "roster", _xlsx(), "spreadsheet", set()),
    (
        "GBK where UTF-8 is expected",
        "stock",
        "item,location,quantity\n沙袋,仓库,3\n".encode("gbk"),
        "not UTF-8",
        set(),
    ),
    ("neither UTF-8 nor GBK", "roster", b"name\n\xff\xff\xff\n", "neither UTF-8 nor GBK", set()),
    ("columns missing", "stock", b"name,amount\nSandbags,3\n", "Columns missing: location", {"Sandbags"}),
    ("one column only", "stock", b"item|location|quantity\nSandbags|Depot|3\n", "Only one column", set()),
    ("roster without a name column", "roster", b"phone,skills\n123,boat\n", "Column missing: name", set()),
    ("sensor register without columns", "sensors", b"id,colour\nA,1\n", "Columns missing", {"colour"}),
    ("TOML that is not TOML", "sensors.toml", b"[[sensor]]\nname = \n", "not valid TOML", set()),
]


def _file_problem(reader: str, data: bytes) -> str:
    if reader == "stock":
        return parse_stock_csv(data).file_problem
    if reader == "roster":
        return parse_roster_csv(data).file_problem
    if reader == "sensors.toml":
        return parse_register(data, "register.toml").file_problem
    return parse_register(data, "register.csv").file_problem


@pytest.mark.parametrize(
    ("what", "reader", "data", "english", "data_words"), CSV_CASES, ids=[c[0] for c in CSV_CASES]
)
def test_a_file_that_cannot_be_imported_is_explained_in_chinese(
    chinese, what, reader, data, english, data_words
):
    text = _file_problem(reader, data)
    assert (
        text
        and english_words(
            text, FORMAT_WORDS | COLUMN_WORDS | data_words | {"Invalid", "value", "at", "line", "column"}
        )
        == []
    ), text


@pytest.mark.parametrize(
    ("what", "reader", "data", "english", "data_words"), CSV_CASES, ids=[c[0] for c in CSV_CASES]
)
def test_the_same_files_read_in_english_as_before(what, reader, data, english, data_words):
    assert english in _file_problem(reader, data)


def test_unreadable_is_an_error_for_people_in_either_language(chinese):
    with pytest.raises(Unreadable) as caught:
        read_records(b"\x00\x01PK")
    assert english_words(str(caught.value), FORMAT_WORDS) == [], str(caught.value)
    assert caught.value.english.startswith("This is not a text file")


ROWS = (
    b"item,location,quantity,expiry\nSandbags,Depot,x,\n,Depot,3,\nWater,Depot,5,31/12/2025\n"
    b"Water,Depot,6,2025-12-31\nWater,Depot,7,2025-12-31\nShort\n"
)


def test_rows_with_bad_values_are_explained_in_chinese_line_by_line(chinese):
    parsed = parse_stock_csv(ROWS)
    problems = {p.line: p.message for p in parsed.problems}
    assert set(problems) == {2, 3, 4, 6, 7}
    for line, text in problems.items():
        assert english_words(text, {"Sandbags", "Depot", "Water"}) == [], (line, text)
    assert (
        "；" in parse_stock_csv(b"item,location,quantity\n,,x\n").problems[0].message
    )  # parts joined the Chinese way


def test_rows_with_bad_values_read_in_english_as_before():
    parsed = parse_stock_csv(ROWS)
    problems = {p.line: p.message for p in parsed.problems}
    assert problems[2] == "The quantity 'x' is not a whole number."
    assert problems[3] == "The item is empty."
    assert problems[4] == "The expiry '31/12/2025' is not a date like 2025-06-30."
    assert problems[6] == "The same item, location and lot as line 5."
    assert problems[7] == "The row has 1 fields but the header has 4."
    both = parse_stock_csv(b"item,location,quantity\n,,x\n").problems[0]
    assert both.message == "The item is empty; the location is empty; the quantity 'x' is not a whole number."
    assert both.english == both.message


def test_roster_and_sensor_rows_in_chinese(chinese):
    roster = parse_roster_csv(
        b"name,phone,badge,skills\nZhou Bo,call me,B1,juggling; boat 2026-02-30\n,1380000,B2,\n"
    )
    sensors = parse_register(
        b"sensor_id,name,kind,advisory,warning,lat\nRG 1,River,volcano,high,1,91\nRG2,Rain,rain gauge,3,2,\n",
        "register.csv",
    )
    texts = [p.message for p in (*roster.problems, *sensors.problems)]
    assert len(texts) == 4
    for text in texts:
        assert (
            english_words(text, {"Zhou", "Bo", "call", "me", "juggling", "boat", "RG", "volcano", "high"})
            == []
        ), text


CAP = [
    (b"<alert", "not well-formed XML (unclosed token: line 1, column 0)."),
    (b"", "not well-formed XML (no element found: line 1, column 0)."),
    (b'<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</sender></alert>', "mismatched tag"),
    (b"\xff\xfe\x00garbage", "not well-formed XML (syntax error"),
    (b"<alert/>junk", "junk after document element"),
]


@pytest.mark.parametrize(("data", "english"), CAP)
def test_malformed_cap_xml_is_refused_in_chinese_and_in_english(qapp, data, english):
    from ops_console.early_warning.cap_import import CapRejected, parse
    from ops_console.language import install_translators, remove_translators

    with pytest.raises(CapRejected) as refused:
        parse(data)
    assert english in str(refused.value) and refused.value.english == str(refused.value)
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        assert english_words(str(refused.value), FORMAT_WORDS) == [], str(refused.value)
    finally:
        remove_translators(qapp, translators)


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ('{"format": 1, "patterns": [', "broken.json: line 1 column 28: is not valid JSON"),
        ('{"format": 2, "patterns": []}', "broken.json: format: must be 1, got 2"),
        ('{"format": 1, "patterns": [{"id": 1}]}', "broken.json: patterns[0].countries: is missing"),
    ],
)
def test_a_broken_siren_pattern_file_in_chinese_and_english(qapp, tmp_path, text, english):
    from ops_console.language import install_translators, remove_translators
    from ops_console.siren_patterns import PatternError, load_pattern_file

    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PatternError) as caught:
        load_pattern_file(path)
    assert str(caught.value).startswith(english) and caught.value.english == str(caught.value)
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        shown = str(caught.value)
        # the file's own keys and Python's JSON detail are data
        assert (
            english_words(shown, FORMAT_WORDS | {"format", "patterns", "countries", "Expecting", "value"})
            == []
        ), shown
    finally:
        remove_translators(qapp, translators)


def test_a_backup_that_cannot_be_written_is_refused_in_chinese(chinese, tmp_path):
    from ops_console.db.backup import backup_sqlite
    from ops_console.db.engine import Database
    from ops_console.db.errors import DatabaseUnavailable

    db = Database(f"sqlite:///{tmp_path / 'post.db'}")
    (tmp_path / "taken.db").write_bytes(b"")
    for target in (tmp_path / "taken.db", tmp_path / "absent" / "b.db"):
        with pytest.raises(DatabaseUnavailable) as caught:
            backup_sqlite(db, target)
        assert english_words(str(caught.value)) == [], str(caught.value)
        assert caught.value.english.endswith(("choose a new file name for the backup.", "does not exist."))
