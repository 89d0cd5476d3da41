from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("", views.search_page, name="search"),
    path("thesaurus/", views.thesaurus, name="thesaurus"),
    path("thesaurus/<int:pk>/", views.concept, name="concept"),
]
