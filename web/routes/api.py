"""The JSON API (/api/v1): sign-in tokens, the account, shelters and their staff.

Permissions are the web pages' own (web/deps.py). A client signs in with
``POST /api/v1/sesion`` and sends ``Authorization: Bearer <token>``; a browser's
session cookie works too, with the ``X-CSRF-Token`` header on changes.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response

from models import Shelter, StaffMember
from roster import services
from roster.services.signin import SignInRefused, sign_in, sign_out
from web.deps import CurrentUser, SessionDep, ShelterCode
from web.schemas import (
    AccountPublic,
    ApiError,
    ShelterPublic,
    SignIn,
    StaffPublic,
    TokenPublic,
)

ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ApiError} for code in (401, 403, 404, 409, 422)
}
router = APIRouter(prefix="/api/v1", tags=["api"], responses=ERRORS)


def shelter_public(shelter: Shelter) -> ShelterPublic:
    """The API view of a shelter."""
    return ShelterPublic(
        code=shelter.code,
        name=shelter.name,
        department=shelter.department,
        province=shelter.province,
        operator=shelter.operator,
        capacity=shelter.capacity,
        residents=shelter.residents,
        active=shelter.active,
    )


def staff_public(person: StaffMember) -> StaffPublic:
    """The API view of a staff member."""
    return StaffPublic(
        id=person.id,
        name=person.name,
        primary_role=person.primary_role,
        roles=list(person.roles),
        weekly_hours=person.weekly_hours,
        night_work=person.night_work,
        active=person.active,
    )


@router.post("/sesion", response_model=TokenPublic, status_code=201)
def create_token(request: Request, body: SignIn, db: SessionDep) -> TokenPublic:
    """Sign in with e-mail and password; the token goes in ``Authorization: Bearer``."""
    address = request.client.host if request.client else "desconocida"
    try:
        token, opened = sign_in(db, body.email, body.password, address)
    except SignInRefused as error:
        raise HTTPException(401, str(error)) from error
    return TokenPublic(token=token, expires_at=opened.expires_at)


@router.delete("/sesion", status_code=204)
def delete_token(request: Request, account: CurrentUser, db: SessionDep) -> Response:
    """End the session of the bearer token (or cookie) used for this request."""
    del account
    header = request.headers.get("authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else None
    sign_out(db, token or request.cookies.get("hrt_sesion", ""))
    return Response(status_code=204)


@router.get("/yo", response_model=AccountPublic)
def me(account: CurrentUser) -> AccountPublic:
    """The signed-in account: role, shelters and staff code."""
    return AccountPublic(
        email=account.email,
        role=account.role,
        shelters=list(account.shelter_codes),
        staff=account.staff_code,
    )


@router.get("/hogares", response_model=list[ShelterPublic])
def shelters(account: CurrentUser, db: SessionDep) -> list[ShelterPublic]:
    """The shelters this account may see."""
    return [shelter_public(s) for s in services.list_shelters(db) if account.sees(s.code)]


@router.get("/hogares/{code}", response_model=ShelterPublic)
def shelter(code: ShelterCode, db: SessionDep) -> ShelterPublic:
    """One shelter."""
    return shelter_public(services.get_shelter(db, code))


@router.get("/hogares/{code}/personal", response_model=list[StaffPublic])
def staff(code: ShelterCode, db: SessionDep) -> list[StaffPublic]:
    """The shelter's staff (active and not)."""
    return [staff_public(p) for p in services.list_staff(db, code, include_inactive=True)]
