import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

# Load the search's long-lived data before the first request, then leave it out of the garbage
# collector's full passes (search/warmup.py says why). Workers forked after this share it too.
from search.warmup import warm_up  # noqa: E402  (needs the app registry set up above)

warm_up()
gc.freeze()
