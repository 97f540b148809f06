"""The warning templates: one per hazard, in Chinese and English, with placeholders.

A template fills ``{place}``, ``{time}`` and ``{instructions}``; the supervisor may edit the
result before approval. The CAP fields (category, event, urgency, severity, certainty) and
the siren signal a hazard calls for live here too, so the CAP writer, the radio text and the
siren channel all read one table. Qt-free and DB-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from string import Formatter

from ops_console.labels import QT_TRANSLATE_NOOP, Labelled, labels

LANGUAGES = ("zh-CN", "en-US")
PLACEHOLDERS = ("place", "time", "instructions")


class Hazard(Labelled, str, Enum):
    FLOOD = "flood"
    TYPHOON = "typhoon"
    FIRE = "fire"
    HAZMAT = "hazmat"
    ALL_CLEAR = "all_clear"


labels(
    Hazard,
    FLOOD=QT_TRANSLATE_NOOP("Labels", "Flood"),
    TYPHOON=QT_TRANSLATE_NOOP("Labels", "Typhoon"),
    FIRE=QT_TRANSLATE_NOOP("Labels", "Fire"),
    HAZMAT=QT_TRANSLATE_NOOP("Labels", "Hazardous material"),
    ALL_CLEAR=QT_TRANSLATE_NOOP("Labels", "All clear"),
)


@dataclass(frozen=True)
class Texts:
    """What one language says: a headline, a description and what to do."""

    headline: str
    description: str
    instruction: str


@dataclass(frozen=True)
class Template:
    hazard: Hazard
    category: str  # CAP category: Met Fire CBRNE Safety …
    event: dict[str, str]  # per language
    urgency: str
    severity: str
    certainty: str
    # the siren signal: keys of patterns to try in order (the post's set decides which exists)
    siren_keys: tuple[str, ...]
    texts: dict[str, Texts]
    default_instructions: dict[str, str]


_WARN_SIRENS = ("cn.pre_alert", "de.warnung", "us.alert_steady")
_CLEAR_SIRENS = ("cn.all_clear", "de.entwarnung")

TEMPLATES: dict[Hazard, Template] = {
    Hazard.FLOOD: Template(
        Hazard.FLOOD,
        "Met",
        {"zh-CN": "洪水预警", "en-US": "Flood warning"},
        "Immediate",
        "Severe",
        "Likely",
        _WARN_SIRENS,
        {
            "zh-CN": Texts(
                "{place}洪水预警",
                "预计{time}前后{place}水位将漫过堤岸，低洼地带可能被淹。",
                "{instructions}",
            ),
            "en-US": Texts(
                "Flood warning for {place}",
                "Water at {place} is expected to overtop the banks around {time}; low-lying streets may flood.",
                "{instructions}",
            ),
        },
        {
            "zh-CN": "请立即转移到高处或指定避难所，切勿涉水。",
            "en-US": "Move to higher ground or the nearest shelter now. Do not walk or drive through water.",
        },
    ),
    Hazard.TYPHOON: Template(
        Hazard.TYPHOON,
        "Met",
        {"zh-CN": "台风预警", "en-US": "Typhoon warning"},
        "Expected",
        "Severe",
        "Likely",
        _WARN_SIRENS,
        {
            "zh-CN": Texts(
                "{place}台风预警", "台风预计于{time}前后影响{place}，伴有狂风暴雨。", "{instructions}"
            ),
            "en-US": Texts(
                "Typhoon warning for {place}",
                "A typhoon is expected to reach {place} around {time} with gale-force winds and heavy rain.",
                "{instructions}",
            ),
        },
        {
            "zh-CN": "请留在室内，远离门窗，固定室外物品。",
            "en-US": "Stay indoors, away from windows, and tie down loose objects outside.",
        },
    ),
    Hazard.FIRE: Template(
        Hazard.FIRE,
        "Fire",
        {"zh-CN": "火灾预警", "en-US": "Fire warning"},
        "Immediate",
        "Extreme",
        "Observed",
        _WARN_SIRENS,
        {
            "zh-CN": Texts("{place}火灾预警", "{time}{place}发生火灾，火势正在蔓延。", "{instructions}"),
            "en-US": Texts(
                "Fire warning for {place}",
                "A fire at {place} reported at {time} is spreading.",
                "{instructions}",
            ),
        },
        {
            "zh-CN": "请立即沿指定路线撤离，关闭燃气，不要返回取物。",
            "en-US": "Leave now by the marked routes, turn off gas, do not go back for belongings.",
        },
    ),
    Hazard.HAZMAT: Template(
        Hazard.HAZMAT,
        "CBRNE",
        {"zh-CN": "危险化学品泄漏预警", "en-US": "Hazardous material warning"},
        "Immediate",
        "Severe",
        "Observed",
        _WARN_SIRENS,
        {
            "zh-CN": Texts("{place}危险品泄漏预警", "{time}{place}发生危险化学品泄漏。", "{instructions}"),
            "en-US": Texts(
                "Hazardous material release at {place}",
                "A hazardous material release at {place} was reported at {time}.",
                "{instructions}",
            ),
        },
        {
            "zh-CN": "请关闭门窗和通风设备，留在室内，等待进一步通知。",
            "en-US": "Close doors, windows and ventilation, stay indoors and wait for further notice.",
        },
    ),
    Hazard.ALL_CLEAR: Template(
        Hazard.ALL_CLEAR,
        "Safety",
        {"zh-CN": "解除警报", "en-US": "All clear"},
        "Past",
        "Minor",
        "Observed",
        _CLEAR_SIRENS,
        {
            "zh-CN": Texts("{place}解除警报", "{time}起{place}的危险已经解除。", "{instructions}"),
            "en-US": Texts(
                "All clear for {place}",
                "The danger at {place} is over as of {time}.",
                "{instructions}",
            ),
        },
        {
            "zh-CN": "可以返回家中，请注意道路上的残留危险。",
            "en-US": "You may return home; watch for debris and damage on the way.",
        },
    ),
}


class _Safe(dict[str, str]):
    def __missing__(self, key: str) -> str:  # an unknown placeholder stays as typed
        return "{" + key + "}"


def fill(
    hazard: Hazard, *, place: str, time: str, instructions: dict[str, str] | None = None
) -> dict[str, Texts]:
    """Both languages' texts with the placeholders filled (instructions default per template)."""
    template = TEMPLATES[hazard]
    out: dict[str, Texts] = {}
    for lang in LANGUAGES:
        words = _Safe(
            place=place,
            time=time,
            instructions=(instructions or {}).get(lang) or template.default_instructions[lang],
        )
        t = template.texts[lang]
        out[lang] = Texts(
            Formatter().vformat(t.headline, (), words),
            Formatter().vformat(t.description, (), words),
            Formatter().vformat(t.instruction, (), words),
        )
    return out
