"""Citation formats for a published version: RIS, BibTeX, CSL-JSON, and schema.org JSON-LD."""

import json
import re

from documents.models import DocumentRevision, DocumentType, LegalStatus

RIS_TYPES = {
    DocumentType.TREATY: "LEGAL",
    DocumentType.PROTOCOL: "LEGAL",
    DocumentType.NATIONAL_LAW: "STAT",
    DocumentType.REGULATION: "LEGAL",
    DocumentType.CASE_LAW: "CASE",
    DocumentType.PUBLICATION: "JOUR",
    DocumentType.REPORT: "RPRT",
    DocumentType.STANDARD: "STAND",
    DocumentType.UN_RESOLUTION: "GOVDOC",
}
CSL_TYPES = {
    DocumentType.TREATY: "treaty",
    DocumentType.PROTOCOL: "treaty",
    DocumentType.NATIONAL_LAW: "legislation",
    DocumentType.REGULATION: "regulation",
    DocumentType.CASE_LAW: "legal_case",
    DocumentType.PUBLICATION: "article-journal",
    DocumentType.REPORT: "report",
    DocumentType.STANDARD: "standard",
}
SCHEMA_TYPES = {
    DocumentType.TREATY: "Legislation",
    DocumentType.PROTOCOL: "Legislation",
    DocumentType.NATIONAL_LAW: "Legislation",
    DocumentType.REGULATION: "Legislation",
    DocumentType.UN_RESOLUTION: "Legislation",
    DocumentType.PUBLICATION: "ScholarlyArticle",
    DocumentType.REPORT: "Report",
}


def _date(revision: DocumentRevision):
    return revision.date_adopted or revision.date_published


def ris(revision: DocumentRevision, url: str) -> str:
    lines = [f"TY  - {RIS_TYPES.get(revision.doc_type, 'GEN')}", f"TI  - {revision.title}"]
    lines.append(f"AU  - {revision.issuing_authority or revision.jurisdiction.name}")
    if when := _date(revision):
        lines += [f"PY  - {when.year}", f"DA  - {when:%Y/%m/%d}"]
    if revision.official_number:
        lines.append(f"M1  - {revision.official_number}")
    lines += [f"LA  - {revision.language}", f"UR  - {url}"]
    if revision.summary:
        lines.append(f"AB  - {' '.join(revision.summary.split())}")
    lines += [f"KW  - {keyword}" for keyword in revision.keywords]
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([{}&%$#_])", r"\\\1", text)


def bibtex(revision: DocumentRevision, url: str) -> str:
    when = _date(revision)
    key = re.sub(
        r"\W+",
        "",
        f"{revision.jurisdiction.code}{when.year if when else ''}{revision.document.uid.hex[:6]}",
    )
    fields = {
        "title": f"{{{_bibtex_escape(revision.title)}}}",
        "author": f"{{{_bibtex_escape(revision.issuing_authority or revision.jurisdiction.name)}}}",
        "year": str(when.year) if when else "",
        "number": _bibtex_escape(revision.official_number),
        "language": revision.language,
        "url": url,
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@misc{{{key},\n{body}\n}}\n"


def csl_json(revision: DocumentRevision, url: str) -> str:
    when = _date(revision)
    item = {
        "id": str(revision.document.uid),
        "type": CSL_TYPES.get(revision.doc_type, "document"),
        "title": revision.title,
        "author": [{"literal": revision.issuing_authority or revision.jurisdiction.name}],
        "jurisdiction": revision.jurisdiction.code,
        "language": revision.language,
        "URL": url,
        "number": revision.official_number or None,
        "abstract": revision.summary or None,
        "issued": {"date-parts": [[when.year, when.month, when.day]]} if when else None,
        "version": str(revision.number),
    }
    return json.dumps(
        [{k: v for k, v in item.items() if v is not None}], ensure_ascii=False, indent=2
    )


def json_ld(revision: DocumentRevision, url: str) -> str:
    """schema.org description for the document page (Legislation, ScholarlyArticle, ...)."""
    kind = SCHEMA_TYPES.get(revision.doc_type, "CreativeWork")
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "@id": url,
        "url": url,
        "name": revision.title,
        "inLanguage": revision.language,
        "description": revision.summary or None,
        "version": str(revision.number),
        "datePublished": revision.date_published.isoformat() if revision.date_published else None,
        "keywords": ", ".join(revision.keywords) or None,
        "license": revision.licence or None,
        "sameAs": revision.source_url or None,
        "publisher": {"@type": "Organization", "name": revision.document.organization.name},
    }
    if kind == "Legislation":
        data |= {
            "legislationIdentifier": revision.official_number or revision.work_identifier or None,
            "legislationDate": revision.date_adopted.isoformat() if revision.date_adopted else None,
            "legislationJurisdiction": revision.jurisdiction.name,
            "legislationLegalForce": LegalStatus.schema_org(revision.legal_status),
        }
    # "</" must not close the script element that carries this.
    return json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False).replace(
        "</", "<\\/"
    )
