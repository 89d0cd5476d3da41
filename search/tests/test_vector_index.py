"""The embedded vector index of the SQLite default: snapshot on disk plus the tail in memory."""

import pytest
from django.db import connection

from search import services
from search.backends import backend
from search.embeddings import embed_query, passages
from search.tests.vectors import KIND, index_passages
from search.vector_index import snapshot_build, tail_size, vector_index

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL answers from pgvector's HNSW index instead"
)
pytestmark = pytest.mark.usefixtures("vector_dir")


def _nearest(text, limit=10):
    return [
        hit[0]
        for hit in backend().nearest(content_type=KIND, vector=embed_query(text), limit=limit)
    ]


@sqlite_only
@pytest.mark.django_db
def test_snapshot_and_tail_are_searched_together():
    index_passages(1, "Licensing of laboratories that handle dangerous pathogens")
    index_passages(2, "Tax rates on imported wine and spirits")
    assert snapshot_build(KIND) == 2
    assert tail_size(KIND) == 0
    index_passages(3, "Permis pour les laboratoires manipulant des agents pathogènes")
    assert tail_size(KIND) == 1
    found = _nearest("pathogen laboratory licence", limit=3)
    assert set(found[:2]) == {1, 3}
    assert found[-1] == 2


@sqlite_only
@pytest.mark.django_db
def test_removed_objects_disappear_from_snapshot_and_tail():
    index_passages(1, "Licensing of laboratories that handle dangerous pathogens")
    snapshot_build(KIND)
    index_passages(2, "Laboratory licences for pathogens and toxins")
    services.passages_remove(content_type=KIND, object_id=1)
    services.passages_remove(content_type=KIND, object_id=2)
    assert _nearest("pathogen laboratory licence") == []


@sqlite_only
@pytest.mark.django_db
def test_reindexing_an_object_replaces_its_passages_in_every_process_view():
    index_passages(1, "Licensing of laboratories that handle dangerous pathogens")
    assert _nearest("laboratory")[:1] == [1]
    index_passages(1, "Tax rates on imported wine and spirits")
    similarities = backend().nearest(content_type=KIND, vector=embed_query("wine tax"), limit=5)
    assert len(similarities) == 1 and similarities[0][3] > 0.5


@sqlite_only
@pytest.mark.django_db
def test_a_snapshot_of_an_emptied_table_is_not_read(tmp_path):
    from search.models import VectorState

    index_passages(1, "Licensing of laboratories that handle dangerous pathogens")
    snapshot_build(KIND)
    VectorState.objects.filter(content_type=KIND).delete()  # as after a flush or a restore
    services.passages_remove(content_type=KIND, object_id=1)
    index_passages(7, "Biological weapons are prohibited")
    vector_index(KIND).refresh()
    assert vector_index(KIND).snapshot is None
    assert _nearest("biological weapons") == [7]


def test_long_texts_are_cut_into_passages_spread_over_the_whole_text(settings):
    settings.SECBIO_SEARCH_PASSAGES_PER_OBJECT = 4
    text = "\n".join(f"Article {n}\nParagraph number {n} " + "word " * 40 for n in range(1, 41))
    cut = passages(text, size=300)
    assert len(cut) == 4
    assert cut[0][1].startswith("Article 1 ")
    assert "Article 40" in cut[-1][1]
    start, passage = cut[1]
    assert text[start:].startswith(passage.split()[0])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pgvector exists on PostgreSQL only")
@pytest.mark.django_db
def test_postgresql_serves_nearest_passages_from_the_hnsw_index():
    index_passages(1, "Licensing of laboratories that handle dangerous pathogens")
    index_passages(2, "Tax rates on imported wine and spirits")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_passage_hnsw'")
        assert "hnsw" in cursor.fetchone()[0]
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM search_passage ORDER BY embedding <=> %s::halfvec LIMIT 5",
            ["[" + ",".join(["0.01"] * 512) + "]"],
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "search_passage_hnsw" in plan
    assert _nearest("pathogen laboratory licence")[:1] == [1]


@sqlite_only
@pytest.mark.django_db
def test_reindex_only_snapshot_replaces_a_first_format_snapshot(settings):
    import json

    from django.core.management import call_command

    documents = "documents.document"
    services.passages_index(
        content_type=documents, object_id=1, language="en", head="Pathogen licensing", text=""
    )
    legacy = settings.SECBIO_SEARCH_VECTOR_DIR / f"{documents}-old.usearch"
    legacy.write_bytes(b"an HNSW graph")
    (settings.SECBIO_SEARCH_VECTOR_DIR / f"{documents}.json").write_text(
        json.dumps({"file": legacy.name, "generation": "x", "max_pk": 0, "count": 1})
    )
    assert tail_size(documents) == 1
    call_command("reindex", "--only", "snapshot", "--no-progress")
    assert tail_size(documents) == 0 and not legacy.exists()
    assert vector_index(documents).nearest(embed_query("pathogen licence"), 5)[0][0] == 1


@sqlite_only
@pytest.mark.django_db
def test_a_snapshot_that_fails_halfway_leaves_the_previous_one_in_use(settings, monkeypatch):
    from search import vector_snapshot

    index_passages(1, "Licensing of laboratories that handle dangerous pathogens")
    snapshot_build(KIND)
    before = sorted(p.name for p in settings.SECBIO_SEARCH_VECTOR_DIR.iterdir())
    index_passages(2, "Tax rates on imported wine and spirits")

    def fail(*args, **kwargs):
        raise OSError("disk full")

    # after the vectors' file is written, before the keys' file is
    monkeypatch.setattr(vector_snapshot.np, "savez", fail)
    with pytest.raises(OSError, match="disk full"):
        snapshot_build(KIND)
    assert sorted(p.name for p in settings.SECBIO_SEARCH_VECTOR_DIR.iterdir()) == before
    assert tail_size(KIND) == 1
    assert set(_nearest("laboratory pathogens wine")) == {1, 2}


@sqlite_only
@pytest.mark.django_db
def test_a_damaged_snapshot_is_left_aside_and_every_passage_searched(settings, caplog):
    index_passages(1, "Licensing of laboratories that handle dangerous pathogens")
    index_passages(2, "Tax rates on imported wine and spirits")
    snapshot_build(KIND)
    (data,) = settings.SECBIO_SEARCH_VECTOR_DIR.glob("*.i8")
    data.write_bytes(data.read_bytes()[:100])
    vector_index(KIND).version = None  # as a process that starts now
    assert _nearest("wine tax")[:1] == [2]
    assert vector_index(KIND).snapshot is None
    assert "unreadable" in caplog.text


@sqlite_only
@pytest.mark.django_db
def test_one_build_at_a_time_and_no_snapshot_file_left_behind(settings):
    import fcntl

    directory = settings.SECBIO_SEARCH_VECTOR_DIR
    index_passages(1, "Licensing of laboratories that handle dangerous pathogens")
    snapshot_build(KIND)
    (directory / f"{KIND}-crashed.i8").write_bytes(b"half a build")
    (directory / f"{KIND}-old.usearch").write_bytes(b"an HNSW graph")
    (directory / "tests.thingamajig-abc.i8").write_bytes(b"another kind's")
    with open(directory / f"{KIND}.lock", "a") as held:  # another process is building
        fcntl.flock(held, fcntl.LOCK_EX)
        assert snapshot_build(KIND, wait=False) is None
    assert snapshot_build(KIND, wait=False) == 1
    mine = sorted(path.suffix for path in directory.glob(f"{KIND}-*"))
    assert mine == [".i8", ".npz"]  # the current snapshot only
    assert (directory / "tests.thingamajig-abc.i8").exists()


@sqlite_only
@pytest.mark.django_db
def test_a_snapshot_replaced_while_a_process_opens_it_is_followed_to_the_new_one(monkeypatch):
    from search import vector_index as module

    index_passages(1, "Licensing of laboratories that handle dangerous pathogens")
    snapshot_build(KIND)
    current = module._read_meta(KIND)
    gone = {**current, "file": f"{KIND}-removed-by-the-build"}
    answers = iter([gone, current])  # the meta read just before a build replaced it, then anew
    monkeypatch.setattr(module, "_read_meta", lambda content_type: next(answers, current))
    index = vector_index(KIND)
    index.version = None
    assert _nearest("laboratory pathogens") == [1]
    assert index.snapshot is not None and index.snapshot_file == current["file"]
    assert len(index.tail) == 0  # every passage in the snapshot, none loaded into memory
