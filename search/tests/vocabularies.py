"""Vocabularies for the thesaurus tests: a small SKOS file, and a way to load any file."""

from search.thesaurus import thesaurus_import

SKOS_FILE = """<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:skos="http://www.w3.org/2004/02/skos/core#">
  <skos:Concept rdf:about="https://example.org/lmo">
    <skos:prefLabel xml:lang="en">living modified organisms</skos:prefLabel>
    <skos:prefLabel xml:lang="fr">organismes vivants modifiés</skos:prefLabel>
    <skos:prefLabel xml:lang="es">organismos vivos modificados</skos:prefLabel>
    <skos:altLabel xml:lang="es">OVM</skos:altLabel>
    <skos:altLabel xml:lang="es">transgénicos</skos:altLabel>
    <skos:broader rdf:resource="https://example.org/biotech"/>
    <skos:related rdf:resource="https://example.org/moratorium"/>
    <skos:related rdf:resource="https://example.org/not-in-this-file"/>
  </skos:Concept>
  <skos:Concept rdf:about="https://example.org/biotech">
    <skos:prefLabel xml:lang="en">modern biotechnology</skos:prefLabel>
  </skos:Concept>
  <skos:Concept rdf:about="https://example.org/moratorium">
    <skos:prefLabel xml:lang="en">moratorium on GMOs</skos:prefLabel>
    <skos:prefLabel xml:lang="es">moratoria de los OVM</skos:prefLabel>
    <skos:narrower rdf:resource="https://example.org/seed-moratorium"/>
  </skos:Concept>
  <skos:Concept rdf:about="https://example.org/seed-moratorium">
    <skos:prefLabel xml:lang="en">moratorium on GM seeds</skos:prefLabel>
  </skos:Concept>
  <skos:Collection rdf:about="https://example.org/domain/biotech">
    <skos:prefLabel xml:lang="en">Biotechnology</skos:prefLabel>
    <skos:prefLabel xml:lang="fr">Biotechnologie</skos:prefLabel>
    <skos:member rdf:resource="https://example.org/lmo"/>
    <skos:member rdf:resource="https://example.org/biotech"/>
    <skos:member rdf:resource="https://example.org/not-in-this-file"/>
  </skos:Collection>
</rdf:RDF>
"""


def imported(tmp_path, name: str, content: str, source: str) -> int:
    """Write `content` as the file `name` and import it as the vocabulary `source`."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return thesaurus_import(path=path, source=source)


# The same vocabulary as SKOS_FILE, in Turtle.
SKOS_TURTLE = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://example.org/> .

ex:lmo a skos:Concept ;
    skos:prefLabel "living modified organisms"@en, "organismes vivants modifiés"@fr,
        "organismos vivos modificados"@es ;
    skos:altLabel "OVM"@es, "transgénicos"@es ;
    skos:broader ex:biotech ;
    skos:related ex:moratorium, <https://example.org/not-in-this-file> .
ex:biotech a skos:Concept ; skos:prefLabel "modern biotechnology"@en .
ex:moratorium a skos:Concept ;
    skos:prefLabel "moratorium on GMOs"@en, "moratoria de los OVM"@es ;
    skos:narrower ex:seed-moratorium .
ex:seed-moratorium a skos:Concept ; skos:prefLabel "moratorium on GM seeds"@en .
<https://example.org/domain/biotech> a skos:Collection ;
    skos:prefLabel "Biotechnology"@en, "Biotechnologie"@fr ;
    skos:member ex:lmo, ex:biotech, <https://example.org/not-in-this-file> .
"""

# One concept written as rdf:Description with rdf:type, and labels tagged zh-Hans and fr-CA.
SKOS_DESCRIPTION = """<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:skos="http://www.w3.org/2004/02/skos/core#">
  <rdf:Description rdf:about="https://example.org/biosafety">
    <rdf:type rdf:resource="http://www.w3.org/2004/02/skos/core#Concept"/>
    <skos:prefLabel xml:lang="en">biosafety</skos:prefLabel>
    <skos:prefLabel xml:lang="zh-Hans">生物安全</skos:prefLabel>
    <skos:prefLabel xml:lang="fr-CA">biosécurité</skos:prefLabel>
    <skos:prefLabel xml:lang="de">Biosicherheit</skos:prefLabel>
  </rdf:Description>
</rdf:RDF>
"""

# Labels as SKOS-XL label resources (skosxl:prefLabel → skosxl:literalForm).
SKOS_XL = """<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:skos="http://www.w3.org/2004/02/skos/core#"
         xmlns:skosxl="http://www.w3.org/2008/05/skos-xl#">
  <skos:Concept rdf:about="https://example.org/c_quarantine">
    <skosxl:prefLabel>
      <skosxl:Label rdf:about="https://example.org/xl_en_1">
        <skosxl:literalForm xml:lang="en">quarantine</skosxl:literalForm>
      </skosxl:Label>
    </skosxl:prefLabel>
    <skosxl:prefLabel rdf:resource="https://example.org/xl_es_1"/>
    <skosxl:altLabel rdf:resource="https://example.org/xl_es_2"/>
  </skos:Concept>
  <skosxl:Label rdf:about="https://example.org/xl_es_1">
    <skosxl:literalForm xml:lang="es">cuarentena</skosxl:literalForm>
  </skosxl:Label>
  <skosxl:Label rdf:about="https://example.org/xl_es_2">
    <skosxl:literalForm xml:lang="es">aislamiento sanitario</skosxl:literalForm>
  </skosxl:Label>
</rdf:RDF>
"""
