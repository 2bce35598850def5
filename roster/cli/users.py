"""Commands on accounts: add one (password read from standard input), list them."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from roster import services
from roster.cli.common import cli_errors, ready_url, say
from roster.storage import session_scope

user_app = typer.Typer(
    help="Cuentas de acceso a la aplicación web.\n\n"
    "Ejemplo: echo 'una-clave-larga' | roster user add ana@ejemplo.pe --role coordinator "
    "--shelter HRT-HVC-01",
    no_args_is_help=True,
)


def _read_password() -> str:
    """The password from standard input: a prompt on a terminal, the first line otherwise."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    while True:  # the framework's own confirmation speaks English: ask twice here
        password = typer.prompt("Contraseña", hide_input=True)
        if typer.prompt("Repita la contraseña", hide_input=True) == password:
            return password
        typer.echo("Las dos contraseñas no coinciden: escríbala de nuevo.", err=True)


@user_app.command("add")
def add(
    email: Annotated[str, typer.Argument(help="Correo con el que la persona inicia sesión.")],
    role: Annotated[str, typer.Option("--role", help="admin, hr, coordinator o staff.")],
    shelter: Annotated[
        list[str] | None,
        typer.Option("--shelter", "-s", help="Hogar (coordinación: repita para varios)."),
    ] = None,
    staff: Annotated[
        str | None, typer.Option("--staff", help="Código de la persona (solo rol staff).")
    ] = None,
) -> None:
    """Crea una cuenta; la contraseña se lee de la entrada estándar (nunca como argumento).

    Ejemplo: echo 'una-clave-larga' | roster user add ana@ejemplo.pe --role coordinator
    --shelter HRT-HVC-01
    """
    password = _read_password()
    with cli_errors(), session_scope(ready_url()) as session:
        account = services.create_user(session, email, password, role, shelter or [], staff)
    where = ", ".join(account.shelter_codes) or "todos los hogares"
    say(f"Cuenta creada: {account.email} ({services.ROLE_NAMES[account.role]}; {where}).")


@user_app.command("list")
def list_users() -> None:
    """Lista las cuentas activas con su rol y sus hogares.

    Ejemplo: roster user list
    """
    with cli_errors(), session_scope(ready_url()) as session:
        found = services.list_accounts(session)
    for account in found:
        where = ", ".join(account.shelter_codes) or "todos"
        staff = f" · {account.staff_code}" if account.staff_code else ""
        say(f"{account.email}  {services.ROLE_NAMES[account.role]}  {where}{staff}")


def register(app: typer.Typer) -> None:
    """Add the ``user`` commands to ``app``."""
    app.add_typer(user_app, name="user")
