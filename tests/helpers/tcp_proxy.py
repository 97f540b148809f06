"""A real TCP proxy on 127.0.0.1 that can black-hole: the cable cut, reproduced.

``BlackHoleProxy(upstream_port)`` forwards every connection to the server; after
``blackhole()`` it still accepts connections and keeps the open ones open, but forwards
nothing either way (what a cut cable or a dead route looks like from the client: no
refusal, no reset, just silence). ``refuse()`` is a server that is down: the port is
closed (new connections are refused) and open ones are reset. ``forward()`` lets traffic
through again (for new connections, and after a black hole for the old ones too).
"""

from __future__ import annotations

import selectors
import socket
import struct
import threading


class BlackHoleProxy:
    def __init__(self, upstream_port: int, upstream_host: str = "127.0.0.1") -> None:
        self.upstream = (upstream_host, upstream_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._passing = threading.Event()
        self._passing.set()
        self._stop = threading.Event()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._refusing = False
        self._thread = threading.Thread(target=self._accept_loop, name="proxy-accept", daemon=True)
        self._thread.start()

    def url(self, server_url: str) -> str:
        """``server_url`` (a SQLAlchemy URL) pointed at this proxy instead."""
        from sqlalchemy.engine import make_url

        return (
            make_url(server_url).set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)
        )

    def blackhole(self) -> None:
        self._passing.clear()

    def refuse(self) -> None:
        self._refusing = True
        _hang_up(self._listener)  # connecting now is "connection refused"
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST
            except OSError:
                pass
            _hang_up(sock)

    def forward(self) -> None:
        if self._refusing:
            self._listener = socket.create_server(("127.0.0.1", self.port))  # SO_REUSEADDR: same port
            self._refusing = False
            self._thread = threading.Thread(target=self._accept_loop, name="proxy-accept", daemon=True)
            self._thread.start()
        self._passing.set()

    def close(self) -> None:
        self._stop.set()
        self._passing.set()
        _hang_up(self._listener)
        with self._lock:
            for sock in self._sockets:
                _hang_up(sock)

    def _accept_loop(self) -> None:
        listener = self._listener
        while not self._stop.is_set():
            try:
                client, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), name="proxy-conn", daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        with self._lock:
            self._sockets.append(client)
        self._passing.wait()  # a black-holed route: the TCP handshake succeeds, then nothing
        if self._stop.is_set():
            return
        try:
            server = socket.create_connection(self.upstream, timeout=5)
        except OSError:
            client.close()
            return
        with self._lock:
            self._sockets.append(server)
        peers = {client: server, server: client}
        sel = selectors.DefaultSelector()
        for sock in peers:
            sock.setblocking(True)
            sel.register(sock, selectors.EVENT_READ)
        try:
            while not self._stop.is_set():
                if not self._passing.is_set():
                    self._passing.wait(0.1)  # hold everything: nothing is read, nothing sent
                    continue
                for key, _ in sel.select(0.1):
                    if not self._passing.is_set():
                        break
                    data = key.fileobj.recv(65536)  # type: ignore[union-attr]
                    if not data:
                        return
                    peers[key.fileobj].sendall(data)  # type: ignore[index]
        except OSError:
            return
        finally:
            sel.close()
            for sock in peers:
                try:
                    sock.close()
                except OSError:
                    pass


def _hang_up(sock: socket.socket) -> None:
    """Close a socket another thread may be blocked on: on Linux a bare close() neither wakes
    a blocked accept() nor stops the listening (the kernel keeps the socket while the call
    waits); shutdown() does both."""
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass
