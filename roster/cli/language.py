"""The CLI's own words in Spanish: help, usage and argument errors, English if the locale asks.

Typer 0.29 vendors click without a gettext catalogue, so its strings ("Usage:",
"Options", "Show this message and exit.", "Missing option ...") cannot be translated
through one. Instead ``use_language`` swaps typer's fixed strings and wraps the four
places that print the rest (usage line, help option, value types, error panel), once
per process; each wrapper reads the language of the current run. ``CATALOGUE`` is
the translation, English pattern -> Spanish, including the messages of the
validation library typer checks values with. tests/roster/test_cli_language.py
fails if an English framework string comes back after an upgrade.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any

from typer import core, rich_utils
from typer._click import core as click_core
from typer._click import exceptions as click_exceptions

LANGUAGE_VARIABLES = ("ROSTER_LANG", "LC_ALL", "LC_MESSAGES", "LANG")

FIXED_ES = {
    "DEPRECATED_STRING": "(obsoleto) ",
    "DEFAULT_STRING": "[por defecto: {}]",
    "ENVVAR_STRING": "[variable de entorno: {}]",
    "REQUIRED_LONG_STRING": "[obligatoria]",
    "ARGUMENTS_PANEL_TITLE": "Argumentos",
    "OPTIONS_PANEL_TITLE": "Opciones",
    "COMMANDS_PANEL_TITLE": "Comandos",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Cancelado.",
    "RICH_HELP": "Vea la ayuda con: [blue]{command_path} {help_option}[/]",
}
FIXED_EN = {name: getattr(rich_utils, name) for name in FIXED_ES}

HELP_OPTION_ES = "Muestra esta ayuda y termina."
TYPES_ES = {
    "str": "texto",
    "int": "entero",
    "float": "número",
    "path": "ruta",
    "file": "archivo",
    "directory": "carpeta",
    "int range": "entero",
    "float range": "número",
    "datetime": "fecha",
}

# English pattern -> Spanish replacement, applied in order to usage lines and messages.
CATALOGUE: list[tuple[str, str]] = [
    (r"^Usage: ", "Uso: "),
    (r"\[OPTIONS\]", "[OPCIONES]"),
    (r"COMMAND \[ARGS\]\.\.\.", "COMANDO [ARGUMENTOS]..."),
    (r"No such command ('[^']*')\.", r"No existe el comando \1."),
    (r"Did you mean (.+)\?$", r"¿Quiso decir \1?"),
    (r"^Missing command\.", "Falta el comando: elija uno de la lista de la ayuda."),
    (r"^No such option: (\S+)", r"No existe la opción \1."),
    (r" \(Possible options: ([^)]*)\)", r" ¿Quiso decir \1?"),
    (r"^Missing option ('[^']*')\.", r"Falta la opción \1."),
    (r"^Missing argument ('[^']*')\.", r"Falta el argumento \1."),
    (r"^Missing parameter( '[^']*')?\.", r"Falta un parámetro\1."),
    (r"^Invalid value for ('[^']*'): ", r"Valor no válido para \1: "),
    (r"^Invalid value: ", "Valor no válido: "),
    (r"^Option ('[^']*') requires an argument\.", r"La opción \1 necesita un valor."),
    (r"^Option ('[^']*') requires (\d+) arguments\.", r"La opción \1 necesita \2 valores."),
    (r"^Option ('[^']*') does not take a value\.", r"La opción \1 no lleva valor."),
    (r"^Got unexpected extra arguments? \((.*)\)", r"Sobra: \1 (revise las comillas)."),
    (r"Value ('[^']*') is not a valid (\w+)\.", r"El valor \1 no es válido."),
    (r"('[^']*') is not one of (.+)\.$", r"\1 no es ninguno de: \2."),
    (r"(?:File|Directory|Path) ('[^']*') does not exist\.", r"No existe \1."),
    (r"(?:File|Directory|Path) ('[^']*') is a directory\.", r"\1 es una carpeta."),
    (r"(?:File|Directory|Path) ('[^']*') is a file\.", r"\1 es un archivo."),
    (r"(?:File|Directory|Path) ('[^']*') is not readable\.", r"No se puede leer \1."),
    (r"(?:File|Directory|Path) ('[^']*') is not writable\.", r"No se puede escribir \1."),
    (r"Input should be a valid number.*", "debe ser un número, p. ej. 30 o 2.5."),
    (r"Input should be a valid integer.*", "debe ser un número entero, p. ej. 2."),
    (r"Input should be a valid boolean.*", "debe ser sí o no (true/false)."),
    (r"Input should be greater than or equal to (\S+)", r"debe ser como mínimo \1."),
    (r"Input should be greater than (\S+)", r"debe ser mayor que \1."),
    (r"Input should be less than or equal to (\S+)", r"debe ser como máximo \1."),
    (r"Input should be less than (\S+)", r"debe ser menor que \1."),
    (r"Input should be (.+)", r"debe ser \1."),
    (r"^Aborted!?$", "Cancelado."),
]
_HINT = "('[^']*'(?: / '[^']*')*)"  # an option's names: '--shelter' / '-s'
_COMPILED = [
    (re.compile(pattern.replace("('[^']*')", _HINT)), spanish) for pattern, spanish in CATALOGUE
]

_state = {"language": "es", "installed": False}


def cli_language(environ: Mapping[str, str] | None = None) -> str:
    """ "en" when ROSTER_LANG or the locale (LC_ALL, LC_MESSAGES, LANG) is English, else "es"."""
    environ = os.environ if environ is None else environ
    for name in LANGUAGE_VARIABLES:
        value = environ.get(name, "").strip()
        if value:
            return "en" if value.lower().startswith("en") else "es"
    return "es"


def to_spanish(text: str) -> str:
    """``text`` (a usage line or a framework message) with every catalogue entry translated."""
    for pattern, spanish in _COMPILED:
        text = pattern.sub(spanish, text)
    return text


def error_message(error: click_exceptions.ClickException) -> str:
    """The Spanish message of a usage error, with the missing option's own help as the next step."""
    message = to_spanish(error.format_message())
    param = getattr(error, "param", None)
    if isinstance(error, click_exceptions.MissingParameter) and getattr(param, "help", None):
        message = f"{message.rstrip('.')}: {param.help}"  # type: ignore[union-attr]
    return message


def _spanish(translate: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap ``translate(original, *args)`` so that it runs only when the language is Spanish."""

    def wrapper(original: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(original)
        def run(*args: Any, **kwargs: Any) -> Any:
            if _state["language"] != "es":
                return original(*args, **kwargs)
            return translate(original, *args, **kwargs)

        return run

    return wrapper


@_spanish
def _usage(original: Callable[..., str], command: Any, ctx: Any) -> str:
    return to_spanish(original(command, ctx))


def _help_option(original: Callable[..., Any]) -> Callable[..., Any]:
    english: list[str] = []

    @wraps(original)
    def run(command: Any, ctx: Any) -> Any:
        option = original(command, ctx)  # made once per command, then cached
        if option is not None:
            english[:] = english or [option.help]
            option.help = HELP_OPTION_ES if _state["language"] == "es" else english[0]
        return option

    return run


@_spanish
def _display_type(original: Callable[..., str | None], param: Any, ctx: Any) -> str | None:
    shown = original(param, ctx)
    if shown == "<bool>":
        return None  # a flag takes no value: show none rather than "<bool>"
    if shown and shown.startswith("<") and shown.endswith(">"):
        return f"<{TYPES_ES.get(shown[1:-1], shown[1:-1])}>"
    return shown


@_spanish
def _format_error(original: Callable[..., None], error: Any) -> None:
    if isinstance(error, click_exceptions.ClickException):
        message = error_message(error)
        error.format_message = lambda: message  # read once by the original printer
    original(error)


def _install_wrappers() -> None:
    """Wrap the framework's printers once per process (the wrappers follow ``_state``)."""
    if _state["installed"]:
        return
    click_core.Command.get_usage = _usage(click_core.Command.get_usage)  # type: ignore[method-assign]
    click_core.Command.get_help_option = _help_option(click_core.Command.get_help_option)  # type: ignore[method-assign]
    core.TyperOption.display_type_rich = _display_type(core.TyperOption.display_type_rich)  # type: ignore[method-assign]
    core.TyperArgument.display_type_rich = _display_type(core.TyperArgument.display_type_rich)  # type: ignore[method-assign]
    rich_utils.rich_format_error = _format_error(rich_utils.rich_format_error)
    _state["installed"] = True


def use_language(language: str | None = None) -> str:
    """Make the CLI's framework text Spanish, or English; by default as ``cli_language()`` says."""
    chosen = language or cli_language()
    _install_wrappers()
    _state["language"] = chosen
    for name, text in (FIXED_ES if chosen == "es" else FIXED_EN).items():
        setattr(rich_utils, name, text)
    return chosen
