from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Saved searches and alerts")

    def ready(self) -> None:
        from alerts import receivers  # noqa: F401  (immediate alerts once a document is indexed)
