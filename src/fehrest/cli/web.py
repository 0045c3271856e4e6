"""Commands of the web area: ``serve``, and ``token create|list|revoke`` for writing over HTTP."""

from __future__ import annotations

import getpass
import json
import sys
from typing import Annotated

import typer

from fehrest.cli.common import OutputFormat, app, console
from fehrest.cli.register import DbOption, db_target, open_register, print_rows

token_app = typer.Typer(
    help="API tokens: writing over HTTP (review decisions, ingest) needs one.",
    no_args_is_help=True,
)
app.add_typer(token_app, name="token")


@app.command("serve")
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
    access_log: Annotated[bool, typer.Option("--access-log", help="Log every request.")] = False,
) -> None:
    """Serve the web page and the HTTP API (OpenAPI at /api/docs) over the register.

    Example: fehrest serve --db build/demo/register.sqlite --port 8000
    """
    import uvicorn

    from fehrest.register.store import default_register_path
    from fehrest.web import create_app

    target = db_target(db) or str(default_register_path())
    web_app = create_app(target)
    console.print(f"Fehrest at http://{host}:{port}/ (API: http://{host}:{port}/api/docs)", highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning", access_log=access_log)


def _default_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


@token_app.command("create")
def token_create(
    name: Annotated[
        str | None, typer.Option("--name", help="Who uses it; the audit log records this name.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Create an API token and print it once (only its hash is stored).

    Example: fehrest token create --name maryam --db build/demo/register.sqlite
    """
    from fehrest.register.tokens import create_token

    with open_register(db) as reg:
        info, token = create_token(reg, name or _default_name())
    print(token)
    print(
        f"token {info.token_id} for {info.name!r}: shown only now; "
        "send it as 'Authorization: Bearer <token>'",
        file=sys.stderr,
    )


@token_app.command("list")
def token_list(
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table, db: DbOption = None
) -> None:
    """List API tokens (names, ids, dates; never the secrets).

    Example: fehrest token list --format json
    """
    from fehrest.register.tokens import list_tokens

    with open_register(db) as reg:
        tokens = list_tokens(reg)
    rows = [
        {
            "token_id": t.token_id,
            "name": t.name,
            "created_at": t.created_at,
            "last_used_at": t.last_used_at or "",
            "revoked_at": t.revoked_at or "",
        }
        for t in tokens
    ]
    print_rows(
        rows, fmt, "API tokens", [{**r, "active": t.active} for r, t in zip(rows, tokens, strict=True)]
    )


@token_app.command("revoke")
def token_revoke(
    name_or_id: Annotated[str, typer.Argument(help="The token's name or its id (from 'token list').")],
    db: DbOption = None,
) -> None:
    """Revoke a token: requests with it are refused from now on.

    Example: fehrest token revoke maryam
    """
    from fehrest.register.tokens import revoke_token

    with open_register(db) as reg:
        revoked = revoke_token(reg, name_or_id)
    sys.stdout.write(json.dumps([{"token_id": t.token_id, "name": t.name} for t in revoked]) + "\n")
