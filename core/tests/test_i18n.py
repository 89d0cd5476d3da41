"""Six complete catalogues, and no user-facing text outside them."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ["ar", "zh_Hans", "en", "fr", "ru", "es"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
# Every app (a folder with apps.py), the settings and the templates.
SOURCE_DIRS = [*sorted(path.parent.name for path in ROOT.glob("*/apps.py")), "config", "templates"]


def _catalogue(locale: str):
    with (ROOT / "locale" / locale / "LC_MESSAGES" / "django.po").open("rb") as handle:
        return read_po(handle, locale=locale)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated_and_none_is_fuzzy(locale):
    catalogue = _catalogue(locale)
    assert len(catalogue) > 200
    untranslated = [
        m.id
        for m in catalogue
        if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])
    ]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert not untranslated, f"{locale}: {len(untranslated)} untranslated, e.g. {untranslated[:3]}"
    assert not fuzzy, f"{locale}: fuzzy {fuzzy[:3]}"


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "en"])
def test_translations_keep_every_placeholder(locale):
    for message in _catalogue(locale):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            # A plural form may leave the count implicit ("un" for 1); no other placeholder may go.
            assert set(PLACEHOLDER.findall(string)) >= expected - {"counter"}, (locale, message.id)


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext (xgettext) is not installed")
def test_catalogues_contain_every_message_of_the_code_and_templates(tmp_path):
    """Extract the messages afresh and check each is in the committed English catalogue."""
    for name in [*SOURCE_DIRS, "manage.py"]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, tmp_path / name, ignore=shutil.ignore_patterns("tests", "__pycache__")
            )
        else:
            shutil.copy(source, tmp_path / name)
    (tmp_path / "locale").mkdir()
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete", "-v", "0"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stderr
    with (tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po").open("rb") as handle:
        extracted = {m.id for m in read_po(handle) if m.id}
    committed = {m.id for m in _catalogue("en") if m.id}
    missing = extracted - committed
    assert not missing, f"run makemessages: {sorted(missing, key=str)[:5]}"


# --- templates: text must go through {% translate %} / {% blocktranslate %} ---------------

# Names that are the same in every language: the brand and file or citation formats.
ALLOWED_LITERALS = {
    "SecBio",
    "RIS",
    "BibTeX",
    "CSL-JSON",
    "CSV",
    "XLSX",
    "SHA-256",
    "·",
    "—",
    "(",
    ")",
    ":",
    "/",
    ",",
    ".",
}
TEMPLATE_TAG = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)
BLOCK_TRANSLATE = re.compile(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S)
TAG = re.compile(r"<[^>]+>", re.S)
TEXT_ATTRIBUTE = re.compile(r'\b(?:aria-label|title|alt|placeholder)="([^"]*)"')


def _templates():
    return [
        pytest.param(path, id=str(path.relative_to(ROOT)))
        for path in sorted((ROOT / "templates").rglob("*.html"))
    ]


@pytest.mark.parametrize("path", _templates())
def test_templates_have_no_untranslated_text(path):
    source = path.read_text(encoding="utf-8")
    for attribute in TEXT_ATTRIBUTE.findall(source):
        assert not re.search(r"[^\W\d_]", TEMPLATE_TAG.sub("", attribute)), (
            f"{path}: attribute text {attribute!r}"
        )
    text = BLOCK_TRANSLATE.sub(" ", source)
    text = TEMPLATE_TAG.sub(" ", text)
    text = SCRIPT_OR_STYLE.sub(" ", HTML_COMMENT.sub(" ", text))
    text = TAG.sub(" ", text)
    words = [
        word
        for word in text.split()
        if word not in ALLOWED_LITERALS and re.search(r"[^\W\d_]", word)
    ]
    assert not words, f"{path}: untranslated text {words[:8]}"
