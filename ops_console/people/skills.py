"""The post's words for skills and the rule for a phone number, in one place.

The roster import, the roster form, the task form ("required skills") and the task
board's skill warning all use these, so "First Aid", "first-aid" and "first aid" are one
skill everywhere and an unknown word is an error a person can correct, not a new skill.
"""

from __future__ import annotations

import re

from ops_console.said import N_, said

# canonical skill: other words people write for it, Chinese too (compared case-folded, - and _ as spaces)
SKILLS: dict[str, tuple[str, ...]] = {
    "first aid": ("first aider", "firstaid", "medic", "急救"),
    "nurse": ("rn", "nursing", "护士"),
    "boat": ("boat operator", "boatman", "boat handling", "船", "驾船"),
    "swimmer": ("swimming", "water rescue", "游泳", "水上救援"),
    "chainsaw": ("chain saw", "sawyer", "电锯", "油锯"),
    "radio operator": ("radio", "ham", "radio op", "无线电", "电台"),
    "driver": ("driving", "licence", "license", "驾驶", "司机"),
    "electrician": ("electrical", "电工"),
    "carpenter": ("carpentry", "木工"),
    "interpreter": ("translator", "interpreting", "翻译"),
}
_ALIASES = {alias: name for name, words in SKILLS.items() for alias in (name, *words)}


def _key(word: str) -> str:
    return " ".join(word.casefold().replace("-", " ").replace("_", " ").split())


def canonical_skill(word: str) -> str | None:
    """The post's name for a skill a person wrote, or None when it is not one we know."""
    return _ALIASES.get(_key(word))


def split_words(text: str) -> list[str]:
    """Words of a list cell: separated by ``;``, ``,``, ``|`` or the Chinese comma and semicolon."""
    return [w.strip() for w in re.split(r"[;,|、，；]", text) if w.strip()]


def parse_skills(text: str) -> tuple[list[str], list[str]]:
    """(known skills in the post's words, unknown words as written) of a comma/semicolon list."""
    known: list[str] = []
    unknown: list[str] = []
    for word in split_words(text):
        name = canonical_skill(word)
        if name is None:
            unknown.append(word)
        elif name not in known:
            known.append(name)
    return known, unknown


def missing_skills(required: str, team_skills: set[str]) -> list[str]:
    """The skills a task asks for (``required``, a list cell) that nobody on the team has."""
    wanted, _unknown = parse_skills(required)
    return [skill for skill in wanted if skill not in team_skills]


_PHONE_CHARS = re.compile(r"[\s\-().]")
_PHONE = re.compile(r"\+?\d{5,15}")


def normalise_phone(text: str) -> tuple[str | None, str]:
    """A phone number as digits with an optional leading +, or None and why not.

    Spaces, dashes, dots and brackets are dropped (people write them every way); what is
    left must be 5 to 15 digits (E.164's limit), so a name or a date pasted into the
    column is caught. An empty phone is allowed (not everyone gives one).
    """
    raw = text.strip()
    if not raw:
        return "", ""
    digits = _PHONE_CHARS.sub("", raw)
    if not _PHONE.fullmatch(digits):
        return None, said(
            N_("the phone {phone} is not a phone number (5 to 15 digits, optional +)"), phone=repr(raw[:24])
        )
    return digits, ""
