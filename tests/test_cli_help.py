"""Every command and subcommand on the app explains itself; new commands are covered as they come."""
from __future__ import annotations

import typer.main

from quotestance.cli.app import app


def walk(command, path: tuple[str, ...] = ()):
    """``(path, command)`` for the command and everything registered below it (a group has
    ``commands``; typer may ship its own copy of click, so no isinstance check on click's classes)."""
    yield path, command
    for name, sub in sorted((getattr(command, "commands", None) or {}).items()):
        yield from walk(sub, (*path, name))


def test_every_command_and_subcommand_has_help_text():
    commands = list(walk(typer.main.get_command(app)))
    names = {" ".join(path) for path, _ in commands}
    assert {"", "tag", "inspect", "summary", "labels", "labels check"} <= names
    missing = [" ".join(("quotestance", *path)) for path, cmd in commands if not (cmd.help or "").strip()]
    assert missing == []
