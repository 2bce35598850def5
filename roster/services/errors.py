"""Errors the services raise, each carrying a message a coordinator can read (Spanish)."""

from __future__ import annotations


class ServiceError(Exception):
    """Base of every error a service reports to its caller; ``str()`` is the Spanish message."""


class NotFound(ServiceError):
    """A shelter, person, role, shift or roster that does not exist."""


class InvalidInput(ServiceError):
    """Data that breaks a rule of the domain (duplicate code, unknown role...)."""


class ImportFailed(ServiceError):
    """A file that could not be imported; ``errors`` lists every problem, one line each."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = list(errors)
        count = len(self.errors)
        heading = "1 error" if count == 1 else f"{count} errores"
        super().__init__(
            f"No se importó nada ({heading}):\n" + "\n".join(f"  {e}" for e in self.errors)
        )


class Conflict(ServiceError):
    """A change based on data someone else has changed since (a stale version): nothing saved."""
