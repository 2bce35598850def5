"""Translations: Spanish (es-PE) is the source language, English comes from web/locale (Babel).

Messages are written in Spanish in templates and code (``_("Turno noche")``); the English
catalogue web/locale/en/LC_MESSAGES/messages.po is read at start-up, so no compile step is
needed. ``pybabel extract -F babel.cfg -o web/locale/messages.pot .`` then
``pybabel update -i web/locale/messages.pot -d web/locale`` refresh it.
"""

from __future__ import annotations

from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po
from babel.support import Format

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = {"es": "Español", "en": "English"}
DEFAULT = "es"
_current: ContextVar[str] = ContextVar("language", default=DEFAULT)


@cache
def catalogue(language: str) -> dict[str, str]:
    """msgid -> translation for ``language`` (empty for Spanish, the source)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"
    if language == DEFAULT or not path.is_file():
        return {}
    with path.open("rb") as handle:
        parsed = read_po(handle, locale=language)
    found: dict[str, str] = {}
    for message in parsed:
        if not message.id or message.fuzzy:
            continue
        # A plural entry holds (singular, plural) and one translation of each; ngettext
        # looks up whichever form the count asks for.
        sources = message.id if isinstance(message.id, tuple | list) else (message.id,)
        targets = message.string if isinstance(message.string, tuple | list) else (message.string,)
        found.update({str(s): str(t) for s, t in zip(sources, targets, strict=False) if s and t})
    return found


def set_language(language: str) -> None:
    """Use ``language`` for the rest of this request (an unknown one falls back to Spanish)."""
    _current.set(language if language in LANGUAGES else DEFAULT)


def current_language() -> str:
    """The language of the current request."""
    return _current.get()


def gettext(message: str) -> str:
    """``message`` in the current language."""
    return catalogue(current_language()).get(message, message)


def N_(message: str) -> str:
    """Mark ``message`` for translation where it is defined; it is translated where shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form of a message, in the current language."""
    return gettext(singular if count == 1 else plural)


def formats() -> Format:
    """Babel's number and date formats for the current language (es-PE or en)."""
    return Format(Locale.parse("es_PE" if current_language() == "es" else "en"))


def pick_language(cookie: str | None, account_language: str | None) -> str:
    """The language chosen in this browser, else the account's, else Spanish.

    A browser's Accept-Language is not read: the product is Spanish first, and most
    phones in the network report English by default.
    """
    for choice in (cookie, account_language):
        if choice in LANGUAGES:
            return str(choice)
    return DEFAULT
