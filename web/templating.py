"""Jinja2 templates with translations, and one ``render`` every HTML route uses."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from web import i18n

HERE = Path(__file__).resolve().parent
LIMA = ZoneInfo("America/Lima")
_environment = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True),
    extensions=["jinja2.ext.i18n"],
)
templates = Jinja2Templates(env=_environment)
templates.env.install_gettext_callables(  # type: ignore[attr-defined]
    i18n.gettext, i18n.ngettext, newstyle=True
)


def day_text(value: date) -> str:
    """dd/mm/yyyy, the way dates are written in Peru."""
    return value.strftime("%d/%m/%Y")


def moment_text(value: datetime | None) -> str:
    """A stored UTC time shown in Lima time, dd/mm/yyyy hh:mm."""
    if value is None:
        return ""
    return value.astimezone(LIMA).strftime("%d/%m/%Y %H:%M")


def number(value: float, digits: int = 0) -> str:
    """A number in the current language's format (1.234,5 in es-PE is 1,234.5)."""
    return i18n.formats().decimal(
        round(value, digits), format="#,##0" + ("." + "0" * digits if digits else "")
    )


def month_label(value: str) -> str:
    """ "2026-12" -> "diciembre de 2026" (or "December 2026" in English)."""
    year, month = (int(part) for part in value.split("-"))
    return i18n.formats().date(
        date(year, month, 1), "MMMM 'de' y" if i18n.current_language() == "es" else "MMMM y"
    )


templates.env.filters.update(day=day_text, moment=moment_text, number=number, month=month_label)
templates.env.globals.update(LANGUAGES=i18n.LANGUAGES)


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    """Render a page (or a partial for htmx) with the visitor, her CSRF token and language."""
    visitor = getattr(request.state, "visitor", None)
    values = {
        "account": None if visitor is None else visitor.account,
        "csrf_token": None if visitor is None else visitor.csrf_token,
        "language": i18n.current_language(),
        **(context or {}),
    }
    return templates.TemplateResponse(request, name, values, status_code=status_code)
