"""SerialLink: one device, one reader thread, one writer thread, reconnects by itself.

The link moves bytes and knows nothing of their meaning. It opens anything pyserial's
``serial_for_url`` opens (a device path, a pty slave path, ``socket://host:port``,
``loop://``), reads in chunks (never byte by byte: the ingest target is tens of thousands
of frames a second), writes from a queue, and when the port vanishes (USB unplugged,
simulator stopped) it reconnects with exponential backoff without losing queued writes.

A device path is opened exclusively (an advisory lock, pyserial's ``exclusive`` on POSIX):
two programs reading one modem split its stream between them and each loses what the
other read, so the second is refused and says the port is in use (``in_use``).
"""

from __future__ import annotations

import errno
import logging
import os
import select
import threading
from collections import deque
from collections.abc import Callable

import serial

from ops_console.hardware.transport.link_state import Backoff, LinkState, LinkStats, SendTicket
from ops_console.said import N_, english, said

log = logging.getLogger(__name__)

DataHandler = Callable[[bytes], None]
StateHandler = Callable[[LinkState, str], None]
_CHUNK = 65536
_PORT_ERRORS = (serial.SerialException, OSError, ValueError, TypeError, AttributeError)
IN_USE = N_("in use by another program (another gateway or console on this modem?)")

_ERRNO_WORDS = {
    errno.ENOENT: N_("the port is not there (unplugged, or a wrong name)"),
    errno.ENODEV: N_("the device is gone (unplugged?)"),
    errno.ENXIO: N_("the device is gone (unplugged?)"),
    errno.EIO: N_("input/output error (the device was unplugged?)"),
    errno.EACCES: N_("permission denied (is this user in the dialout group?)"),
    errno.EPERM: N_("permission denied (is this user in the dialout group?)"),
    errno.EBUSY: N_("the port is busy (opened by another program?)"),
    errno.ECONNREFUSED: N_("connection refused (is the simulator or the device server running?)"),
}


def port_problem(exc: BaseException) -> str:
    """What went wrong with a port, as a stored sentence (ops_console/said.py) a person reads in
    their language: the common faults in words, anything else with the system's own text."""
    text = str(exc)
    code = getattr(exc, "errno", None)
    if not isinstance(code, int):
        context = exc.__cause__ or exc.__context__
        code = getattr(context, "errno", None)
    if isinstance(code, int) and code in _ERRNO_WORDS:
        return said(_ERRNO_WORDS[code])
    if "disconnected" in text or "returned no data" in text:
        return said(N_("the device is gone (unplugged?)"))
    if "exclusively lock" in text:
        return said(IN_USE)
    return said(N_("a port error: {error}"), error=text)


def exclusive_for(url: str) -> bool | None:
    """Lock device paths (POSIX); pyserial URLs (socket://, loop://) have no lock to take."""
    return True if os.name == "posix" and "://" not in url else None


class SerialLink:
    """A self-healing byte pipe to one device.

    ``on_data(chunk)`` and ``on_state(state, detail)`` are plain callables called **on the
    link's reader thread**: keep them short and hand work to other threads yourself (a Qt
    bridge must use a queued signal). Exceptions they raise are logged and counted as
    errors; the link keeps running, as pyserial's ``serial.threaded`` does.
    Set them before ``start()``. (Only the final CLOSED of a link that never started or
    had FAILED is reported on the thread calling ``close()``.)
    """

    def __init__(
        self,
        url: str,
        *,
        name: str | None = None,
        baudrate: int = 115200,
        on_data: DataHandler | None = None,
        on_state: StateHandler | None = None,
        read_timeout: float = 0.05,
        write_timeout: float = 5.0,
        backoff_initial: float = 0.2,
        backoff_cap: float = 5.0,
        max_attempts: int | None = None,
    ) -> None:
        self.url = url
        self.name = name or url
        self.baudrate = baudrate
        self.on_data = on_data
        self.on_state = on_state
        self.read_timeout = read_timeout
        self.write_timeout = write_timeout
        self.max_attempts = max_attempts
        self._backoff = Backoff(backoff_initial, backoff_cap)
        self._cond = threading.Condition()
        self._queue: deque[SendTicket] = deque()
        self._stop = threading.Event()
        self._port: serial.SerialBase | None = None
        self._writable = False
        self._gen = 0
        self._lost = ""
        self._state, self._detail = LinkState.CONNECTING, ""
        self._counts = dict.fromkeys(
            ("bytes_in", "bytes_out", "frames", "errors", "reconnects", "open_failures"), 0
        )
        self._threads: list[threading.Thread] = []
        self.in_use = False  # the last open failed because another program holds the port

    # -- public API ----------------------------------------------------------------------

    def start(self) -> None:
        """Start the reader (which opens the port) and the writer thread."""
        if self._threads:
            raise RuntimeError("link already started")
        for target, role in ((self._read_loop, "reader"), (self._write_loop, "writer")):
            t = threading.Thread(target=target, name=f"link-{self.name}-{role}", daemon=True)
            self._threads.append(t)
            t.start()

    def send(self, data: bytes) -> SendTicket:
        """Queue bytes for writing; returns a ticket whose ``written`` event says when they left."""
        ticket = SendTicket(bytes(data))
        with self._cond:
            self._queue.append(ticket)
            self._cond.notify_all()
        return ticket

    @property
    def state(self) -> LinkState:
        """The current state (see ``stats`` for the full snapshot)."""
        return self._state

    def stats(self) -> LinkStats:
        """A frozen snapshot of state and counters."""
        with self._cond:
            c = self._counts
            return LinkStats(
                self.name,
                self.url,
                self._state,
                self._detail,
                c["bytes_in"],
                c["bytes_out"],
                c["frames"],
                c["errors"],
                c["reconnects"],
                c["open_failures"],
                len(self._queue),
            )

    def wait_for_state(self, state: LinkState, timeout: float) -> bool:
        """Block until the link is in ``state`` (or ``timeout``); for tests and start-up code."""
        with self._cond:
            return self._cond.wait_for(lambda: self._state is state, timeout)

    def add_frames(self, count: int) -> None:
        """Let the framing layer above count frames into this link's snapshot."""
        with self._cond:
            self._counts["frames"] += count

    def add_error(self) -> None:
        """Let the layer above count a bad frame into this link's error counter."""
        self._bump("errors")

    def close(self, timeout: float = 2.0) -> None:
        """Stop both threads, close the port and join. Unsent data stays counted in ``queued``."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
            port = self._port
        _cancel_read(port)
        for t in self._threads:
            if t is not threading.current_thread():
                t.join(timeout)
        if self._state is not LinkState.CLOSED:  # never started, or FAILED earlier
            self._set_state(LinkState.CLOSED, said(N_("closed")))

    # -- reader thread -------------------------------------------------------------------

    def _read_loop(self) -> None:
        attempts = 0
        while not self._stop.is_set():
            port = self._open()
            if port is None:
                attempts += 1
                if self.max_attempts is not None and attempts >= self.max_attempts:
                    self._set_state(
                        LinkState.FAILED,
                        said(
                            N_("gave up after {attempts} attempts: {why}"),
                            attempts=attempts,
                            why=self._detail,
                        ),
                    )
                    break
                self._stop.wait(self._backoff.next())
                continue
            attempts = 0
            self._backoff.reset()
            self._pump(port)
            self._drop(port)
        if self._stop.is_set():
            self._set_state(LinkState.CLOSED, said(N_("closed")))

    def _open(self) -> serial.SerialBase | None:
        try:
            port = serial.serial_for_url(
                self.url, do_not_open=True, baudrate=self.baudrate, exclusive=exclusive_for(self.url)
            )
            drain = self.url.startswith("socket://")
            port.timeout = 0 if drain else self.read_timeout
            port.write_timeout = self.write_timeout
            port.open()
        except _PORT_ERRORS as exc:
            self._bump("open_failures")
            self.in_use = "exclusively lock" in str(exc)
            if self.in_use and self._counts["open_failures"] == 1:
                log.error("link %s: %s is %s", self.name, self.url, IN_USE)
            log.debug("link %s: cannot open %s: %s", self.name, self.url, exc)
            state = LinkState.CONNECTING if self._state is LinkState.CONNECTING else LinkState.RECONNECTING
            self._set_state(
                state, said(IN_USE) if self.in_use else said(N_("cannot open: {why}"), why=port_problem(exc))
            )
            return None
        self.in_use = False
        reconnect = self._state is not LinkState.CONNECTING
        with self._cond:
            self._port, self._writable, self._lost = port, True, ""
            self._gen += 1
            if reconnect:
                self._counts["reconnects"] += 1
            self._cond.notify_all()
        log.info("link %s: connected to %s", self.name, self.url)
        self._set_state(LinkState.CONNECTED, self.url)
        return port

    def _pump(self, port: serial.SerialBase) -> None:
        """Read chunks until the port fails, the writer reports it lost, or close()."""
        drain = self.url.startswith("socket://")
        while not self._stop.is_set() and not self._lost:
            try:
                chunk = self._read_chunk(port, drain)
            except _PORT_ERRORS as exc:
                log.debug("link %s: read failed: %s", self.name, exc)
                self._mark_lost(said(N_("read failed: {why}"), why=port_problem(exc)), self._gen)
                return
            if chunk:
                with self._cond:
                    self._counts["bytes_in"] += len(chunk)
                self._call(self.on_data, chunk)

    def _read_chunk(self, port: serial.SerialBase, drain: bool) -> bytes:
        if drain:
            # socket:// reports in_waiting as 0 or 1, so wait with select and then drain
            # what is there without blocking (the port's timeout is 0).
            ready, _, _ = select.select([port.fileno()], [], [], self.read_timeout)
            return port.read(_CHUNK) if ready else b""
        return port.read(port.in_waiting or 1)

    def _drop(self, port: serial.SerialBase) -> None:
        with self._cond:
            self._port, self._writable = None, False
            reason = self._lost
        try:
            port.close()
        except _PORT_ERRORS:
            pass
        if not self._stop.is_set():
            log.warning("link %s: lost %s (%s); reconnecting", self.name, self.url, english(reason))
            self._set_state(LinkState.RECONNECTING, reason)

    def _mark_lost(self, reason: str, gen: int) -> None:
        with self._cond:
            if gen != self._gen:
                return  # a failure of a connection already replaced
            self._lost = self._lost or reason
            self._writable = False
            self._counts["errors"] += 1

    # -- writer thread -------------------------------------------------------------------

    def _write_loop(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._stop.is_set() or (self._queue and self._writable))
                if self._stop.is_set():
                    return
                ticket, port, gen = self._queue.popleft(), self._port, self._gen
            try:
                if port is None:
                    raise serial.SerialException("the port closed while a write waited")
                port.write(ticket.data)
            except _PORT_ERRORS as exc:
                with self._cond:
                    self._queue.appendleft(ticket)  # re-sent first after reconnecting
                log.debug("link %s: write failed: %s", self.name, exc)
                self._mark_lost(said(N_("write failed: {why}"), why=port_problem(exc)), gen)
                _cancel_read(port)
                continue
            with self._cond:
                self._counts["bytes_out"] += len(ticket.data)
            ticket.written.set()

    # -- helpers -------------------------------------------------------------------------

    def _set_state(self, state: LinkState, detail: str) -> None:
        with self._cond:
            changed = state is not self._state or detail != self._detail
            self._state, self._detail = state, detail
            self._cond.notify_all()
        if changed:
            self._call(self.on_state, state, detail)

    def _bump(self, counter: str) -> None:
        with self._cond:
            self._counts[counter] += 1

    def _call(self, handler: Callable[..., None] | None, *args: object) -> None:
        if handler is None:
            return
        try:
            handler(*args)
        except Exception:  # noqa: BLE001 - user code must not kill the link thread
            self._bump("errors")
            log.exception("link %s: callback %r raised", self.name, handler)


def _cancel_read(port: serial.SerialBase | None) -> None:
    """Wake a reader blocked in select (posix ports support it; others time out soon)."""
    cancel = getattr(port, "cancel_read", None) if port is not None else None
    if callable(cancel):
        try:
            cancel()
        except _PORT_ERRORS:
            pass
