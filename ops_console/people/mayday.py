"""MAYDAY from a team's radio node: an EMERGENCY text with the word MAYDAY marks the team.

The radio ingest already stores such a text as EMERGENCY (radio/distress.py), which puts
it on top of the alert list and sounds the acknowledge-required alarm; this listener
only ties it to the team whose node sent it, so the team board shows MAYDAY and the
map can centre the team's last position. It reacts to the ingest's published events
(no second radio path) and reads the message once per alerting text.
"""

from __future__ import annotations

import logging
import re
import time

from ops_console.events import Event
from ops_console.precedence import Precedence
from ops_console.radio.service import RadioService
from ops_console.topics import Topic

from .teams import TeamService

log = logging.getLogger(__name__)
MAYDAY = re.compile(r"(?<![A-Za-z])MAYDAY(?![A-Za-z])", re.IGNORECASE)


def is_mayday(precedence: str, text: str) -> bool:
    """An EMERGENCY text naming MAYDAY anywhere (a field terminal marks it E, then types)."""
    return precedence == Precedence.EMERGENCY and MAYDAY.search(text) is not None


class MaydayListener:
    """Subscribed on the post's bus; marks the sending node's team on a MAYDAY text.

    It runs on the ingest's thread after every stored batch, so it must cost nothing for the
    traffic it does not care about: only EMERGENCY texts from a node that is some team's
    radio are read back (a busy night's PRIORITY traffic and every other station's
    EMERGENCYs are told apart from the event alone). The teams' nodes are read at most
    once a second, and again after any change of a team here."""

    NODES_MAX_AGE_S = 1.0

    def __init__(self, radio: RadioService, teams: TeamService) -> None:
        self._radio, self._teams = radio, teams
        self._nodes: frozenset[int] = frozenset()
        self._nodes_read_at: float | None = None

    def __call__(self, event: Event) -> None:
        if event.topic == Topic.TEAM_CHANGED:
            self._nodes_read_at = None
            return
        data = event.data or {}
        if event.topic != Topic.RADIO_MESSAGE or not data.get("alert") or data.get("direction") != "in":
            return
        if event.entity_id is None or data.get("precedence", Precedence.EMERGENCY) != Precedence.EMERGENCY:
            return
        try:
            node = data.get("node")
            if node is not None and not self._is_team_node(node):
                return
            msg = self._radio.get(event.entity_id)
            if msg.node_addr is None or not is_mayday(msg.precedence, f"{msg.subject} {msg.body}"):
                return
            team_id = self._teams.team_of_node(msg.node_addr)
            if team_id is not None:
                self._teams.raise_mayday(team_id, source="radio", message_id=msg.id)
        except Exception:  # a listener must never break the ingest's publishing
            log.exception("MAYDAY from radio message %s could not be tied to a team", event.entity_id)

    def _is_team_node(self, node: int) -> bool:
        now = time.monotonic()
        if self._nodes_read_at is None or now - self._nodes_read_at > self.NODES_MAX_AGE_S:
            self._nodes, self._nodes_read_at = self._teams.team_nodes(), now
        return node in self._nodes
