"""Where things live and how the post is configured.

Defaults work with nothing set. A TOML file in the user config dir may override them,
environment variables override the file, and command-line flags override everything.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from ops_console.mapping.basemap_config import BasemapSpec, parse_basemaps
from ops_console.said import N_, said

APP_NAME = "ops-console"
APP_AUTHOR = "OpsConsole"
log = logging.getLogger(__name__)


def data_dir() -> Path:
    return Path(os.environ.get("OPS_CONSOLE_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    return Path(os.environ.get("OPS_CONSOLE_LOG_DIR") or platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def config_file() -> Path:
    override = os.environ.get("OPS_CONSOLE_CONFIG")
    return (
        Path(override)
        if override
        else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / "config.toml"
    )


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'post.sqlite'}"


def demo_db_url() -> str:
    return f"sqlite:///{data_dir() / 'demo.sqlite'}"


DEMO_PIN = "1234"
"""The demo post's one PIN (README). Here, not in ops_console.demo, so the console's first
start can hash it before the demo's imports (cli.py)."""


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
    call_sign: str | None = None  # [radio] call_sign: this post on the air (None: the default, "OPS")
    tactical: dict[str, int] = field(default_factory=dict)  # [radio.tactical] tactical call → node address
    demo_drill: bool = (
        False  # [radio] demo_drill: the demo's simulated modem is a drill device (exercise traffic)
    )
    # [alerts] operators_may_acknowledge: may the operator on shift (not only the radio operator)
    # acknowledge EMERGENCY/PRIORITY traffic? Most posts: yes, so an emergency never waits for the
    # one radio operator; a post that wants it kept to radio staff and supervisors sets false.
    operators_may_acknowledge: bool = True
    spool: Path | None = (
        None  # [radio] spool / OPS_CONSOLE_SPOOL: the gateway's spool file (another disk, say)
    )
    # [warnings] sender, cap_folder, notice_folder: who CAP messages say sent them, and where the
    # CAP 1.2 files (for a city gateway, a USB stick, a web server) and printable notices go
    warning_sender: str = "ops-console@post.local"
    warning_cap_folder: Path | None = None  # None: <data dir>/warnings/cap
    warning_notice_folder: Path | None = None  # None: <data dir>/warnings/notices
    warning_cap_inbox: Path | None = (
        None  # [warnings] cap_inbox: a folder watched for CAP files from the city
    )
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
    read_radio(settings, settings.raw.get("radio", {}))
    read_alerts(settings, settings.raw.get("alerts", {}))
    read_warnings(settings, settings.raw.get("warnings", {}))
    settings.basemaps, problems = parse_basemaps(settings.raw.get("basemap", []), path.absolute().parent)
    settings.problems += problems
    settings.db_url = os.environ.get("OPS_CONSOLE_DB") or settings.db_url
    if os.environ.get("OPS_CONSOLE_SPOOL"):
        settings.spool = Path(os.environ["OPS_CONSOLE_SPOOL"]).expanduser()
    return settings


def read_warnings(settings: Settings, table: object) -> None:
    """[warnings]: sender (CAP's sender, no spaces, commas or '<&'), cap_folder, notice_folder, cap_inbox."""
    if not isinstance(table, dict):
        return
    sender = table.get("sender")
    if isinstance(sender, str) and sender and not re.search(r"[\s,<&]", sender):
        settings.warning_sender = sender
    elif sender is not None:
        settings.problems.append("[warnings] sender must be one word without spaces, commas, < or &")
    for key, attr in (
        ("cap_folder", "warning_cap_folder"),
        ("notice_folder", "warning_notice_folder"),
        ("cap_inbox", "warning_cap_inbox"),
    ):
        if isinstance(table.get(key), str) and table[key].strip():
            setattr(settings, attr, Path(table[key]).expanduser())


CALL_SIGN = re.compile(r"[A-Z0-9-]{1,9}\Z")
"""A call on the air: letters, digits and '-', at most 9 (the field payload's limit)."""
BROADCAST_CALL = "ALL"


def call_sign_problem(value: object, key: str) -> str:
    """Why ``value`` cannot be a call sign, naming the config ``key`` ('' when it can), as a
    stored sentence (ops_console/said.py: read in the reader's language, ``english`` for logs)."""
    if not isinstance(value, str) or not CALL_SIGN.match(value.strip().upper()):
        return said(
            N_("{key} = {value} is not a call sign: use 1-9 letters, digits or '-' (e.g. \"EOC-1\")"),
            key=key,
            value=repr(value),
        )
    if value.strip().upper() == BROADCAST_CALL:
        return said(
            N_("{key}: {all} means every station and cannot be one station's call"),
            key=key,
            all=BROADCAST_CALL,
        )
    return ""


def read_alerts(settings: Settings, alerts: object) -> None:
    """``[alerts] operators_may_acknowledge = true|false``; anything else is named in
    ``problems`` and the default (true) kept."""
    if not isinstance(alerts, dict):
        settings.problems.append("[alerts] must be a table, e.g. [alerts] operators_may_acknowledge = true")
        return
    value = alerts.get("operators_may_acknowledge", True)
    if isinstance(value, bool):
        settings.operators_may_acknowledge = value
    else:
        settings.problems.append(
            f"[alerts] operators_may_acknowledge = {value!r} must be true or false; operators may acknowledge"
        )


def read_radio(settings: Settings, radio: object) -> None:
    """``[radio] call_sign`` and ``[radio.tactical] CALL = address``; a bad value is named
    in ``problems`` and left out, so the radio still starts with its defaults."""
    if not isinstance(radio, dict):
        settings.problems.append(said(N_('[radio] must be a table, e.g. [radio] call_sign = "EOC-1"')))
        return
    if isinstance(radio.get("spool"), str) and radio["spool"].strip():
        settings.spool = Path(radio["spool"]).expanduser()
    elif "spool" in radio:
        settings.problems.append(
            said(N_('[radio] spool must be a file path, e.g. spool = "/mnt/usb/gateway-spool.sqlite"'))
        )
    if "call_sign" in radio:
        problem = call_sign_problem(radio["call_sign"], "[radio] call_sign")
        if problem:
            settings.problems.append(said(N_('{problem}; the console keeps the call "OPS"'), problem=problem))
        else:
            settings.call_sign = radio["call_sign"].strip().upper()
    if "demo_drill" in radio:
        if isinstance(radio["demo_drill"], bool):
            settings.demo_drill = radio["demo_drill"]
        else:
            settings.problems.append(
                said(
                    N_("[radio] demo_drill = {value} must be true or false; ignored"),
                    value=repr(radio["demo_drill"]),
                )
            )
    tactical = radio.get("tactical", {})
    if not isinstance(tactical, dict):
        settings.problems.append(
            said(N_("[radio.tactical] must be a table of CALL = node address, e.g. SHELTER-B = 12"))
        )
        return
    for call, addr in tactical.items():
        problem = call_sign_problem(call, "[radio.tactical] key")
        if not problem and (not isinstance(addr, int) or isinstance(addr, bool) or not 1 <= addr <= 65535):
            problem = said(
                N_("[radio.tactical] {call} = {address}: the node address must be a whole number 1-65535"),
                call=call,
                address=repr(addr),
            )
        if problem:
            settings.problems.append(said(N_("{problem}; ignored"), problem=problem))
        else:
            settings.tactical[call.strip().upper()] = addr
    if settings.call_sign and settings.call_sign in settings.tactical:
        settings.problems.append(
            said(N_("[radio.tactical] {call} is this post's own call sign; ignored"), call=settings.call_sign)
        )
        del settings.tactical[settings.call_sign]
