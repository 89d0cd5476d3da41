from django.urls import path

from organizations import views

app_name = "organizations"

urlpatterns = [
    path("", views.directory, name="list"),
    path("<str:code>/", views.detail, name="detail"),
    path("<str:code>/members/", views.members, name="members"),
    path("<str:code>/members/<int:membership_id>/verify/", views.verify, name="verify"),
    path("<str:code>/members/<int:membership_id>/reject/", views.reject, name="reject"),
    path("<str:code>/members/<int:membership_id>/role/", views.set_role, name="set_role"),
]
