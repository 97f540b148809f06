"""Asking a serial port whether a REYAX AT modem answers, and which serial ports exist.

Used by the Devices dialog (on a worker thread: opening a dead port can take a second),
kept here so the widget module holds no serial-protocol code.
"""

from __future__ import annotations

import time

import serial

from ops_console.hardware.transport.serial_link import port_problem
from ops_console.said import N_, said

TEST_TIMEOUT = 1.0


def list_ports() -> list[tuple[str, str, str]]:
    """(device, description, hwid) of each serial port of this machine ([] when none, or on error)."""
    try:
        from serial.tools import list_ports as lp

        return [
            (p.device, p.description or "", p.hwid or "")
            for p in sorted(lp.comports(), key=lambda p: p.device)
        ]
    except Exception:  # noqa: BLE001 - enumeration problems must not break the dialog
        return []


def probe(port: str, baud: int, timeout: float = TEST_TIMEOUT) -> tuple[bool, str]:
    """Open ``port``, send ``AT``, wait up to ``timeout`` for ``+OK``: (answered, what happened),
    what happened being a stored sentence (ops_console/said.py) the dialog shows translated."""
    try:
        link = serial.serial_for_url(port, baudrate=baud, timeout=0.1, write_timeout=timeout)
    except (serial.SerialException, OSError, ValueError) as exc:
        return False, said(N_("could not open: {why}"), why=port_problem(exc))
    try:
        link.reset_input_buffer()
        link.write(b"AT\r\n")
        seen = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            seen += link.read(64)
            if b"+OK" in seen:
                return True, said(N_("answered +OK"))
        if seen.strip():
            return False, said(
                N_("no answer within {seconds} s (got {bytes})"),
                seconds=f"{timeout:g}",
                bytes=repr(seen[:40]),
            )
        return False, said(N_("no answer within {seconds} s"), seconds=f"{timeout:g}")
    except (serial.SerialException, OSError) as exc:
        return False, said(N_("error while talking to it: {why}"), why=port_problem(exc))
    finally:
        try:
            link.close()
        except Exception:  # noqa: BLE001
            pass
