"""The names Meshtastic nodes give themselves, for the Nodes table, the comms log and the map.

A node is ``M`` and eight hex digits in the radio tables (its number: unique, but nobody
knows "M1A2B3C01" by heart). Its NodeInfo carries a long and a short name ("River watch",
"RIVR"), which the driver mirrors; the runtime hands them here (``store``, on the driver's
thread) and they are kept in ``mesh_node_names`` so every workstation of the post shows
them. What is shown keeps the call beside the name (``label``): two handsets may carry the
same name, and the call is what the outbox addresses.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable

from sqlalchemy import select

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.radio_models import MeshNodeName
from ops_console.hardware.mesh.types import MeshNodeInfo, mesh_address, parse_mesh_call

REFRESH_S = 30.0
"""How old the names read from the database may be (another workstation's node may name one)."""


def label(call: str, long_name: str = "", short_name: str = "") -> str:
    """ "River watch (M9A2B3C03)": the name with the call kept visible; the call alone
    when no name is known."""
    name = (long_name or short_name).strip()
    return f"{name} ({call})" if name and name != call else call


class MeshNames:
    """Names by node address; thread-safe (stored on drivers' threads, read on any)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._lock = threading.Lock()
        self._names: dict[int, tuple[str, str]] = {}
        self._read_at = -REFRESH_S

    def store(self, nodes: Iterable[MeshNodeInfo]) -> int:
        """Keep the names of ``nodes`` that changed; returns how many were written."""
        current = self.names()
        changed = {
            mesh_address(n.num): (n.long_name[:40], n.short_name[:10])
            for n in nodes
            if (n.long_name or n.short_name)
            and current.get(mesh_address(n.num)) != (n.long_name[:40], n.short_name[:10])
        }
        if not changed:
            return 0
        now = utc_now()
        with self.db.write() as s:
            rows = {
                r.addr: r for r in s.scalars(select(MeshNodeName).where(MeshNodeName.addr.in_(list(changed))))
            }
            for addr, (long_name, short_name) in changed.items():
                row = rows.get(addr)
                if row is None:
                    s.add(MeshNodeName(addr=addr, long_name=long_name, short_name=short_name, updated_at=now))
                else:
                    row.long_name, row.short_name, row.updated_at = long_name, short_name, now
        with self._lock:
            self._names.update(changed)
        return len(changed)

    def names(self) -> dict[int, tuple[str, str]]:
        """(long, short) name by address, read again from the database now and then."""
        with self._lock:
            if time.monotonic() - self._read_at < REFRESH_S:
                return self._names
        with self.db.read() as s:
            rows = s.execute(select(MeshNodeName.addr, MeshNodeName.long_name, MeshNodeName.short_name)).all()
        names = {addr: (long_name, short_name) for addr, long_name, short_name in rows}
        with self._lock:
            self._names, self._read_at = names, time.monotonic()
            return names

    def label_of(self, call: str, names: dict[int, tuple[str, str]] | None = None) -> str:
        """``label`` for a call: a mesh node's call with its name, any other call as it is."""
        num = parse_mesh_call(call) if call[:1] == "M" else None
        if num is None:
            return call
        name = (names if names is not None else self.names()).get(mesh_address(num))
        return label(call, *name) if name else call

    def name_of_address(self, addr: int) -> str:
        """The long (else short) name of the node at ``addr``, '' when none is known."""
        name = self.names().get(addr)
        return (name[0] or name[1]) if name else ""
