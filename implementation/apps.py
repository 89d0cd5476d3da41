from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImplementationConfig(AppConfig):
    name = "implementation"
    verbose_name = _("National implementation map")

    def ready(self) -> None:
        from implementation import receivers  # noqa: F401  (suggests tags when documents are published)
