"""Who may acknowledge EMERGENCY and PRIORITY traffic: one rule, asked before the click.

Acknowledging says "a person at this post has seen it and acts": it stops the alarm for
everyone. The radio operator, supervisors and administrators always may; the operator
on shift (and logistics staff, whose role includes the operator's) may when the post
says so (``[alerts] operators_may_acknowledge``, default true: an emergency must not
wait for the one radio operator). Viewers never may. The UI disables what a role cannot
use and says who can, from ``who_may_acknowledge``; the service refuses with the same words.
"""

from __future__ import annotations

from ops_console.domain import Role
from ops_console.labels import QT_TRANSLATE_NOOP, translate

ALWAYS = frozenset({Role.RADIO, Role.SUPERVISOR, Role.ADMIN})
"""Roles that may acknowledge at every post."""
BY_SETTING = frozenset({Role.OPERATOR, Role.LOGISTICS})
"""Roles that may acknowledge when the post lets operators do it."""
_NAMES = {  # in the reader's language when asked (labels.translate: the UI's translator)
    Role.OPERATOR: QT_TRANSLATE_NOOP("Refusals", "operators"),
    Role.RADIO: QT_TRANSLATE_NOOP("Refusals", "radio operators"),
    Role.LOGISTICS: QT_TRANSLATE_NOOP("Refusals", "logistics staff"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Refusals", "supervisors"),
    Role.ADMIN: QT_TRANSLATE_NOOP("Refusals", "administrators"),
}


def roles_that_may_acknowledge(operators_may: bool) -> frozenset[Role]:
    return ALWAYS | BY_SETTING if operators_may else ALWAYS


def may_acknowledge(role: Role | None, operators_may: bool) -> bool:
    """May someone in ``role`` (None: nobody signed on) acknowledge radio alerts?"""
    return role is not None and role in roles_that_may_acknowledge(operators_may)


def who_may_acknowledge(operators_may: bool) -> str:
    """The roles that may, in words, in role order: 'radio operators, supervisors and administrators'."""
    names = [translate("Refusals", _NAMES[r]) for r in Role if r in roles_that_may_acknowledge(operators_may)]
    if len(names) == 1:
        return names[0]
    return translate("Refusals", "{some} and {last}").format(
        some=translate("Refusals", ", ").join(names[:-1]), last=names[-1]
    )
