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


def test_warm_up_keeps_blas_to_one_thread(db):
    from threadpoolctl import threadpool_info, threadpool_limits

    with threadpool_limits(limits=2, user_api="blas"):  # restored afterwards for other tests
        warm_up()
        blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
        assert blas and all(pool["num_threads"] == 1 for pool in blas)
