from django.dispatch import Signal

# Sent after a document is published, revised or withdrawn (on commit), with `document_id`.
# The search app listens to index it; the library itself needs no listener.
document_published = Signal()
