"""SimHash fingerprints: copies of one wire story stay close, different stories stay apart."""

from __future__ import annotations

import pytest

from veille.fingerprint import NEAR_DUPLICATE_BITS, hamming, simhash

PYONGYANG = (
    "Vladimir Putin arrives in Pyongyang for talks with Kim Jong-un; a comprehensive strategic "
    "partnership treaty could be signed during the visit, the Kremlin said on Monday."
)
HANOI = (
    "Vladimir Putin signs a dozen agreements with Vietnam during his visit to Hanoi, including "
    "energy, education and nuclear research deals, state media reported on Thursday."
)


def test_simhash_is_sixteen_lowercase_hex_digits_and_deterministic():
    value = simhash(PYONGYANG)
    assert len(value) == 16
    assert value == value.lower()
    int(value, 16)
    assert simhash(PYONGYANG) == value


def test_case_punctuation_and_accents_do_not_change_the_fingerprint():
    assert simhash("Le traité pourrait être signé à Pyongyang.") == simhash("LE TRAITE POURRAIT ETRE SIGNE A PYONGYANG")


def test_syndicated_copy_with_a_byline_suffix_is_a_near_duplicate():
    assert hamming(simhash(PYONGYANG), simhash(PYONGYANG + " - Reuters")) <= NEAR_DUPLICATE_BITS


def test_a_different_story_on_the_same_actor_is_not_a_near_duplicate():
    assert hamming(simhash(PYONGYANG), simhash(HANOI)) > NEAR_DUPLICATE_BITS


def test_text_without_words_has_the_zero_fingerprint():
    assert simhash("") == simhash(" ... !! ") == "0" * 16


def test_hamming_counts_differing_bits():
    assert hamming("0000000000000000", "000000000000000f") == 4
    assert hamming("ffffffffffffffff", "0000000000000000") == 64
    assert hamming("ABCDEF0123456789", "abcdef0123456789") == 0


@pytest.mark.parametrize("bad", ["", "123", "zzzzzzzzzzzzzzzz", "0000000000000000\n", "00000000000000000"])
def test_hamming_refuses_what_is_not_a_fingerprint(bad):
    with pytest.raises(ValueError, match="16 hex digits"):
        hamming(bad, "0000000000000000")
