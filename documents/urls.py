from django.urls import path

from documents.views import contributing, reading

app_name = "documents"

urlpatterns = [
    path("", reading.library, name="library"),
    path("documents/", reading.document_list, name="list"),
    path("documents/export/<str:fmt>/", reading.export, name="export"),
    path("documents/<uuid:uid>/", reading.document_detail, name="detail"),
    path("documents/<uuid:uid>/read/", reading.document_read, name="read"),
    path("documents/<uuid:uid>/compare/", reading.revision_compare, name="compare"),
    path("documents/<uuid:uid>/cite/<str:style>/", reading.cite, name="cite"),
    path("files/<int:file_id>/download/", reading.file_download, name="download"),
    # Contributing.
    path("mine/", contributing.my_documents, name="mine"),
    path("new/", contributing.document_new, name="new"),
    path("documents/<uuid:uid>/manage/", contributing.document_manage, name="manage"),
    path("documents/<uuid:uid>/edit/", contributing.record_edit, name="edit"),
    path("documents/<uuid:uid>/files/", contributing.file_upload, name="upload"),
    path("documents/<uuid:uid>/submit/", contributing.submit, name="submit"),
    path("documents/<uuid:uid>/new-version/", contributing.new_version, name="new_version"),
    path("documents/<uuid:uid>/withdraw/", contributing.withdraw, name="withdraw"),
    path("documents/<uuid:uid>/reconfirm/", contributing.reconfirm, name="reconfirm"),
    path("documents/<uuid:uid>/relations/", contributing.relation_new, name="relation_new"),
]
