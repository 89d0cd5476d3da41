"""`secbio send-search-alerts --frequency daily|weekly`: one message per search, never twice."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from alerts import services
from alerts.models import Frequency
from documents.tests.factories import committed


def _to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email]]


@pytest.mark.django_db
def test_the_daily_digest_is_sent_once(member, contributor, save_search, publish):
    saved = save_search(member, "q=biosafety", frequency=Frequency.DAILY)
    save_search(contributor, "q=biosafety", frequency=Frequency.WEEKLY)
    first = publish(title="Act on Biosafety in Laboratories")
    second = publish(title="Biosafety Regulation")
    assert not _to(member)  # digests wait for the command

    with committed():  # e-mails leave when each run commits
        call_command("send-search-alerts", "--frequency", "daily")
    with committed():
        call_command("send-search-alerts", "--frequency", "daily")

    sent = _to(member)
    assert len(sent) == 1
    assert "2 new documents" in sent[0].subject
    assert sent[0].body.index("Biosafety Regulation") < sent[0].body.index("in Laboratories")
    assert not [m for m in _to(contributor) if "saved search" in m.subject]  # weekly, not today
    saved.refresh_from_db()
    assert saved.last_alerted_at == max(first.published_at, second.published_at)


@pytest.mark.django_db
def test_a_digest_lists_twenty_and_counts_the_rest(member, save_search, publish, monkeypatch):
    monkeypatch.setattr(services, "LISTED_PER_MESSAGE", 1)
    save_search(member, "q=biosafety", frequency=Frequency.WEEKLY)
    publish(title="Biosafety one")
    publish(title="Biosafety two")
    with committed():
        call_command("send-search-alerts", "--frequency", "weekly")
    (message,) = _to(member)
    assert "…and 1 more document." in message.body


@pytest.mark.django_db
def test_a_failure_for_one_person_does_not_stop_the_others(
    member, contributor, save_search, publish, monkeypatch, caplog
):
    broken = save_search(contributor, "q=biosafety")
    save_search(member, "q=biosafety")
    publish()
    real = services.saved_search_alert

    def flaky(*, saved, now=None):
        if saved.pk == broken.pk:
            raise RuntimeError("mail server on fire")
        return real(saved=saved, now=now)

    monkeypatch.setattr(services, "saved_search_alert", flaky)
    with committed():
        summary = services.alerts_send(frequency=Frequency.DAILY)

    assert summary == {"searches": 2, "messages": 1, "documents": 1, "failures": 1}
    assert len(_to(member)) == 1
    assert "saved search alert failed" in caplog.text
    mark = broken.last_alerted_at
    broken.refresh_from_db()
    assert broken.last_alerted_at == mark  # retried next run


@pytest.mark.django_db
def test_when_nothing_matches_the_mark_moves_past_settled_documents(member, save_search, publish):
    saved = save_search(member, "q=vaccines")
    publish()
    later = timezone.now() + timedelta(hours=2)
    services.alerts_send(frequency=Frequency.DAILY, now=later)
    saved.refresh_from_db()
    assert saved.last_alerted_at == later - services.SETTLED_AFTER
    assert not _to(member)


@pytest.mark.django_db
def test_paused_and_feed_only_searches_send_nothing(member, contributor, save_search, publish):
    paused = save_search(member, "q=biosafety")
    services.saved_search_update(
        user=member, saved=paused, name="Paused", frequency=Frequency.DAILY, is_active=False
    )
    save_search(contributor, "q=biosafety", frequency=Frequency.NONE)
    publish()
    assert services.alerts_send(frequency=Frequency.DAILY)["messages"] == 0
    assert not [m for m in mail.outbox if "saved search" in m.subject]
