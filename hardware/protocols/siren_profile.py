"""The siren controller's Modbus register profile: what each register means, in types.

Pure: no I/O, no pymodbus. The driver (``ops_console.hardware.sirens``) moves registers over
the wire, the simulator (``ops_console.hardware.simulators.siren_bus``) serves them, and both
agree through this module. The profile is written up in docs/protocols/siren-controller-profile.md.

Decoding never guesses: a register block that does not fit the profile raises
``ProfileError`` with words, so a garbled reply can never read as "sounding".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, IntFlag

from ops_console.said import english, listed, said

DEFAULT_BAUDRATE = 19_200
DEFAULT_PARITY = "E"
BITS_PER_CHAR = 11  # start + 8 data + parity + stop (8E1); 8N2 is also 11
UNIT_MIN, UNIT_MAX = 1, 247
ARMING_WINDOW_S = 60

COMMAND_ADDRESS, COMMAND_COUNT = 0, 4  # holding registers 0-3, written together (0x10)
STATUS_ADDRESS, STATUS_COUNT = 0, 9  # input registers 0-8
LOW_BATTERY_CV = 2300  # 23.00 V on a 24 V battery: below this the low-battery bit is set


class ProfileError(ValueError):
    """Registers or arguments that do not fit the controller profile.

    ``words`` is a stored sentence (ops_console/said.py): a reply's bad registers end up
    inside a siren's fault, which a Chinese console reads in Chinese; ``str()`` is English."""

    def __init__(self, words: str) -> None:
        super().__init__(english(words))
        self.words = words


class Command(IntEnum):
    """Holding register 0: what the console asks the controller to do."""

    NONE = 0
    ACTIVATE = 1
    CANCEL = 2
    SILENT_TEST = 3
    GROWL_TEST = 4
    ARM = 5
    DISARM = 6


class SirenState(IntEnum):
    """Input register 0: what the controller says it is doing."""

    IDLE = 0
    SOUNDING = 1
    TESTING = 2
    FAULT = 3


class FaultBit(IntFlag):
    """Input register 6: one bit per condition a technician must look at."""

    AMPLIFIER = 1 << 0
    DRIVER = 1 << 1
    ROTATOR = 1 << 2
    DOOR_OPEN = 1 << 3
    LOW_BATTERY = 1 << 4
    CHARGER = 1 << 5
    INTRUSION = 1 << 6
    LOCAL_ACTIVATION = 1 << 7


class ExceptionCode(IntEnum):
    """Modbus exception codes a controller may answer with."""

    ILLEGAL_FUNCTION = 0x01
    ILLEGAL_ADDRESS = 0x02
    ILLEGAL_VALUE = 0x03
    DEVICE_FAILURE = 0x04
    ACKNOWLEDGE = 0x05
    BUSY = 0x06


def N_(text: str) -> str:  # noqa: N802 - the marker ops_console/i18n_catalogue.py collects
    """Marks words the console translates where it shows them (ops_console/said.py's "Stored"
    context); hardware imports nothing of the console, so the no-op lives here too."""
    return text


COMMAND_WORDS = {  # marked: a command's outcome names it in the reader's language
    Command.NONE: N_("no command"),
    Command.ACTIVATE: N_("activate"),
    Command.CANCEL: N_("cancel"),
    Command.SILENT_TEST: N_("silent test"),
    Command.GROWL_TEST: N_("growl test"),
    Command.ARM: N_("arm"),
    Command.DISARM: N_("disarm"),
}
STATE_WORDS = {
    SirenState.IDLE: N_("idle"),
    SirenState.SOUNDING: N_("sounding"),
    SirenState.TESTING: N_("testing"),
    SirenState.FAULT: N_("fault"),
}
FAULT_WORDS = {
    FaultBit.AMPLIFIER: N_("amplifier fault"),
    FaultBit.DRIVER: N_("driver or speaker fault"),
    FaultBit.ROTATOR: N_("rotator fault"),
    FaultBit.DOOR_OPEN: N_("cabinet door open"),
    FaultBit.LOW_BATTERY: N_("battery low"),
    FaultBit.CHARGER: N_("charger fault"),
    FaultBit.INTRUSION: N_("intrusion alarm"),
    FaultBit.LOCAL_ACTIVATION: N_("sounded without a command from the console (local activation)"),
}
EXCEPTION_WORDS = {
    ExceptionCode.ILLEGAL_FUNCTION: N_("the controller does not support this request (illegal function)"),
    ExceptionCode.ILLEGAL_ADDRESS: N_("the controller has no such register (illegal data address)"),
    ExceptionCode.ILLEGAL_VALUE: N_("the controller refused the values sent (illegal data value)"),
    ExceptionCode.DEVICE_FAILURE: N_("the controller reports an internal failure (device failure)"),
    ExceptionCode.ACKNOWLEDGE: N_("the controller accepted the request but is still working on it"),
    ExceptionCode.BUSY: N_("the controller is busy and refused the request (device busy)"),
}
UNKNOWN_EXCEPTION = N_("the controller answered with unknown exception code {code}")


def exception_words(code: int) -> str:
    """English words for an exception code (a log line); unknown codes are named, not hidden."""
    try:
        return EXCEPTION_WORDS[ExceptionCode(code)]
    except ValueError:
        return UNKNOWN_EXCEPTION.format(code=code)


def exception_said(code: int) -> str:
    """The words for an exception code as a stored sentence (ops_console/said.py), which a
    Chinese console reads in Chinese inside a siren alarm."""
    try:
        return said(EXCEPTION_WORDS[ExceptionCode(code)])
    except ValueError:
        return said(UNKNOWN_EXCEPTION, code=code)


def fault_words(faults: FaultBit) -> tuple[str, ...]:
    """One phrase per set fault bit, lowest bit first (the order of the register)."""
    return tuple(words for bit, words in FAULT_WORDS.items() if faults & bit)


def _int16(value: int) -> int:
    """A register holds 0..65535; temperatures are two's complement."""
    return value - 0x10000 if value & 0x8000 else value


@dataclass(frozen=True)
class SirenStatus:
    """One controller's input registers, in units a person reads (V, °C, words)."""

    unit: int
    state: SirenState
    pattern_id: int
    seconds_remaining: int
    last_seq: int
    battery_v: float
    mains_present: bool
    faults: FaultBit
    temperature_c: float
    mains_v: int

    @property
    def sounding(self) -> bool:
        """True only when the controller itself says it is sounding."""
        return self.state is SirenState.SOUNDING

    @property
    def fault_words(self) -> tuple[str, ...]:
        return fault_words(self.faults)

    @property
    def state_words(self) -> str:
        return STATE_WORDS[self.state]

    def summary(self) -> str:
        """One line for a log, in English (``summary_said`` for a person)."""
        return english(self.summary_said())

    def summary_said(self) -> str:
        """One line for a status bar or a command's outcome, as a stored sentence
        (ops_console/said.py): read in the reader's language."""
        rest = []
        if self.state in (SirenState.SOUNDING, SirenState.TESTING):
            rest.append(
                said(
                    N_("pattern {pattern}, {left} s left"),
                    pattern=self.pattern_id,
                    left=self.seconds_remaining,
                )
            )
        rest.append(said(N_("battery {volts} V"), volts=f"{self.battery_v:.2f}"))
        rest.append(said(N_("mains on") if self.mains_present else N_("on battery")))
        rest.extend(said(w) for w in self.fault_words)
        return said(
            N_("unit {unit} {state}, {details}"),
            unit=self.unit,
            state=said(self.state_words),
            details=listed(rest),
        )


def decode_status(unit: int, registers: list[int] | tuple[int, ...]) -> SirenStatus:
    """Decode input registers 0-8; ``ProfileError`` for anything the profile does not allow."""
    if len(registers) != STATUS_COUNT:
        raise ProfileError(
            said(N_("expected {want} input registers, got {got}"), want=STATUS_COUNT, got=len(registers))
        )
    for index, value in enumerate(registers):
        if not 0 <= value <= 0xFFFF:
            raise ProfileError(
                said(N_("input register {index} holds {value}, outside 0..65535"), index=index, value=value)
            )
    state, pattern, remaining, seq, battery, mains, faults, temp, mains_v = registers
    try:
        siren_state = SirenState(state)
    except ValueError:
        raise ProfileError(
            said(N_("state register holds {value}, which is no known state"), value=state)
        ) from None
    if mains not in (0, 1):
        raise ProfileError(said(N_("mains-present register holds {value}, not 0 or 1"), value=mains))
    if faults > 0xFF:
        raise ProfileError(
            said(N_("fault register holds {value}: bits above bit 7 are undefined"), value=f"0x{faults:04x}")
        )
    return SirenStatus(
        unit=unit,
        state=siren_state,
        pattern_id=pattern,
        seconds_remaining=remaining,
        last_seq=seq,
        battery_v=battery / 100,
        mains_present=bool(mains),
        faults=FaultBit(faults),
        temperature_c=_int16(temp) / 10,
        mains_v=mains_v,
    )


def encode_status(status: SirenStatus) -> list[int]:
    """The inverse of ``decode_status`` (the simulator and tests use it)."""
    return [
        int(status.state),
        status.pattern_id,
        status.seconds_remaining,
        status.last_seq,
        round(status.battery_v * 100),
        int(status.mains_present),
        int(status.faults),
        round(status.temperature_c * 10) & 0xFFFF,
        status.mains_v,
    ]


def encode_command(command: Command | int, pattern_id: int, duration_s: int, seq: int) -> list[int]:
    """Holding registers 0-3 for one command; written together in one 0x10 request."""
    try:
        command = Command(command)
    except ValueError:
        raise ProfileError(said(N_("{command} is no known command"), command=str(command))) from None
    for name, value in (
        (N_("pattern id"), pattern_id),
        (N_("duration"), duration_s),
        (N_("sequence number"), seq),
    ):
        if not 0 <= value <= 0xFFFF:
            raise ProfileError(
                said(N_("{name} {value} does not fit a register (0..65535)"), name=said(name), value=value)
            )
    if seq == 0:
        raise ProfileError(
            said(N_("sequence number 0 is reserved: a controller starts with 0 as its last one"))
        )
    return [int(command), pattern_id, duration_s, seq]


def check_unit(unit: int) -> int:
    """Unit ids on the bus are 1..247; 0 (broadcast) gets no reply, so it is never used."""
    if not UNIT_MIN <= unit <= UNIT_MAX:
        raise ProfileError(
            said(N_("unit id {unit} is outside {low}..{high}"), unit=unit, low=UNIT_MIN, high=UNIT_MAX)
        )
    return unit


def next_seq(last: int) -> int:
    """The sequence number after ``last``: 1..65535, wrapping past 0 (which is reserved)."""
    return last % 0xFFFF + 1


def char_time(baudrate: int) -> float:
    """Seconds one character occupies the wire (11 bits)."""
    return BITS_PER_CHAR / baudrate


def frame_gap(baudrate: int) -> float:
    """The silent interval that ends an RTU frame: 3.5 characters, 1.75 ms above 19,200 baud."""
    return 3.5 * char_time(baudrate) if baudrate <= 19_200 else 0.00175
