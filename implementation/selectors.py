"""Reads of the implementation map, limited to the documents the reader may see."""

from dataclasses import dataclass, field

from documents.selectors import documents_visible_to
from implementation.models import ImplementationArea, ProvisionTag, TagStatus


@dataclass
class MatrixRow:
    area: ImplementationArea
    measures: list[ProvisionTag] = field(default_factory=list)
    suggested: int = 0

    @property
    def is_gap(self) -> bool:
        return not self.measures


def country_matrix(*, user, organization) -> list[MatrixRow]:
    """Areas × confirmed measures of a State's (or organization's) readable documents."""
    visible = documents_visible_to(user).filter(published_revision__jurisdiction=organization)
    tags = (
        ProvisionTag.objects.filter(document__in=visible.values("pk"))
        .exclude(status=TagStatus.REJECTED)
        .select_related("document__published_revision", "area")
        .order_by("area__position", "document_id", "anchor")
    )
    rows = {area.pk: MatrixRow(area) for area in ImplementationArea.objects.all()}
    for tag in tags:
        if tag.status == TagStatus.CONFIRMED:
            rows[tag.area_id].measures.append(tag)
        else:
            rows[tag.area_id].suggested += 1
    return list(rows.values())


def document_tags(*, document) -> list[ProvisionTag]:
    return list(
        document.implementation_tags.select_related("area", "decided_by").order_by(
            "area__position", "anchor"
        )
    )
