"""The one definition of a known error: something the environment or a person caused,
with words for a person (qutebrowser's KnownError), as opposed to a bug.

It lives in a module of its own, below both the services and the db layer, so that a
database fault (DatabaseUnavailable) and a refused form (ValidationError) share one base
and every front end catches "what is meant to be read" with one ``except OpsError``.
"""

from __future__ import annotations


class OpsError(Exception):
    """Base of the errors a person is meant to read; ``str()`` is a sentence for them."""
