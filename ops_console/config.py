"""Where things live and how the post is configured.

Defaults work with nothing set. A TOML file in the user config dir may override them,
environment variables override the file, and command-line flags override everything.
"""
from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from ops_console.mapping.basemap_config import BasemapSpec, parse_basemaps

APP_NAME = "ops-console"
APP_AUTHOR = "OpsConsole"
log = logging.getLogger(__name__)


def data_dir() -> Path:
    return Path(os.environ.get("OPS_CONSOLE_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    return Path(os.environ.get("OPS_CONSOLE_LOG_DIR") or platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def config_file() -> Path:
    override = os.environ.get("OPS_CONSOLE_CONFIG")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / "config.toml"


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'post.sqlite'}"


def demo_db_url() -> str:
    return f"sqlite:///{data_dir() / 'demo.sqlite'}"


@dataclass
class Settings:
    """The effective configuration after file, environment and flags are merged."""

    db_url: str | None = None
    log_level: str = "INFO"
    exercise: bool = False
    devices: list[dict[str, Any]] = field(default_factory=list)
    siren_country: str | None = None  # e.g. "CN": the signal set operators choose from (None: all)
    siren_buses: dict[str, str] = field(default_factory=dict)  # bus name → serial port or pyserial URL
    siren_poll_s: float = 10.0  # how often each controller is polled while none sounds
    basemaps: list[BasemapSpec] = field(default_factory=list)  # [[basemap]] tables in order, bottom first
    raw: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def load_settings(path: Path | None = None) -> Settings:
    """Read the TOML file if there is one; a broken file is reported, not fatal."""
    path = path or config_file()
    settings = Settings()
    if path.exists():
        try:
            settings.raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            settings.problems.append(f"Ignoring the config file {path}: {exc}")
    database = settings.raw.get("database", {})
    if isinstance(database, dict) and isinstance(database.get("url"), str):
        settings.db_url = database["url"]
    if isinstance(settings.raw.get("log_level"), str):
        settings.log_level = settings.raw["log_level"]
    devices = settings.raw.get("device", [])
    settings.devices = [d for d in devices if isinstance(d, dict)] if isinstance(devices, list) else []
    managed = path.parent / "devices.toml"  # written by the Devices dialog (ops_console.radio.device_store)
    if managed.exists():
        try:
            extra = tomllib.loads(managed.read_text(encoding="utf-8")).get("device", [])
            settings.devices += [d for d in extra if isinstance(d, dict)] if isinstance(extra, list) else []
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            settings.problems.append(f"Ignoring the devices file {managed}: {exc}")
    sirens = settings.raw.get("sirens", {})
    if isinstance(sirens, dict) and isinstance(sirens.get("country"), str):
        settings.siren_country = sirens["country"].upper()
    if isinstance(sirens, dict) and isinstance(sirens.get("poll_interval_s"), (int, float)):
        settings.siren_poll_s = max(1.0, float(sirens["poll_interval_s"]))
    buses = settings.raw.get("siren_bus", [])
    for bus in buses if isinstance(buses, list) else []:
        if isinstance(bus, dict) and isinstance(bus.get("port"), str):
            settings.siren_buses[str(bus.get("name", "sirens"))] = bus["port"]
        else:
            settings.problems.append(f"Ignoring a [[siren_bus]] entry without a port in {path}")
    settings.db_url = os.environ.get("OPS_CONSOLE_DB") or settings.db_url
    return settings
