"""Schemas of the JSON API (/api/v1): what the API accepts and returns, split by use."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field


class ApiError(BaseModel):
    """Every API error: a message, the field at fault (if one) and the reason."""

    detail: str
    field: str | None = None
    reason: str | None = None


class SignIn(BaseModel):
    """Credentials for an API token."""

    model_config = ConfigDict(extra="forbid")
    email: str = Field(max_length=254)
    password: str = Field(max_length=1024)


class TokenPublic(BaseModel):
    """A bearer token for the API (shown once) and when it ends."""

    token: str
    expires_at: datetime


class AccountPublic(BaseModel):
    """The signed-in account."""

    email: str
    role: str
    shelters: list[str]
    staff: str | None


class ShelterPublic(BaseModel):
    """A shelter: code, name, department and province (never an address), capacity."""

    code: str
    name: str
    department: str
    province: str
    operator: str
    capacity: int
    residents: int
    active: bool


class StaffPublic(BaseModel):
    """A staff member of a shelter."""

    id: str
    name: str
    primary_role: str
    roles: list[str]
    weekly_hours: float
    night_work: bool
    active: bool


class AssignmentPublic(BaseModel):
    """One shift a person works on a day, covering a role."""

    staff: str
    day: date
    shift: str
    role: str
    locked: bool
    source: str


class GapPublic(BaseModel):
    """Demand no one covers: people missing on a shift of a day, and why."""

    day: date
    shift: str
    role: str
    missing: int
    minutes: int
    reason: str


class FindingPublic(BaseModel):
    """A hard rule the roster breaks (the validator's finding)."""

    rule: str
    staff: str
    days: list[date]
    message: str


class RosterPublic(BaseModel):
    """A month's roster version: its status, the token for the next change, its content."""

    shelter: str
    month: str
    version: int
    revision: int
    status: str
    assignments: list[AssignmentPublic]
    gaps: list[GapPublic]
    findings: list[FindingPublic] = []


class CellEdit(BaseModel):
    """Assign a shift to a person on a day (``shift`` null clears it), and lock it or not."""

    model_config = ConfigDict(extra="forbid")
    staff: str = Field(min_length=1, max_length=40)
    day: date
    shift: str | None = Field(default=None, max_length=20)
    role: str | None = Field(default=None, max_length=20)
    locked: bool = False
    version: int = Field(ge=1)
    revision: int = Field(ge=0)


class VersionCheck(BaseModel):
    """The version and revision the client last saw (a stale one is refused with 409)."""

    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=1)
    revision: int = Field(ge=0)


class GenerateRequest(BaseModel):
    """Options of a generate (or re-optimise) request."""

    model_config = ConfigDict(extra="forbid")
    time_limit: float | None = Field(default=None, gt=0, le=3600)


class JobPublic(BaseModel):
    """A background job and where it stands."""

    id: int
    state: str
    phase: str | None
    fraction: float
    elapsed: float
    incumbent: float | None
    bound: float | None
    result: dict[str, object] | None
    error: str | None
