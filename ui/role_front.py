"""Which panels a role sees first: the work of the person signed on, not one tab away.

A radio operator who signs on must see the radio, a storekeeper the stores; the saved
layout (arrangement, sizes) stays the workstation's, only the front tab of each stack
follows the role. Applied at sign-on and at every change of operator.
"""

from __future__ import annotations

from ops_console.domain import Role

FRONT: dict[Role, tuple[str, ...]] = {
    Role.VIEWER: ("map",),
    Role.OPERATOR: ("tasks", "activity"),
    Role.RADIO: ("radio", "map"),
    Role.LOGISTICS: ("inventory", "shelters"),
    Role.SUPERVISOR: ("alerts", "sirens"),
    Role.ADMIN: ("tasks", "activity"),
}
"""Dock keys raised for each role, one per tab stack (main_window's docks)."""


def front_docks(role: Role | None) -> tuple[str, ...]:
    return FRONT.get(role, ()) if role is not None else ()
