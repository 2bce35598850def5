"""What the pages that edit a shelter's data share: reading a form, answering a refusal.

A saved change redirects (303) to the list with ``?aviso=<key>``, a fixed message and
never text from the request; a refused one renders the form again, 422, keeping what
was typed, with each field's reason beside it (``FormRefused.problems``).
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Request
from fastapi.responses import RedirectResponse
from starlette.datastructures import FormData

from roster.importing.forms import FormRefused
from web import i18n

NOTICES = {
    "alta": i18n.N_("Guardado: se agregó el registro."),
    "cambio": i18n.N_("Cambios guardados."),
    "baja": i18n.N_("Dado de baja: ya no se planifica, su historial se conserva."),
    "borrado": i18n.N_("Eliminado."),
    "importado": i18n.N_("Importación aplicada."),
}


async def form_data(request: Request) -> FormData:
    """The request's form (urlencoded or multipart), read once and cached by Starlette."""
    return await request.form()


FormDep = Annotated[FormData, Depends(form_data)]


def text_fields(form: FormData, *names: str) -> dict[str, str]:
    """The named fields as trimmed text ('' when absent; files are not text)."""
    values = {}
    for name in names:
        value = form.get(name, "")
        values[name] = value.strip() if isinstance(value, str) else ""
    return values


def checked(form: FormData, name: str) -> bool:
    """Whether a checkbox named ``name`` was ticked (its value is 'si')."""
    return form.get(name) == "si"


def saved(path: str, notice: str, **query: str) -> RedirectResponse:
    """Back to ``path`` after a saved change, saying what happened."""
    return RedirectResponse(f"{path}?{urlencode({**query, 'aviso': notice})}", status_code=303)


def notice_text(key: str | None) -> str | None:
    """The message of ``?aviso=``, or None for none or an unknown key."""
    return i18n.gettext(NOTICES[key]) if key in NOTICES else None


def refusal(error: FormRefused) -> dict[str, Any]:
    """What a form template reads after a refusal: the reasons by field, in the language."""
    return {"errors": {name: i18n.gettext(reason) for name, reason in error.problems.items()}}
