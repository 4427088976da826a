"""Generate a synthetic newsroom: articles, a manifest, claims files, and the true span of every cite.

Deterministic for a given --seed. Each article (~4 KB) is built from real-looking news sentences,
each slightly different; each article gets K cites whose quotes carry one controlled perturbation:

  exact       the passage as written
  typography  straight quotes/dashes where the article has curly ones, line breaks, case
  edit-N      N % of the letters substituted, inserted or deleted (N = 2, 5, 10, 15)
  changed     one fact word (weekday, number, month) replaced by another
  repeated    a passage the article contains twice (half of them carry a `prefix` to pick one)
  absent      a sentence that appears in no article

    python bench/gen_corpus.py OUT_DIR --articles 1000 --cites 5
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path

PEOPLE = ["Maria Santos", "Kenji Watanabe", "Amara Okafor", "Lars Eriksson", "Priya Raman", "Diego Alvarez",
          "Fatima Haddad", "Tomasz Nowak", "Aiko Tanaka", "Samuel Mensah", "Elena Petrova", "Rahul Mehta"]
ORGS = ["the health ministry", "the central bank", "the port authority", "the city council", "the weather service",
        "the electoral commission", "the transport agency", "the national archive", "the energy regulator"]
PLACES = ["Lisbon", "Osaka", "Lagos", "Gothenburg", "Chennai", "Valparaíso", "Beirut", "Gdańsk", "Sapporo", "Accra"]
VERBS = ["announced", "confirmed", "denied", "postponed", "approved", "reviewed", "criticised", "welcomed"]
NOUNS = ["plan", "budget", "agreement", "inquiry", "report", "proposal", "reform", "contract", "strike"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
UNITS = ["minutes", "hours", "kilometres", "people", "vehicles", "tonnes", "houses", "schools"]
TEMPLATES = [
    "{person} said on {weekday} that {org} had {verb} the {noun} after {n} {unit} of talks.",
    "“We will not accept a {noun} that ignores {place},” {person} told reporters on {weekday}.",
    "According to {org}, about {n} {unit} were affected in {place} by {month} {day}.",
    "The {noun} — first proposed in {month} — was {verb} by {org} on {weekday} evening.",
    "In {place}, officials said the {noun} would cost more than {n} million euros over {d} years.",
    "{person}, who leads {org}, {verb} the {noun} in a statement released late on {weekday}.",
    "Critics in {place} argued that the {noun} had been {verb} without a public hearing in {month}.",
    "It was the {ordinal} time since {month} that {org} had {verb} a {noun} of this size.",
    "Residents of {place} waited nearly {n} {unit} before the {noun} was {verb}, witnesses said.",
    "{person} declined to say whether the {noun} would be {verb} before {weekday}.",
]
ORDINALS = ["second", "third", "fourth", "fifth"]
LEVELS = [0, 2, 5, 10, 15]


def sentence(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(
        person=rng.choice(PEOPLE), org=rng.choice(ORGS), place=rng.choice(PLACES), verb=rng.choice(VERBS),
        noun=rng.choice(NOUNS), weekday=rng.choice(WEEKDAYS), month=rng.choice(MONTHS), day=rng.randint(1, 28),
        n=rng.randint(2, 950), unit=rng.choice(UNITS), d=rng.randint(2, 12), ordinal=rng.choice(ORDINALS))


def article(rng: random.Random, size: int) -> list[str]:
    sentences: list[str] = []
    while sum(len(s) + 1 for s in sentences) < size:
        sentences.append(sentence(rng))
    return sentences


def edit(rng: random.Random, text: str, percent: int) -> str:
    """Typos: substitute, insert or delete letters (never digits: a changed digit is a changed fact)."""
    chars = list(text)
    letters = [i for i, c in enumerate(chars) if c.isalpha()]
    for _ in range(round(len(text) * percent / 100)):
        if not letters:
            break
        i = rng.choice(letters)
        op = rng.random()
        if op < 0.4:
            chars[i] = rng.choice("abcdefghijklmnopqrstuvwxyz")
        elif op < 0.7:
            chars[i] = chars[i] + rng.choice("aeiou")
        else:
            chars[i] = ""
    return "".join(chars)


def typography(rng: random.Random, text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("—", "-")
    words = text.split(" ")
    if len(words) > 4:
        words[len(words) // 2] = "\n" + words[len(words) // 2]
    text = " ".join(words)
    return text.upper() if rng.random() < 0.2 else text


def change_fact(rng: random.Random, text: str) -> str | None:
    for pool in (WEEKDAYS, MONTHS):
        present = [w for w in pool if w in text]
        if present:
            old = rng.choice(present)
            return text.replace(old, rng.choice([w for w in pool if w != old]), 1)
    digits = [w for w in text.split() if w.strip(".,").isdigit()]
    if digits:
        old = digits[0].strip(".,")
        return text.replace(old, str(int(old) + rng.randint(1, 9)), 1)
    return None


def generate(out: Path, articles: int, cites: int, seed: int, size: int = 4000) -> dict:
    rng = random.Random(seed)
    (out / "seeds").mkdir(parents=True, exist_ok=True)
    (out / "claims").mkdir(parents=True, exist_ok=True)
    kinds = ["exact", "typography"] + [f"edit-{n}" for n in LEVELS[1:]] + ["changed", "repeated", "absent"]
    manifest = ["sources:"]
    truth = []
    claims_by_file: dict[int, list[str]] = {}
    for a in range(articles):
        sentences = article(rng, size)
        repeat_at = rng.randrange(1, len(sentences) - 1)
        copy_at = len(sentences) - 1
        sentences.insert(copy_at, sentences[repeat_at])  # one passage occurs twice
        unique = [i for i, s in enumerate(sentences) if sentences.count(s) == 1]
        text = "\n".join(sentences) + "\n"
        name = f"a{a:05d}.txt"
        (out / "seeds" / name).write_text(text, encoding="utf-8")
        sha = hashlib.sha256(text.encode()).hexdigest()
        manifest.append(f"  - {{id: s{a}, file: {name}, outlet: Outlet {a % 97}, timezone: UTC, sha256: {sha}}}")
        for k in range(cites):
            kind = kinds[(a * cites + k) % len(kinds)]
            index = repeat_at if kind == "repeated" else rng.choice(unique)
            passage = sentences[index]
            start = text.index(passage) if kind == "repeated" else sum(len(s) + 1 for s in sentences[:index])
            prefix = None
            if kind == "repeated" and k % 2:
                start = text.index(passage, start + 1)
                prefix = sentences[copy_at - 1]
            quote = passage
            if kind == "typography":
                quote = typography(rng, passage)
            elif kind.startswith("edit-"):
                quote = edit(rng, passage, int(kind[5:]))
            elif kind == "changed":
                quote = change_fact(rng, passage) or edit(rng, passage, 2)
            elif kind == "absent":
                quote = sentence(random.Random(f"absent-{seed}-{a}-{k}")) + " Officials offered no further detail."
            cid = f"c{a}-{k}"
            entry = {"claim": cid, "source": f"s{a}", "kind": kind,
                     "span": None if kind == "absent" else [start, start + len(passage)]}
            truth.append(entry)
            cite = f"{{source: s{a}, quote: {json.dumps(quote, ensure_ascii=False)}"
            cite += f", prefix: {json.dumps(prefix, ensure_ascii=False)}}}" if prefix else "}"
            claims_by_file.setdefault(a // 500, []).append(
                f"  - id: {cid}\n    claim: Claim {cid}\n    type: text\n    cites:\n      - {cite}\n")
    (out / "seeds" / "sources.yaml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    for part, entries in claims_by_file.items():
        (out / "claims" / f"part{part:03d}.yaml").write_text(
            f"event: {{id: bench-{part}, title: Synthetic event {part}}}\nclaims:\n" + "".join(entries),
            encoding="utf-8")
    (out / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return {"articles": articles, "cites": len(truth)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--cites", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--size", type=int, default=4000, help="characters per article")
    args = parser.parse_args()
    print(json.dumps(generate(args.out, args.articles, args.cites, args.seed, args.size)))


if __name__ == "__main__":
    main()
