"""One exception family for everything a user can get wrong.

Why: the kit promises one clear message naming the parameter, the bad value and what is
allowed, raised before any download or training starts -- never a stack trace from deep
inside torch. Every module raises these (or subclasses) for bad input.
"""
from __future__ import annotations

from typing import Any, Iterable


class KitError(ValueError):
    """Bad input to the kit: a parameter, a name, a file. The message says how to fix it.

    ``hint`` (when given) is the last sentence of the message, kept apart so that a caller
    that wraps the error (a list of values, say) can pass it on."""

    def __init__(self, message: str = "", hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class CacheError(KitError):
    """A cache entry is missing, corrupt or stale (detected by hash), or a results folder
    was written by an incompatible version."""


def _show(values: Iterable[Any], limit: int = 60) -> str:
    values = list(values)
    shown = ", ".join(repr(v) if isinstance(v, str) else str(v) for v in values[:limit])
    if len(values) > limit:
        shown += f", ... ({len(values) - limit} more)"
    return shown


def bad_value(param: str, value: Any, allowed: Iterable[Any] | str, hint: str | None = None) -> KitError:
    """Build the kit's standard error: ``param=value`` is not allowed; allowed: ...; hint.

    ``allowed`` is either the list of valid values or a sentence describing the valid range.
    """
    allowed_text = allowed if isinstance(allowed, str) else _show(allowed)
    msg = f"{param}={value!r} is not allowed; allowed: {allowed_text}."
    if hint:
        msg += f" {hint}"
    return KitError(msg, hint=hint)
