from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from accounts import receivers  # noqa: F401  (connects the audit receivers)
        from accounts.profile_section import contacts_section
        from organizations.profile import register_profile_section

        register_profile_section(contacts_section)
