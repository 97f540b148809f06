"""ModemStatus: a driver's state, detail and counters, safe to read from any thread.

Everything that goes wrong is logged here and counted by kind, so the UI can show
"not responding (modem did not answer AT after 3 attempts)" and "unparsed: 4".
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable

from ops_console.hardware.lora.types import ModemState, ModemStats
from ops_console.hardware.transport.link_state import LinkStats
from ops_console.said import english

log = logging.getLogger("ops_console.hardware.lora.at_modem")


class ModemStatus:
    """State plus counters. ``on_state(state, detail)`` is called on whichever thread
    changed the state (the driver's or the link's); exceptions from it are counted."""

    def __init__(
        self,
        name: str,
        on_state: Callable[[ModemState, str], None] | None = None,
        logger: logging.Logger = log,
        noun: str = "modem",
    ) -> None:
        self.name = name
        self._log, self._noun = logger, noun  # a Meshtastic node logs as what it is
        self.on_state = on_state
        self._cond = threading.Condition()
        self._state, self._detail, self._last_error = ModemState.STARTING, "", ""
        self._errors: Counter[str] = Counter()
        self._counts: Counter[str] = Counter()

    @property
    def state(self) -> ModemState:
        return self._state

    def set(self, state: ModemState, detail: str) -> None:
        """Change state; logs and calls ``on_state`` only when something changed."""
        with self._cond:
            if state is self._state and detail == self._detail:
                return
            self._state, self._detail = state, detail
            self._cond.notify_all()
        self._log.info("%s %s: %s (%s)", self._noun, self.name, state.value, english(detail))
        if self.on_state is not None:
            self.guard(self.on_state, state, detail)

    def wait_for(self, state: ModemState, timeout: float) -> bool:
        """Block until ``state`` or ``timeout``; True when reached."""
        with self._cond:
            return self._cond.wait_for(lambda: self._state is state, timeout)

    def note_error(self, kind: str, message: str) -> None:
        """Log and count one problem of ``kind`` (timeout, unparsed, overlong, ...).

        ``message`` (and a state's ``detail``) may be a stored sentence (ops_console/said.py):
        kept as it is for the UI, which shows it in its reader's language; logged in English."""
        with self._cond:
            self._errors[kind] += 1
            self._last_error = message
        self._log.warning("%s %s: %s: %s", self._noun, self.name, kind, english(message))

    def count(self, key: str, n: int = 1) -> None:
        """Bump a plain counter (frames, sent, send_failures)."""
        with self._cond:
            self._counts[key] += n

    def guard(self, handler: Callable[..., None], *args: object) -> None:
        """Call consumer code; its exceptions are logged and counted, never propagated."""
        try:
            handler(*args)
        except Exception:  # noqa: BLE001 - consumer bugs must not stop the radio
            with self._cond:
                self._errors["callback"] += 1
            self._log.exception("%s %s: callback %r raised", self._noun, self.name, handler)

    def snapshot(self, link: LinkStats | None) -> ModemStats:
        """Frozen copy for the UI."""
        with self._cond:
            c = self._counts
            return ModemStats(
                self.name,
                self._state,
                self._detail,
                c["frames"],
                c["sent"],
                c["send_failures"],
                dict(self._errors),
                self._last_error,
                link,
            )
