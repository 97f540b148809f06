"""Errors the services raise on purpose, each carrying words for a person.

The UI shows these as messages; anything else that escapes is a bug and goes to the
crash dialog with the log's path.
"""

from __future__ import annotations

from typing import Any

from ops_console.db.errors import DatabaseMissing, DatabaseTooNew, DatabaseUnavailable
from ops_console.known_error import OpsError

__all__ = [
    "OpsError",
    "ValidationError",
    "PermissionDenied",
    "NotFound",
    "ConflictError",
    "SignOnError",
    "DatabaseUnavailable",
    "DatabaseMissing",
    "DatabaseTooNew",
]


class ValidationError(OpsError):
    """Form input that cannot be stored; ``problems`` maps a field name to a sentence."""

    def __init__(self, problems: dict[str, str]) -> None:
        self._problems = dict(problems)
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))

    @property
    def problems(self) -> dict[str, str]:
        """Field → sentence in the reader's language (a stored sentence is translated, said.py)."""
        from ops_console.said import shown

        return {k: shown(v) for k, v in self._problems.items()}

    def __str__(self) -> str:
        return "; ".join(f"{k}: {v}" for k, v in self.problems.items())

    @property
    def english(self) -> str:
        """The problems in English, for a log line."""
        from ops_console.said import english

        return "; ".join(f"{k}: {english(v)}" for k, v in self._problems.items())


class PermissionDenied(OpsError):
    """The operator on shift is not allowed to do this."""


class NotFound(OpsError):
    """The record is gone (deleted, purged, or never existed)."""


class ConflictError(OpsError):
    """Someone else saved the record after it was opened here.

    ``mine`` is what this operator tried to save, ``theirs`` what is stored now, so the
    UI can show both versions instead of overwriting silently.
    """

    def __init__(self, entity: str, entity_id: int, mine: dict[str, Any], theirs: dict[str, Any]) -> None:
        self.entity, self.entity_id, self.mine, self.theirs = entity, entity_id, mine, theirs
        super().__init__(
            f"This {entity} was changed by someone else (now version {theirs.get('version')}) "
            "after you opened it. Review both versions before saving again."
        )


class SignOnError(OpsError):
    """A wrong PIN, an unknown operator or a locked account."""
