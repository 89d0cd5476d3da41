import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from search.embeddings import DIMENSIONS
from search.fields import EmbeddingField


class IndexedObject(models.Model):
    """What every index row points at: an object of some kind, by its id (no foreign key: the
    search indexes objects of several apps, and each provider applies its own permissions)."""

    content_type = models.CharField(_("kind"), max_length=100)
    object_id = models.BigIntegerField(_("object"))

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.content_type}:{self.object_id}"


class SearchEntry(IndexedObject):
    """One indexed object: its analysed title and body, in its own language.

    The full-text index itself is backend-specific (an FTS5 table on SQLite, a GIN index on
    PostgreSQL; see migration 0002). Permissions are applied by each provider at query time.
    """

    language = models.CharField(_("language"), max_length=8, blank=True)
    title = models.TextField(_("analysed title"))
    body = models.TextField(_("analysed text"), blank=True)
    updated_at = models.DateTimeField(_("indexed"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_entry_unique"
            )
        ]


class Labelled:
    """A thesaurus entry whose `labels` are {language: label}: a concept or a domain."""

    labels: dict[str, str]

    def __str__(self) -> str:
        return self.label_in("")

    def label_in(self, language: str) -> str:
        """The label in `language` (a content language code), else the English, else any."""
        labels = self.labels
        return labels.get(language) or labels.get("en") or next(iter(labels.values()), "")


class Concept(Labelled, models.Model):
    """A thesaurus concept (UNBIS or any SKOS vocabulary) with its label in each language."""

    source = models.CharField(_("source"), max_length=100)
    labels = models.JSONField(
        _("labels"), default=dict, help_text=_('{"en": "biological weapons", ...}')
    )
    alt_labels = models.JSONField(
        _("other labels"),
        default=dict,
        blank=True,
        help_text=_('Synonyms and acronyms by language: {"fr": ["OGM"], ...}'),
    )
    # Analysed labels, "language:token token", computed once at import for fast query matching.
    keys = models.JSONField(_("analysed labels"), default=list, blank=True)
    # A SKOS file's own identifier, and the relations it states (UNBIS's TSV gives none).
    uri = models.CharField(_("identifier"), max_length=500, blank=True)
    broader = models.ManyToManyField(
        "self", symmetrical=False, related_name="narrower", blank=True, verbose_name=_("broader")
    )
    related = models.ManyToManyField("self", blank=True, verbose_name=_("related"))

    class Meta:
        verbose_name = _("thesaurus concept")
        verbose_name_plural = _("thesaurus concepts")
        ordering = ["pk"]


class ConceptCollection(Labelled, models.Model):
    """A group of a vocabulary's concepts (a SKOS collection: the glossary's domains, such as
    "Laboratory biosafety"), for browsing the thesaurus by domain."""

    source = models.CharField(_("source"), max_length=100)
    labels = models.JSONField(_("labels"), default=dict)
    uri = models.CharField(_("identifier"), max_length=500, blank=True)
    concepts = models.ManyToManyField(
        Concept, related_name="collections", blank=True, verbose_name=_("concepts")
    )

    class Meta:
        verbose_name = _("thesaurus domain")
        verbose_name_plural = _("thesaurus domains")
        ordering = ["pk"]


class Term(models.Model):
    """A word of the spelling dictionary, with how often it occurs in one language.

    `word` is folded (search.analysis.fold), never stemmed, so a suggestion is a real word;
    `form` is its most frequent written form ("sécurité" for "securite"). The dictionary is
    rebuilt whole (search.services.terms_rebuild) as a new `generation`, so readers always see
    one complete dictionary, and a process knows its copy is stale when a newer one exists.
    """

    generation = models.PositiveBigIntegerField(_("generation"), db_index=True)
    word = models.CharField(_("word"), max_length=64)
    language = models.CharField(_("language"), max_length=8, blank=True)
    form = models.CharField(_("written form"), max_length=64)
    frequency = models.PositiveIntegerField(_("frequency"))

    class Meta:
        verbose_name = _("dictionary word")
        verbose_name_plural = _("dictionary words")
        constraints = [
            models.UniqueConstraint(
                fields=["generation", "word", "language"], name="search_term_unique"
            )
        ]

    def __str__(self) -> str:
        return self.form


class Passage(IndexedObject):
    """The embedding of one passage of an indexed object (position 0: its titles and summary)."""

    position = models.PositiveIntegerField(_("position"))
    # Where the passage starts in the object's indexed text (None for the titles and summary).
    start = models.PositiveIntegerField(_("offset"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    embedding = EmbeddingField(_("embedding"), dimensions=DIMENSIONS)

    class Meta:
        verbose_name = _("passage")
        verbose_name_plural = _("passages")
        indexes = [models.Index(fields=["content_type", "object_id"], name="search_passage_object")]

    def __str__(self) -> str:
        return f"{self.content_type}:{self.object_id}#{self.position}"


class Centroid(IndexedObject):
    """The mean of an object's passage embeddings (unit length): what the object as a whole is
    about. A long text whose one passage is close to a query ranks below a text on that subject
    throughout (search/ranking.py)."""

    embedding = EmbeddingField(_("embedding"), dimensions=DIMENSIONS)

    class Meta:
        verbose_name = _("mean embedding")
        verbose_name_plural = _("mean embeddings")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_centroid_unique"
            )
        ]


class VectorState(models.Model):
    """Changes whenever a kind's passages change, in the same transaction: processes that keep
    an in-memory vector index compare it to know when to refresh (a rollback rolls it back)."""

    content_type = models.CharField(max_length=100, unique=True)
    # Set when the row is made: a new generation means the table was emptied or replaced.
    generation = models.UUIDField(default=uuid.uuid4)
    version = models.UUIDField(default=uuid.uuid4)

    def __str__(self) -> str:
        return f"{self.content_type}@{self.version}"
