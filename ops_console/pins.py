"""PIN hashing with the standard library's scrypt, and the post's PIN length policy.

The cost is chosen so that guessing every 6-digit PIN from a stolen database takes days
on the CPU this console runs on (docs/security.md gives the measured figure and the
arithmetic). Each stored hash names its own parameters (``scrypt$n$r$p$salt$digest``),
so hashes made with an older, cheaper cost still verify; sign-on replaces them with one
at the current cost (:func:`needs_rehash`).

``OPS_CONSOLE_PIN_COST=test`` selects a cheap cost for test suites only (hundreds of
operators are created there); anything else, or nothing, is the strong default.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ScryptCost:
    n: int
    r: int = 8
    p: int = 1

    @property
    def memory(self) -> int:
        """Bytes scrypt needs (128·r·n plus slack), passed as ``maxmem``."""
        return 128 * self.r * self.n * (self.p + 1) + 2**20


STRONG = ScryptCost(2**17, 8, 1)  # 128 MiB and ~0.4-0.6 s per hash here; see docs/security.md
TEST = ScryptCost(2**10, 8, 1)  # only with OPS_CONSOLE_PIN_COST=test
LEGACY = ScryptCost(2**14, 8, 1)  # what releases before 0.x stored
MAX_N = 2**20  # a stored hash asking for more is refused, not computed
MAX_MEMORY = 2**30  # nor one that needs more than 1 GiB (128·r·n bytes)
COST_ENV = "OPS_CONSOLE_PIN_COST"

MIN_DIGITS_LEAD = 6  # supervisors and administrators: they can sound sirens and add staff
MIN_DIGITS_OTHER = 4
MAX_DIGITS = 12


def current_cost() -> ScryptCost:
    """The cost new hashes get: the strong one unless a test suite asked for less."""
    return TEST if os.environ.get(COST_ENV, "").strip().lower() == "test" else STRONG


def hash_pin(pin: str, cost: ScryptCost | None = None) -> str:
    """A self-describing hash string: ``scrypt$n$r$p$salt$digest``."""
    cost = cost or current_cost()
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=cost.memory)
    return f"scrypt${cost.n}${cost.r}${cost.p}${salt.hex()}${digest.hex()}"


def _parse(stored: str) -> tuple[ScryptCost, bytes, str] | None:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        cost = ScryptCost(int(n), int(r), int(p))
        if scheme != "scrypt" or not (
            2 <= cost.n <= MAX_N
            and 1 <= cost.r <= 32
            and 1 <= cost.p <= 4
            and 128 * cost.r * cost.n <= MAX_MEMORY
        ):
            return None
        return cost, bytes.fromhex(salt), digest
    except (ValueError, TypeError):
        return None


class _Ahead:
    """Checks started before they are asked for: (pin, stored hash) -> the thread and its answer."""

    lock = threading.Lock()
    checks: dict[tuple[str, str], tuple[threading.Thread, list[bool]]] = {}


def check_pin_ahead(pin: str, stored: str) -> None:
    """Start checking ``pin`` against ``stored`` on a thread of its own (scrypt lets other
    threads run), so that a later :func:`check_pin` of the very same pair waits for that
    answer instead of computing it again. Start-up uses it for ``--operator``: the hash,
    read with plain sqlite3 (ops_console/roster.py), is checked on the second core while
    the post's modules import. The answer is used once and only for the same PIN and the
    same stored hash, so sign-on's counting, lockout and audit are unchanged."""
    answer: list[bool] = []
    thread = threading.Thread(
        target=lambda: answer.append(_verify(pin, stored)), name="pin-check-ahead", daemon=True
    )
    with _Ahead.lock:
        _Ahead.checks[(pin, stored)] = (thread, answer)
    thread.start()


def drop_checks_ahead() -> None:
    """Forget answers nobody asked for (the sign-on they were for did not happen)."""
    with _Ahead.lock:
        _Ahead.checks.clear()


def check_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches; a malformed (or absurdly costly) stored hash never matches."""
    with _Ahead.lock:
        ahead = _Ahead.checks.pop((pin, stored), None)
    if ahead is not None:
        thread, answer = ahead
        thread.join()
        if answer:  # else it failed there (memory): computed here, where the error shows
            return answer[0]
    return _verify(pin, stored)


def _verify(pin: str, stored: str) -> bool:
    parsed = _parse(stored)
    if parsed is None:
        return False
    cost, salt, digest = parsed
    try:
        candidate = hashlib.scrypt(
            pin.encode("utf-8"), salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=cost.memory
        )
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def needs_rehash(stored: str) -> bool:
    """True when ``stored`` was made at a lower cost than new hashes get now."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    cost = parsed[0]
    target = current_cost()
    return cost.n * cost.r * cost.p < target.n * target.r * target.p


@dataclass(frozen=True)
class PinPolicy:
    """How many digits a PIN needs: ``lead`` for supervisors and admins, ``other`` for the
    rest. A post setting (the demo post allows 4 for everyone, see README)."""

    lead: int = MIN_DIGITS_LEAD
    other: int = MIN_DIGITS_OTHER

    def minimum(self, role: str) -> int:
        return self.lead if role in ("supervisor", "admin") else self.other

    def problem(self, pin: str, role: str) -> str:
        """Why ``pin`` is not allowed for ``role`` ('' when it is), a stored sentence
        (ops_console/said.py): ValidationError and the CLI show it in the reader's language."""
        least = self.minimum(role)
        if not (pin.isascii() and pin.isdigit() and least <= len(pin) <= MAX_DIGITS):
            from ops_console.said import N_, said  # pure; kept off the hashing path's imports

            if role in ("supervisor", "admin"):
                template = N_("The PIN of a supervisor or administrator must be {least} to {most} digits.")
            else:
                template = N_("The PIN must be {least} to {most} digits.")
            return said(template, least=least, most=MAX_DIGITS)
        return ""
