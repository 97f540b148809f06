"""Collects every translatable string of the console into the Qt .ts catalogues.

Why not pyside6-lupdate alone: lupdate's Python parser knows ``self.tr`` and
``QCoreApplication.translate("Ctx", "literal")`` but not this codebase's module-level
wrappers (``def _tr(text): return QCoreApplication.translate("Map", text)``), whose strings
it files under an empty context where Qt never looks them up, nor column titles kept in a
tuple and translated when shown (``_tr(COLUMNS[i])``), nor the templates services store
in no language and the reader's console translates when it shows them (``N_("…")``,
ops_console/said.py, filed under "Stored"). This extractor reads the source with
``ast`` and understands both; it writes ordinary .ts files that Qt Linguist opens and
pyside6-lrelease compiles (ops_console/ui/common/i18n.py does that at first run).

Repeatable, so it can run again whenever panels gain strings:

    python -m ops_console.i18n_catalogue            # update resources/translations/*.ts
    python -m ops_console.i18n_catalogue --check    # exit 1 if a catalogue is out of date
    python -m ops_console.i18n_catalogue --missing  # list what has no translation yet

Existing translations are kept; a new message whose English already has a translation in
another context gets that one (the same words read the same everywhere); messages no longer
in the code are marked ``vanished`` (Linguist's word) and dropped on the next ``--prune``.
Qt-free on purpose: it runs without a display.
"""

from __future__ import annotations

import argparse
import ast
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ops_console.resources import TRANSLATIONS_DIR

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIRS = ("ops_console", "ui", "hardware", "db")

LANGUAGES = ("zh_CN",)
TRANSLATE_NAMES = {"translate"}  # QCoreApplication.translate, QApplication.translate, i18n.translate
PATTERN_CONTEXT = "SirenPatterns"  # ui/sirens/look.py's pattern_words
PRINT_CONTEXT = "Reports"  # ops_console/printing/blocks.py: REPORTS_CONTEXT
PRINTED_BLOCKS = {"Heading", "Paragraph", "Table", "Fields", "PrintDocument", "Image", "header"}
NOOP_NAMES = {"QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"}
STORED_NAMES = {"N_"}  # ops_console/said.py: a stored sentence's template, gettext's marker
STORED_CONTEXT = "Stored"  # said.CONTEXT, where said.shown looks templates up


@dataclass(frozen=True)
class Message:
    """One string to translate, where Qt will look it up."""

    context: str
    source: str
    comment: str = ""
    numerus: bool = False


@dataclass
class _Wrapper:
    """A function that calls translate with a fixed context on its first parameter."""

    context: str
    params: int


@dataclass
class _ModuleScan(ast.NodeVisitor):
    path: Path
    found: list[Message] = field(default_factory=list)
    wrappers: dict[str, _Wrapper] = field(default_factory=dict)
    collections: dict[str, list[str]] = field(default_factory=dict)
    classes: list[str] = field(default_factory=list)
    prints: bool = False  # the module builds printed documents (ops_console/printing)
    class_attrs: list[dict[str, object]] = field(default_factory=list)

    # -- first pass: wrappers and string collections ------------------------------------
    def prepare(self, tree: ast.Module) -> None:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.Lambda):
                self._maybe_wrapper(node)
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
                for target in node.targets:
                    if isinstance(target, ast.Name) and (w := self._lambda_wrapper(node.value)):
                        self.wrappers[target.id] = w
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                strings = _strings_in(node.value) if node.value is not None else []
                if (
                    node in tree.body
                    and node.value is not None
                    and (text := _literal(node.value)) is not None
                ):
                    strings = [text]  # a module's TITLE = "ACTIVITY LOG (ICS 214)", not a local
                for target in targets:
                    if isinstance(target, ast.Name) and strings:
                        self.collections.setdefault(target.id, []).extend(strings)

    def _maybe_wrapper(self, node: ast.FunctionDef | ast.Lambda) -> None:
        if not isinstance(node, ast.FunctionDef):
            return
        params = [a.arg for a in node.args.args]
        if not params or params[0] == "self":
            return
        for inner in ast.walk(node):
            context = _translate_context(inner, params[0])
            if context is not None:
                self.wrappers[node.name] = _Wrapper(context, len(params))
                return

    def _lambda_wrapper(self, node: ast.Lambda) -> _Wrapper | None:
        params = [a.arg for a in node.args.args]
        if not params:
            return None
        context = _translate_context(node.body, params[0])
        return _Wrapper(context, len(params)) if context is not None else None

    # -- second pass: calls -------------------------------------------------------------
    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802 - ast's name
        self.classes.append(node.name)
        attrs: dict[str, object] = {}
        for stmt in node.body:
            if isinstance(stmt, ast.Assign):
                for target in stmt.targets:
                    if isinstance(target, ast.Name):
                        if isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str):
                            attrs[target.id] = stmt.value.value
                        else:
                            attrs[target.id] = _strings_in(stmt.value)
        self.class_attrs.append(attrs)
        self.generic_visit(node)
        self.classes.pop()
        self.class_attrs.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802 - ast's name
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        args = node.args
        if name in STORED_NAMES and args:
            for text in self._texts(args[0]):
                self._add(STORED_CONTEXT, text, None, False)
        elif name in NOOP_NAMES and len(args) >= 2 and (ctx := _literal(args[0])) is not None:
            for text in self._texts(args[1]):
                self._add(ctx, text, _literal(args[2]) if len(args) > 2 else None, False)
        elif name in TRANSLATE_NAMES and len(args) >= 2:
            ctx = _literal(args[0]) or self._class_string(args[0])
            if ctx is not None:
                for text in self._texts(args[1]):
                    self._add(ctx, text, _literal(args[2]) if len(args) > 2 else None, len(args) > 3)
        elif name in self.wrappers and isinstance(func, ast.Name) and args:
            wrapper = self.wrappers[name]
            for text in self._texts(args[0]):
                self._add(wrapper.context, text, None, len(args) > 1 and wrapper.params > 1)
        elif self.prints and name in PRINTED_BLOCKS:
            self._printed(name, node)
        elif name == "tr" and args and self.classes:
            # self.tr / QObject.tr: Qt looks the words up under the class's name
            for text in self._texts(args[0]):
                self._add(self.classes[-1], text, _literal(args[1]) if len(args) > 1 else None, len(args) > 2)
        self.generic_visit(node)

    def _printed(self, name: str, node: ast.Call) -> None:
        """The fixed words of a printed form (ops_console/printing/blocks.py's ``localised``
        translates them under "Reports" when the form is written)."""
        texts: list[str] = []
        chosen = node.args if name == "header" else node.args[1:2] if name == "Image" else node.args[:1]
        for arg in chosen:
            texts += (
                self._texts(arg) if name in ("Heading", "Paragraph", "PrintDocument") else self._items(arg)
            )
        for keyword in node.keywords:
            if keyword.arg == "caption" or (keyword.arg == "header" and name == "PrintDocument"):
                texts += (
                    self._texts(keyword.value) if keyword.arg == "caption" else self._items(keyword.value)
                )
        for text in texts:
            self._add(PRINT_CONTEXT, text, None, False)

    def _items(self, node: ast.expr) -> list[str]:
        """Column headings or box labels: a literal list, a name bound to one, or a sum."""
        if isinstance(node, ast.BinOp):
            return self._items(node.left) + self._items(node.right)
        if isinstance(node, ast.Tuple) and len(node.elts) == 2 and _literal(node.elts[0]) is not None:
            return [_literal(node.elts[0]) or ""]  # ("3. Name", value): one box
        if isinstance(node, ast.Tuple | ast.List):
            return _strings_in(node)
        return self._texts(node)

    def _texts(self, node: ast.expr) -> list[str]:
        literal = _literal(node)
        if literal is not None:
            return [literal]
        if isinstance(node, ast.BoolOp):  # summary or "(no summary given)"
            return [t for value in node.values if (t := _literal(value)) is not None]
        if isinstance(node, ast.IfExp):
            return self._texts(node.body) + self._texts(node.orelse)
        if isinstance(node, ast.Subscript):
            node = node.value
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
            for attrs in reversed(self.class_attrs):
                value = attrs.get(node.attr)
                if isinstance(value, list):
                    return value
            return self.collections.get(node.attr, [])
        if isinstance(node, ast.Name):
            return self.collections.get(node.id, [])
        return []

    def _class_string(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
            for attrs in reversed(self.class_attrs):
                value = attrs.get(node.attr)
                if isinstance(value, str):
                    return value
        return None

    def _add(self, context: str, text: str, comment: str | None, numerus: bool) -> None:
        if text.strip():
            self.found.append(Message(context, text, comment or "", numerus))


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _strings_in(node: ast.expr) -> list[str]:
    """The display strings of a literal tuple/list (or a dict's values, or a tuple's first
    items for rows like ``("Siren", 120)``); nothing for anything computed."""
    if isinstance(node, ast.Tuple | ast.List):
        out: list[str] = []
        for element in node.elts:
            if (text := _literal(element)) is not None:
                out.append(text)
            elif isinstance(element, ast.Tuple) and element.elts and (text := _literal(element.elts[0])):
                out.append(text)
        return out
    if isinstance(node, ast.Dict):
        return [text for value in node.values if value is not None and (text := _literal(value)) is not None]
    return []


def _translate_context(node: ast.AST, param: str) -> str | None:
    """``X.translate("Ctx", param, …)`` inside a wrapper's body → "Ctx"."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in TRANSLATE_NAMES
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Name)
        and node.args[1].id == param
    ):
        return _literal(node.args[0])
    return None


def pattern_names(root: Path = ROOT) -> list[Message]:
    """Siren pattern names from resources/siren_patterns/*.json, as ui/sirens/look.py shows
    them: a name in two languages shows its own Chinese part, so only one-language names
    ("Silent test (rotation, no sound)", "Entwarnung") need a translation. A pattern's notes
    (what the wizard says the signal means and what people should do) are always English
    and always translated (ui/sirens/look.py's pattern_notes)."""
    import json

    from ops_console.sirens.confirmation import local_name, name_parts

    found = []
    for path in sorted((root / "resources" / "siren_patterns").glob("*.json")):
        for pattern in json.loads(path.read_text(encoding="utf-8")).get("patterns", []):
            name = pattern.get("name", "")
            if isinstance(name, str) and len(name_parts(name)) == 1 and name.strip():
                found.append(Message(PATTERN_CONTEXT, local_name(name, "en")))
            notes = pattern.get("notes", "")
            if isinstance(notes, str) and notes.strip():
                found.append(Message(PATTERN_CONTEXT, notes))
    return found


def python_sources(root: Path = ROOT) -> Iterator[Path]:
    for folder in SOURCE_DIRS:
        yield from sorted((root / folder).rglob("*.py"))


MAPPED = {"ui": "ops_console.ui", "hardware": "ops_console.hardware", "db": "ops_console.db"}


def module_name(path: Path, root: Path = ROOT) -> str:
    """ui/alerts/model.py → ops_console.ui.alerts.model (setup.py's folder mapping)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    parts = [*MAPPED.get(parts[0], parts[0]).split("."), *parts[1:]]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_wrappers(
    tree: ast.Module, module: str, is_package: bool, known: dict[str, dict[str, _Wrapper]]
) -> dict[str, _Wrapper]:
    """``from .model import tr``: the wrapper another module defined, under its local name."""
    found: dict[str, _Wrapper] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        base = module.split(".") if is_package else module.split(".")[:-1]
        if node.level:
            base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
            source = ".".join([*base, *(node.module.split(".") if node.module else [])])
        else:
            source = node.module or ""
        for alias in node.names:
            wrapper = known.get(source, {}).get(alias.name)
            if wrapper is not None:
                found[alias.asname or alias.name] = wrapper
    return found


def extract(root: Path = ROOT) -> dict[tuple[str, str, str], Message]:
    """Every message in the code, first occurrence kept, keyed as Qt looks it up."""
    scans: list[tuple[_ModuleScan, ast.Module, str]] = []
    known: dict[str, dict[str, _Wrapper]] = {}
    for path in python_sources(root):
        if path.name == Path(__file__).name:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        scan = _ModuleScan(path)
        scan.prints = "ops_console.printing" in path.read_text(encoding="utf-8")
        scan.prepare(tree)
        module = module_name(path, root)
        known[module] = dict(scan.wrappers)
        scans.append((scan, tree, module))
    messages: dict[tuple[str, str, str], Message] = {}
    for message in pattern_names(root):
        messages[(message.context, message.source, "")] = message
    for scan, tree, module in scans:
        imported = _imported_wrappers(tree, module, scan.path.name == "__init__.py", known)
        scan.wrappers = {**imported, **scan.wrappers}
        scan.visit(tree)
        for message in scan.found:
            key = (message.context, message.source, message.comment)
            if key not in messages or message.numerus:
                messages[key] = message
    return messages


# -- the .ts file ---------------------------------------------------------------------------
@dataclass
class Entry:
    message: Message
    translation: str = ""
    finished: bool = False
    vanished: bool = False


def read_ts(path: Path) -> dict[tuple[str, str, str], Entry]:
    entries: dict[tuple[str, str, str], Entry] = {}
    if not path.exists():
        return entries
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        ctx = context.findtext("name") or ""
        for node in context.iter("message"):
            source = node.findtext("source") or ""
            comment = node.findtext("comment") or ""
            tnode = node.find("translation")
            numerus = node.get("numerus") == "yes"
            if tnode is None:
                text, kind = "", "unfinished"
            elif numerus:
                forms = [f.text or "" for f in tnode.iter("numerusform")]
                text, kind = (forms[0] if forms else ""), tnode.get("type", "")
            else:
                text, kind = tnode.text or "", tnode.get("type", "")
            entries[(ctx, source, comment)] = Entry(
                Message(ctx, source, comment, numerus),
                text,
                kind == "" and bool(text),
                kind in ("vanished", "obsolete"),
            )
    return entries


def merge(
    code: dict[tuple[str, str, str], Message], old: dict[tuple[str, str, str], Entry], *, prune: bool
) -> dict[tuple[str, str, str], Entry]:
    by_source = {e.message.source: e.translation for e in old.values() if e.finished and e.translation}
    merged: dict[tuple[str, str, str], Entry] = {}
    for key, message in code.items():
        entry = old.get(key)
        if entry is not None and entry.translation:
            merged[key] = Entry(message, entry.translation, entry.finished or entry.vanished)
        elif message.source in by_source:
            merged[key] = Entry(message, by_source[message.source], True)
        else:
            merged[key] = Entry(message)
    if not prune:
        for key, entry in old.items():
            if key not in merged and entry.translation:
                merged[key] = Entry(entry.message, entry.translation, False, True)
    return merged


def write_ts(path: Path, language: str, entries: dict[tuple[str, str, str], Entry]) -> str:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context: dict[str, list[Entry]] = {}
    for entry in entries.values():
        by_context.setdefault(entry.message.context, []).append(entry)
    for ctx in sorted(by_context):
        cnode = ET.SubElement(root, "context")
        ET.SubElement(cnode, "name").text = ctx
        for entry in sorted(by_context[ctx], key=lambda e: (e.message.source, e.message.comment)):
            m = entry.message
            mnode = (
                ET.SubElement(cnode, "message", numerus="yes")
                if m.numerus
                else ET.SubElement(cnode, "message")
            )
            ET.SubElement(mnode, "source").text = m.source
            if m.comment:
                ET.SubElement(mnode, "comment").text = m.comment
            tnode = ET.SubElement(mnode, "translation")
            if entry.vanished:
                tnode.set("type", "vanished")
            elif not entry.finished:
                tnode.set("type", "unfinished")
            if m.numerus:
                ET.SubElement(tnode, "numerusform").text = entry.translation
            else:
                tnode.text = entry.translation
    ET.indent(root)
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        + ET.tostring(root, encoding="unicode")
        + "\n"
    )
    return text


def ts_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"ops_console_{language}.ts"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a catalogue is out of date")
    parser.add_argument("--missing", action="store_true", help="list messages with no translation")
    parser.add_argument("--prune", action="store_true", help="drop messages no longer in the code")
    args = parser.parse_args(argv)
    code = extract()
    stale = False
    for language in LANGUAGES:
        path = ts_path(language)
        old = read_ts(path)
        merged = merge(code, old, prune=args.prune)
        text = write_ts(path, language, merged)
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        missing = [e.message for e in merged.values() if not e.vanished and not e.finished]
        if args.missing:
            for m in missing:
                print(f"{language}\t{m.context}\t{m.source!r}")
        if args.check:
            stale = stale or text != current or bool(missing)
            continue
        if text != current:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(merged)} messages, {len(missing)} without a translation")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
