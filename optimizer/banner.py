"""HiGHS's start-up banner sent to the log instead of standard output.

highspy prints two lines ("Running HiGHS 1.16.0 ... Copyright ...") on the process's
standard output the first time a process creates a model, before any option such as
``output_flag`` can be set. ``quiet_banner`` creates that first model with file
descriptor 1 pointed at a temporary file and logs the lines at DEBUG, so ``roster plan``
and ``--json -`` print only what the product writes. It runs on importing ``optimizer``,
so every process that solves (the CLI, pool workers, job workers) is covered.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import sys
import tempfile

import highspy

log = logging.getLogger(__name__)
_quiet: list[bool] = []


def _flush_c_stdout() -> None:
    """Flush C's stdio buffers, so the banner is in the file before it is read back."""
    with contextlib.suppress(OSError, AttributeError):  # no C library to ask: nothing buffered
        ctypes.CDLL(None).fflush(None)


def quiet_banner() -> None:
    """Create this process's first HiGHS model with its banner going to the log (once)."""
    if _quiet:
        return
    _quiet.append(True)
    try:
        sys.stdout.flush()
        saved = os.dup(1)
    except (OSError, ValueError):  # no real standard output (embedded): nothing to keep clean
        return
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 1)
        try:
            highspy.Highs()
            _flush_c_stdout()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        sink.seek(0)
        banner = sink.read().decode("utf-8", errors="replace")
    for line in banner.splitlines():
        log.debug("HiGHS: %s", line)
