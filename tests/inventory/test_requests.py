"""Field requests: requested → approved → partly/fully fulfilled through the ledger, or denied."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ops_console.clock import utc_now
from ops_console.domain import Priority
from ops_console.errors import ConflictError, ValidationError
from ops_console.inventory import RequestDraft, RequestStatus


def test_a_request_is_approved_and_fulfilled_in_two_deliveries(any_stores):
    s = any_stores
    req = s.inv.create_request(
        RequestDraft("CANAL-1", s.sandbags.id, 50, Priority.URGENT, deliver_to_location_id=s.shelter.id)
    )
    assert req.status == RequestStatus.REQUESTED
    with pytest.raises(ValidationError, match="only an approved"):
        s.inv.fulfil(req.id, s.depot.id, 10)
    req = s.inv.approve(req.id, req.version)
    moves = s.inv.fulfil(req.id, s.depot.id, 30)
    assert moves[0].request_id == req.id and moves[0].to_location == s.shelter.name
    assert s.inv.get_request(req.id).status == RequestStatus.PARTLY_FULFILLED
    with pytest.raises(ValidationError, match="Only 20 are still outstanding"):
        s.inv.fulfil(req.id, s.depot.id, 21)
    s.inv.fulfil(req.id, s.depot.id, 20)
    done = s.inv.get_request(req.id)
    assert done.status == RequestStatus.FULFILLED and done.fulfilled == 50
    assert s.inv.requests() == []  # the queue holds open requests only


def test_denial_needs_a_reason_and_a_stale_version_conflicts(stores):
    req = stores.inv.create_request(RequestDraft("MED-2", stores.water.id, 5, deliver_to_text="Stone Bridge"))
    with pytest.raises(ValidationError):
        stores.inv.deny(req.id, req.version, " ")
    stores.inv.deny(req.id, req.version, "Water is reserved for the shelters")
    with pytest.raises(ConflictError):
        stores.inv.approve(req.id, req.version)


def test_the_queue_puts_the_oldest_urgent_request_on_top(stores):
    now = utc_now()
    for minutes, who, priority in (
        (30, "normal old", Priority.NORMAL),
        (10, "urgent new", Priority.URGENT),
        (20, "urgent old", Priority.URGENT),
        (40, "high", Priority.HIGH),
    ):
        stores.inv.create_request(
            RequestDraft(who, stores.water.id, 1, priority, deliver_to_text="Post"),
            at=now - timedelta(minutes=minutes),
        )
    assert [r.requested_by for r in stores.inv.requests()] == [
        "urgent old",
        "urgent new",
        "high",
        "normal old",
    ]


def test_a_radio_message_becomes_a_request_in_one_action(stores):
    req = stores.inv.request_from_message(
        "NEED 200 SANDBAGS AT PLUM BLOSSOM SCHOOL URGENT BY 18:00", "CANAL-1", message_id=77
    )
    assert (req.item_id, req.quantity, req.priority) == (stores.sandbags.id, 200, Priority.URGENT)
    assert req.deliver_to == stores.shelter.name and req.needed_by is not None
    assert req.source_text.startswith("NEED 200")


def test_a_vague_message_says_what_is_missing_and_can_be_completed(stores):
    with pytest.raises(ValidationError) as caught:
        stores.inv.request_from_message("send more please", "ROAD-6")
    assert set(caught.value.problems) == {"item_id", "quantity", "deliver_to"}
    req = stores.inv.request_from_message(
        "send more please", "ROAD-6", item_id=stores.water.id, quantity=4, deliver_to_text="North Gate"
    )
    assert req.quantity == 4 and req.deliver_to == "North Gate"
