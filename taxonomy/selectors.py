from django.db.models import QuerySet

from taxonomy.models import Topic


def topics_active() -> QuerySet[Topic]:
    """Active topics, broader ones first, with their parent loaded."""
    return (
        Topic.objects.filter(is_active=True)
        .select_related("parent")
        .order_by("parent__position", "parent_id", "position", "slug")
    )


def topic_choices(value: str = "pk") -> list[tuple[int | str, str]]:
    """(id, label) pairs in the active language, narrower topics indented under their parent;
    `value="slug"`: (slug, label)."""
    topics = list(topics_active())
    by_parent: dict[int | None, list[Topic]] = {}
    for topic in topics:
        by_parent.setdefault(topic.parent_id, []).append(topic)
    choices: list[tuple[int, str]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for topic in sorted(by_parent.get(parent_id, []), key=lambda t: (t.position, t.slug)):
            choices.append((getattr(topic, value), "— " * depth + topic.label))
            walk(topic.pk, depth + 1)

    walk(None, 0)
    return choices
