"""The one definition of a known error: something the environment or a person caused,
with words for a person (qutebrowser's KnownError), as opposed to a bug.

It lives in a module of its own, below both the services and the db layer, so that a
database fault (DatabaseUnavailable) and a refused form (ValidationError) share one base
and every front end catches "what is meant to be read" with one ``except OpsError``.
"""

from __future__ import annotations


class OpsError(Exception):
    """Base of the errors a person is meant to read; ``str()`` is a sentence for them.

    The sentence may be a stored sentence (ops_console/said.py, ``said(N_("…"), …)``): an
    error raised on a worker thread is read later, where it is shown, so ``str()`` gives
    it in the language of the console that shows it (every ``show_error``, every
    ``label.setText(str(exc))``) and ``english`` gives it for a log line."""

    def __str__(self) -> str:
        from ops_console.said import shown  # said → labels: pure, but kept off this module's import

        return shown(super().__str__())

    @property
    def stored(self) -> str:
        """The sentence as raised, in no language when it is a stored sentence: what to keep
        in a row or hand on inside another sentence (``str()`` has already translated it)."""
        return super().__str__()

    @property
    def english(self) -> str:
        from ops_console.said import english

        return english(super().__str__())
