"""Words stay readable in both themes: every colour that carries a meaning (a problem, a
live siren, a hint) reads at WCAG 4.5:1 or better on the theme's background, by day and at
night, including the siren panel's hints and its pattern timeline; and no widget under ui/
paints its words in a fixed colour that the night theme cannot reach."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from ops_console.ui.common import theme
from ops_console.ui.common.theme import INKS, LIGHT, NIGHT, apply_theme, contrast, set_ink

UI = Path(theme.__file__).resolve().parents[1]
TEXT = 4.5  # WCAG 2 AA for body text


@pytest.fixture
def switch_theme(themed) -> Iterator:
    """apply_theme(night=…) on the real application; day again before the look is undone."""

    def switch(night: bool) -> None:
        apply_theme(themed, night=night)
        QApplication.processEvents()

    yield switch
    apply_theme(themed, night=False)


@pytest.mark.parametrize("look", [LIGHT, NIGHT], ids=["day", "night"])
@pytest.mark.parametrize("name", INKS)
def test_every_ink_reads_on_the_themes_backgrounds(look, name):
    for background in ("window", "base", "button", "track"):
        ratio = contrast(look[name], look[background])
        assert ratio >= TEXT, f"{name} {look[name]} on {background} {look[background]}: {ratio:.2f}"


def _ink_words(root: QWidget) -> list[QWidget]:
    return [
        w for w in root.findChildren(QWidget) if w.property("ink") and isinstance(w, QLabel | QAbstractButton)
    ]


def _check_words(root: QWidget, night: bool) -> list[str]:
    look, problems = (NIGHT if night else LIGHT), []
    for widget in _ink_words(root):
        ink = widget.property("ink")
        shown = widget.palette().color(widget.foregroundRole())
        if shown.name() != look[ink]:
            problems.append(
                f"{widget.objectName() or type(widget).__name__}: {shown.name()}, not {ink} {look[ink]}"
            )
        ratio = contrast(shown, look["window"])
        if ratio < TEXT:
            problems.append(f"{widget.objectName() or type(widget).__name__}: {ratio:.2f} on the window")
    return problems


def test_words_coloured_by_meaning_follow_a_switch_of_theme(qtbot, switch_theme):
    box = QWidget()
    qtbot.addWidget(box)
    labels = {name: QLabel(name, box) for name in INKS}
    for name, label in labels.items():
        set_ink(label, name)
    box.show()
    for night in (True, False, True):
        switch_theme(night)
        assert not _check_words(box, night), _check_words(box, night)
    set_ink(labels["problem"], None)  # back to the theme's own text colour
    assert labels["problem"].palette().color(QPalette.ColorRole.WindowText).name() == NIGHT["text"]


def test_the_siren_wizard_and_panel_hints_read_at_night(post, qtbot, switch_theme):
    from ops_console.ui.bridge import PostBridge
    from ops_console.ui.sirens import SirenPanel
    from ops_console.ui.sirens.wizard import ActivationDialog

    panel = SirenPanel(post.sirens, PostBridge(post.bus))
    dialog = ActivationDialog(post.sirens)
    for widget in (panel, dialog):
        qtbot.addWidget(widget)
        widget.show()
    assert (
        len(_ink_words(panel)) >= 2 and len(_ink_words(dialog)) >= 4
    )  # the summary, the hints, LIVE/EXERCISE
    for night in (False, True):
        switch_theme(night)
        problems = _check_words(panel, night) + _check_words(dialog, night)
        assert not problems, "\n".join(problems)


def test_the_siren_timeline_draws_its_track_and_words_in_the_theme(qtbot, switch_theme):
    from ops_console.ui.sirens.timeline import PatternTimeline

    timeline = PatternTimeline()
    qtbot.addWidget(timeline)
    timeline.resize(360, 48)
    for night, look in ((False, LIGHT), (True, NIGHT)):
        switch_theme(night)
        image = timeline.grab().toImage()
        track = image.pixelColor(image.width() // 2, 14)
        assert track.name() == look["track"], f"night={night}: the track is {track.name()}"
        assert (
            contrast(look["hint"], look["track"]) >= TEXT and contrast(look["hint"], look["window"]) >= TEXT
        )


# the colours models give table cells as text (ForegroundRole) and as tints (BackgroundRole)
_HEX = re.compile(r'"(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})"')


def _cell_colours(role_words: tuple[str, ...]) -> set[str]:
    """Colour literals within a few lines of a model's Foreground (or Background) role."""
    found = set()
    for path in UI.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            if any(word in line for word in role_words):
                found.update(_HEX.findall("\n".join(lines[i : i + 4])))
    return found


def _cell_texts() -> set[str]:
    texts = _cell_colours(("ForegroundRole", "setForeground")) | set(theme.STATUS_COLOURS.values())
    return {t for t in texts if QColor(t).lightnessF() < 0.6}  # dark words for a light cell


def _cell_tints() -> set[str]:
    from ops_console.ui.incidents.model import LIVE_BACKGROUND
    from ops_console.ui.residents.panel import TINTS as WHEREABOUTS_TINTS
    from ops_console.ui.warnings.panel import LOOK

    tints = _cell_colours(("BackgroundRole", "setBackground")) | {LIVE_BACKGROUND}
    tints |= {tint for tint, _ in theme.SEVERITY_COLOURS.values()} | {tint for _, tint, _ in LOOK.values()}
    tints |= {c.name() for c in WHEREABOUTS_TINTS.values()}
    return {t for t in tints if QColor(t).lightnessF() > 0.6}


def test_table_cell_words_read_by_day_and_at_night(switch_theme):
    """By day each model's word colour on a white cell and each tint under the theme's text;
    at night every word colour on every tint as NightCells draws it (night_cell)."""
    from ops_console.ui.warnings.panel import LOOK

    texts, tints = _cell_texts(), _cell_tints()
    assert len(texts) >= 8 and len(tints) >= 10, (texts, tints)  # status, signal, polls…; severity, live…
    problems = []
    switch_theme(False)
    for text in sorted(texts):
        if (ratio := contrast(text, LIGHT["base"])) < TEXT:
            problems.append(f"day: {text} on white: {ratio:.2f}")
    for _, tint, text in LOOK.values():
        if (ratio := contrast(text, tint)) < TEXT:
            problems.append(f"day: {text} on {tint}: {ratio:.2f}")
    for tint in sorted(tints):
        if (ratio := contrast(LIGHT["text"], tint)) < TEXT:
            problems.append(f"day: text on {tint}: {ratio:.2f}")
    switch_theme(True)
    for text in sorted(texts | {LIGHT["text"], NIGHT["text"]}):
        for tint in [None, *sorted(tints)]:
            shown, under = theme.night_cell(QColor(text), QColor(tint) if tint else None)
            ratio = contrast(shown, under or QColor(NIGHT["base"]))
            if ratio < TEXT:
                problems.append(
                    f"night: {text} as {shown.name()} on {tint} as {(under or QColor(NIGHT['base'])).name()}: {ratio:.2f}"
                )
    assert not problems, "\n".join(problems)


def test_a_strong_cell_keeps_its_own_words_at_night(switch_theme):
    """A yellow PAR-due cell keeps its black words at night (lightened, they would vanish)."""
    from ops_console.ui.people.board_model import _MAYDAY, _PAR_COLOURS

    switch_theme(True)
    for background, text in [*_PAR_COLOURS.values(), _MAYDAY]:
        shown, under = theme.night_cell(text, background)
        assert under is not None and contrast(shown, under) >= TEXT, (background.name(), shown.name())


def _texts(node: ast.expr) -> list[str]:
    """The strings an expression can give: f-string parts as '@', both arms of an if."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else "@" for v in node.values)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in _texts(node.left) for b in _texts(node.right)]
    if isinstance(node, ast.IfExp):
        return _texts(node.body) + _texts(node.orelse)
    return ["@"]


def _style_sheets(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """Every style sheet given to setStyleSheet, as the strings it can be."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "setStyleSheet" and node.args:
            for text in _texts(node.args[0]):
                yield node.lineno, text


def test_no_widget_fixes_its_word_colour_where_the_night_theme_cannot_reach():
    """A word colour in a widget's own style sheet stays the same at night (#3a4450 on the
    night window is 1.7:1). Words say what they mean with set_ink instead; a fixed colour
    is fine only on a fixed background of its own (a red LIVE button with white words). And
    a fixed light panel under the theme's words turns them light-on-light at night (the
    radio's link strip did)."""
    problems = []
    for path in UI.rglob("*.py"):
        if path.name == "theme.py":
            continue
        for line, sheet in _style_sheets(ast.parse(path.read_text(encoding="utf-8"))):
            if re.search(r"(?<![-\w])color\s*:", sheet) and "background" not in sheet:
                problems.append(f"{path.relative_to(UI)}:{line}: {sheet.strip()}")
            for rule in sheet.split("}"):  # the other way round: a fixed light panel under the theme's words
                light = re.search(r"background(?:-color)?\s*:\s*(#[0-9a-fA-F]{3,6})", rule)
                if (
                    light
                    and QColor(light[1]).lightnessF() > 0.6
                    and not re.search(r"(?<![-\w])color\s*:", rule)
                ):
                    problems.append(f"{path.relative_to(UI)}:{line}: light {light[1]} under the theme's text")
    assert not problems, "\n".join(problems)
