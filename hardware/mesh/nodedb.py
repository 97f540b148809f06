"""What the driver knows of the mesh: its node database and the node's debug log.

Both are written on the link's reader thread (as frames and log bytes arrive) and read by
the UI's status snapshots on other threads, so they live here behind one small lock,
apart from the driver's conversation with the node.
"""

from __future__ import annotations

import re
import threading
from collections import deque
from datetime import UTC, datetime
from typing import Any

from ops_console.hardware.mesh.frames import battery_level
from ops_console.hardware.mesh.types import MeshNodeInfo, NodeEntry, node_id

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_UNPRINTABLE = {c: "·" for c in [*range(0x20), 0x7F, 0xFFFD] if c != 0x09}
"""What a log line should not hold (a stray frame's bytes): shown as a middle dot."""
_PARTIAL_LINE = 1000


class NodeDatabase:
    """Nodes by number (``entry`` makes one on first sight), our own node's number, and the
    last ``debug_lines`` lines of the node's log."""

    def __init__(self, debug_lines: int = 200) -> None:
        self.own = 0
        self.names_version = 0  # goes up when a node's name changes (the driver tells who listens)
        self._lock = threading.Lock()
        self._nodes: dict[int, NodeEntry] = {}
        self.lookup = self._nodes.get  # a node already known, without a call through ``entry``
        self._debug: deque[str] = deque(maxlen=debug_lines)
        self._part = b""

    def __len__(self) -> int:
        return len(self._nodes)

    def entry(self, num: int) -> NodeEntry:
        """The mutable entry for ``num`` (updated in place by the reader thread)."""
        entry = self._nodes.get(num)
        if entry is None:
            with self._lock:
                entry = self._nodes.setdefault(num, NodeEntry(num))
        return entry

    def node_info(self, info: Any) -> None:
        """A ``NodeInfo`` from the configuration exchange (mesh_pb2)."""
        entry = self.entry(info.num)
        self.name(entry, info.user.long_name or entry.long_name, info.user.short_name or entry.short_name)
        if info.HasField("position") and (info.position.latitude_i or info.position.longitude_i):
            entry.lat, entry.lon = info.position.latitude_i * 1e-7, info.position.longitude_i * 1e-7
        if info.HasField("device_metrics") and info.device_metrics.HasField("battery_level"):
            entry.battery = battery_level(info.device_metrics.battery_level)
        if info.last_heard:
            entry.last_heard, entry.snr = datetime.fromtimestamp(info.last_heard, UTC), info.snr

    def name(self, entry: NodeEntry, long_name: str, short_name: str) -> None:
        """What a node calls itself (NodeInfo, or a NODEINFO_APP packet heard)."""
        if (entry.long_name, entry.short_name) != (long_name, short_name):
            entry.long_name, entry.short_name = long_name, short_name
            self.names_version += 1

    def label(self, num: int) -> str:
        """What a person calls a node: its long name, else its app id."""
        entry = self._nodes.get(num)
        return entry.freeze().label if entry is not None else node_id(num)

    def nodes(self) -> list[MeshNodeInfo]:
        """Frozen copies, our own node first, then by name."""
        with self._lock:
            nodes = [entry.freeze() for entry in self._nodes.values()]
        return sorted(nodes, key=lambda n: (n.num != self.own, n.label.lower()))

    def noise(self, data: bytes) -> None:
        """Bytes between frames: cut into lines (colours and stray bytes removed), the last kept."""
        *lines, rest = (self._part + data).split(b"\n")
        self._part = rest[-_PARTIAL_LINE:]
        words = [
            _ANSI.sub("", line.decode("utf-8", "replace").strip()).translate(_UNPRINTABLE) for line in lines
        ]
        with self._lock:
            self._debug.extend(w for w in words if w)

    def log_record(self, source: str, message: str) -> None:
        """A ``FromRadio.log_record`` line."""
        with self._lock:
            self._debug.append(f"[{source}] {message}".strip() if source else message)

    def debug_lines(self) -> list[str]:
        with self._lock:
            return list(self._debug)
