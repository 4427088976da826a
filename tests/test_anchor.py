"""Anchoring: typography, line breaks, case, typos, changed facts, absent and repeated quotes, spans."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.anchor import anchor_quote, context, normalize

ARTICLE = ("Prime Minister Sanae Takaichi said “the talks were constructive” on Tuesday.\n"
           "The call — which lasted about 25 minutes — was initiated by the U.S. side.\n"
           "Officials declined to comment. Officials declined to comment.\n"
           "Trump told her\nthat she could call him at any time.")


def anchor(quote, **kw):
    return anchor_quote(ARTICLE, normalize(ARTICLE), quote, **kw)


def test_exact_match_reports_span_that_slices_back():
    a = anchor("was initiated by the U.S. side")
    assert (a.status, a.method, a.score) == ("found", "exact", 100.0)
    assert ARTICLE[a.start:a.end] == "was initiated by the U.S. side"


@pytest.mark.parametrize("quote, passage", [
    ('said "the talks were constructive"', "said “the talks were constructive”"),
    ("The call - which lasted about 25 minutes - was", "The call — which lasted about 25 minutes — was"),
    ("Trump told her that she could call him", "Trump told her\nthat she could call him"),
    ("PRIME MINISTER SANAE TAKAICHI", "Prime Minister Sanae Takaichi"),
    ("Sanae\u200b Takaichi", "Sanae Takaichi"),
])
def test_typography_line_breaks_and_case_are_normalized(quote, passage):
    a = anchor(quote)
    assert (a.status, a.method) == ("found", "normalized")
    assert ARTICLE[a.start:a.end] == passage


@pytest.mark.parametrize("quote", [
    "The call which lasted abut 25 minutes",  # 1 typo (and a dropped dash)
    "was initiatted by the U.S. sde",  # 2 typos
    "Prime Minster Sanae Takaici said the talks",  # 3 typos
])
def test_small_typos_match_fuzzily_with_exact_article_span(quote):
    a = anchor(quote)
    assert a.status == "fuzzy" and a.method == "fuzzy"
    assert 80 <= a.score < 100
    passage = ARTICLE[a.start:a.end]
    assert passage[0].isalnum() and passage[-1].isalnum()  # cut at word edges
    assert normalize(passage).text.split()[0] == normalize(quote).text.split()[0][:3] or a.score > 85


def test_changed_weekday_is_never_accepted():
    a = anchor("said the talks were constructive on Monday")
    assert a.status == "changed" and not a.found
    assert ("monday", "tuesday") in a.differences


def test_changed_number_is_never_accepted():
    a = anchor("The call which lasted about 35 minutes was initiated")
    assert a.status == "changed"
    assert ("35", "25") in a.differences


def test_absent_sentence_is_not_found():
    a = anchor("The foreign ministry issued a statement about fisheries")
    assert a.status == "absent" and not a.found


def test_short_quote_is_not_matched_fuzzily():
    assert anchor("Tuesdy").status == "absent"


def test_repeated_quote_is_ambiguous_and_prefix_picks_one():
    a = anchor("Officials declined to comment.")
    assert a.status == "ambiguous" and a.occurrences == 2
    second = anchor("Officials declined to comment.", prefix="Officials declined to comment.")
    assert second.status == "found" and second.start > a.start


def test_suffix_that_matches_nothing_is_not_found():
    a = anchor("Officials declined to comment.", suffix="Nobody")
    assert a.status == "absent" and a.occurrences == 2


def test_empty_quote():
    assert anchor("   ").status == "empty"


def test_quote_longer_than_article():
    assert anchor(ARTICLE + " and then some more words").status == "absent"


def test_normalization_offsets_point_into_original():
    text = "A\u00a0“quote”\r\n—\tﬁne"
    norm = normalize(text)
    assert norm.text == 'a "quote" - fine'
    assert len(norm.starts) == len(norm.text)
    assert list(norm.starts) == sorted(norm.starts)
    start, end = norm.span(norm.text.index("fine"), len(norm.text))
    assert text[start:end] == "ﬁne"


def test_context_gives_sentence_before_and_after():
    start = ARTICLE.index("Officials")
    before, match, after = context(ARTICLE, start, start + len("Officials declined to comment."))
    assert before.startswith("The call")
    assert match == "Officials declined to comment."
    assert after.strip() == "Officials declined to comment."


def test_misspelled_fact_word_is_a_typo_not_a_changed_fact():
    a = anchor("said the talks were constructive on Tuesdy")
    assert a.status == "fuzzy"


def test_dropped_negation_is_never_accepted():
    text = "The minister said she would not sign the agreement this week."
    a = anchor_quote(text, normalize(text), "The minister said she would sign the agreement this week.")
    assert a.status == "changed" and ("", "not") in a.differences


@pytest.mark.parametrize("sentence, phrase", [
    ("Thủ tướng Nhật Bản đã điện đàm với Tổng thống Mỹ vào tối thứ Ba.", "điện đàm với Tổng thống Mỹ"),
    ("Le président a démissionné hier soir à Paris.", "président a démissionné"),
    ("한국 대통령은 화요일에 발표했다.", "대통령은 화요일에"),
])
def test_decomposed_and_composed_text_match_both_ways(sentence, phrase):
    import unicodedata
    for article, quote in ((unicodedata.normalize("NFD", sentence), phrase),
                           (sentence, unicodedata.normalize("NFD", phrase))):
        anchor = anchor_quote(article, normalize(article), quote)
        assert anchor.status == "found", (article, quote)
        found = article[anchor.start:anchor.end]
        assert unicodedata.normalize("NFC", found) == unicodedata.normalize("NFC", quote)


def test_a_prefix_picks_an_occurrence_far_down_a_long_article():
    article = "The minister met the envoy. " * 20000 + "After talks, the minister met the envoy again."
    anchor = anchor_quote(article, normalize(article), "the minister met the envoy", prefix="After talks,")
    assert anchor.status == "found" and article[anchor.start:anchor.end] == "the minister met the envoy"
    assert anchor.start > 560000
    plain = anchor_quote(article, normalize(article), "the minister met the envoy")
    assert plain.status == "ambiguous" and plain.occurrences == 20001


def _sentence_cases():
    from .conftest import CASES
    blocks = (CASES / "sentences.txt").read_text(encoding="utf-8").split("\n\n")
    cases = []
    for block in blocks:
        lines = [line for line in block.splitlines() if not line.startswith("#")]
        if lines:
            cases.append((lines[0], [s for s in lines[1].split("|") if s]))
    return cases


@pytest.mark.parametrize("text, expected", _sentence_cases())
def test_sentences_split_like_a_reader(text, expected):
    from claimcheck.anchor import sentences
    assert [text[a:b] for a, b in sentences(text)] == expected


def test_fast_normalization_equals_the_character_loop_for_every_character():
    """The bulk path (str.replace + one memcpy per piece) must give what the careful loop gives: same
    text, same offsets, same cluster ends, for every code point in several contexts."""
    from claimcheck.anchor import _SPECIAL, _normalize, normalize
    for cp in range(0, 0x110000, 13):  # every code point passed once, when written (~4 s)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        for text in (f"Ab{c}d  e", c, f"x {c}\n Y", f"{c}{c}Z\u2019"):
            fast, slow = normalize(text), _normalize(text, _SPECIAL)
            assert (fast.text, list(fast.starts), fast.cluster_ends) == \
                   (slow.text, list(slow.starts), slow.cluster_ends), (hex(cp), text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("aB \n\t\u00a0\u2014\u201c\u201d\u2026\u00ad\u200bﬁİßé`\u0301")
                                + ["  ", "\r\n"]), max_size=40).map("".join))
def test_fast_normalization_equals_the_character_loop_on_mixed_text(text):
    from claimcheck.anchor import _SPECIAL, _normalize, normalize
    fast, slow = normalize(text), _normalize(text, _SPECIAL)
    assert (fast.text, list(fast.starts), fast.cluster_ends) == (slow.text, list(slow.starts), slow.cluster_ends)


@pytest.mark.parametrize("article, quote", [
    ("Rates rose by ¼ percent on Monday.", "Rates rose by 1"),
    ("Rates rose by ¼ percent on Monday.", "4 percent on Monday"),
    ("Die Straße war gesperrt.", "Stras"),
])
def test_a_quote_is_not_found_inside_one_character_that_folds_into_several(article, quote):
    """"¼" folds to "1⁄4" and "ß" to "ss": a match that starts or ends inside such a character is not the
    article's text, and a changed number must never be reported as found."""
    anchor = anchor_quote(article, normalize(article), quote)
    assert not (anchor.found and anchor.method in ("exact", "normalized")), anchor


def test_a_quote_of_whole_folded_characters_is_found():
    article = "Rates rose by ¼ percent in the Straße."
    for quote in ("rose by ¼ percent", "rose by 1⁄4 percent", "the Strasse"):
        anchor = anchor_quote(article, normalize(article), quote)
        assert anchor.status == "found", (quote, anchor)
