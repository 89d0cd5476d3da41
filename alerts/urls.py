from django.urls import path

from alerts import views

app_name = "alerts"

urlpatterns = [
    path("", views.saved_search_list, name="list"),
    path("save/", views.saved_search_save, name="save"),
    path("<uuid:uid>/", views.saved_search_detail, name="detail"),
    path("<uuid:uid>/delete/", views.saved_search_delete, name="delete"),
    path("<uuid:uid>/token/", views.saved_search_rotate_token, name="rotate_token"),
]
