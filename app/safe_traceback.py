"""Tracebacks that can be logged without leaking case content.

An exception's message may quote what the officer typed or what the vault holds (a name in a
validation error, a reference in a constraint failure), and locals certainly do. What reaches
stderr or a log is therefore only the exception's type and the code locations it passed
through — enough for a developer to find the bug, nothing about the person.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType


def safe_format(exc: BaseException) -> str:
    """'TypeName' plus 'file:line in function' frames, without message, source text or locals."""
    lines = [f"{type(exc).__module__}.{type(exc).__qualname__} (message withheld)"]
    for frame in traceback.extract_tb(exc.__traceback__):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    cause = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    if cause is not None:
        lines.append("caused by:")
        lines.extend("  " + line for line in safe_format(cause).splitlines())
    return "\n".join(lines)


def install_safe_excepthook(on_error=None) -> None:  # noqa: ANN001 - optional callback
    """Replace sys.excepthook: print the safe form, then tell the user through `on_error`."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        print("Casepath: unexpected error\n" + safe_format(exc), file=sys.stderr)
        if on_error is not None:
            on_error(exc)

    sys.excepthook = hook
