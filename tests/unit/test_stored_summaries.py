"""Every line the console writes into the activity log is a stored sentence (said.py), so a
Chinese console reads it in Chinese; an English f-string there is read as English forever.
A static check over the source: ``audit.append``'s summary is never a literal or f-string,
nor a name bound to one in the same function."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("ops_console", "ui", "hardware", "db")
SUMMARY = 5  # audit.append(session, actor, action, entity, entity_id, summary, ...)
ENGLISH = (ast.JoinedStr, ast.Constant, ast.BinOp)


def _english_summaries(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for func in ast.walk(tree):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        bound = {
            target.id: node.value
            for node in ast.walk(func)
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for call in ast.walk(func):
            if not (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "append"
                and isinstance(call.func.value, ast.Name)
                and call.func.value.id == "audit"
                and len(call.args) > SUMMARY
            ):
                continue
            summary = call.args[SUMMARY]
            if isinstance(summary, ast.Name):
                summary = bound.get(summary.id, summary)
            branches = [summary.body, summary.orelse] if isinstance(summary, ast.IfExp) else [summary]
            if any(isinstance(b, ENGLISH) for b in branches):
                found.append((call.lineno, ast.unparse(call.args[SUMMARY])[:80]))
    return found


def test_no_activity_log_line_is_written_as_english():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for folder in SOURCES
        for path in sorted((ROOT / folder).rglob("*.py"))
        for line, text in _english_summaries(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not offenders, "\n".join(offenders)


def test_the_check_finds_an_english_summary():
    code = 'def f(s, a):\n    text = f"Task {1} done"\n    audit.append(s, a, "x", "task", 1, text)\n'
    assert _english_summaries(ast.parse(code)) == [(3, "text")]
    fine = 'def f(s, a):\n    audit.append(s, a, "x", "task", 1, said(N_("Task {id} done"), id=1))\n'
    assert _english_summaries(ast.parse(fine)) == []
