"""A shelter's rule set: read and replace (one JSON document per shelter)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from models import RuleSet
from roster.services.lookup import shelter_row
from roster.storage import RuleSetRow


def get_rule_set(session: Session, shelter_code: str) -> RuleSet:
    """The shelter's rule set (the defaults if none was stored)."""
    row = session.get(RuleSetRow, shelter_row(session, shelter_code).id)
    return RuleSet() if row is None else RuleSet.from_dict(row.settings)


def set_rule_set(session: Session, shelter_code: str, rules: RuleSet) -> RuleSet:
    """Store ``rules`` as the shelter's rule set."""
    shelter = shelter_row(session, shelter_code)
    row = session.get(RuleSetRow, shelter.id)
    if row is None:
        session.add(RuleSetRow(shelter_id=shelter.id, settings=rules.to_dict()))
    else:
        row.settings = rules.to_dict()
    session.flush()
    return rules
