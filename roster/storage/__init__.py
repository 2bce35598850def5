"""Storage: SQLAlchemy 2 tables, engines and sessions, Alembic migrations.

The tables mirror the domain of ``models/`` but are never handed out: the
services in ``roster.services`` convert rows to domain objects.
"""

from roster.storage.accounts import (
    ACCOUNT_ROLES,
    LoginFailureRow,
    SessionRow,
    UserRow,
    UserShelterRow,
)
from roster.storage.base import Base
from roster.storage.changes import (
    CHANGE_KINDS,
    PROPOSAL_STATES,
    SWAP_STATES,
    RepairProposalRow,
    RosterChangeRow,
    SwapRequestRow,
)
from roster.storage.engine import (
    alembic_config,
    database_url,
    dispose_engines,
    get_engine,
    init_database,
    make_engine,
    session_scope,
)
from roster.storage.feeds import FEED_KINDS, FeedEventRow, FeedMonthRow, FeedTokenRow
from roster.storage.jobs import JOB_STATES, JobRow
from roster.storage.ledger import FeriadoEntryRow, OccupancyRow
from roster.storage.network import RoleRow, RuleSetRow, ShelterHolidayRow, ShelterRow
from roster.storage.people import (
    AbsenceRow,
    PostRow,
    RequestRow,
    StaffPostRow,
    StaffRoleRow,
    StaffRow,
)
from roster.storage.planning import CoverageRuleRow, ShiftTypeRow
from roster.storage.rosters import AssignmentRow, GapRow, RosterRow, utc_now

__all__ = [
    "CHANGE_KINDS",
    "PROPOSAL_STATES",
    "SWAP_STATES",
    "RepairProposalRow",
    "RosterChangeRow",
    "SwapRequestRow",
    "ACCOUNT_ROLES",
    "FEED_KINDS",
    "FeedEventRow",
    "FeedMonthRow",
    "FeedTokenRow",
    "JOB_STATES",
    "JobRow",
    "LoginFailureRow",
    "SessionRow",
    "UserRow",
    "UserShelterRow",
    "AbsenceRow",
    "FeriadoEntryRow",
    "OccupancyRow",
    "AssignmentRow",
    "Base",
    "CoverageRuleRow",
    "GapRow",
    "PostRow",
    "RequestRow",
    "RoleRow",
    "RosterRow",
    "RuleSetRow",
    "ShelterHolidayRow",
    "ShelterRow",
    "ShiftTypeRow",
    "StaffPostRow",
    "StaffRoleRow",
    "StaffRow",
    "alembic_config",
    "database_url",
    "dispose_engines",
    "get_engine",
    "init_database",
    "make_engine",
    "session_scope",
    "utc_now",
]
