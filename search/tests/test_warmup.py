"""A web process loads the search's long-lived data before its first request."""

import pytest

from search import embeddings, thesaurus
from search.warmup import warm_up


@pytest.mark.django_db
def test_warm_up_loads_the_model_the_chinese_dictionary_and_the_thesaurus():
    import jieba

    embeddings._encoder.cache_clear()
    thesaurus._matcher_for.cache_clear()
    warm_up()
    assert embeddings._encoder.cache_info().currsize == 1
    assert jieba.dt.initialized
    assert thesaurus._matcher_for.cache_info().currsize == 1
