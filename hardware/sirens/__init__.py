"""Siren controllers on an RS-485 bus (Modbus RTU): the driver a siren service builds on.

Public API: ``SirenBus`` (read_status, poll_all, issue_command, arm_and_activate),
``CommandOutcome``/``Confirmation`` and the ``SirenFault`` family. Register meanings live in
``ops_console.hardware.protocols.siren_profile``.
"""

from ops_console.hardware.protocols.siren_profile import Command, SirenState, SirenStatus, next_seq
from ops_console.hardware.sirens.bus import SirenBus
from ops_console.hardware.sirens.errors import (
    BadRegisters,
    CrcError,
    ExceptionReply,
    GarbledReply,
    NoAnswer,
    Overlapped,
    PortUnplugged,
    SirenFault,
    SlowReply,
    TruncatedReply,
    WrongUnit,
)
from ops_console.hardware.sirens.outcome import CommandOutcome, Confirmation

__all__ = [
    "BadRegisters",
    "Command",
    "CommandOutcome",
    "Confirmation",
    "CrcError",
    "ExceptionReply",
    "GarbledReply",
    "NoAnswer",
    "Overlapped",
    "PortUnplugged",
    "SirenBus",
    "SirenFault",
    "SirenState",
    "SirenStatus",
    "SlowReply",
    "TruncatedReply",
    "WrongUnit",
    "next_seq",
]
