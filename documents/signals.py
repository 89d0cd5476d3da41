from django.dispatch import Signal

# Sent after a document is published, revised or withdrawn (on commit), with `document_id`.
# The search app listens to index it; the library itself needs no listener.
document_published = Signal()

# Sent by the indexing task once a document's search entry is written or dropped, with
# `document_id`; saved-search alerts listen, so they re-run searches that can find it.
document_indexed = Signal()
