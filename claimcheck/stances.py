"""Reading a stance from a quote: denies, declines, asserts — or unread when the words are unclear."""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon as lx

_HEDGES = re.compile(r"\b(whether|if|may have|might|could have|would have|allegedly|reportedly|rumou?rs?|"
                     r"speculat\w*|unclear|ob|si|quizás|peut-être)\b|\?|？|かどうか|とみられる|可能|是否|据报道|여부|것으로 알려졌다|가능성",
                     re.I)



_QUOTE_MARKS = re.compile(r"[\"“”«»„‘]|(?<!\w)'|'(?!\w)")


@lru_cache(maxsize=32)
def _patterns(language: str | None) -> dict[str, re.Pattern]:
    out = {}

    def words(table: dict) -> str:
        return lx.alternation(p for lang in lx.languages_for(language) for p in table.get(lang, ()))

    for stance, table in lx.STANCE_WORDS.items():
        out[stance] = re.compile(lx.at_word_edges(words(table)), re.I)
    verdict = rf"(?:{words(lx.DENIAL_COPULAS)})\s+(?:(?:{words(lx.DEGREE_ADVERBS)})\s+)?(?:{words(lx.DENIAL_VERDICTS)})"
    out["denies"] = re.compile(rf"{out['denies'].pattern}|{lx.at_word_edges(verdict)}", re.I)
    negations = lx.alternation(n for lang in lx.languages_for(language) for n in lx.NEGATIONS.get(lang, ())
                               if n != "n't")
    out["negation"] = re.compile(rf"{lx.at_word_edges(negations)}|n't\b", re.I)
    return out


def read_stance(quote: str, language: str | None = None) -> tuple[str | None, str | None]:
    """(stance, None) when the words say it; (None, why) when they do not say it clearly.

    "The Kremlin declined to comment" declines; "The White House denied that…" denies; a plain
    statement asserts. A negation outside those phrases ("did not deny", "no one confirmed"), a
    question or a hedge leaves the stance unread: the curator says it with `stance:`.
    """
    # Quotation marks around a verdict ("was 'completely false'") are not words; an apostrophe inside one is.
    text = _QUOTE_MARKS.sub("", quote.replace("’", "'"))
    pats = _patterns(language)
    declines = [m.span() for m in pats["declines"].finditer(text)]
    # "neither confirmed nor denied" declines: a denial inside a refusal is part of it
    denies = [m.span() for m in pats["denies"].finditer(text)
              if not any(a <= m.start() < b for a, b in declines)]

    def outside(spans: list[tuple[int, int]]) -> list[re.Match]:
        return [m for m in pats["negation"].finditer(text) if not any(a <= m.start() < b for a, b in spans)]

    if declines and not denies:
        if outside(declines):
            return None, "the quote declines and also negates something; say which with `stance:`"
        return "declines", None
    if denies and not declines:
        # "did not deny"; and Japanese puts the negation after the verb: 否定し + なかった
        negated = [m for m in outside(denies) if any(0 <= a - m.end() <= 12 or 0 <= m.start() - b <= 2
                                                     for a, b in denies)]
        if negated:
            return None, f"'{negated[0].group()}' negates a denial ('did not deny'); say which with `stance:`"
        return "denies", None
    if denies and declines:
        return None, "the quote both denies and declines; say which with `stance:`"
    negation = pats["negation"].search(text)
    if negation:
        return None, f"the quote says '{negation.group()}': it may deny rather than assert; say which with `stance:`"
    hedge = _HEDGES.search(text)
    if hedge:
        return None, f"'{hedge.group()}' makes the quote a question or a hedge; say which with `stance:`"
    return "asserts", None
