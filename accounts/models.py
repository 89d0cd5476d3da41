from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class ISURole(models.TextChoices):
    NONE = "", _("None")
    MODERATOR = "moderator", _("Moderator")
    ADMINISTRATOR = "administrator", _("Administrator")


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Only me and the ISU")
    MEMBERS = "members", _("Verified members")
    PUBLIC = "public", _("Everyone")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.update(is_staff=True, is_superuser=True, isu_role=ISURole.ADMINISTRATOR)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account; signs in with their e-mail address.

    `isu_role` makes ISU staff (moderator, administrator); the affiliation to an organization is
    the `membership` (organizations app).
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "Pages open in this language after you sign in, and e-mails are written in it."
        ),
    )
    isu_role = models.CharField(
        _("ISU role"), max_length=20, choices=ISURole.choices, blank=True, default=ISURole.NONE
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def display_name(self) -> str:
        return self.full_name or self.email.split("@")[0]

    @property
    def is_isu_staff(self) -> bool:
        return self.isu_role in {ISURole.MODERATOR, ISURole.ADMINISTRATOR}

    @property
    def is_isu_administrator(self) -> bool:
        return self.isu_role == ISURole.ADMINISTRATOR


def default_visibility() -> dict[str, str]:
    return {field: Visibility.MEMBERS for field in Profile.VISIBLE_FIELDS}


class Profile(models.Model):
    """What a person tells others about themselves, each field with its own visibility."""

    VISIBLE_FIELDS = ("job_title", "expertise", "languages", "bio")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        related_name="profile",
        on_delete=models.CASCADE,
    )
    job_title = models.CharField(_("title or position"), max_length=200, blank=True)
    expertise = models.ManyToManyField(
        "taxonomy.Topic", verbose_name=_("expertise topics"), blank=True, related_name="+"
    )
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    bio = models.TextField(_("short biography"), blank=True, max_length=2000)
    visibility = models.JSONField(_("visibility of each field"), default=default_visibility)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)

    def visibility_of(self, field: str) -> str:
        return self.visibility.get(field, Visibility.MEMBERS)
