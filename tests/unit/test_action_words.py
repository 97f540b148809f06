"""Every action the console writes into the activity log has words in ui/activity/model.py.

An action code without words showed on a Chinese console as an English-looking fallback
("Radio link", "Remove", "Siren alarm uncommanded"): the demo-log test only saw the
actions the demo happens to write. This reads the code instead: every ``audit.append``
and every string shaped like an action code in a module that passes its action on."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from ops_console.inventory.views import MovementKind, RequestStatus
from ops_console.sirens import views as siren_views
from ops_console.ui.activity.model import ACTION_LABELS

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("ops_console", "ui", "hardware", "db")
DOMAINS = sorted({code.split(".")[0] for code in ACTION_LABELS if "." in code})
SHAPED = re.compile(rf"^({'|'.join(DOMAINS)})\.[a-z_]+(\.[a-z_]+)?$")
DYNAMIC = {  # an action built at run time: every value it can take
    "siren.alarm.{}": [
        siren_views.COMMS_FAULT,
        siren_views.NO_CONFIRMATION,
        siren_views.UNCOMMANDED,
        siren_views.FAULT_BITS,
    ],
    "siren.command.{}": list(siren_views.FINAL_STATES),
    "stock.request_{}": [  # RequestService._decide's decisions (fulfilment is stock.request_fulfil)
        RequestStatus.APPROVED.value,
        RequestStatus.DENIED.value,
        RequestStatus.CANCELLED.value,
    ],
    "stock.{}": [k.value for k in MovementKind],
    "stock.{}_add": ["item", "location"],
}


def _audit_calls(tree: ast.AST) -> Iterator[ast.expr]:
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "append"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "audit"
            and len(node.args) >= 3
        ):
            yield node.args[2]


def _template(node: ast.JoinedStr) -> str:
    return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)  # type: ignore[misc]


def written_actions() -> tuple[set[str], set[str]]:
    """(action codes the code can write, f-string templates nobody listed in DYNAMIC)."""
    codes: set[str] = set()
    unlisted: set[str] = set()
    for folder in SOURCES:
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            passes_on = False
            for action in _audit_calls(tree):
                if isinstance(action, ast.Constant) and isinstance(action.value, str):
                    codes.add(action.value)
                elif isinstance(action, ast.JoinedStr):
                    template = _template(action)
                    if template in DYNAMIC:
                        codes.update(template.format(v) for v in DYNAMIC[template])
                    else:
                        unlisted.add(f"{path.relative_to(ROOT)}: {template}")
                else:
                    passes_on = True  # a variable or expression: its values are literals nearby
            if passes_on:
                codes.update(
                    n.value
                    for n in ast.walk(tree)
                    if isinstance(n, ast.Constant) and isinstance(n.value, str) and SHAPED.match(n.value)
                )
    return codes, unlisted


def test_every_action_the_code_writes_has_words() -> None:
    codes, unlisted = written_actions()
    assert len(codes) > 60
    assert not unlisted, f"actions built at run time: list their values in DYNAMIC: {sorted(unlisted)}"
    missing = sorted(c for c in codes if c not in ACTION_LABELS)
    assert not missing, f"actions with no words in ui/activity/model.py ACTION_LABELS: {missing}"
