"""Which radio devices to open: from ``--device KIND:PORT[@BAUD]`` and TOML ``[[device]]``.

Examples: ``lora:/dev/ttyUSB0@115200``, ``lora:socket://127.0.0.1:7001``,
``meshtastic:/dev/ttyACM0`` (a Meshtastic node on USB: docs/protocols/meshtastic.md), and in the
config file ``[[device]] kind = "lora"  port = "/dev/ttyUSB0"  baud = 115200``, which may
also set the modem: ``address``, ``network_id``, ``band_hz``, ``spreading_factor``,
``bandwidth_hz``, ``coding_rate``, ``preamble`` and ``cpin`` (left as the modem has them
when not given). ``model = "RYLR896"`` (the default) or ``"RYLR998"`` says which AT command
guide the modem follows: the network password (cpin) is 32 hex digits on the first and 8
on the second (docs/protocols/reyax-at.md). ``drill = true`` marks a drill's simulated device: everything heard
through it is stored as exercise (a real radio's traffic is live unless a message says
EXERCISE, see docs/protocols/field-payload.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ops_console.hardware.lora.airtime import Modulation
from ops_console.hardware.lora.types import ModemConfig
from ops_console.hardware.protocols.reyax_at import DEFAULT_MODEL, MODELS
from ops_console.known_error import OpsError
from ops_console.said import N_, said

KINDS = ("lora", "meshtastic")
MESHTASTIC = "meshtastic"
_MESH_KEYS = frozenset({"kind", "port", "baud", "name", "drill"})
_BAUD = re.compile(r"^(?P<port>.+?)@(?P<baud>\d{3,7})$")


@dataclass(frozen=True)
class DeviceSpec:
    """One device: its kind (``lora``: a REYAX modem; ``meshtastic``: a Meshtastic node),
    the pyserial URL or path, and baud rate."""

    kind: str
    port: str
    baud: int = 115200
    name: str = ""
    modem: ModemConfig | None = None  # None: the console's defaults
    drill: bool = False  # a drill's simulated device: all it hears is exercise (real radios: never)
    model: str = DEFAULT_MODEL  # the REYAX model: which manual's AT commands apply

    @property
    def label(self) -> str:
        return self.name or self.port


class DeviceRefused(OpsError, ValueError):
    """A device that cannot be opened as given; ``str()`` says why in the reader's language
    (a stored sentence, ops_console/said.py)."""


def parse_device(text: str) -> DeviceSpec:
    """``KIND:PORT[@BAUD]`` → DeviceSpec; ValueError with a sentence when it is not that."""
    kind, sep, rest = text.strip().partition(":")
    if not sep or not rest:
        raise DeviceRefused(
            said(
                N_(
                    "{text}: expected KIND:PORT[@BAUD], e.g. lora:/dev/ttyUSB0@115200 or meshtastic:/dev/ttyACM0"
                ),
                text=repr(text),
            )
        )
    kind = kind.lower()
    if kind not in KINDS:
        raise DeviceRefused(
            said(
                N_("{text}: unknown device kind {kind} (known: {known})"),
                text=repr(text),
                kind=repr(kind),
                known=", ".join(KINDS),
            )
        )
    match = _BAUD.match(rest)
    if match:
        return DeviceSpec(kind, match["port"], int(match["baud"]))
    return DeviceSpec(kind, rest)


def devices_from_config(entries: list[dict[str, Any]]) -> tuple[list[DeviceSpec], list[str]]:
    """DeviceSpecs from ``[[device]]`` tables, and a sentence for each entry that is not usable
    (a stored sentence, ops_console/said.py: the notice board shows it in the reader's language)."""
    specs, problems = [], []
    for i, entry in enumerate(entries, 1):
        kind, port = str(entry.get("kind", "")).lower(), entry.get("port")
        if kind not in KINDS:
            continue  # sirens and other kinds belong to other features
        if not isinstance(port, str) or not port:
            problems.append(
                said(N_('[[device]] #{number}: a {kind} device needs port = "..."'), number=i, kind=kind)
            )
            continue
        baud = entry.get("baud", 115200)
        if not isinstance(baud, int) or baud <= 0:
            problems.append(said(N_("[[device]] #{number}: baud must be a positive whole number"), number=i))
            continue
        drill = entry.get("drill", False)
        if not isinstance(drill, bool):
            problems.append(said(N_("[[device]] #{number}: drill must be true or false"), number=i))
            continue
        if kind == MESHTASTIC:  # the node keeps its own radio settings (set with its app)
            extra = sorted(set(entry) - _MESH_KEYS)
            if extra:
                problems.append(
                    said(
                        N_(
                            "[[device]] #{number} ({port}): a Meshtastic node takes no {keys} "
                            "(set the node's radio with its own app)"
                        ),
                        number=i,
                        port=port,
                        keys=", ".join(extra),
                    )
                )
                continue
            specs.append(DeviceSpec(kind, port, baud, str(entry.get("name", "")), None, drill))
            continue
        model = entry.get("model", DEFAULT_MODEL)
        if not isinstance(model, str) or model.strip().upper() not in MODELS:
            problems.append(
                said(
                    N_("[[device]] #{number} ({port}): model = {model} is not one of {known}"),
                    number=i,
                    port=port,
                    model=repr(model),
                    known=", ".join(MODELS),
                )
            )
            continue
        model = model.strip().upper()
        try:
            modem = modem_config(entry, model)
        except (TypeError, ValueError) as exc:  # the sentence never holds the key itself
            why = getattr(exc, "stored", None) or str(exc)
            problems.append(said(N_("[[device]] #{number} ({port}): {why}"), number=i, port=port, why=why))
            continue
        specs.append(DeviceSpec(kind, port, baud, str(entry.get("name", "")), modem, drill, model))
    return specs, problems


_RADIO_KEYS = ("spreading_factor", "bandwidth_hz", "coding_rate", "preamble")


def modem_config(entry: dict[str, Any], model: str = DEFAULT_MODEL) -> ModemConfig | None:
    """The modem settings a ``[[device]]`` table gives, or None when it gives none."""
    given = {k: entry[k] for k in ("address", "network_id", "band_hz", "cpin", *_RADIO_KEYS) if k in entry}
    if not given:
        return None
    modulation = None
    if any(k in given for k in _RADIO_KEYS):
        modulation = Modulation(**{k: int(given[k]) for k in _RADIO_KEYS if k in given})
    return ModemConfig(
        address=given.get("address"),
        network_id=given.get("network_id"),
        band_hz=given.get("band_hz"),
        modulation=modulation,
        cpin=str(given["cpin"]) if "cpin" in given else None,
        model=model,
    )
