from django.urls import path

from implementation import views

app_name = "implementation"

urlpatterns = [
    path("", views.index, name="index"),
    path("compare/", views.compare, name="compare"),
    path("documents/<uuid:uid>/", views.document_tags, name="document_tags"),
    path("tags/<int:tag_id>/decide/", views.decide, name="decide"),
    path("<str:code>/", views.matrix, name="matrix"),
]
