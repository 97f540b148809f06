"""Which panels a role sees first: the work of the person signed on, not one tab away.

A radio operator who signs on must see the radio, a storekeeper the stores; the saved
layout (arrangement, sizes) stays the workstation's, only the front tab of each stack
follows the role. Applied at sign-on and at every change of operator.

A role whose work needs another arrangement has a layout of its own (``JOINED``): the radio
operator's comms log needs the left column's whole height (at 1280x720, under the Incidents
dock, it showed one row), so for that role Incidents is a tab of the radio's stack. The
window keeps that role's arrangement apart from the shared one (main_window's
``_restore_profile``), so a supervisor who signs on after the radio operator finds the
incidents where they were, and the radio operator finds the log as they left it.
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


JOINED: dict[Role, tuple[tuple[str, str], ...]] = {
    Role.RADIO: (("incidents", "radio"),),
}
"""Per role: (dock, the dock whose tab stack it joins) in that role's own arrangement."""


def layout_profile(role: Role | None) -> str:
    """The name of the arrangement a role works in: "" for the shared one, else the role's."""
    return role.value if role is not None and role in JOINED else ""


def joined_docks(role: Role | None) -> tuple[tuple[str, str], ...]:
    return JOINED.get(role, ()) if role is not None else ()
