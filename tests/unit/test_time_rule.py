"""One rule for typed times: not far in the past, not in the future (due times may lie
ahead, but not years ahead); and tables show the year of a date from another year."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from ops_console.clock import utc_now
from ops_console.errors import ValidationError
from ops_console.services.incidents import IncidentDraft
from ops_console.services.tasks import TaskDraft
from ops_console.ui.common.formatting import local_short, local_short_seconds

UTC = timezone.utc


@pytest.mark.parametrize(
    "when, words",
    [
        (datetime(1850, 3, 1, 12, tzinfo=UTC), "more than a year ago (1850-03-01"),
        (utc_now() + timedelta(days=1), "in the future"),
    ],
)
def test_a_report_time_far_back_or_ahead_is_refused_with_the_date(post, when, words):
    with pytest.raises(ValidationError) as caught:
        post.incidents.create(IncidentDraft("Flooded cellar", reported_at=when))
    assert words in caught.value.problems["reported_at"]
    assert post.incidents.list() == []


def test_a_recent_report_time_is_accepted(post):
    view = post.incidents.create(IncidentDraft("Flooded cellar", reported_at=utc_now() - timedelta(days=3)))
    assert view.reported_at < utc_now()


@pytest.mark.parametrize(
    "due, refused",
    [
        (datetime(1999, 6, 1, 8, tzinfo=UTC), True),
        (datetime(2999, 6, 1, 8, tzinfo=UTC), True),
        (utc_now() - timedelta(hours=2), False),  # overdue, not a typo
        (utc_now() + timedelta(days=30), False),
    ],
)
def test_a_due_time_years_away_is_refused(post, due, refused):
    if refused:
        with pytest.raises(ValidationError) as caught:
            post.tasks.create(TaskDraft("Sandbags to the school", due_at=due))
        assert "check the year" in caught.value.problems["due_at"]
    else:
        assert post.tasks.create(TaskDraft("Sandbags to the school", due_at=due)).due_at is not None


def test_short_dates_carry_the_year_only_when_it_is_not_this_year():
    now = datetime(2026, 6, 15, 12, tzinfo=UTC)
    assert "2026" not in local_short(datetime(2026, 6, 1, 12, tzinfo=UTC), now)
    assert "1999" in local_short(datetime(1999, 6, 1, 12, tzinfo=UTC), now)
    assert "2025" in local_short_seconds(datetime(2025, 6, 1, 12, tzinfo=UTC), now)


def test_the_radio_log_clock_names_the_day_for_traffic_from_another_day():
    from ops_console.ui.common.formatting import local_clock

    now = datetime(2026, 6, 15, 12, 30, tzinfo=UTC)
    earlier = datetime(2026, 6, 15, 12, 20, tzinfo=UTC)  # the same local day in every time zone
    assert local_clock(earlier, now).count(":") == 2 and " " not in local_clock(earlier, now)
    assert " " in local_clock(datetime(2026, 6, 10, 12, tzinfo=UTC), now)  # a day shown, not only a time
    assert "2025" in local_clock(datetime(2025, 6, 10, 12, tzinfo=UTC), now)
