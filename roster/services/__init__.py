"""Services: the application's operations on storage, speaking domain objects only.

Every function takes a SQLAlchemy ``Session`` (see ``roster.storage.session_scope``)
and returns objects of ``models/``, never rows. Errors are ``ServiceError``
subclasses whose message is Spanish, ready to show to a coordinator.
"""

from roster.services.absences import add_absence, delete_absence, list_absences, update_absence
from roster.services.accounts import (
    ROLE_NAMES,
    Account,
    create_user,
    get_account,
    list_accounts,
    set_language,
    set_password,
)
from roster.services.coverage import delete_coverage_rule, list_coverage, set_coverage_rule
from roster.services.editing import CellRefused, EditOutcome, Finding, edit_cell, publish_month
from roster.services.errors import Conflict, ImportFailed, InvalidInput, NotFound, ServiceError
from roster.services.month_view import MonthView, month_view
from roster.services.network import (
    clear_database,
    database_is_empty,
    get_shelter_data,
    load_network,
)
from roster.services.planning import fairness_tallies, history_before, planning_problem
from roster.services.posts import create_post, deactivate_post, get_post, list_posts, update_post
from roster.services.requests import add_request, delete_request, list_requests, update_request
from roster.services.roles import create_role, deactivate_role, get_role, list_roles, update_role
from roster.services.rosters import (
    RosterVersion,
    get_roster,
    get_solve_report,
    list_roster_versions,
    publish_roster,
    roster_row_id,
    save_roster,
)
from roster.services.rules import get_rule_set, set_rule_set
from roster.services.shelters import (
    create_shelter,
    deactivate_shelter,
    get_shelter,
    list_shelters,
    update_shelter,
)
from roster.services.shifts import (
    create_shift_type,
    deactivate_shift_type,
    get_shift_type,
    list_shift_types,
    update_shift_type,
)
from roster.services.staff import (
    active_staff_counts,
    create_staff,
    deactivate_staff,
    get_staff,
    list_staff,
    update_staff,
)

__all__ = [
    "ROLE_NAMES",
    "Account",
    "create_user",
    "get_account",
    "list_accounts",
    "set_language",
    "set_password",
    "active_staff_counts",
    "CellRefused",
    "Conflict",
    "EditOutcome",
    "Finding",
    "MonthView",
    "edit_cell",
    "month_view",
    "publish_month",
    "ImportFailed",
    "InvalidInput",
    "NotFound",
    "RosterVersion",
    "ServiceError",
    "add_absence",
    "add_request",
    "clear_database",
    "create_post",
    "create_role",
    "create_shelter",
    "create_shift_type",
    "create_staff",
    "database_is_empty",
    "deactivate_post",
    "deactivate_role",
    "deactivate_shelter",
    "deactivate_shift_type",
    "deactivate_staff",
    "delete_absence",
    "delete_coverage_rule",
    "delete_request",
    "fairness_tallies",
    "get_post",
    "get_role",
    "get_roster",
    "get_rule_set",
    "get_shelter",
    "get_shelter_data",
    "get_shift_type",
    "get_solve_report",
    "get_staff",
    "history_before",
    "list_absences",
    "list_coverage",
    "list_posts",
    "list_requests",
    "list_roles",
    "list_roster_versions",
    "list_shelters",
    "list_shift_types",
    "list_staff",
    "load_network",
    "planning_problem",
    "publish_roster",
    "roster_row_id",
    "save_roster",
    "set_coverage_rule",
    "set_rule_set",
    "update_absence",
    "update_post",
    "update_request",
    "update_role",
    "update_shelter",
    "update_shift_type",
    "update_staff",
]
