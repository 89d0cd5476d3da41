"""What a screening check reports, and the settings that bound the checks."""

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy

REFUSE = "refuse"
HOLD = "hold"

MIB = 1024 * 1024

DEFAULTS: dict[str, Any] = {
    "SECBIO_UPLOAD_MAX_BYTES": 50 * MIB,
    "SECBIO_ARCHIVE_MAX_RATIO": 100,
    "SECBIO_ARCHIVE_MAX_UNCOMPRESSED": 200 * MIB,
    "SECBIO_ARCHIVE_MAX_ENTRIES": 2000,
    "SECBIO_PERSONAL_DATA_THRESHOLD": 10,
    "SECBIO_CLAMD_SOCKET": None,
    "SECBIO_CLAMD_TIMEOUT": 30,
}


def limit(name: str) -> Any:
    """The setting `name`, or its default when the project does not set it."""
    return getattr(settings, name, DEFAULTS[name])


@dataclass(frozen=True)
class Finding:
    """One problem found in an upload, with where it was found.

    `message` is a lazy translation: it is rendered in the language of whoever reads it.
    """

    check: str
    severity: str
    message: str
    page: int | None = None
    excerpt: str = ""
    detail: dict = field(default_factory=dict)


@dataclass
class ScreeningResult:
    """The type detected from the content, and every finding."""

    mime_type: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return any(finding.severity == REFUSE for finding in self.findings)

    @property
    def held(self) -> bool:
        return not self.refused and any(finding.severity == HOLD for finding in self.findings)

    @property
    def passed(self) -> bool:
        return not self.findings


def _interpolate(template: str, params: dict[str, Any]) -> str:
    return template % params


# `gettext_lazy(...) % params` translates at once; this keeps the message lazy until it is read.
interpolate_lazy = lazy(_interpolate, str)


# A size in the reader's language and units ("50.0 MB", "50,0 Мбайт"), rendered when read.
file_size_lazy = lazy(filesizeformat, str)


def excerpt(text: str, length: int = 160) -> str:
    """`text` on one line, cut to `length` characters."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"
