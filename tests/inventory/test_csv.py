"""Stock-count CSV: encodings, delimiters, columns and rows a person can fix; a fuzzed parser."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ops_console import csv_cells
from ops_console.errors import ValidationError
from ops_console.inventory.csv_io import ParsedCsv, parse_quantity, parse_stock_csv
from ops_console.said import english


def test_a_good_file_in_any_common_dialect():
    for text in (
        "item,location,quantity\nSandbags,Depot,12\n",
        "Item;Location;Qty\r\nSandbags;Depot;12\r\n",
        "\ufeffitem\tlocation\tcount\nSandbags\tDepot\t12\n",
    ):
        parsed = parse_stock_csv(text.encode("utf-8"))
        assert [(r.item, r.location, r.quantity) for r in parsed.rows] == [("Sandbags", "Depot", 12)], text
    utf16 = parse_stock_csv("item,location,quantity\nWasser,Depot,3\n".encode("utf-16"))
    assert utf16.rows[0].quantity == 3


@pytest.mark.parametrize(
    "value, words",
    [
        ("0", ""),
        ("-4", "negative"),
        ("abc", "not a whole number"),
        ("2.5", "not a whole number"),
        ("99999999999", "check the number"),
        ("", "empty"),
        ("１２", "not a whole number"),
    ],
)
def test_quantities(value, words):
    quantity, problem = parse_quantity(value)
    assert words in english(problem) and (quantity is None) == bool(problem)


def test_per_row_problems_keep_the_good_rows():
    data = (
        b"item,location,quantity,expiry\nSandbags,Depot,x,\n,Depot,3,\nWater,Depot,5,31/12/2025\n"
        b"Water,Depot,6,2025-12-31\nWater,Depot,7,\nShort\n"
    )
    parsed = parse_stock_csv(data)
    assert [r.line for r in parsed.rows] == [5]
    lines = {p.line: p.message for p in parsed.problems}
    assert "not a whole number" in lines[2] and "item is empty" in lines[3]
    assert "not a date" in lines[4] and "same item" in lines[6] and "fields" in lines[7]


@pytest.mark.parametrize(
    "data, words",
    [
        ("item,location,quantity\nBaumwolldecke ä,Depot,3\n".encode("cp1252"), "not UTF-8"),
        (b"item|location|quantity\nSandbags|Depot|3\n", "Only one column"),
        (b"name,amount\nSandbags,3\n", "Columns missing: location"),
        (b"", "empty"),
        (b"PK\x03\x04\x00\x00binary", "not a text file"),
    ],
)
def test_whole_file_problems_are_explained(data, words):
    parsed = parse_stock_csv(data)
    assert not parsed.rows and words in parsed.file_problem


def test_unknown_items_and_locations_are_row_problems_and_nothing_is_applied_before_confirming(stores):
    data = b"item,location,quantity\n6940001,Depot North Gate,120\nTents,Depot North Gate,3\nSandbags, filled,Moon,1\n"
    preview = stores.inv.preview_import(data, "count.csv")
    assert [(ln.item_name, ln.delta) for ln in preview.lines] == [("Sandbags, filled", 20)]
    assert "Unknown item 'Tents'" in preview.problems[0].message
    assert next(lv for lv in stores.inv.levels() if lv.item_id == stores.sandbags.id).quantity == 100
    assert stores.inv.apply_import(preview) == 1
    assert next(lv for lv in stores.inv.levels() if lv.item_id == stores.sandbags.id).quantity == 120
    with pytest.raises(ValidationError):
        stores.inv.apply_import(stores.inv.preview_import(b"oops"))


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=300).map(
            lambda t: (
                ("item,location,quantity\n" + t).encode("utf-8", "surrogatepass")
                if t.isprintable() or True
                else b""
            )
        ),
    )
)
def test_the_parser_never_raises(data):
    try:
        raw = bytes(data)
    except Exception:
        return
    parsed = parse_stock_csv(raw)
    assert isinstance(parsed, ParsedCsv)
    assert all(r.quantity >= 0 for r in parsed.rows)


def _dangerous(text: str) -> list[str]:
    cells = [c for row in list(csv.reader(io.StringIO(text, newline="")))[1:] for c in row]
    return [
        c
        for c in cells
        if c.startswith(("=", "+", "-", "@", "\t", "\r")) and not csv_cells._PLAIN_NEGATIVE.match(c)
    ]


def test_stock_exports_escape_formulas_and_the_import_reads_them_back(stores):
    inv = stores.inv
    item = inv.add_item('=HYPERLINK("http://x")', "@risk", "+unit")
    inv.receive(item.id, stores.depot.id, 5, lot="-lot")
    inv.adjust(item.id, stores.depot.id, -2, "=cmd|' /C calc'!A0", lot="-lot")
    levels, moves = io.StringIO(newline=""), io.StringIO(newline="")
    inv.export_levels_csv(levels)
    inv.export_movements_csv(moves)
    for text in (levels.getvalue(), moves.getvalue()):
        assert not _dangerous(text), _dangerous(text)
    assert '\'=HYPERLINK("http://x")' in levels.getvalue().replace('""', '"')
    assert "'=cmd|' /C calc'!A0" in [
        c for row in csv.reader(io.StringIO(moves.getvalue(), newline="")) for c in row
    ]
    # the levels file, edited as a count, comes back with the item's real name
    count = "item,location,quantity,lot\n'=HYPERLINK(\"http://x\"),Depot North Gate,9,'-lot\n"
    parsed = parse_stock_csv(count.encode())
    assert [(r.item, r.lot, r.quantity) for r in parsed.rows] == [('=HYPERLINK("http://x")', "-lot", 9)]
    preview = inv.preview_import(count.encode(), "count.csv")
    assert [(ln.item_name, ln.delta) for ln in preview.lines] == [('=HYPERLINK("http://x")', 6)]
