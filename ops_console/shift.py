"""Who is on shift at this workstation, and whether the post runs as an exercise.

Services read the actor from here for every audit entry and permission check; the UI
changes it only through OperatorService (sign-on) and ShiftService (exercise toggle).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ops_console.domain import ROLE_PERMISSIONS, Permission, Role
from ops_console.errors import PermissionDenied
from ops_console.said import N_, is_said, label, said
from ops_console.services.audit import Actor


@dataclass
class Shift:
    """The operator signed on here (None before sign-on) and the exercise flag."""

    actor: Actor | None = None
    exercise: bool = False
    listeners: list = field(default_factory=list)

    @property
    def role(self) -> Role | None:
        return Role(self.actor.role) if self.actor else None

    def require(self, permission: Permission, doing: str) -> Actor:
        """The actor on shift, or PermissionDenied naming what they tried to do (``doing``
        marked ``N_("…")`` at the caller, so the refusal reads in the reader's language)."""
        if self.actor is None:
            raise PermissionDenied(
                said(N_("Sign on before you {doing}."), doing=doing if is_said(doing) else said(doing))
            )
        if permission not in ROLE_PERMISSIONS[Role(self.actor.role)]:
            raise PermissionDenied(
                said(
                    N_("{who} ({role}) may not {doing}; ask a supervisor."),
                    who=self.actor.name,
                    role=label(Role(self.actor.role), lower=True),
                    doing=doing if is_said(doing) else said(doing),
                )
            )
        return self.actor

    def can(self, permission: Permission) -> bool:
        return self.actor is not None and permission in ROLE_PERMISSIONS[Role(self.actor.role)]
