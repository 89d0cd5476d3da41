"""What the vector tests share: a kind of their own, and embedding a test object's passages."""

from search import services

KIND = "tests.thing"


def index_passages(object_id, head, text=""):
    services.passages_index(
        content_type=KIND, object_id=object_id, language="en", head=head, text=text
    )
