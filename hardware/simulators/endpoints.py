"""Where a simulated device meets the console: a pseudo-terminal or a loopback TCP port.

Both endpoints serve one peer, call ``on_bytes`` on their own thread with what the console
wrote, let the simulator ``write`` back, and can be unplugged and replugged: the pty
endpoint keeps a stable symlink (like socat's ``link=``) that points at a fresh pty after
each replug; the TCP endpoint listens on the same port again.
"""

from __future__ import annotations

import logging
import os
import pty
import select
import socket
import tempfile
import termios
import threading
import tty
from collections.abc import Callable

log = logging.getLogger(__name__)

BytesHandler = Callable[[bytes], None]
WRITE_TIMEOUT = 2.0


class _Endpoint:
    """Shared plumbing: one serving thread per plug-in, woken through a pipe to unplug."""

    def __init__(self) -> None:
        self.on_bytes: BytesHandler = lambda data: None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._wake_r = self._wake_w = -1
        self.dropped_bytes = 0

    @property
    def plugged(self) -> bool:
        return self._thread is not None

    def start(self, on_bytes: BytesHandler) -> None:
        """Plug in and start serving; ``on_bytes`` runs on the serving thread."""
        self.on_bytes = on_bytes
        self.replug()

    def replug(self) -> None:
        """Make the port appear (again)."""
        if self._thread is not None:
            return
        self._open()
        self._wake_r, self._wake_w = os.pipe()
        self._thread = threading.Thread(target=self._serve, name=type(self).__name__, daemon=True)
        self._thread.start()

    def unplug(self) -> None:
        """Make the port vanish as if its USB cable were pulled."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        os.write(self._wake_w, b"x")
        thread.join(5.0)
        os.close(self._wake_r)
        os.close(self._wake_w)
        with self._lock:
            self._close()

    def stop(self) -> None:
        """Unplug for good."""
        self.unplug()

    def _read_ready(self, fds: list[int]) -> list[int]:
        ready, _, _ = select.select([*fds, self._wake_r], [], [], 1.0)
        return [] if self._wake_r in ready else (ready or [-1])

    def _open(self) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError

    def _serve(self) -> None:
        raise NotImplementedError


class PtyEndpoint(_Endpoint):
    """A pseudo-terminal: we hold the master, the console opens ``device_path``."""

    device_path: str

    def __init__(self) -> None:
        super().__init__()
        self._dir = tempfile.mkdtemp(prefix="ops-console-sim-")
        self.device_path = os.path.join(self._dir, "ttyLORA0")
        self._master = self._slave = -1

    @property
    def url(self) -> str:
        return self.device_path

    def _open(self) -> None:
        master, slave = pty.openpty()
        tty.setraw(slave)  # no echo, no CR/LF translation: a serial line, not a terminal
        os.set_blocking(master, False)
        tmp = self.device_path + ".new"
        os.symlink(os.ttyname(slave), tmp)
        os.replace(tmp, self.device_path)
        self._master, self._slave = master, slave

    def forget_line_settings(self) -> None:
        """Leave the pty as no console would set it (50 baud), so the next open changes it.

        Why: a pty cannot keep a parity bit. Linux drops PARENB from a tcsetattr, and this
        kernel (6.x) answers EINVAL to one that changes nothing else. A console opening at
        8E1 sets speed and parity; the first open succeeds (the speed changes), a second
        open finds the speed already set, asks only for parity, and fails: a console
        restarted while ``ops-console simulate sirens`` runs would never reconnect. A real
        port keeps parity, so it never meets this. Cheap and idempotent; the simulator calls
        it between requests. The bytes on the pty do not depend on its speed."""
        with self._lock:
            if self._slave < 0:
                return
            try:
                attrs = termios.tcgetattr(self._slave)
                if attrs[4] != termios.B50 or attrs[5] != termios.B50:
                    attrs[4] = attrs[5] = termios.B50
                    termios.tcsetattr(self._slave, termios.TCSANOW, attrs)
            except termios.error as exc:
                log.debug("pty %s: cannot reset its line settings: %s", self.device_path, exc)

    def _close(self) -> None:
        for fd in (self._master, self._slave):
            if fd >= 0:
                os.close(fd)
        self._master = self._slave = -1
        if os.path.lexists(self.device_path):
            os.unlink(self.device_path)

    def stop(self) -> None:
        super().stop()
        try:
            os.rmdir(self._dir)
        except OSError:
            pass

    def _serve(self) -> None:
        master = self._master
        while True:
            ready = self._read_ready([master])
            if not ready:
                return
            if master not in ready:
                continue
            try:
                data = os.read(master, 65536)
            except BlockingIOError:
                continue
            except OSError:
                return
            self.on_bytes(data)

    def write(self, data: bytes) -> bool:
        """Write all of ``data`` (waiting for room up to 2 s); False when dropped."""
        with self._lock:
            if self._master < 0:
                self.dropped_bytes += len(data)
                return False
            view = memoryview(data)
            while view:
                _, ready, _ = select.select([], [self._master], [], WRITE_TIMEOUT)
                if not ready:
                    self.dropped_bytes += len(view)
                    return False
                try:
                    view = view[os.write(self._master, view) :]
                except BlockingIOError:
                    continue
            return True


class TcpEndpoint(_Endpoint):
    """A loopback TCP server; the console connects with ``socket://127.0.0.1:PORT``."""

    def __init__(self, port: int = 0) -> None:
        super().__init__()
        self.port = port
        self._server: socket.socket | None = None
        self._client: socket.socket | None = None
        self._has_client = threading.Event()
        self.device_path = None

    @property
    def url(self) -> str:
        return f"socket://127.0.0.1:{self.port}"

    def _open(self) -> None:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(1)
        self.port = server.getsockname()[1]
        self._server = server

    def _close(self) -> None:
        for sock in (self._client, self._server):
            if sock is not None:
                sock.close()
        self._client = self._server = None
        self._has_client.clear()

    def _serve(self) -> None:
        server = self._server
        assert server is not None, "serving starts after the socket is bound"
        while True:
            client = self._client
            fds = [server.fileno()] + ([client.fileno()] if client else [])
            ready = self._read_ready(fds)
            if not ready:
                return
            if server.fileno() in ready:
                self._accept(server)
            elif client is not None and client.fileno() in ready:
                self._receive(client)

    def _accept(self, server: socket.socket) -> None:
        conn, _ = server.accept()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn.settimeout(WRITE_TIMEOUT)
        with self._lock:
            old, self._client = self._client, conn
        self._has_client.set()
        if old is not None:
            old.close()

    def _receive(self, client: socket.socket) -> None:
        try:
            data = client.recv(65536)
        except OSError:
            data = b""
        if data:
            self.on_bytes(data)
            return
        with self._lock:
            if self._client is client:
                self._client = None
                self._has_client.clear()
        client.close()

    def write(self, data: bytes) -> bool:
        """Send all of ``data`` to the connected console; False when nobody is connected."""
        with self._lock:
            if self._client is None:
                self.dropped_bytes += len(data)
                return False
            try:
                self._client.sendall(data)
                return True
            except OSError:
                self.dropped_bytes += len(data)
                return False

    def wait_for_client(self, timeout: float) -> bool:
        """True once a console is connected (tests use it before injecting lines)."""
        return self._has_client.wait(timeout)
