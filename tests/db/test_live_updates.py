"""A write on one workstation reaches another one's event bus without a refresh."""

import threading
import time

from helpers.posts import PIN, ROLE_NAMES
from ops_console.domain import Role
from ops_console.post import open_post
from ops_console.services.tasks import TaskDraft


def _collector(bus, topic):
    seen, arrived = [], threading.Event()

    def listen(event):
        if event.topic == topic and event.data.get("remote"):
            seen.append(event)
            arrived.set()

    bus.subscribe(listen)
    return seen, arrived


def test_change_on_one_console_is_seen_on_the_other_within_two_seconds(any_post, any_db_url):
    other = open_post(any_db_url)
    other.operators.sign_on(ROLE_NAMES[Role.RADIO], PIN)
    seen, arrived = _collector(other.bus, "task.changed")
    other.feed.start()
    try:
        started = time.monotonic()
        task = any_post.tasks.create(TaskDraft("Check the river gauge"))
        assert arrived.wait(2.0), "the other console did not hear about the new task"
        latency = time.monotonic() - started
    finally:
        other.close()
    assert seen[0].entity_id == task.id and latency < 2.0
    assert other.tasks.get(task.id).title == "Check the river gauge"


def test_feed_reports_every_entry_once_in_order(post, db_url):
    other = open_post(db_url)
    seen, _ = _collector(other.bus, "activity.added")
    other.feed.last_seen = other.feed._newest_id()
    for i in range(5):
        post.activity.add_note(f"line {i}")
    assert other.feed.poll_once() == 5 and other.feed.poll_once() == 0
    ids = [e.entity_id for e in seen]
    assert ids == sorted(ids) and len(set(ids)) == 5
    other.close()


def test_own_changes_refresh_once_and_other_consoles_changes_still_arrive(post, db_url):
    """The service already announced this console's task; the feed adds only the log line."""
    events = []
    post.bus.subscribe(lambda e: events.append(e) if e.topic in ("task.changed", "activity.added") else None)
    post.feed.last_seen = post.feed._newest_id()
    post.db.own_writes.tracking = True
    task = post.tasks.create(TaskDraft("Sandbag the school gate"))
    post.feed.poll_once()
    assert [e.topic for e in events if e.entity_id == task.id and e.topic == "task.changed"] == [
        "task.changed"
    ]
    log_lines = [e for e in events if e.topic == "activity.added"]
    assert len(log_lines) == 1 and log_lines[0].data["remote"] is False

    other = open_post(db_url)
    other.operators.sign_on(ROLE_NAMES[Role.RADIO], PIN)
    try:
        events.clear()
        theirs = other.tasks.create(TaskDraft("Check the pump at the underpass"))
        post.feed.poll_once()
    finally:
        other.close()
    assert [(e.topic, e.entity_id, e.data["remote"]) for e in events if e.topic == "task.changed"] == [
        ("task.changed", theirs.id, True)
    ]


def test_an_id_from_a_rolled_back_write_is_not_taken_as_our_own(post):
    from ops_console.services import audit

    post.db.own_writes.tracking = True
    try:
        with post.db.write() as s:
            entry = audit.append(s, post.shift.actor, "note", "log", None, "never committed")
            rolled_back_id = entry.id
            raise RuntimeError("the operator's change failed half way")
    except RuntimeError:
        pass
    assert not post.db.own_writes.take(rolled_back_id)
