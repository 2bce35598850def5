"""Errors the services raise, each carrying a message a coordinator can read (Spanish)."""

from __future__ import annotations

from collections.abc import Sequence


class ServiceError(Exception):
    """Base of every error a service reports to its caller; ``str()`` is the Spanish message."""


class NotFound(ServiceError):
    """A shelter, person, role, shift or roster that does not exist."""


class InvalidInput(ServiceError):
    """Data that breaks a rule of the domain (duplicate code, unknown role...)."""


class ImportFailed(ServiceError):
    """A file that could not be imported; ``errors`` lists every problem, one line each.

    ``problems`` holds the same problems as (row, column, reason), row and column None
    for a problem with the whole file, for a page to show as a table.
    """

    def __init__(
        self,
        errors: list[str],
        problems: Sequence[tuple[int | None, str | None, str]] = (),
    ) -> None:
        self.errors = list(errors)
        self.problems = list(problems)
        count = len(self.errors)
        heading = "1 error" if count == 1 else f"{count} errores"
        super().__init__(
            f"No se importó nada ({heading}):\n" + "\n".join(f"  {e}" for e in self.errors)
        )


class Conflict(ServiceError):
    """A change based on data someone else has changed since (a stale version): nothing saved."""
