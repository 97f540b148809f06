"""The activity log found by the words a Chinese operator reads, not only by the English the
rows keep (ops_console/said_search.py): a search for 已移至 finds "Task #3 moved to …"."""

from __future__ import annotations

from ops_console.said import english
from ops_console.said_search import stored_templates, template_prefix, templates_read_as
from ops_console.services.activity import ActivityFilter


def _moves(entries) -> list:  # type: ignore[no-untyped-def]
    return [
        e for e in entries if english(e.summary).startswith("Task #") and " moved to " in english(e.summary)
    ]


def test_a_chinese_search_finds_stored_sentences_by_their_chinese_words(full_demo_post, chinese):
    post = full_demo_post
    everything = post.activity.page(ActivityFilter(), limit=5000)
    moves = _moves(everything)
    assert moves, "the demo post's log holds task moves"
    found = post.activity.page(ActivityFilter(text="已移至"), limit=5000)
    assert {e.id for e in found} >= {e.id for e in moves}
    assert all("已移至" in e.words for e in found), [e.words for e in found if "已移至" not in e.words]
    # an English search still finds them by the English kept beside
    assert {e.id for e in _moves(post.activity.page(ActivityFilter(text="moved to"), limit=5000))} == {
        e.id for e in moves
    }
    # a Chinese word no entry says finds nothing, and counts agree with the page
    assert post.activity.page(ActivityFilter(text="不存在的词语"), limit=50) == []
    assert post.activity.count(ActivityFilter(text="已移至")) == len(found)


def test_an_english_console_does_not_widen_a_search_by_templates(full_demo_post):
    """Without a translator the words read are the templates: the row's English finds them."""
    assert templates_read_as("moved to") == []
    assert full_demo_post.activity.page(ActivityFilter(text="已移至"), limit=50) == []


def test_template_prefixes_match_only_their_own_template_and_escape_like_wildcards():
    templates = stored_templates()
    assert "Task #{id} moved to {status}: {title}" in templates and len(templates) > 100
    assert template_prefix('50% of "{x}"_y') == '{"said": "50\\% of \\\\"{x}\\\\"\\_y",%'


def test_the_demo_posts_own_log_lines_are_stored_sentences(full_demo_post):
    """The demo writes its history as the services do (in no language), so a Chinese console
    reads it in Chinese: only lines typed by people (notes) may be plain text."""
    from ops_console.said import is_said

    entries = full_demo_post.activity.page(ActivityFilter(), limit=5000)
    plain = sorted({e.action for e in entries if not e.is_note and not is_said(e.summary)})
    assert not plain, plain


def test_the_consoles_own_components_are_named_in_chinese(full_demo_post, chinese, qtbot):
    """'siren runtime' and 'system' write log lines; a Chinese log names them in Chinese (the
    column keeps the English name, which the operator filter matches)."""
    from helpers.alerts import hear_every_siren_sounding
    from ops_console.ui.activity.model import ActivityLogModel

    hear_every_siren_sounding(full_demo_post)  # the siren runtime's poll: six alarm lines
    model = ActivityLogModel(full_demo_post)
    model.reload(ActivityFilter())
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    who = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert "警报器运行程序" in who and "siren runtime" not in who
    runtime_only = full_demo_post.activity.page(ActivityFilter(operator="siren runtime"), limit=50)
    assert len(runtime_only) >= 6 and {e.operator for e in runtime_only} == {"siren runtime"}
