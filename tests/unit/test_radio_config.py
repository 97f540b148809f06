"""``[radio]`` in the config file: the post's call sign and its tactical calls. Good values
are taken (upper-cased); each bad one is named in ``problems`` and left out, so the radio
still starts with its defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from ops_console.config import load_settings
from ops_console.said import english


def problems(settings) -> list[str]:
    """The settings' problems in English (each is a stored sentence, ops_console/said.py)."""
    return [english(p) for p in settings.problems]


def settings_from(tmp_path: Path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def test_nothing_set_keeps_the_default_call(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "absent.toml")
    assert settings.call_sign is None and settings.tactical == {} and problems(settings) == []


def test_call_sign_and_tactical_calls(tmp_path: Path) -> None:
    settings = settings_from(
        tmp_path,
        '[radio]\ncall_sign = " eoc-1 "\n\n[radio.tactical]\nSHELTER-B = 12\nmedic-hq = 65535\n"W1/AW" = 3\n',
    )
    assert settings.call_sign == "EOC-1"
    assert settings.tactical == {"SHELTER-B": 12, "MEDIC-HQ": 65535}
    assert problems(settings) == [
        "[radio.tactical] key = 'W1/AW' is not a call sign: use 1-9 letters, digits or "
        "'-' (e.g. \"EOC-1\"); ignored"
    ]


@pytest.mark.parametrize(
    "value, words",
    [
        ('"EOC_1"', "'EOC_1' is not a call sign"),
        ('"EOC-CENTRAL"', "'EOC-CENTRAL' is not a call sign"),  # 11 characters: the frames carry at most 9
        ('""', "'' is not a call sign"),
        ("42", "42 is not a call sign"),
        ('"all"', "ALL means every station"),
    ],
)
def test_a_bad_call_sign_is_named_and_not_used(tmp_path: Path, value: str, words: str) -> None:
    settings = settings_from(tmp_path, f"[radio]\ncall_sign = {value}\n")
    assert settings.call_sign is None
    [problem] = problems(settings)
    assert problem.startswith("[radio] call_sign") and words in problem and 'keeps the call "OPS"' in problem


@pytest.mark.parametrize(
    "line, words",
    [
        ("SHELTER-B = 0", "SHELTER-B = 0: the node address must be a whole number 1-65535"),
        ("SHELTER-B = 65536", "SHELTER-B = 65536: the node address"),
        ('SHELTER-B = "12"', "SHELTER-B = '12': the node address"),
        ("SHELTER-B = true", "SHELTER-B = True: the node address"),
        ("SHELTER-B = 1.5", "SHELTER-B = 1.5: the node address"),
        ('"SHELTER B" = 12', "key = 'SHELTER B' is not a call sign"),
        ("ALL = 12", "ALL means every station"),
    ],
)
def test_a_bad_tactical_entry_is_named_and_left_out(tmp_path: Path, line: str, words: str) -> None:
    settings = settings_from(tmp_path, f"[radio.tactical]\nGOOD = 5\n{line}\n")
    assert settings.tactical == {"GOOD": 5}
    [problem] = problems(settings)
    assert problem.startswith("[radio.tactical]") and words in problem and problem.endswith("ignored")


def test_our_own_call_is_not_a_tactical_call(tmp_path: Path) -> None:
    settings = settings_from(tmp_path, '[radio]\ncall_sign = "EOC-1"\n[radio.tactical]\neoc-1 = 3\n')
    assert settings.call_sign == "EOC-1" and settings.tactical == {}
    assert "EOC-1 is this post's own call sign" in problems(settings)[0]


@pytest.mark.parametrize(
    "text, words",
    [
        ('radio = "EOC-1"\n', "[radio] must be a table"),
        ('[radio]\ntactical = "SHELTER-B=12"\n', "[radio.tactical] must be a table"),
    ],
)
def test_a_misshapen_section_is_named(tmp_path: Path, text: str, words: str) -> None:
    settings = settings_from(tmp_path, text)
    assert settings.call_sign is None and settings.tactical == {} and words in problems(settings)[0]


def test_the_demo_modem_is_marked_a_drill_device_only_when_asked(tmp_path: Path) -> None:
    assert not load_settings(tmp_path / "absent.toml").demo_drill
    assert settings_from(tmp_path, "[radio]\ndemo_drill = true\n").demo_drill
    bad = settings_from(tmp_path, '[radio]\ndemo_drill = "yes"\n')
    assert not bad.demo_drill and problems(bad) == [
        "[radio] demo_drill = 'yes' must be true or false; ignored"
    ]
