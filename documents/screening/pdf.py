"""PDF files: readable, not encrypted, and without JavaScript, launch actions or attachments.

The object graph is walked iteratively with a visited set (PDF graphs may be cyclic) and a
budget of nodes, so a hostile file cannot make the walk hang.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from documents.screening.findings import HOLD, REFUSE, Finding

NODE_BUDGET = 200_000
EOF_WINDOW = 8192
# Keys not followed: those leading back up the tree (what is below them is reached from
# elsewhere), and large subtrees where a PDF reader never runs an action (page contents,
# fonts, images, the structure tree of a tagged PDF).
_SKIPPED_KEYS = {"/Parent", "/P", "/Contents", "/Font", "/XObject", "/Thumb", "/Metadata"}
_SKIPPED_KEYS |= {"/StructTreeRoot", "/ParentTree", "/ColorSpace", "/Pattern", "/Shading"}
_CONTAINERS = (IndirectObject, DictionaryObject, ArrayObject)

_MESSAGES = {
    "pdf_javascript": _(
        "The PDF contains JavaScript. A moderator will check it before it can be published; "
        "to avoid the wait, print it to a new PDF without scripts and upload that."
    ),
    "pdf_launch_action": _(
        "The PDF contains an action that starts another program. A moderator will check it "
        "before it can be published."
    ),
    "pdf_embedded_file": _(
        "The PDF has files attached inside it. A moderator will check them before it can be "
        "published; to avoid the wait, upload the attachments as separate documents."
    ),
}


def screen_pdf(file: BinaryIO, *, size: int) -> list[Finding]:
    """Refuse an encrypted or unreadable PDF; hold one with active content or attachments."""
    file.seek(max(size - EOF_WINDOW, 0))
    if b"%%EOF" not in file.read(EOF_WINDOW):
        return [_malformed({"reason": "no %%EOF marker: the file is truncated"})]
    try:
        file.seek(0)
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted:
            message = _(
                "The PDF is protected by a password or encryption, so it cannot be checked. "
                "Remove the password (print it to a new PDF, for example) and upload it again."
            )
            return [Finding("pdf_encrypted", REFUSE, message)]
        pages = list(reader.pages)
    except Exception as error:  # pypdf raises many kinds of error on a hostile file
        return [_malformed({"reason": type(error).__name__})]
    if not pages:
        return [_malformed({"reason": "no pages"})]
    walk = _walk(reader, pages)
    findings = [_active_content(check, found) for check, found in walk.hits.items()]
    if walk.budget <= 0 or walk.unreadable:
        message = _(
            "Parts of the PDF could not be checked automatically. A moderator will check it "
            "before it can be published."
        )
        detail = {"unreadable_objects": walk.unreadable, "budget_exhausted": walk.budget <= 0}
        findings.append(Finding("pdf_malformed", HOLD, message, detail=detail))
    return findings


def _malformed(detail: dict) -> Finding:
    message = _(
        "The PDF is damaged or incomplete and cannot be read. "
        "Open it, save or export it again as PDF and upload the new file."
    )
    return Finding("pdf_malformed", REFUSE, message, detail=detail)


def _active_content(check: str, found: list[tuple[int | None, str]]) -> Finding:
    pages = sorted({page for page, _name in found if page is not None})
    names = sorted({name for _page, name in found if name})
    detail = {
        "count": len(found),
        "pages": pages[:50],
        "document_level": any(page is None for page, _name in found),
    }
    if names:
        detail["names"] = names[:20]
    return Finding(
        check,
        HOLD,
        _MESSAGES[check],
        page=pages[0] if pages else None,
        excerpt=", ".join(names[:3]),
        detail=detail,
    )


@dataclass
class _Walk:
    """The state of a walk through a PDF's objects."""

    hits: dict[str, list[tuple[int | None, str]]] = field(default_factory=dict)
    visited: set[tuple[int, int]] = field(default_factory=set)
    budget: int = NODE_BUDGET
    unreadable: int = 0


def _walk(reader: PdfReader, pages: list) -> _Walk:
    """Every JavaScript, launch action and embedded file reachable from the pages (with their
    page number) and from the catalog, within the budget of nodes."""
    walk = _Walk(budget=NODE_BUDGET)
    for page in pages:
        if page.indirect_reference is not None:
            walk.visited.add((page.indirect_reference.idnum, page.indirect_reference.generation))
    roots: list[tuple[int | None, object]] = list(enumerate(pages, 1))
    roots.append((None, reader.trailer))
    for page_number, root in roots:
        for check, name in _scan(root, walk):
            walk.hits.setdefault(check, []).append((page_number, name))
        if walk.budget <= 0:
            break
    return walk


def _scan(root: object, walk: _Walk) -> Iterator[tuple[str, str]]:
    stack = [root]
    while stack and walk.budget > 0:
        walk.budget -= 1
        node = stack.pop()
        try:
            if isinstance(node, IndirectObject):
                key = (node.idnum, node.generation)
                if key in walk.visited:
                    continue
                walk.visited.add(key)
                node = node.get_object()
            found = list(_inspect(node)) if isinstance(node, DictionaryObject) else []
        except Exception:  # a broken object: the rest of the file is still worth walking
            walk.unreadable += 1
            continue
        yield from found
        if isinstance(node, DictionaryObject):
            stack.extend(
                value
                for key, value in dict.items(node)
                if key not in _SKIPPED_KEYS and isinstance(value, _CONTAINERS)
            )
        elif isinstance(node, ArrayObject):
            stack.extend(value for value in list.__iter__(node) if isinstance(value, _CONTAINERS))


def _inspect(node: DictionaryObject) -> Iterator[tuple[str, str]]:
    """The active content one dictionary declares, as (check, attachment name) pairs."""
    action = _plain(node, "/S")
    if action == "/JavaScript" or "/JS" in node:
        yield "pdf_javascript", ""
    if "/JavaScript" in node:  # the document-level JavaScript name tree in /Names
        yield "pdf_javascript", ""
    if action == "/Launch":
        yield "pdf_launch_action", ""
    if "/EmbeddedFiles" in node:
        yield "pdf_embedded_file", ""
    if _plain(node, "/Subtype") == "/FileAttachment" or "/EF" in node:
        yield "pdf_embedded_file", _plain(node, "/UF") or _plain(node, "/F")


def _plain(node: DictionaryObject, key: str) -> str:
    """The string or name value of `node[key]`, or ""."""
    value = dict.get(node, key)
    if isinstance(value, IndirectObject):
        value = value.get_object()
    return str(value) if isinstance(value, str) else ""
