"""Every Spanish message of the web app has its English translation (web/locale/en)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir

from web import i18n

WEB = Path(__file__).resolve().parents[2] / "web"
METHODS = [("**.py", "python"), ("templates/**.html", "jinja2")]


def messages() -> set[str]:
    """Every message id the code and templates mark for translation."""
    found = set()
    for _, _, message, _, _ in extract_from_dir(str(WEB), method_map=METHODS):
        found.update([message] if isinstance(message, str) else message)
    return {m for m in found if m}


def test_the_web_app_marks_its_texts_for_translation() -> None:
    assert len(messages()) > 100


def test_every_message_has_an_english_translation() -> None:
    english = i18n.catalogue("en")
    missing = sorted(m for m in messages() if not english.get(m))
    assert missing == []


def test_english_keeps_every_placeholder() -> None:
    english = i18n.catalogue("en")
    broken = [
        source
        for source, target in english.items()
        if sorted(part.split(")")[0] for part in source.split("%(")[1:])
        != sorted(part.split(")")[0] for part in target.split("%(")[1:])
    ]
    assert broken == []
