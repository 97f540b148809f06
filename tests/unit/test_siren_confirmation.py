"""The typed confirmation of a siren activation and the post's signal set (Qt-free)."""

import pytest

from ops_console.siren_patterns import load_library
from ops_console.sirens import confirmation
from ops_console.sirens.signal_set import locale_country, post_country

LIBRARY = load_library()
AIR_RAID = LIBRARY.get(102)  # 空袭警报 Air-raid warning, key cn.air_raid
WARNUNG = LIBRARY.get(301)


@pytest.mark.parametrize(
    "typed",
    [
        "空袭警报 Air-raid warning",
        "Air-raid warning",
        "air-raid  WARNING ",
        "空袭警报",
        "cn.air_raid",
        "ＣＮ.air_raid",
    ],
)
def test_the_name_in_either_language_or_the_short_code_confirms(typed):
    assert confirmation.matches(AIR_RAID, typed)
    assert confirmation.judge(AIR_RAID, typed).ok


@pytest.mark.parametrize(
    "typed", ["", "Air-raid", "cn.air", "Air-raid warnings", "all clear", "102", "解除警报", "cn.all_clear"]
)
def test_anything_else_does_not(typed):
    assert not confirmation.matches(AIR_RAID, typed)


def test_the_name_shown_follows_the_operators_language():
    assert confirmation.name_for(AIR_RAID, "en_GB") == "Air-raid warning"
    assert confirmation.name_for(AIR_RAID, "zh_CN") == "空袭警报"
    assert confirmation.name_for(WARNUNG, "de_DE") == "Warnung der Bevölkerung"


def test_a_mismatch_says_at_once_which_part_differs():
    assert confirmation.judge(AIR_RAID, "Air-ra").words == ""  # still the start of the name: no complaint
    words = confirmation.judge(AIR_RAID, "Air-raid warnimg").words
    assert "Does not match “Air-raid warning”" in words and "After “Air-raid warni”" in words
    assert "you typed “mg”" in words and "“ng” is expected" in words
    assert "remove “!”" in confirmation.judge(AIR_RAID, "Air-raid warning!").words
    first = confirmation.judge(WARNUNG, "Warning der Bevölkerung")
    assert not first.ok and first.complete and "After “Warn”" in first.words


def test_the_post_signal_set():
    assert post_country("de", LIBRARY) == "DE"  # the setting wins
    assert post_country(None, LIBRARY, demo=True) == "CN"  # the demo ward is Chinese
    assert post_country(None, LIBRARY, locale_name="en_US.UTF-8") == "US"
    assert post_country(None, LIBRARY, locale_name="fr_FR.UTF-8") is None  # no French set: all
    assert locale_country("C") is None and locale_country("zh_CN.UTF-8") == "CN"
    offered = {p.id for p in LIBRARY.for_country("CN")}
    assert {101, 102, 103, 1, 2} <= offered and not offered & {201, 301}
