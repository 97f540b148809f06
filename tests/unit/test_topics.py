"""Topics are declared once (ops_console/topics.py) and nothing else spells them."""

import re
from pathlib import Path

from ops_console.topics import Feature, Topic, changed_topic, topic_of

ROOT = Path(__file__).resolve().parents[2]


def test_every_topic_belongs_to_a_feature():
    assert all(isinstance(t.feature, Feature) for t in Topic)


def test_no_module_outside_topics_spells_a_topic_string():
    spelled = re.compile(
        r"[\"'](" + "|".join(re.escape(t.value) for t in Topic if "." in t.value) + r")[\"']"
    )
    offenders = []
    for folder in ("ops_console", "ui", "db", "hardware"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name == "topics.py":
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if spelled.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_no_prefix_matching_on_topics():
    offenders = [
        str(p.relative_to(ROOT))
        for folder in ("ops_console", "ui")
        for p in (ROOT / folder).rglob("*.py")
        if "topic.startswith(" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_change_feed_entities_map_to_declared_topics_only():
    assert changed_topic("incident") is Topic.INCIDENT_CHANGED
    assert changed_topic("siren_request") is None
    assert topic_of("radio.message") is Topic.RADIO_MESSAGE and topic_of("radio.nonsense") is None
