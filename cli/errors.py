"""Turn library errors into one line on stderr and an exit code; nothing else prints tracebacks."""
from __future__ import annotations

import functools
import sys
from typing import Callable

import typer

EXIT_ERROR = 1  # bad input or a failed check
EXIT_USAGE = 2  # a bad command line: click's code for its own usage errors, used for ours too


def fail(message: str, code: int = EXIT_ERROR) -> None:
    """Print ``quotestance: error: message`` on stderr and exit."""
    typer.echo(f"quotestance: error: {message}", err=True)
    raise typer.Exit(code)


def usage(message: str) -> None:
    """A command line that cannot be run as given (a value out of range, options that do not go
    together): one line and exit 2, as for an unknown option."""
    fail(message, EXIT_USAGE)


def one_line(e: Exception) -> str:
    """A library error as the one line the user sees: "x.html: Permission denied", not
    "[Errno 13] Permission denied: 'x.html'"."""
    msg = str(e) or type(e).__name__
    if isinstance(e, OSError) and e.strerror:
        msg = f"{e.filename}: {e.strerror}" if e.filename else e.strerror
    elif isinstance(e, OSError) and e.filename and str(e.filename) not in msg:
        msg = f"{e.filename}: {msg}"
    return msg.splitlines()[0] if msg else type(e).__name__


def handled(fn: Callable) -> Callable:
    """Run a command, turning the library's errors (ValueError, OSError) into one line and exit 1."""

    @functools.wraps(fn)
    def run(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except KeyboardInterrupt:
            typer.echo("quotestance: interrupted", err=True)
            raise typer.Exit(130) from None
        except (ValueError, OSError) as e:
            if isinstance(e, BrokenPipeError):  # e.g. piped into `head`
                sys.stderr.close()
                raise typer.Exit(0) from None
            fail(one_line(e))

    return run
