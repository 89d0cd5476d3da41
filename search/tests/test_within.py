"""The ids a search is kept to: their compact cached form and how matches are kept to them."""

import numpy as np

from search.backends.within import ids_within, kept_within, packed_ids, sorted_ids, unpacked_ids


def test_ids_are_sorted_once_each():
    assert sorted_ids([5, 3, 5, 1]).tolist() == [1, 3, 5]
    assert sorted_ids([]).tolist() == []


def test_packed_ids_come_back_the_same_and_small():
    ids = sorted_ids(np.random.default_rng(7).choice(200_000, 90_000, replace=False))
    packed = packed_ids(ids)
    assert np.array_equal(unpacked_ids(packed), ids)
    assert len(packed) < 2 * len(ids)  # against 8 bytes an id unpacked
    assert unpacked_ids(packed_ids(sorted_ids([]))).tolist() == []
    assert unpacked_ids(packed_ids(sorted_ids([2**40]))).tolist() == [2**40]


def test_matches_are_kept_within_newest_entry_first():
    rows = [(10, 1), (30, 3), (20, 2), (40, 4)]  # (entry id, object id)
    assert kept_within(rows, sorted_ids([1, 2, 4]), 10) == ([(40, 4), (20, 2), (10, 1)], 3)
    assert kept_within(rows, sorted_ids([1, 2, 4]), 2) == ([(40, 4), (20, 2)], 3)
    assert kept_within(rows, sorted_ids([]), 10) == ([], 0)
    assert kept_within([], sorted_ids([1]), 10) == ([], 0)


def test_ids_within_keep_their_order():
    assert ids_within([9, 3, 7, 1], sorted_ids([1, 7, 9])) == [9, 7, 1]
    assert ids_within([9, 3], None) == [9, 3]
    assert ids_within([], sorted_ids([1])) == []
