"""The field payload's exercise marker: a text whose first word is EXERCISE is a drill.

Pure function, so it is fuzzed: any text gives a bool and never raises, and the marker
survives the trip through frames and reassembly that a real message makes.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ops_console.hardware.lora.reassembly import Reassembler
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.protocols.field_payload import Precedence


@pytest.mark.parametrize(
    "text",
    [
        "EXERCISE EXERCISE EXERCISE Person trapped at the ford",
        "exercise: casualty at the school",
        "  \n Exercise - drill casualty",
        "EXERCISE",
        "EXERCISE.",
        "演习 学校有人受伤",
        "演练开始",
    ],
)
def test_marked_texts(text: str) -> None:
    assert fp.exercise_marked(text)


@pytest.mark.parametrize(
    "text",
    [
        "Person trapped at the ford",
        "EMERGENCY EXERCISE later today",  # the marker is the first word, not any word
        "EXERCISES start at nine",  # another word
        "EXERCISED the pumps",
        "EXERCISE_1 is not the word either",
        "exercıse with a dotless i",  # looks like it, is not ASCII EXERCISE
        "",
        "   ",
        "紧急 演习",
    ],
)
def test_unmarked_texts(text: str) -> None:
    assert not fp.exercise_marked(text)


@given(st.text(max_size=400))
def test_any_text_gives_a_bool(text: str) -> None:
    assert fp.exercise_marked(text) in (True, False)


@given(st.text(max_size=300))
def test_the_marker_is_the_first_word(text: str) -> None:
    assert fp.exercise_marked("EXERCISE " + text)
    assert fp.exercise_marked("Exercise\n" + text)
    if not fp.exercise_marked(text):
        assert not fp.exercise_marked("ROUTINE " + text)


@given(st.text(max_size=600), st.sampled_from(list(Precedence)))
def test_marker_survives_frames_and_reassembly(text: str, precedence: Precedence) -> None:
    """What the sender marked, the console reads as marked (and nothing else)."""
    message = None
    reassembler = Reassembler(timeout=60.0)
    for frame in fp.encode_text("RESCUE1", "OPS", 7, precedence, "EXERCISE " + text, limit=80):
        fragment = fp.decode(frame)
        assert isinstance(fragment, fp.TextFragment)
        message = reassembler.add(fragment, 0.0) or message
    assert message is not None and fp.exercise_marked(message.text)


def _marked_before(text: str) -> bool:
    """exercise_marked as it was before its first-character shortcut."""
    start = text.lstrip()
    for word in fp.EXERCISE_WORDS:
        head = start[: len(word)]
        if not word.isascii():
            if head == word:
                return True
            continue
        if head.isascii() and head.upper() == word:
            after = start[len(word) : len(word) + 1]
            return not (after.isalnum() or after == "_")
    return False


@given(
    st.from_regex(r"\s*(EXERCISE|exercise|ExErCiSe|演习|演练|E|e|演)?.{0,12}", fullmatch=True)
    | st.text(max_size=40)
)
def test_the_shortcut_keeps_every_answer(text: str) -> None:
    assert fp.exercise_marked(text) == _marked_before(text)
