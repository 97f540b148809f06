"""PostgreSQL connections that never wait forever: a server that stops answering is a fault.

A cut cable or a black-holed route leaves a TCP connection open with nothing coming
back. libpq then waits for ever: TCP keepalives only help on an idle socket, and the
server's ``statement_timeout`` is no use when the statement never reaches it. So every
wait on the socket (a query, its rows, COMMIT, ROLLBACK, the pool's ping) has a deadline
on our side: ``AnswerBoundConnection.wait`` gives psycopg's wait a timeout, and when it
expires the connection is closed (its state is unknown) and an OperationalError says
why. SQLAlchemy sees a closed connection, invalidates it, and the caller gets an
environment fault it already handles (the radio spools, a form says "unavailable").

The server side gets its own bounds through the connection options (see engine.py):
``statement_timeout`` (shorter than the answer deadline, so a slow query on a healthy
server is cancelled there, with a proper error), ``lock_timeout`` and
``idle_in_transaction_session_timeout``, which ends a transaction whose client vanished,
so it cannot hold a table lock against the other workstations for the whole outage.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg import errors as pg_errors

ANSWER_TIMEOUT = 15.0
"""Seconds to wait for any answer from the server before the connection counts as gone."""


class AnswerBoundConnection(psycopg.Connection):  # type: ignore[type-arg]
    """A psycopg connection whose every wait on the server ends within ``answer_timeout``."""

    answer_timeout: float = ANSWER_TIMEOUT

    def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:  # noqa: D102
        if self.answer_timeout <= 0:  # maintenance work: no deadline of ours
            return super().wait(gen, interval=interval, timeout=timeout)
        limit = self.answer_timeout if timeout is None else min(timeout, self.answer_timeout)
        try:
            return super().wait(gen, interval=interval, timeout=limit)
        except pg_errors._WaitTimeout:  # noqa: SLF001 - psycopg's own signal for an expired wait
            if timeout is not None and timeout < self.answer_timeout:
                raise  # the caller asked for a shorter wait and handles it (e.g. notifies)
            self.pgconn.finish()  # the protocol state is unknown: this connection is done
            raise psycopg.OperationalError(
                f"no answer from the database server within {self.answer_timeout:g} s "
                "(connection closed; the network or the server is down)"
            ) from None


def connect(answer_timeout: float, *cargs: Any, **cparams: Any) -> AnswerBoundConnection:
    """``psycopg.connect`` for SQLAlchemy's ``do_connect`` event, with the answer deadline."""
    conn = AnswerBoundConnection.connect(*cargs, **cparams)
    conn.answer_timeout = answer_timeout
    return conn
