"""Search by words: "tree" is not found inside "Street"; Chinese matches anywhere."""

from __future__ import annotations

import pytest

from ops_console.services.tasks import TaskDraft, TaskFilter
from ops_console.text_match import match_spans, matches_words


@pytest.mark.parametrize(
    "query, text, found",
    [
        ("tree", "Tree down on Elm Lane", True),
        ("tree", "Harbour Street flooded", False),
        ("TREE", "Two trees across the path", True),
        ("pump school", "Check the pump at the school", True),
        ("pump hospital", "Check the pump at the school", False),
        ("沙袋", "运送沙袋到学校", True),
        ("学校 pump", "pump 运送沙袋到学校", True),
        ("", "anything", True),
    ],
)
def test_words_begin_words(query, text, found):
    assert matches_words(query, text) is found


def test_spans_say_what_to_highlight():
    assert match_spans("tree", "Tree down, trees across Street") == [(0, 4), (11, 15)]


def test_the_task_service_searches_by_words(post):
    post.tasks.create(TaskDraft("Sandbags to Harbour Street"))
    tree = post.tasks.create(TaskDraft("Tree across the footpath"))
    chinese = post.tasks.create(TaskDraft("运送沙袋", details="到学校"))
    assert [t.id for t in post.tasks.list(TaskFilter(text="tree"))] == [tree.id]
    assert [t.id for t in post.tasks.list(TaskFilter(text="学校"))] == [chinese.id]
