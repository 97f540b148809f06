"""Siren pattern files: the built-in sets, timelines for drawing, and clear errors for bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ops_console.siren_patterns import PatternError, load_library, load_pattern_file, parse_patterns

GOOD = {
    "id": 900,
    "key": "post.flood",
    "name": "Flood warning",
    "countries": ["NL"],
    "segments": [{"tone": "hi", "on_s": 2, "off_s": 1}],
    "repeat": 20,
    "total_s": 60,
    "flags": [],
}


def write(folder: Path, name: str, patterns: list | object) -> Path:
    path = folder / name
    data = {"format": 1, "patterns": patterns} if isinstance(patterns, list) else patterns
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_built_in_sets_load_without_problems():
    library = load_library()
    assert library.problems == []
    keys = {p.key for p in library.patterns.values()}
    assert {
        "cn.pre_alert",
        "cn.air_raid",
        "cn.all_clear",
        "us.alert_steady",
        "us.attack_wavering",
        "us.hi_lo",
        "de.warnung",
        "de.entwarnung",
        "de.probealarm",
        "common.silent_test",
        "common.growl_test",
    } <= keys
    assert [p.key for p in library.for_country("cn")] == [
        "common.silent_test",
        "common.growl_test",
        "cn.pre_alert",
        "cn.air_raid",
        "cn.all_clear",
    ]


def test_china_pre_alert_and_air_raid_timelines():
    library = load_library()
    pre = library.by_key("cn.pre_alert")
    assert pre.timeline() == [(0, 36, "steady"), (60, 96, "steady"), (120, 156, "steady")]
    raid = library.by_key("cn.air_raid").timeline()
    assert len(raid) == 15 and raid[1] == (12, 18, "steady") and raid[-1][1] == 174
    assert library.by_key("cn.all_clear").timeline() == [(0, 180, "steady")]


def test_germany_us_and_common_durations_and_flags():
    library = load_library()
    assert library.by_key("de.warnung").total_s == 60 and library.by_key("de.probealarm").total_s == 12
    assert library.by_key("us.alert_steady").total_s == 180
    hilo = library.by_key("us.hi_lo").timeline()
    assert hilo[:2] == [(0, 1, "hi"), (1, 2, "lo")] and hilo[-1][1] == 180
    silent, growl = library.get(1), library.get(2)
    assert silent.silent and silent.test and growl.test and not growl.silent
    assert 15 <= growl.total_s <= 25


def test_a_users_folder_adds_patterns(tmp_path):
    write(tmp_path, "post.json", [GOOD])
    library = load_library([tmp_path])
    assert library.problems == [] and library.get(900).applies_to("NL")
    assert library.get(900).timeline()[1] == (3, 5, "hi")


@pytest.mark.parametrize(
    "change, field, words",
    [
        ({"total_s": 61}, "patterns[0].total_s", "add up to 60 s"),
        (
            {"segments": [{"tone": "stedy", "on_s": 60}]},
            "patterns[0].segments[0].tone",
            "unknown tone 'stedy'",
        ),
        ({"segments": [{"tone": "hi", "on_s": -3}]}, "patterns[0].segments[0].on_s", "above 0"),
        ({"id": 0}, "patterns[0].id", "1..65535"),
        ({"id": "9"}, "patterns[0].id", "whole number"),
        ({"key": "Flood Warning"}, "patterns[0].key", "lower-case"),
        ({"countries": ["Netherlands"]}, "patterns[0].countries", "ISO codes"),
        ({"flags": ["loud"]}, "patterns[0].flags", "unknown flag"),
        ({"flags": ["silent"]}, "patterns[0].flags", "'silent' exactly when"),
        ({"segmnets": []}, "patterns[0].segmnets", "not a known field"),
        (
            {"total_s": 4000, "repeat": 1000, "segments": [{"tone": "hi", "on_s": 4}]},
            "patterns[0].total_s",
            "1..3600",
        ),
    ],
)
def test_a_malformed_pattern_names_the_file_and_field(tmp_path, change, field, words):
    path = write(tmp_path, "bad.json", [{**GOOD, **change}])
    with pytest.raises(PatternError) as caught:
        load_pattern_file(path)
    assert caught.value.source == "bad.json" and caught.value.field == field
    assert words in str(caught.value) and str(caught.value).startswith(f"bad.json: {field}: ")


def test_broken_json_names_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"format": 1,\n "patterns": [,]}', encoding="utf-8")
    with pytest.raises(PatternError, match=r"broken.json: line 2 column \d+: is not valid JSON"):
        load_pattern_file(path)


def test_missing_fields_and_wrong_format_are_named():
    with pytest.raises(PatternError, match="x.json: format: must be 1"):
        parse_patterns({"format": 2, "patterns": [GOOD]}, "x.json")
    with pytest.raises(PatternError, match=r"x.json: patterns\[0\].name: is missing"):
        parse_patterns({"format": 1, "patterns": [{k: v for k, v in GOOD.items() if k != "name"}]}, "x.json")
    with pytest.raises(PatternError, match="x.json: patterns: must be a non-empty list"):
        parse_patterns({"format": 1, "patterns": []}, "x.json")


def test_a_bad_or_clashing_file_is_left_out_and_the_rest_load(tmp_path):
    write(tmp_path, "a_good.json", [GOOD])
    write(tmp_path, "b_clash.json", [{**GOOD, "key": "post.other", "id": 101}])
    write(tmp_path, "c_bad.json", {"format": 1})
    library = load_library([tmp_path])
    assert library.get(900) is not None and library.get(101).key == "cn.pre_alert"
    messages = [str(p) for p in library.problems]
    assert messages[0] == "b_clash.json: patterns[0].id: 101 is already used by 'cn.pre_alert' in china.json"
    assert messages[1] == "c_bad.json: patterns: is missing"


def test_duplicates_inside_one_file_and_a_missing_folder(tmp_path):
    with pytest.raises(PatternError, match=r"patterns\[1\].key: 'post.flood' is already used"):
        parse_patterns({"format": 1, "patterns": [GOOD, {**GOOD, "id": 901}]}, "dup.json")
    library = load_library([tmp_path / "nowhere"], builtin=False)
    assert library.patterns == {} and "is not a folder" in str(library.problems[0])
