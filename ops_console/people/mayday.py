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
    """Subscribed on the post's bus; marks the sending node's team on a MAYDAY text."""

    def __init__(self, radio: RadioService, teams: TeamService) -> None:
        self._radio, self._teams = radio, teams

    def __call__(self, event: Event) -> None:
        if event.topic != Topic.RADIO_MESSAGE or not (event.data or {}).get("alert"):
            return
        if (event.data or {}).get("direction") != "in" or event.entity_id is None:
            return
        try:
            msg = self._radio.get(event.entity_id)
            if msg.node_addr is None or not is_mayday(msg.precedence, f"{msg.subject} {msg.body}"):
                return
            team_id = self._teams.team_of_node(msg.node_addr)
            if team_id is not None:
                self._teams.raise_mayday(team_id, source="radio", message_id=msg.id)
        except Exception:  # a listener must never break the ingest's publishing
            log.exception("MAYDAY from radio message %s could not be tied to a team", event.entity_id)
