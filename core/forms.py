from django.forms.renderers import TemplatesSetting


class SecBioFormRenderer(TemplatesSetting):
    """Every form: an error summary that links to each field, then label, hint and error above it."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
