"""`claimcheck report --html`: one self-contained HTML page (inline CSS and script, no external requests)."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING
from urllib.parse import quote as url_quote

from .model import Verdict

if TYPE_CHECKING:
    from .compare import ClaimResult
    from .project import Project

COLOURS = {"agreed": "#1b7f3b", "conflict": "#c0262d", "reconcilable": "#a86400", "variant": "#0b6e8a",
           "unconfirmed": "#8a3aa8", "single-source": "#3b5bb5", "uncited": "#7a1f1f"}

MATRIX_SOURCES = 8  # without a script, more sources than this start as blocks

TEMPLATE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimcheck report</title>
<style>
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1200px;
       padding: 1rem; color: #1d1d1f; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; } h3 { font-size: 1rem; margin: 0; }
.filters button { margin: 0 .3rem .3rem 0; padding: .25rem .6rem; border: 1px solid #bbb; border-radius: 1rem;
                  background: #fff; cursor: pointer; font: inherit; }
.filters button.on { background: #1d1d1f; color: #fff; }
.matrix { overflow-x: auto; } table { border-collapse: collapse; min-width: 100%; }
th, td { border: 1px solid #ddd; padding: .35rem .5rem; vertical-align: top; text-align: left; }
th { background: #f4f4f6; position: sticky; top: 0; }
.verdict { color: #fff; border-radius: .3rem; padding: .05rem .4rem; white-space: nowrap; font-weight: 600; }
{% for name, colour in colours.items() %}.v-{{ name }} { background: {{ colour }}; }
{% endfor %}
.missing { color: #c0262d; font-weight: 600; } td.id { white-space: nowrap; }
.claim { border: 1px solid #ddd; border-radius: .5rem; padding: .75rem; margin: .75rem 0; }
.reason { margin: .3rem 0 .6rem; }
.cite { margin: .5rem 0 .5rem .5rem; padding-left: .6rem; border-left: 3px solid #ddd; }
.context { color: #555; } mark { background: #fff3a3; color: #000; padding: 0 .1rem; }
.meta { color: #666; font-size: .85rem; }
.blocks .row { border-bottom: 1px solid #eee; padding: .4rem 0; }
.blocks ul { margin: .2rem 0 0; padding-left: 1.2rem; } .blocks li { margin: .1rem 0; }
/* Many sources do not fit a matrix: each claim becomes a block listing what each source says, as the
   terminal does. The page starts in the layout the number of sources suggests; a script then picks
   the matrix only when it fits the window, and again whenever the window is resized. */
.event[data-layout="blocks"] .matrix, .event[data-layout="matrix"] .blocks { display: none; }
@media (max-width: 640px) { body { padding: .5rem; font-size: 14px; } .cite { margin-left: 0; } }
</style>
</head>
<body>
<h1>claimcheck report</h1>
<p class="summary">{{ summary }}</p>
<div class="filters" role="group" aria-label="Filter by verdict">
<button type="button" class="on" data-filter="all">all</button>
{% for name in verdicts %}<button type="button" data-filter="{{ name }}">{{ name }}</button>
{% endfor %}</div>
{% for event in events %}
<section class="event" id="event-{{ event.id }}" data-layout="{{ event.layout }}">
<h2>{{ event.title }} <span class="meta">({{ event.id }})</span></h2>
<p class="summary">{{ event.summary }}</p>
<div class="matrix"><table>
<thead><tr><th>claim</th><th>verdict</th>{% for source in event.sources %}<th>{{ source }}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in event.rows %}<tr data-verdict="{{ row.verdict }}"><td class="id"><a href="#claim-{{ row.id }}">{{ row.id }}</a></td>
<td><span class="verdict v-{{ row.verdict }}">{{ row.verdict }}</span></td>
{% for cell in row.cells %}<td{% if cell == missing %} class="missing"{% endif %}>{{ cell }}</td>{% endfor %}</tr>
{% endfor %}</tbody></table></div>
<div class="blocks">
{% for row in event.rows %}<div class="row" data-verdict="{{ row.verdict }}"><a href="#claim-{{ row.id }}">{{ row.id }}</a>
<span class="verdict v-{{ row.verdict }}">{{ row.verdict }}</span>
<ul>{% for source, cell in row.said %}<li><strong>{{ source }}</strong>: <span{% if cell == missing %} class="missing"{% endif %}>{{ cell }}</span></li>{% endfor %}</ul></div>
{% endfor %}</div>
{% for claim in event.claims %}
<article class="claim" id="claim-{{ claim.id }}" data-verdict="{{ claim.verdict }}">
<h3>{{ claim.id }} <span class="verdict v-{{ claim.verdict }}">{{ claim.verdict }}</span></h3>
<div class="meta">{{ claim.type }} · {{ claim.text }}</div>
<p class="reason">{{ claim.reason }}</p>
{% for cite in claim.cites %}<div class="cite">
<div class="meta"><strong>{{ cite.source }}</strong>{% if cite.outlet %} · {{ cite.outlet }}{% endif %}{% if cite.via %} · via {{ cite.via }}{% endif %}{% if cite.value %} · {{ cite.value }}{% endif %}{% if cite.method %} · {{ cite.method }} {{ cite.score }}{% endif %}</div>
{% if cite.found %}<div class="context">{{ cite.before }}{% if cite.link %}<a href="{{ cite.link }}"><mark>{{ cite.match }}</mark></a>{% else %}<mark>{{ cite.match }}</mark>{% endif %}{{ cite.after }}</div>
{% else %}<div class="missing">{{ missing }}: “{{ cite.quote }}”</div>{% endif %}
</div>{% endfor %}
</article>
{% endfor %}
</section>
{% endfor %}
<script>
function chooseLayouts() {
  document.querySelectorAll(".event").forEach(function (section) {
    section.dataset.layout = "matrix";
    var box = section.querySelector(".matrix");
    if (box.querySelector("table").scrollWidth > box.clientWidth + 1) { section.dataset.layout = "blocks"; }
  });
}
chooseLayouts();
window.addEventListener("resize", chooseLayouts);
document.querySelectorAll(".filters button").forEach(function (button) {
  button.addEventListener("click", function () {
    var wanted = button.dataset.filter;
    document.querySelectorAll(".filters button").forEach(function (b) { b.classList.toggle("on", b === button); });
    document.querySelectorAll("[data-verdict]").forEach(function (el) {
      el.hidden = wanted !== "all" && el.dataset.verdict !== wanted;
    });
  });
});
</script>
</body>
</html>
"""


def text_fragment(url: str, quote: str) -> str:
    """A link that scrolls the browser to the quote (URL text fragments: `#:~:text=`)."""
    words = quote.split()
    encode = lambda s: url_quote(s, safe="")  # noqa: E731 - '-', ',' and '&' must be escaped too
    if len(words) > 8:  # long quotes: its first and last words, as textStart,textEnd
        directive = f"{encode(' '.join(words[:4]))},{encode(' '.join(words[-4:]))}"
    else:
        directive = encode(" ".join(words))
    return f"{url.split('#')[0]}#:~:text={directive}"


def build_report(project: "Project", results: list["ClaimResult"]) -> str:
    from jinja2 import Environment

    from .anchor import context
    from .render import NOT_FOUND, grouped_by_event, cell, one_line, summary_line
    env = Environment(autoescape=True, keep_trailing_newline=True)
    events = []
    for event, rows, sources in grouped_by_event(project, results):
        if not rows:
            continue
        claims = []
        for r in rows:
            cites = []
            for cv in r.values:
                item, anchor = cv.item, cv.item.anchor
                found = bool(anchor and anchor.found and item.article)
                entry = {"source": one_line(cv.source), "outlet": one_line(item.source.outlet or "")
                         if item.source else "", "via": one_line(item.cite.via or ""), "found": found,
                         "quote": one_line(item.cite.quote), "value": one_line(cv.label()),
                         "method": anchor.method if found else None, "score": anchor.score if found else None}
                if found:
                    before, match, after = context(item.article.text, anchor.start, anchor.end)
                    entry.update(before=one_line(before) + " ", match=one_line(match), after=" " + one_line(after))
                    url = item.source.url if item.source else None
                    entry["link"] = text_fragment(url, match) if url and url.startswith(("http://", "https://")) \
                        else None
                cites.append(entry)
            claims.append({"id": r.claim.id, "verdict": r.verdict.value, "type": r.claim.type,
                           "text": one_line(r.claim.claim), "reason": one_line(r.reason), "cites": cites})
        events.append({
            "id": event.id, "title": one_line(event.title), "summary": summary_line(rows),
            "sources": [one_line(s.id) for s in sources],
            "rows": [{"id": r.claim.id, "verdict": r.verdict.value,
                      "cells": [one_line(cell(r, s.id)) for s in sources],
                      "said": [(one_line(s.id), one_line(cell(r, s.id))) for s in sources if cell(r, s.id)]}
                     for r in rows],
            "layout": "blocks" if len(sources) > MATRIX_SOURCES else "matrix",
            "claims": claims,
        })
    counts = Counter(r.verdict.value for r in results)
    return env.from_string(TEMPLATE).render(
        events=events, summary=summary_line(results), colours=COLOURS, missing=NOT_FOUND,
        verdicts=[v.value for v in Verdict if counts[v.value]])
