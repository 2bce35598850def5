"""HiGHS's start-up banner never reaches standard output (it pollutes `--json -`)."""

from __future__ import annotations

import subprocess
import sys


def test_a_process_that_imports_the_optimizer_prints_no_highs_banner() -> None:
    code = "import optimizer, highspy; highspy.Highs(); print('listo')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "listo\n"
    assert "HiGHS" not in done.stderr
