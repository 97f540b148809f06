"""PIN hashing with the standard library's scrypt: salted, slow enough to resist guessing
a four-digit PIN from a stolen database file, fast enough for a sign-on dialog."""
from __future__ import annotations

import hashlib
import hmac
import secrets

_N, _R, _P = 2**14, 8, 1


def hash_pin(pin: str) -> str:
    """A self-describing hash string: ``scrypt$n$r$p$salt$digest``."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches; a malformed stored hash never matches."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        candidate = hashlib.scrypt(
            pin.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(candidate.hex(), digest)
