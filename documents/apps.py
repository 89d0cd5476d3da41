from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Library")

    def ready(self) -> None:
        from core.home import register_home_section
        from documents import receivers, search, vocabulary  # noqa: F401  (search, spelling)
        from documents.home import latest_documents_section

        register_home_section(latest_documents_section)

        from documents.profile import organization_documents_section
        from organizations.profile import register_profile_section

        register_profile_section(organization_documents_section)
