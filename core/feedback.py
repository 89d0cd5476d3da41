from django.contrib import messages
from django.core.exceptions import ValidationError


def report_errors(request, error: ValidationError) -> None:
    """Show each message of a refused action to the person, on the page they return to."""
    for message in error.messages:
        messages.error(request, message)
