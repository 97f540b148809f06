"""The street of an address, so welfare checks can be handed out as walkable lists.

A pure function (fuzzed in tests): addresses are typed by people, in any order
("Willow Lane 12", "12 Willow Lane", "Old Granary flats, block C", "柳巷 12号"), so the rule
is forgiving: the part before the first comma, without house numbers and their marks.
An address with nothing left is its own "street" (an empty one groups as "No street").
"""

from __future__ import annotations

import re

NO_STREET = "No street"
_NUMBER = re.compile(r"(?:\b(?:no\.?|nr\.?|#)\s*)?\d+[a-z]?(?:[-/]\d+[a-z]?)*(?:号|號)?", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
MAX_LENGTH = 120  # the column's size


def street_of(address: str) -> str:
    """The street part of ``address``, normalised for grouping (case kept, spaces collapsed)."""
    first = address.split(",", 1)[0]
    without_numbers = _NUMBER.sub(" ", first)
    street = _SPACES.sub(" ", without_numbers).strip(" -/#.")
    if not street:
        street = _SPACES.sub(" ", first).strip()
    return street[:MAX_LENGTH] or NO_STREET
