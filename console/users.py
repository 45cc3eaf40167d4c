"""``tracker user``: the web front's local accounts (add, list, remove, API tokens)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from console.app import boot, group
from tracker.errors import InputError

if TYPE_CHECKING:
    from web.accounts import Accounts

user_app = group("Accounts of the web front (tracker serve).")


def _accounts(ctx: typer.Context) -> Accounts:
    from web.accounts import Accounts  # deferred: only these commands need the accounts

    store = boot(ctx).store
    Accounts.create_tables(store)
    return Accounts(store)


@user_app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The sign-in name.")],
    role: Annotated[
        str, typer.Option(help="public, councillor, office, reviewer or administrator.")
    ],
    office: Annotated[str | None, typer.Option(help="The office (role office).")] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    no_password: Annotated[
        bool, typer.Option("--no-password", help="Sign-in only through the proxy header.")
    ] = False,
) -> None:
    """Add a user; the password is asked for (hashed with Argon2id, never stored)."""
    if password_stdin and no_password:
        raise InputError("--password-stdin and --no-password exclude each other")
    password: str | None = None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    elif not no_password:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    c = boot(ctx)
    user = _accounts(ctx).add_user(
        name, role, office=office, password=password, now=c.settings.clock.now()
    )
    typer.echo(f"user {user.name} added ({user.role}{', ' + office if office else ''})")


@user_app.command("list")
def list_users(ctx: typer.Context) -> None:
    """List the users: name, role, office."""
    for user in _accounts(ctx).users():
        typer.echo(f"{user.name}\t{user.role}\t{user.office or '-'}")


@user_app.command("remove")
def remove(ctx: typer.Context, name: Annotated[str, typer.Argument(help="The user.")]) -> None:
    """Remove a user with their sessions and API tokens."""
    _accounts(ctx).remove_user(name)
    typer.echo(f"user {name} removed")


@user_app.command("token")
def token(ctx: typer.Context, name: Annotated[str, typer.Argument(help="The user.")]) -> None:
    """Issue an API token for writes over /api/ (printed once; only its hash is kept)."""
    typer.echo(_accounts(ctx).issue_token(name, now=boot(ctx).settings.clock.now()))
