"""[warnings] in the config file: the CAP sender, the output folders, the watched inbox; a
sender CAP would reject is refused in words and the default kept."""

from __future__ import annotations

from pathlib import Path

from ops_console.config import load_settings


def test_warnings_table_is_read(tmp_path: Path):
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[warnings]\nsender = "post7@willow.example"\ncap_folder = "/srv/cap"\n'
        'notice_folder = "~/notices"\ncap_inbox = "/mnt/usb/from-city"\n',
        encoding="utf-8",
    )
    s = load_settings(cfg)
    assert s.warning_sender == "post7@willow.example"
    assert (s.warning_cap_folder, s.warning_cap_inbox) == (Path("/srv/cap"), Path("/mnt/usb/from-city"))
    assert s.warning_notice_folder == Path("~/notices").expanduser()
    assert not s.problems


def test_a_sender_with_spaces_is_refused_in_words(tmp_path: Path):
    cfg = tmp_path / "config.toml"
    cfg.write_text('[warnings]\nsender = "Willow post"\n', encoding="utf-8")
    s = load_settings(cfg)
    assert s.warning_sender == "ops-console@post.local"
    assert s.problems == ["[warnings] sender must be one word without spaces, commas, < or &"]
