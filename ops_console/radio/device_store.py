"""The radio devices an admin configured in the Devices dialog (Qt-free).

They live in ``devices.toml`` beside ``config.toml`` (``config_file().parent``), as
``[[device]]`` tables, so the dialog never rewrites the hand-edited config file.
``load_settings`` reads both files; the devices of ``devices.toml`` come after those of
``config.toml``. Only kind, model, port, baud and name are written, by a tiny formatter.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from ops_console.config import config_file
from ops_console.domain import Permission
from ops_console.errors import ValidationError
from ops_console.hardware.protocols.reyax_at import MODELS
from ops_console.private_files import private_dir, write_private
from ops_console.radio.devices import KINDS, DeviceSpec, devices_from_config
from ops_console.said import N_, said
from ops_console.shift import Shift

FILE_NAME = "devices.toml"


def devices_file() -> Path:
    return config_file().parent / FILE_NAME


def _toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def format_devices(specs: list[DeviceSpec]) -> str:
    """``[[device]]`` tables for ``specs`` (what ``tomllib`` reads back to the same specs)."""
    blocks = ["# Radio devices managed by the Devices dialog. Edit with care.\n"]
    for spec in specs:
        lines = [
            "[[device]]",
            f"kind = {_toml_string(spec.kind)}",
            *([f"model = {_toml_string(spec.model)}"] if spec.kind == "lora" else []),  # a REYAX modem's
            f"port = {_toml_string(spec.port)}",
            f"baud = {int(spec.baud)}",
        ]
        if spec.name:
            lines.append(f"name = {_toml_string(spec.name)}")
        if spec.drill:
            lines.append("drill = true")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def load_devices(path: Path | None = None) -> list[DeviceSpec]:
    """The stored devices (an absent or unreadable file: none)."""
    path = path or devices_file()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return []
    entries = raw.get("device", [])
    specs, _ = devices_from_config(
        [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
    )
    return specs


def save_devices(specs: list[DeviceSpec], path: Path | None = None) -> None:
    """Write atomically (temp file + rename), so a crash never leaves half a file."""
    path = path or devices_file()
    private_dir(path.parent)
    write_private(path, format_devices(specs))


class DeviceStore:
    """Add/remove configured devices; only an admin (MANAGE_OPERATORS) may change them."""

    def __init__(self, shift: Shift, path: Path | None = None) -> None:
        self.shift, self._path = shift, path

    @property
    def path(self) -> Path:
        return self._path or devices_file()

    def list(self) -> list[DeviceSpec]:
        return load_devices(self.path)

    def add(self, spec: DeviceSpec) -> DeviceSpec:
        self.shift.require(Permission.MANAGE_OPERATORS, N_("add radio devices"))
        problems = {}
        if spec.kind not in KINDS:
            problems["kind"] = said(N_("Unknown device kind {kind}."), kind=repr(spec.kind))
        if spec.model not in MODELS:
            problems["model"] = said(
                N_("Unknown modem model {model} (known: {known})."),
                model=repr(spec.model),
                known=", ".join(MODELS),
            )
        if not spec.port.strip():
            problems["port"] = said(N_("A device needs a port (a path or a URL such as socket://host:port)."))
        if not isinstance(spec.baud, int) or spec.baud <= 0:
            problems["baud"] = said(N_("The baud rate must be a positive whole number."))
        specs = self.list()
        if any(s.port == spec.port.strip() for s in specs):
            problems["port"] = said(N_("{port} is already configured."), port=spec.port)
        if problems:
            raise ValidationError(problems)
        spec = DeviceSpec(
            spec.kind, spec.port.strip(), spec.baud, spec.name.strip(), drill=spec.drill, model=spec.model
        )
        save_devices(specs + [spec], self.path)
        return spec

    def remove(self, port: str) -> None:
        self.shift.require(Permission.MANAGE_OPERATORS, N_("remove radio devices"))
        specs = self.list()
        kept = [s for s in specs if s.port != port]
        if len(kept) == len(specs):
            raise ValidationError({"port": said(N_("{port} is not configured."), port=port)})
        save_devices(kept, self.path)
