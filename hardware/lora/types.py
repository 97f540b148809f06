"""Value types the AT modem driver hands to the service layer (plain, frozen, thread-safe)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import NamedTuple

from ops_console.hardware.lora.airtime import Modulation
from ops_console.hardware.protocols import reyax_at as at
from ops_console.hardware.transport.link_state import LinkStats
from ops_console.known_error import OpsError


class ModemState(str, Enum):
    """What the operator sees for a modem; the value is the word shown."""

    STARTING = "starting"
    KEY_REFUSED = "network key refused"  # AT+CPIN refused: not used to send, rather than send in clear
    LINK_DOWN = "link down"
    CONFIGURING = "configuring"
    READY = "ready"
    NOT_RESPONDING = "not responding"
    CLOSED = "closed"


class RawFrame(NamedTuple):
    """One line heard from the modem, exactly as received, stored before anything else.

    ``error`` is None for a well-formed ``+RCV`` (then address/data/rssi/snr are set), or
    says why the line is not one (bad length field, overlong, noise, unsolicited +ERR).
    All lines of one read chunk share ``received_at`` (UTC).

    A NamedTuple, not a frozen dataclass: just as immutable, and made three times faster
    (one is made per line heard, tens of thousands a second).
    """

    raw: bytes
    received_at: datetime
    link: str
    address: int | None = None
    data: bytes | None = None
    rssi: int | None = None
    snr: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True for a well-formed +RCV frame."""
        return self.error is None


@dataclass(frozen=True)
class ModemConfig:
    """Settings applied after start, after every +READY and after every reconnect.

    None means "leave the modem's own setting". Values are checked here, at
    construction, so a bad config file fails at start-up and not at 3 a.m.
    """

    address: int | None = None
    network_id: int | None = None
    band_hz: int | None = None
    modulation: Modulation | None = None
    cpin: str | None = field(default=None, repr=False)  # a key: never in a repr, a log or a status line
    model: str = at.DEFAULT_MODEL  # which AT command guide applies (the CPIN length differs)

    def __post_init__(self) -> None:
        if self.model not in at.MODELS:
            raise at.CommandError(at.unknown_model(self.model))
        self.commands()

    def commands(self) -> list[bytes]:
        """The AT commands, probe first, in the order the modem should get them."""
        cmds = [at.encode_probe()]
        if self.address is not None:
            cmds.append(at.encode_address(self.address))
        if self.network_id is not None:
            cmds.append(at.encode_network_id(self.network_id))
        if self.band_hz is not None:
            cmds.append(at.encode_band(self.band_hz))
        if self.modulation is not None:
            m = self.modulation
            cmds.append(at.encode_parameter(m.spreading_factor, m.bandwidth_hz, m.coding_rate, m.preamble))
        if self.cpin is not None:
            cmds.append(at.encode_cpin(self.cpin, self.model))
        return cmds


class ModemError(OpsError):
    """A command that did not succeed; ``str()`` is a sentence for the operator.

    ``reason`` is a stored sentence (ops_console/said.py): ``str()`` reads it in the language
    of the console that shows it, ``.english`` in English for a log line, and ``.stored``
    (= ``reason``) is what a row keeps or another sentence nests.

    ``kind`` is one of: rejected (we refused to send it), modem_error (+ERR), timeout
    (no answer after retries), reboot (the modem kept rebooting), closed.
    """

    def __init__(self, reason: str, kind: str, code: int | None = None) -> None:
        super().__init__(reason)
        self.reason, self.kind, self.code = reason, kind, code


@dataclass(frozen=True, slots=True)
class SendResult:
    """What a successful ``send`` resolves to."""

    address: int
    length: int
    attempts: int
    airtime: float


@dataclass(frozen=True)
class ModemStats:
    """Snapshot of a driver: state, counters by kind and its link's own snapshot."""

    name: str
    state: ModemState
    detail: str
    frames: int
    sent: int
    send_failures: int
    errors: dict[str, int] = field(default_factory=dict)
    last_error: str = ""
    link: LinkStats | None = None
