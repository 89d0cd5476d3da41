"""Optical character recognition of PDF pages with poppler's pdftoppm and tesseract,
used only where both programs are installed."""

import functools
import shutil
import subprocess
import tempfile
from pathlib import Path

# Tesseract's names for the six languages of the platform.
WANTED_LANGUAGES = ("ara", "chi_sim", "eng", "fra", "rus", "spa")


class OCRError(Exception):
    """A page could not be recognised (a program failed or ran out of time)."""


def ocr_available() -> bool:
    return bool(shutil.which("tesseract") and shutil.which("pdftoppm"))


@functools.cache
def installed_languages() -> tuple[str, ...]:
    """Those of ``WANTED_LANGUAGES`` that tesseract has data for (asked once)."""
    tesseract = shutil.which("tesseract")
    if not tesseract:
        return ()
    try:
        listing = subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [tesseract, "--list-langs"], capture_output=True, text=True, timeout=30, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    # The first line is a header: "List of available languages in ...".
    available = {line.strip() for line in listing.stdout.splitlines()[1:]}
    return tuple(lang for lang in WANTED_LANGUAGES if lang in available)


def ocr_page(pdf_path: Path, page_number: int, *, timeout: int) -> str:
    """The text of page ``page_number`` (1-based) of the PDF at ``pdf_path``, read from
    an image rendered at 200 dpi; each program gets ``timeout`` seconds."""
    pdftoppm, tesseract = shutil.which("pdftoppm"), shutil.which("tesseract")
    if not (pdftoppm and tesseract):
        raise OCRError("pdftoppm or tesseract is not installed")
    languages = installed_languages()
    with tempfile.TemporaryDirectory(prefix="secbio-ocr-") as folder:
        prefix = Path(folder) / "page"
        page = str(page_number)
        render = [pdftoppm, "-r", "200", "-png", "-f", page, "-l", page, "-singlefile"]
        recognise = [tesseract, f"{prefix}.png", "stdout"]
        if languages:
            recognise += ["-l", "+".join(languages)]
        try:
            subprocess.run(  # noqa: S603 - fixed arguments, no shell
                [*render, str(pdf_path), str(prefix)],
                capture_output=True,
                timeout=timeout,
                check=True,
            )
            result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
                recognise, capture_output=True, timeout=timeout, check=True
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise OCRError(str(exc)) from exc
    return result.stdout.decode("utf-8", errors="replace")
