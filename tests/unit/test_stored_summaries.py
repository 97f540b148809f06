"""Every line the console writes into the activity log, and every refusal a person reads, is
a stored sentence (said.py), so a Chinese console reads it in Chinese; an English f-string
there is read as English forever. Static checks over the source: ``audit.append``'s summary
is never a literal or f-string (nor a name bound to one in the same function), and neither is
the sentence of an OpsError raised, a ValidationError's problem or a ``problems[...]`` entry."""

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


def _error_names(trees: list[ast.AST]) -> set[str]:
    """OpsError and every class of the source that derives from it (by name, transitively)."""
    names, grown = {"OpsError"}, True
    while grown:
        grown = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
                    if bases & names:
                        names.add(node.name)
                        grown = True
    return names


def _is_english(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(node.value.strip())
    )


def _english_refusals(tree: ast.AST, errors: set[str]) -> list[tuple[int, str]]:
    """``raise SomeOpsError("words")``, ``ValidationError({"field": "words"})`` and
    ``problems["field"] = "words"``: sentences a person reads, frozen in English."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
            func = node.exc.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.exc.args[0]
            values = first.values if isinstance(first, ast.Dict) else [first]
            if name in errors and any(_is_english(v) for v in values):
                found.append((node.lineno, ast.unparse(first)[:80]))
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Subscript)
        ):
            target = node.targets[0].value
            if isinstance(target, ast.Name) and target.id == "problems" and _is_english(node.value):
                found.append((node.lineno, ast.unparse(node.value)[:80]))
    return found


def test_no_refusal_a_person_reads_is_written_as_english():
    paths = [p for folder in SOURCES for p in sorted((ROOT / folder).rglob("*.py"))]
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in paths}
    errors = _error_names(list(trees.values()))
    assert {"ValidationError", "DatabaseUnavailable", "NotFound"} <= errors
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {words}"
        for path, tree in trees.items()
        for line, words in _english_refusals(tree, errors)
    ]
    assert not offenders, "\n".join(offenders)


def test_the_refusal_check_finds_english_refusals():
    errors = {"OpsError", "ValidationError"}
    code = (
        'raise ValidationError({"name": "Give it a name."})\n'
        'raise OpsError(f"No {x}")\n'
        'problems["a"] = "Too long."\n'
        'raise ValidationError({"name": said(N_("Give it a name."))})\n'
        "raise ValueError(f'{x} is a bug, not words for a person')\n"
    )
    assert [line for line, _ in _english_refusals(ast.parse(code), errors)] == [1, 2, 3]
