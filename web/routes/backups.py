"""The admin's backup: a consistent copy of the SQLite database, downloaded from the browser.

Only the national administration (``AdminUser``; anyone else gets 404). The copy is made
with SQLite's online backup API while the app keeps running (roster/backup.py) into a
scratch file that is deleted once sent. With PostgreSQL the page explains pg_dump.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse
from starlette.background import BackgroundTask

from roster.backup import backup_database, sqlite_file
from roster.services import InvalidInput
from web.deps import AdminUser
from web.templating import LIMA, render

router = APIRouter(prefix="/admin", tags=["admin"])


@router.get("/copia", response_class=HTMLResponse)
def backup_page(request: Request, _account: AdminUser) -> HTMLResponse:
    """What a backup is, how to restore it, and the button to download one."""
    try:
        sqlite_file()
        postgres = False
    except InvalidInput:
        postgres = True
    return render(request, "admin/backup.html", {"postgres": postgres})


@router.get("/copia/descargar")
def backup_download(_account: AdminUser) -> FileResponse:
    """A fresh copy of the database as a file download (deleted from the server once sent)."""
    folder = Path(tempfile.mkdtemp(prefix="copia-"))
    stamp = datetime.now(LIMA).strftime("%Y-%m-%d-%H%M")
    info = backup_database(folder / f"hogares-{stamp}.db")

    def cleanup() -> None:
        info.path.unlink(missing_ok=True)
        folder.rmdir()

    return FileResponse(
        info.path,
        media_type="application/vnd.sqlite3",
        filename=info.path.name,
        background=BackgroundTask(cleanup),
    )
