"""Inputs that used to take minutes: a quote found thousands of times with a prefix, context and sentences
of a 10 MB article for every cite, and line numbers of many suggestions.

    .venv/bin/python bench/hostile.py     # a few seconds
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claimcheck.anchor import anchor_quote, context, line_of, normalize, sentences  # noqa: E402


def timed(label: str, fn) -> None:
    t0 = time.perf_counter()
    fn()
    print(f"{label}: {time.perf_counter() - t0:.2f} s")


def main() -> None:
    repeated = "The minister met the envoy. " * 20000 + "After talks, the minister met the envoy again."
    norm = normalize(repeated)
    timed("quote found 20,001 times, with a prefix", lambda: anchor_quote(repeated, norm, "the minister met the envoy",
                                                                         prefix="After talks,"))
    big = ("Officials said the talks went well.\nThe minister met the envoy on Tuesday. " * 130000)[:10_000_000]
    timed("context of 1,000 cites in a 10 MB article", lambda: [context(big, i * 9000, i * 9000 + 40)
                                                                 for i in range(1000)])
    timed("sentences of a 10 MB article, 20 times", lambda: [sentences(big) for _ in range(20)])
    timed("line numbers of 10,000 offsets", lambda: [line_of(big, i * 997) for i in range(10000)])


if __name__ == "__main__":
    main()
