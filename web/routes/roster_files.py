"""A month roster to print or take away: the print view, the PDF and the Excel workbook.

All three come from the same export (exports/roster_sheet.py); the print view is the
PDF's own template in the browser, with its stylesheet served from exports/templates.
File names carry the month only: no shelter, place or person.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse, Response

from exports.roster_pdf import STYLESHEET, roster_html, roster_pdf
from exports.roster_sheet import RosterSheet, file_stem
from exports.roster_xlsx import roster_xlsx
from roster.services import NotFound
from roster.services.roster_sheet import roster_sheet
from web.deps import NOT_FOUND, SessionDep, ShelterCode
from web.routes.roster import Month

router = APIRouter(tags=["rol"])
PREFIX = "/hogares/{code}/rol/{month}"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheet(db: SessionDep, code: str, when: tuple[int, int], version: int | None) -> RosterSheet:
    try:
        return roster_sheet(db, code, *when, version)
    except NotFound as error:
        raise HTTPException(404, NOT_FOUND) from error


def _download(body: bytes, media_type: str, name: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type=media_type, headers=headers)


@router.get(PREFIX + "/imprimir", response_class=HTMLResponse)
def print_view(
    code: ShelterCode, when: Month, db: SessionDep, version: int | None = None
) -> HTMLResponse:
    """The roster as it prints (A3 landscape): the PDF's template, with a print button."""
    sheet = _sheet(db, code, when, version)
    return HTMLResponse(roster_html(sheet, stylesheet="/impresion/rol.css", web=True))


@router.get(PREFIX + "/rol.pdf")
def roster_pdf_file(
    code: ShelterCode, when: Month, db: SessionDep, version: int | None = None
) -> Response:
    """The printable roster as PDF."""
    sheet = _sheet(db, code, when, version)
    return _download(roster_pdf(sheet), "application/pdf", f"{file_stem(sheet)}.pdf")


@router.get(PREFIX + "/rol.xlsx")
def roster_xlsx_file(
    code: ShelterCode, when: Month, db: SessionDep, version: int | None = None
) -> Response:
    """The roster as an Excel workbook: the grid, one row per shift, the gaps."""
    sheet = _sheet(db, code, when, version)
    return _download(roster_xlsx(sheet), XLSX, f"{file_stem(sheet)}.xlsx")


@router.get("/impresion/rol.css")
def print_stylesheet() -> FileResponse:
    """The printed roster's stylesheet (the same file the PDF uses)."""
    return FileResponse(STYLESHEET, media_type="text/css")
