"""Operators and sign-on: who may use this workstation, checked by PIN.

Three wrong PINs lock that operator for a minute, wherever the PIN was typed: at
sign-on, when a siren asks for it again, or on the command line (``--as``); an empty PIN
is not an attempt. Every sign-on, failure and lock is an audit entry, because a shift
change is part of the post's record. PIN lengths follow the post's policy
(ops_console.pins.PinPolicy).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.models import Operator, PostSetting
from ops_console.domain import Permission, Role
from ops_console.errors import PermissionDenied, SignOnError, ValidationError
from ops_console.events import Event, EventBus
from ops_console.pins import MAX_DIGITS, PinPolicy, check_pin, hash_pin, needs_rehash
from ops_console.said import N_, label, said
from ops_console.services import audit
from ops_console.services.audit import Actor
from ops_console.shift import Shift
from ops_console.topics import Topic

MAX_FAILED_ATTEMPTS = 3
LOCKOUT = timedelta(minutes=1)
POLICY_KEYS = ("pin_digits_lead", "pin_digits_other")


@dataclass(frozen=True)
class OperatorView:
    id: int
    name: str
    callsign: str
    role: Role


def _check_new_operator(name: str, pin: str, role: Role, policy: PinPolicy) -> dict[str, str]:
    problems = {}
    if not name.strip():
        problems["name"] = said(N_("A name is required."))
    pin_problem = policy.problem(pin, Role(role).value)
    if pin_problem:
        problems["pin"] = pin_problem
    return problems


def read_policy(s: Session) -> PinPolicy:
    """The post's PIN policy from its settings (the defaults when none is stored)."""
    stored = {
        row.key: row.value for row in s.scalars(select(PostSetting).where(PostSetting.key.in_(POLICY_KEYS)))
    }
    defaults = PinPolicy()
    try:
        return PinPolicy(
            int(stored.get(POLICY_KEYS[0], defaults.lead)), int(stored.get(POLICY_KEYS[1], defaults.other))
        )
    except ValueError:
        return defaults


def _locked(op: Operator, now: datetime) -> str:
    """Why ``op`` may not type a PIN now ('' when they may)."""
    if op.locked_until and op.locked_until > now:
        wait = int((op.locked_until - now).total_seconds()) + 1
        return said(
            N_("{name} is locked after {n} wrong PINs; try again in {wait} s."),
            name=op.name,
            n=MAX_FAILED_ATTEMPTS,
            wait=wait,
        )
    return ""


class OperatorService:
    """Signs operators on and off and manages the roster."""

    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self._db, self._bus, self._shift = db, bus, shift

    def list_active(self) -> list[OperatorView]:
        with self._db.read() as s:
            rows = s.scalars(select(Operator).where(Operator.active).order_by(Operator.name))
            return [OperatorView(o.id, o.name, o.callsign, Role(o.role)) for o in rows]

    def create(self, name: str, role: Role, pin: str, callsign: str = "", *, by: Actor | None = None) -> int:
        """Add an operator. Needs an admin on shift (the command line signs one on with
        ``--as``), or an empty roster (the very first operator, who must be an admin).
        ``by`` is for code that builds a post (the demo, test fixtures), never for a person."""
        if by is not None:
            actor = by
        elif self._shift.actor is not None:
            actor = self._shift.require(Permission.MANAGE_OPERATORS, N_("add operators"))
        elif self.list_active():
            raise PermissionDenied(said(N_("Sign on as an administrator to add operators.")))
        elif Role(role) != Role.ADMIN:
            raise ValidationError(
                {"role": said(N_("The first operator of a new post must be an administrator."))}
            )
        else:
            actor = audit.SYSTEM
        problems = _check_new_operator(name, pin, role, self.pin_policy())
        if problems:
            raise ValidationError(problems)
        pin_hash = hash_pin(pin)  # slow on purpose: before the transaction, not inside it
        with self._db.write() as s:
            if s.scalar(select(Operator.id).where(Operator.name == name.strip())):
                raise ValidationError(
                    {"name": said(N_("An operator called {name} already exists."), name=name.strip())}
                )
            op = Operator(name=name.strip(), role=Role(role).value, pin_hash=pin_hash, callsign=callsign)
            s.add(op)
            s.flush()
            audit.append(
                s,
                actor,
                "operator.create",
                "operator",
                op.id,
                said(
                    N_("Operator {name} added as {role}"), name=op.name, role=label(Role(op.role), lower=True)
                ),
                after={"name": op.name, "role": op.role},
            )
            return op.id

    def pin_policy(self) -> PinPolicy:
        with self._db.read() as s:
            return read_policy(s)

    def set_pin_policy(self, lead: int, other: int, *, by: Actor | None = None) -> PinPolicy:
        """Change how many digits new PINs need (an administrator's decision, audited).
        Existing PINs keep working; the policy applies when a PIN is set."""
        actor = by or self._shift.require(Permission.MANAGE_OPERATORS, N_("change the PIN policy"))
        if not (4 <= other <= MAX_DIGITS and 4 <= lead <= MAX_DIGITS):
            raise ValidationError(
                {"pin": said(N_("PIN lengths must be 4 to {most} digits."), most=MAX_DIGITS)}
            )
        with self._db.write() as s:
            before = read_policy(s)
            for key, value in zip(POLICY_KEYS, (lead, other)):
                row = s.get(PostSetting, key)
                if row is None:
                    s.add(PostSetting(key=key, value=str(value)))
                else:
                    row.value = str(value)
            audit.append(
                s,
                actor,
                "post.pin_policy",
                "post",
                None,
                said(
                    N_("PIN policy: supervisors and admins {lead}+ digits, others {other}+"),
                    lead=lead,
                    other=other,
                ),
                before={"lead": before.lead, "other": before.other},
                after={"lead": lead, "other": other},
            )
        return PinPolicy(lead, other)

    def sign_on(self, name: str, pin: str, now: datetime | None = None) -> Actor:
        """Check the PIN and put the operator on shift, or raise SignOnError with words.

        A wrong PIN is committed (counter, audit entry) before the error is raised, so
        the lockout cannot be dodged by the error itself.
        """
        if not pin:  # a slip of the Enter key, not a guess: never counted
            raise SignOnError(said(N_("Type your PIN first (an empty PIN is not counted as an attempt).")))
        now = now or utc_now()
        refusal: str | None = None
        with self._db.read() as s:
            op = s.scalar(select(Operator).where(Operator.name == name, Operator.active))
            if op is None:
                raise SignOnError(said(N_("There is no active operator called '{name}'."), name=name))
            op_id, stored = op.id, op.pin_hash
        # scrypt takes ~0.5 s at the strong cost: never while holding the write lock
        right = check_pin(pin, stored)
        renewed = hash_pin(pin) if right and needs_rehash(stored) else None
        with self._db.write() as s:
            op = s.get(Operator, op_id)
            if op is None or not op.active:
                raise SignOnError(said(N_("There is no active operator called '{name}'."), name=name))
            locked = _locked(op, now)
            if locked:
                raise SignOnError(locked)
            actor = Actor(op.id, op.name, op.role)
            if right:
                op.failed_attempts, op.locked_until = 0, None
                if renewed and op.pin_hash == stored:  # made at an older, cheaper cost: renew it now
                    op.pin_hash = renewed
                previous = self._shift.actor
                if previous is not None and previous != actor:  # a handover: one transaction
                    audit.append(
                        s,
                        previous,
                        "shift.sign_off",
                        "operator",
                        previous.operator_id,
                        said(N_("{before} handed over to {after}"), before=previous.name, after=op.name),
                        exercise=self._shift.exercise,
                    )
                audit.append(
                    s,
                    actor,
                    "shift.sign_on",
                    "operator",
                    op.id,
                    said(
                        N_("{name} signed on as {role}"), name=op.name, role=label(Role(op.role), lower=True)
                    ),
                    exercise=self._shift.exercise,
                )
            else:
                refusal = self._record_failure(s, op, actor, now)
        if refusal:
            raise SignOnError(refusal)
        self._shift.actor = actor
        self._bus.publish(Event(Topic.SHIFT_CHANGED, op.id, {"name": actor.name, "role": actor.role}))
        return actor

    @staticmethod
    def _record_failure(s: Session, op: Operator, actor: Actor, now: datetime) -> str:
        """Count a wrong PIN (locking at the limit) and return the words to show."""
        op.failed_attempts += 1
        if op.failed_attempts >= MAX_FAILED_ATTEMPTS:
            op.failed_attempts, op.locked_until = 0, now + LOCKOUT
            audit.append(
                s,
                actor,
                "shift.locked",
                "operator",
                op.id,
                said(
                    N_("{name} locked for {seconds} s after {n} wrong PINs"),
                    name=op.name,
                    seconds=int(LOCKOUT.total_seconds()),
                    n=MAX_FAILED_ATTEMPTS,
                ),
            )
            return said(N_("Wrong PIN. {name} is now locked for one minute."), name=op.name)
        left = MAX_FAILED_ATTEMPTS - op.failed_attempts
        audit.append(
            s, actor, "shift.pin_failed", "operator", op.id, said(N_("Wrong PIN for {name}"), name=op.name)
        )
        return said(
            N_("Wrong PIN. 1 attempt left before a one-minute lock.")
            if left == 1
            else N_("Wrong PIN. {n} attempts left before a one-minute lock."),
            n=left,
        )

    def confirm_pin(self, pin: str, now: datetime | None = None) -> bool:
        """Ask the operator on shift for their PIN again; False when it is not accepted
        (a wrong PIN counts toward the lockout, as in ``check_pin_again``)."""
        try:
            self.check_pin_again(pin, now)
        except SignOnError:
            return False
        return True

    def check_pin_again(self, pin: str, now: datetime | None = None) -> None:
        """The PIN asked again before a safety-critical action (a siren activation).

        Limited like sign-on: a wrong PIN counts toward the same lockout, a locked operator
        is refused until the lock runs out (the PIN is not even tried), and an empty PIN
        is not an attempt. Raises SignOnError with the words to show.
        """
        actor = self._shift.actor
        if actor is None or actor.operator_id is None:
            raise SignOnError(said(N_("Nobody is signed on at this workstation.")))
        if not pin:
            raise SignOnError(said(N_("Type your PIN (an empty PIN is not counted as an attempt).")))
        now = now or utc_now()
        with self._db.read() as s:
            op = s.get(Operator, actor.operator_id)
            stored = op.pin_hash if op is not None and op.active else None
        right = stored is not None and check_pin(pin, stored)  # scrypt outside the write lock
        refusal: str | None = None
        with self._db.write() as s:
            op = s.get(Operator, actor.operator_id)
            if op is None or not op.active:
                raise SignOnError(said(N_("{name} is no longer an active operator."), name=actor.name))
            locked = _locked(op, now)
            if locked:
                raise SignOnError(locked)
            if right:
                op.failed_attempts = 0
            else:
                refusal = self._record_failure(s, op, actor, now)
        if refusal:
            raise SignOnError(refusal)

    def sign_off(self) -> None:
        actor = self._shift.actor
        if actor is None:
            return
        with self._db.write() as s:
            audit.append(
                s,
                actor,
                "shift.sign_off",
                "operator",
                actor.operator_id,
                said(N_("{name} signed off"), name=actor.name),
                exercise=self._shift.exercise,
            )
        self._shift.actor = None
        self._bus.publish(Event(Topic.SHIFT_CHANGED, None, {}))
