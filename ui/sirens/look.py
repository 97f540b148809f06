"""Colours and words for siren states: colour is never the only cue (every cell has words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from ops_console.sirens.confirmation import local_name
from ops_console.sirens.views import COMMS_FAULT_AFTER, SirenView

PATTERN_CONTEXT = (
    "SirenPatterns"  # names from resources/siren_patterns/*.json (ops_console/i18n_catalogue.py)
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Sirens", text)


# state → (background tint, strong colour)
STATE_COLOURS = {
    "sounding": ("#fbd3cf", "#c0171d"),
    "testing": ("#d8ecf7", "#0072b2"),
    "idle": ("#e3f3e8", "#1b7f3b"),
    "fault": ("#fde9c8", "#b35c00"),
    "unknown": ("#e6e6e6", "#555555"),
}
LIVE_RED, EXERCISE_BLUE, TEST_TEAL = "#b00020", "#3949ab", "#00796b"


def pattern_words(name: str) -> str:
    """A pattern's name as the operator reads it: the part in their language of a name that
    carries two ("空袭警报 Air-raid warning"), else the name translated from the catalogue.
    Only for showing: the typed confirmation takes the names in the pattern file."""
    return QCoreApplication.translate(PATTERN_CONTEXT, local_name(name, QLocale().name()))


def pattern_notes(notes: str) -> str:
    """A pattern's notes (what the signal means, what people should do) in the operator's
    language; the pattern files keep them in English (resources/siren_patterns/*.json)."""
    return QCoreApplication.translate(PATTERN_CONTEXT, notes) if notes else ""


def state_label(view: SirenView) -> str:
    if not view.comms_ok and view.last_heard_at is not None:
        return _tr("UNKNOWN — no answer")
    return {
        "sounding": _tr("SOUNDING"),
        "testing": _tr("Testing"),
        "idle": _tr("Idle"),
        "fault": _tr("FAULT"),
        "unknown": _tr("Unknown"),
    }.get(view.state, view.state)


def state_key(view: SirenView) -> str:
    if not view.comms_ok and view.last_heard_at is not None:
        return "unknown"
    return view.state if view.state in STATE_COLOURS else "unknown"


def comms_ink(view: SirenView) -> str:
    """The theme's ink for the comms cell below a comms fault (which has its own red on a
    tint): green only for a siren that answered its last poll. "not heard yet" was green
    like "OK", for a siren nobody had heard."""
    if view.last_heard_at is None:
        return "problem" if view.missed_polls else "muted"
    return "warning" if view.missed_polls else "ok"


def comms_label(view: SirenView) -> str:
    if view.last_heard_at is None:
        return _tr("not heard yet") if not view.missed_polls else _tr("NO ANSWER")
    if view.missed_polls >= COMMS_FAULT_AFTER:
        return _tr("COMMS FAULT")
    if view.missed_polls:
        return _tr("missed %1 poll(s)").replace("%1", str(view.missed_polls))
    return _tr("OK")
