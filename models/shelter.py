"""A shelter (hogar): identity, operator, capacity and occupancy. Never an address."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Shelter:
    """One Hogar de Refugio Temporal.

    Locations are confidential by design: only department and province are kept.
    There is deliberately no address, district or coordinate field.
    """

    code: str
    name: str
    department: str
    province: str
    operator: str = "Warmi Ñan (ex Aurora)"
    capacity: int = 25
    women: int = 0
    children: int = 0
    companions: int = 0
    extra_holidays: tuple[date, ...] = field(default_factory=tuple)
    active: bool = True

    @property
    def residents(self) -> int:
        """Everyone housed today: women, children and companions."""
        return self.women + self.children + self.companions

    @property
    def over_capacity(self) -> bool:
        """More residents than places (it happens: an emergency admission is never refused)."""
        return self.residents > self.capacity

    def __post_init__(self) -> None:
        if not self.code or not self.code.replace("-", "").replace("_", "").isalnum():
            raise ValueError(f"shelter code {self.code!r}: use letters, digits, '-' or '_'")
        for name in ("capacity", "women", "children", "companions"):
            if getattr(self, name) < 0:
                raise ValueError(f"shelter {self.code}: {name} cannot be negative")
