"""A control a person may not use now is disabled with the reason in its tooltip, before the
click (docs/architecture.md: "a control a role may not use is disabled with the reason").

One call sets both, so the reason cannot be forgotten where a button is disabled:
``allow(button, reason)`` enables it when ``reason`` is empty, else disables it and shows the
reason on hover; ``tip`` is what the tooltip says while it is enabled (often nothing).
tests/ui/test_disabled_reasons.py walks every dock of the real window, for every role, and
fails on a visible disabled button that does not say why.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


def allow(control: QWidget | QAction, reason: str = "", tip: str = "") -> bool:
    """Enable ``control`` if ``reason`` is empty, else disable it with ``reason`` as its
    tooltip. Returns whether it is enabled."""
    control.setEnabled(not reason)
    control.setToolTip(reason or tip)
    return not reason


def first_reason(*checks: tuple[bool, str]) -> str:
    """The reason of the first check that fails, "" when all pass: ``(may_edit, "Viewers…"),
    (selected, "Select …")`` — the role's refusal first, then what to choose. A check whose
    reason is empty does not refuse (``(not refusal, refusal)`` passes a service's "")."""
    return next((reason for ok, reason in checks if not ok and reason), "")
