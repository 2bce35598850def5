"""Demo accounts: one per national role, a coordinator per shelter, one staff member.

Every demo account shares one password, printed by ``roster demo`` and ``make run``;
they exist to try the product and must be replaced before real data is entered.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from models.network import NetworkData
from roster.services import accounts

DEMO_PASSWORD = "hogares-demo-2026"
DOMAIN = "demo.hogares.pe"


@dataclass(frozen=True)
class DemoAccount:
    """One demo account: e-mail, role, shelter and staff code where they apply."""

    email: str
    role: str
    shelter: str | None = None
    staff: str | None = None


def _short(shelter_code: str) -> str:
    """HRT-HVC-01 -> hvc01."""
    return "".join(shelter_code.lower().split("-")[1:])


def demo_accounts(network: NetworkData) -> list[DemoAccount]:
    """The accounts ``roster demo`` creates for ``network``."""
    found = [DemoAccount(f"admin@{DOMAIN}", "admin"), DemoAccount(f"rrhh@{DOMAIN}", "hr")]
    for data in network.shelters:
        code = data.shelter.code
        found.append(DemoAccount(f"coord.{_short(code)}@{DOMAIN}", "coordinator", code))
    first = network.shelters[0]
    person = first.staff[0]
    found.append(
        DemoAccount(
            f"personal.{_short(first.shelter.code)}@{DOMAIN}",
            "staff",
            first.shelter.code,
            person.id,
        )
    )
    return found


def create_demo_accounts(session: Session, network: NetworkData) -> list[DemoAccount]:
    """Store the demo accounts (all with ``DEMO_PASSWORD``) and return them."""
    made = demo_accounts(network)
    for account in made:
        accounts.create_user(
            session,
            account.email,
            DEMO_PASSWORD,
            account.role,
            [account.shelter] if account.shelter else [],
            account.staff,
        )
    return made
