"""WeasyPrint's notice about HarfBuzz-Subset stays in the log at DEBUG, out of the way."""

from __future__ import annotations

import logging

import pytest

from exports.gaps_pdf import FontSubsetNotice


def test_the_font_subset_notice_is_demoted_and_other_warnings_stay(
    caplog: pytest.LogCaptureFixture,
) -> None:
    log = logging.getLogger("weasyprint.test_notice")
    log.addFilter(FontSubsetNotice())
    with caplog.at_level(logging.WARNING, logger="weasyprint.test_notice"):
        log.warning('Using fontTools instead of HarfBuzz-Subset for font "%s".', "DejaVu Sans")
        log.warning("Something else")
    assert [record.getMessage() for record in caplog.records] == ["Something else"]
