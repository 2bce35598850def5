"""A rich progress bar for long analyses: a callback ``(done, total)`` the service calls."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

OnProgress = Callable[[int, int], None]


@contextmanager
def progress_bar(out: Console, label: str) -> Iterator[OnProgress]:
    """Show a bar labelled ``label`` while the block runs; yield the callback that moves it."""
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=out, disable=out.quiet) as bar:
        task = bar.add_task(label, total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance
