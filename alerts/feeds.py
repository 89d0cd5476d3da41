"""Atom feeds of searches: a saved search's private feed (opened by its token, with its owner's
permissions) and any search's public feed (what a visitor may read)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from alerts import queries, selectors
from notifications.services import recipient_language

FEED_SIZE = 50


class LanguageAtomFeed(Atom1Feed):
    """Atom with each entry's `xml:lang`: results come in six languages."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("language"):
            attributes["xml:lang"] = item["language"]
        return attributes


@dataclass
class FeedSource:
    title: str
    link: str
    feed_url: str
    items: list[dict] = field(default_factory=list)


def _source(request, *, user, params: QueryDict, title: str, feed_url: str) -> FeedSource:
    link = request.build_absolute_uri(f"{reverse('search:search')}?{queries.normalise(params)}")
    items = []
    for result in selectors.search_matches(user=user, params=params, limit=FEED_SIZE):
        document = result["document"]
        revision = document.published_revision
        items.append(
            {
                "title": revision.display_title(),
                "link": request.build_absolute_uri(document.get_absolute_url()),
                "summary": str(result["snippet"] or revision.display_summary()),
                "published": document.published_at,
                "updated": revision.published_at or document.published_at,
                "language": revision.language,
                "guid": f"urn:uuid:{document.uid}",
            }
        )
    return FeedSource(
        title=title, link=link, feed_url=request.build_absolute_uri(feed_url), items=items
    )


class _SearchFeedBase(Feed):
    feed_type = LanguageAtomFeed

    def _respond(self, request, source: FeedSource):
        response = super().__call__(request, source=source)
        # Never kept by a shared cache: what a feed shows depends on who may read it, and a
        # withdrawn document must leave it at once.
        patch_cache_control(response, private=True, max_age=0)
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_object(self, request, source: FeedSource):
        return source

    def title(self, obj: FeedSource) -> str:
        return obj.title

    def link(self, obj: FeedSource) -> str:
        return obj.link

    def feed_url(self, obj: FeedSource) -> str:
        return obj.feed_url

    def language(self, obj: FeedSource) -> str:
        return translation.get_language()

    def items(self, obj: FeedSource) -> list[dict]:
        return obj.items

    def item_title(self, item: dict) -> str:
        return item["title"]

    def item_link(self, item: dict) -> str:
        return item["link"]

    def item_description(self, item: dict) -> str:
        return item["summary"]

    def item_pubdate(self, item: dict):
        return item["published"]

    def item_updateddate(self, item: dict):
        return item["updated"]

    def item_guid(self, item: dict) -> str:
        return item["guid"]

    item_guid_is_permalink = False

    def item_extra_kwargs(self, item: dict) -> dict:
        return {"language": item["language"]}


class SavedSearchFeed(_SearchFeedBase):
    """/alerts/<uid>/feed.atom?token=…: 404 without the right token, as if it did not exist."""

    def __call__(self, request, uid):
        saved = selectors.saved_search_for_feed(uid, request.GET.get("token", ""))
        if saved is None:
            raise Http404
        with translation.override(recipient_language(saved.user)):
            source = _source(
                request,
                user=saved.user,
                params=saved.params,
                title=_("%(site)s: %(name)s")
                % {"site": settings.SECBIO_SITE_NAME, "name": saved.name},
                feed_url=saved.feed_url(),
            )
            return self._respond(request, source)


class SearchFeed(_SearchFeedBase):
    """/alerts/feed.atom?q=…&filters: any search, showing only what a visitor may read."""

    def __call__(self, request):
        params = QueryDict(queries.normalise(request.GET))
        text = params.get("q") or _("latest documents")
        source = _source(
            request,
            user=AnonymousUser(),
            params=params,
            title=_("%(site)s search: %(query)s")
            % {"site": settings.SECBIO_SITE_NAME, "query": text},
            feed_url=f"{reverse('alerts_feeds:search')}?{params.urlencode()}",
        )
        return self._respond(request, source)
