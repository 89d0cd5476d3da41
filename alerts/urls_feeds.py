"""Atom feeds, outside the language prefix: feed readers keep one address."""

from django.urls import path

from alerts.feeds import SavedSearchFeed, SearchFeed

app_name = "alerts_feeds"

urlpatterns = [
    path("feed.atom", SearchFeed(), name="search"),
    path("<uuid:uid>/feed.atom", SavedSearchFeed(), name="saved"),
]
