"""The TOML config file: defaults with nothing set, and what a post can configure."""

from ops_console.config import load_settings


def test_nothing_set_gives_working_defaults(tmp_path):
    settings = load_settings(tmp_path / "absent.toml")
    assert settings.db_url is None and settings.siren_buses == {} and settings.problems == []


def test_siren_buses_and_country(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        '[sirens]\ncountry = "cn"\npoll_interval_s = 5\n\n[[siren_bus]]\nname = "north"\nport = "/dev/ttyUSB1"\n'
        '\n[[siren_bus]]\nname = "broken"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.siren_country == "CN" and settings.siren_buses == {"north": "/dev/ttyUSB1"}
    assert "without a port" in settings.problems[0] and settings.siren_poll_s == 5.0


def test_a_broken_file_is_reported_not_fatal(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[database\nurl = ", encoding="utf-8")
    settings = load_settings(path)
    assert settings.db_url is None and "Ignoring the config file" in settings.problems[0]
