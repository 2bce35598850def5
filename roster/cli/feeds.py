"""The ``feed`` commands: a staff member's (or a shelter's) calendar link, made anew or stopped."""

from __future__ import annotations

from typing import Annotated

import typer

from roster.cli.common import cli_errors, fail, ready_url, say, shelter_code
from roster.services import feeds
from roster.settings import get_settings
from roster.storage import session_scope

LOCAL_URL = "http://localhost:8000"
feed_app = typer.Typer(
    help="Enlaces privados de calendario (iCalendar) del personal y de la coordinación.\n\n"
    "Ejemplo: roster feed rotate --staff HRT-HVC-01-P03",
    no_args_is_help=True,
)
StaffOption = Annotated[
    str | None, typer.Option("--staff", help="Código de la persona (su calendario).")
]
ShelterOption = Annotated[
    str | None,
    typer.Option("--shelter", "-s", help="Hogar (sin --staff: el calendario de la coordinación)."),
]


def _base() -> str:
    return get_settings().public_url or LOCAL_URL


@feed_app.command("rotate")
def rotate(staff: StaffOption = None, shelter: ShelterOption = None) -> None:
    """Crea un enlace nuevo y lo muestra una sola vez; el anterior deja de funcionar.

    La dirección base es ROSTER_PUBLIC_URL (p. ej. https://turnos.ejemplo.pe).

    Ejemplo: roster feed rotate --staff HRT-HVC-01-P03
    """
    if staff is None and shelter is None:
        fail("Indique --staff (calendario de una persona) o --shelter (el de la coordinación).", 2)
    code = None if shelter is None else shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        if staff is not None:
            code = feeds.staff_shelter(session, staff, code)
            token = feeds.rotate_staff_feed(session, code, staff)
        else:
            assert code is not None
            token = feeds.rotate_shelter_feed(session, code)
    url = feeds.feed_url(_base(), token)
    say("Enlace nuevo (cópielo ahora: no se puede volver a mostrar; el anterior ya no funciona):")
    typer.echo(url)
    if not get_settings().public_url:
        say(f"Nota: la dirección usa {LOCAL_URL}; defina ROSTER_PUBLIC_URL con la del servidor.")


@feed_app.command("revoke")
def revoke(staff: StaffOption = None, shelter: ShelterOption = None) -> None:
    """Desactiva el enlace: los calendarios suscritos dejan de recibir turnos.

    Ejemplo: roster feed revoke --staff HRT-HVC-01-P03
    """
    if staff is None and shelter is None:
        fail("Indique --staff (calendario de una persona) o --shelter (el de la coordinación).", 2)
    code = None if shelter is None else shelter_code(shelter)
    with cli_errors(), session_scope(ready_url()) as session:
        if staff is not None:
            code = feeds.staff_shelter(session, staff, code)
            stopped = feeds.revoke_staff_feed(session, code, staff)
        else:
            assert code is not None
            stopped = feeds.revoke_shelter_feed(session, code)
    say("Enlace desactivado." if stopped else "No había un enlace activo.")


def register(app: typer.Typer) -> None:
    """Add the ``feed`` commands to ``app``."""
    app.add_typer(feed_app, name="feed")
