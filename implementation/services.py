"""Writes to the implementation map: the areas, suggestions from the text, and people's decisions."""

import json
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from documents.models import Document
from documents.permissions import can_manage_document
from implementation.models import ImplementationArea, ProvisionTag, TagStatus
from implementation.suggestions import suggest
from organizations.permissions import require

AREAS_FILE = Path(__file__).resolve().parent / "data" / "areas.json"


@transaction.atomic
def areas_load(*, path: Path = AREAS_FILE) -> int:
    areas = json.loads(path.read_text(encoding="utf-8"))["areas"]
    codes = [code for code, _name in settings.LANGUAGES]
    for position, area in enumerate(areas):
        labels = area["label"]
        ImplementationArea.objects.update_or_create(
            slug=area["slug"],
            defaults={
                "position": position,
                "keywords": area["keywords"],
                "label": labels["en"],
                **{f"label_{code.replace('-', '_')}": labels[code] for code in codes},
            },
        )
    return len(areas)


@transaction.atomic
def tags_suggest(*, document_id: int) -> int:
    """(Re)compute the suggestions for a published document; people's decisions are kept."""
    document = Document.objects.select_related("published_revision").get(pk=document_id)
    revision = document.published_revision
    if revision is None or document.is_withdrawn:
        ProvisionTag.objects.filter(document=document, status=TagStatus.SUGGESTED).delete()
        return 0
    text = "\n\n".join(revision.files.values_list("extracted_text", flat=True))
    areas = {area.slug: area for area in ImplementationArea.objects.all()}
    found = suggest(
        text=text,
        language=revision.language,
        areas=[(slug, area.keywords) for slug, area in areas.items()],
    )
    decided = set(
        ProvisionTag.objects.filter(document=document)
        .exclude(status=TagStatus.SUGGESTED)
        .values_list("area__slug", "anchor")
    )
    ProvisionTag.objects.filter(document=document, status=TagStatus.SUGGESTED).delete()
    ProvisionTag.objects.bulk_create(
        ProvisionTag(
            document=document,
            area=areas[item.area_slug],
            anchor=item.anchor,
            provision_title=item.title,
            excerpt=item.excerpt,
            score=item.score,
        )
        for item in found
        if (item.area_slug, item.anchor) not in decided
    )
    return len(found)


@transaction.atomic
def tag_decide(*, actor, tag: ProvisionTag, status: str, request=None) -> ProvisionTag:
    """A person of the contributing organization, or the ISU, confirms or rejects a tag."""
    require(can_manage_document(actor, tag.document))
    if status not in {TagStatus.CONFIRMED, TagStatus.REJECTED}:
        raise ValidationError(_("Confirm or reject the tag."))
    tag.status = status
    tag.decided_by = actor
    tag.decided_at = timezone.now()
    tag.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        action="implementation.tag_decided",
        actor=actor,
        target=tag.document,
        request=request,
        data={"area": tag.area.slug, "anchor": tag.anchor, "status": status},
    )
    return tag


@transaction.atomic
def tag_add(
    *,
    actor,
    document: Document,
    area: ImplementationArea,
    anchor: str = "",
    title: str = "",
    request=None,
) -> ProvisionTag:
    """Tag a document or provision by hand: confirmed at once."""
    require(can_manage_document(actor, document))
    tag, _created = ProvisionTag.objects.update_or_create(
        document=document,
        area=area,
        anchor=anchor,
        defaults={
            "provision_title": title,
            "status": TagStatus.CONFIRMED,
            "decided_by": actor,
            "decided_at": timezone.now(),
        },
    )
    return tag
