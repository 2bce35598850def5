"""Imports by upload: staff, absences or coverage from CSV or Excel, previewed, then applied.

The preview runs the CLI's own all-or-nothing import and rolls it back
(roster/importing/preview.py): it lists what would change, or every problem by row,
column and reason, and nothing is stored. Applying sends the same file back (carried in
the preview's form, so the server keeps no upload between the two steps) and imports
it for real, checking every row again. The page explains each column and offers example
files built from the importers' own column lists (web/import_columns.py).
"""

from __future__ import annotations

import base64
import binascii
import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from roster import services
from roster.importing.preview import IMPORTERS, apply_import, preview_import
from web import i18n
from web.deps import NOT_FOUND, ManagedShelter, SessionDep, ShelterCode
from web.forms import FormDep
from web.import_columns import FILE_NAMES, MEDIA, column_help, example_file
from web.routes.staff import shelter_context
from web.templating import render

router = APIRouter(prefix="/hogares/{code}/importar", tags=["datos"])
MAX_BYTES = 5 * 1024 * 1024
SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm")


def _context(request: Request, db: Session, code: str) -> dict[str, Any]:
    counts = {
        name: request.query_params.get(name, "") for name in ("creados", "actualizados", "omitidos")
    }
    done = all(value.isdigit() for value in counts.values())
    return {
        **shelter_context(request, db, code),
        "kinds": list(IMPORTERS),
        "done": done and counts,
        "columns": column_help(db, code),
        "file_names": FILE_NAMES,
    }


def _page(
    request: Request, db: Session, code: str, extra: dict[str, Any], status: int = 200
) -> HTMLResponse:
    return render(request, "hogar/imports.html", {**_context(request, db, code), **extra}, status)


def safe_name(name: str) -> str:
    """The uploaded file's base name, reduced to letters, digits, '.', '-' and '_'."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(name or "archivo").name).strip("._")
    return base[:80] or "archivo"


def _checked_upload(kind: str, name: str, body: bytes) -> str | None:
    """Why an upload cannot be read at all, or None."""
    if kind not in IMPORTERS:
        return i18n.gettext("Elija qué quiere importar: personal, ausencias o cobertura.")
    if not body:
        return i18n.gettext("Elija un archivo .csv o .xlsx.")
    if len(body) > MAX_BYTES:
        return i18n.gettext("El archivo pasa de 5 MB: divídalo en partes.")
    if not name.lower().endswith(SUFFIXES):
        return i18n.gettext("Formato no soportado: guárdelo como .csv o .xlsx.")
    return None


def _run(db: Session, code: str, kind: str, name: str, body: bytes, apply: bool) -> Any:
    """Import (or preview) the bytes as the file ``name`` would be, from a scratch folder."""
    with tempfile.TemporaryDirectory(prefix="importar-") as folder:
        path = Path(folder) / name
        path.write_bytes(body)
        if apply:
            return apply_import(db, kind, code, path)
        return preview_import(db, kind, code, path)


@router.get("", response_class=HTMLResponse)
def imports_page(request: Request, code: ShelterCode, db: SessionDep) -> HTMLResponse:
    """What can be imported, the columns of each file, and the upload form."""
    return _page(request, db, code, {})


@router.get("/ejemplos/{file_name}")
def import_example(code: ShelterCode, file_name: str, db: SessionDep) -> Response:
    """An example file (``personal.csv``, ``ausencias.xlsx``...) with the shelter's data."""
    base, _, suffix = file_name.partition(".")
    kinds = {name: kind for kind, name in FILE_NAMES.items()}
    if base not in kinds or suffix not in MEDIA:
        raise HTTPException(404, NOT_FOUND)
    body = example_file(db, code, kinds[base], suffix)
    disposition = f'attachment; filename="ejemplo-{base}-{code}.{suffix}"'
    return Response(body, media_type=MEDIA[suffix], headers={"Content-Disposition": disposition})


@router.post("/vista-previa", response_class=HTMLResponse)
def imports_preview(
    request: Request, code: ManagedShelter, db: SessionDep, form: FormDep
) -> HTMLResponse:
    """What the uploaded file would change, or every problem by row and column; stores nothing."""
    kind = str(form.get("tipo", ""))
    upload = form.get("archivo")
    body = upload.file.read(MAX_BYTES + 1) if isinstance(upload, UploadFile) else b""
    name = safe_name(upload.filename or "") if isinstance(upload, UploadFile) else ""
    problem = _checked_upload(kind, name, body)
    if problem:
        return _page(request, db, code, {"upload_error": problem, "kind": kind}, 422)
    return _previewed(request, db, code, kind, name, body)


def _previewed(
    request: Request, db: Session, code: str, kind: str, name: str, body: bytes
) -> HTMLResponse:
    extra: dict[str, Any] = {"kind": kind, "file_name": name}
    try:
        extra["preview"] = _run(db, code, kind, name, body, apply=False)
    except services.ImportFailed as failure:
        return _page(request, db, code, {**extra, "problems": failure.problems}, 422)
    extra["content"] = base64.b64encode(body).decode()
    return _page(request, db, code, extra)


@router.post("/aplicar", response_class=HTMLResponse)
def imports_apply(
    request: Request, code: ManagedShelter, db: SessionDep, form: FormDep
) -> Response:
    """Import the previewed file for real (every row checked again); all or nothing."""
    kind, name = str(form.get("tipo", "")), safe_name(str(form.get("nombre", "")))
    try:
        body = base64.b64decode(str(form.get("contenido", "")), validate=True)
    except binascii.Error:
        body = b""
    problem = _checked_upload(kind, name, body)
    if problem:
        return _page(request, db, code, {"upload_error": problem, "kind": kind}, 422)
    try:
        result = _run(db, code, kind, name, body, apply=True)
    except services.ImportFailed as failure:
        extra = {"kind": kind, "file_name": name, "problems": failure.problems}
        return _page(request, db, code, extra, 422)
    query = f"creados={result.created}&actualizados={result.updated}&omitidos={result.skipped}"
    return RedirectResponse(f"/hogares/{code}/importar?{query}", status_code=303)
