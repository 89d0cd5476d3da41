from django.urls import path

from documents.views import reviewing

app_name = "moderation"

urlpatterns = [
    path("documents/", reviewing.queue, name="queue"),
    path("documents/<int:revision_id>/", reviewing.review, name="review"),
    path("documents/<int:revision_id>/approve/", reviewing.approve, name="approve"),
    path("documents/<int:revision_id>/publish/", reviewing.publish, name="publish"),
    path("documents/<int:revision_id>/changes/", reviewing.request_changes, name="request_changes"),
    path("documents/<int:revision_id>/reject/", reviewing.reject, name="reject"),
]
