"""The pymodbus serial client, opened so it works on ptys, and with an ear for what arrived.

Two small departures from ``pymodbus.client.ModbusSerialClient`` (3.16), both kept here:

* ``connect`` opens the port with ``serial_for_url(..., do_not_open=True)`` and sets the
  inter-byte timeout *before* opening. pymodbus sets it after opening, which makes pyserial
  call ``tcsetattr`` a second time; on Linux pseudo-terminals that second call fails with
  EINVAL when parity is E or O (a pty has no parity bit to set), so a stock client cannot
  connect to a simulator at 8E1. One ``tcsetattr`` at open is accepted.
* ``recv`` records every byte it returns in ``heard``. When pymodbus drops a reply (bad
  CRC, cut short, wrong unit) it only says "no response"; the driver reads ``heard`` to
  tell the operator which of those it was.
"""

from __future__ import annotations

import logging

import serial
from pymodbus import FramerType
from pymodbus.client import ModbusSerialClient

from ops_console.hardware.transport.serial_link import port_problem

log = logging.getLogger(__name__)


class HearingSerialClient(ModbusSerialClient):
    """A synchronous RTU client that never retries on its own and remembers what it heard."""

    def __init__(self, port: str, *, baudrate: int, parity: str, timeout: float, name: str) -> None:
        # retries=0: pymodbus resends the *request* on a read timeout, which for a write
        # would be a second activation; the driver decides when a resend is safe.
        super().__init__(
            port,
            framer=FramerType.RTU,
            baudrate=baudrate,
            bytesize=8,
            parity=parity,
            stopbits=1,
            timeout=timeout,
            retries=0,
            name=name,
        )
        self.heard = bytearray()
        self.connect_error = ""

    def connect(self) -> bool:
        """Open the port (device path or pyserial URL); False, with ``connect_error``, if not."""
        if self.socket:
            return True
        params = self.comm_params
        try:
            port = serial.serial_for_url(
                params.host,
                do_not_open=True,
                timeout=params.timeout_connect,
                write_timeout=params.timeout_connect,
                bytesize=params.bytesize,
                stopbits=params.stopbits,
                baudrate=params.baudrate,
                parity=params.parity,
                exclusive=True,
            )
            port.inter_byte_timeout = self.inter_byte_timeout or None
            port.open()
        except Exception as exc:  # pyserial also raises termios.error and ValueError here
            log.debug("cannot open %s: %s", params.host, str(exc) or type(exc).__name__)
            self.connect_error = port_problem(exc)  # a stored sentence: read in the reader's language
            self.socket = None
            return False
        self.socket = port
        self.connect_error = ""
        return True

    def recv(self, size: int | None) -> bytes:
        data = super().recv(size)
        self.heard.extend(data)
        return data
