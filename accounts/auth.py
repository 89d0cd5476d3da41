def login_identifier(request, credentials) -> str | None:
    """The account a sign-in attempt targets, for django-axes: the e-mail, lower-cased.

    allauth passes {"email": ..., "password": ...}; the admin and plain forms post "login" or
    "username".
    """
    credentials = credentials or {}
    data = getattr(request, "POST", {}) if request is not None else {}
    value = (
        credentials.get("email")
        or credentials.get("username")
        or data.get("login")
        or data.get("username")
    )
    return value.strip().lower() if isinstance(value, str) else None
