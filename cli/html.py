"""The HTML report for ``quotestance inspect --html``, in the manner of displaCy.

``to_view`` turns an article and its quotes into a plain dict; ``render`` turns that dict into
one self-contained page (inline CSS and a small inline script, nothing fetched over the network).
Every piece of text is escaped on its way into the page.
"""
from __future__ import annotations

import json
from html import escape

from quotestance.model.record import STANCES, Quote
from quotestance.model.text import paragraphs as paragraph_spans

UNATTRIBUTED = "(unattributed)"

COLOURS = {  # stance -> (background, border/label)
    "supporting": ("#d9f2dc", "#2e7d32"),
    "criticising": ("#fadbd8", "#c62828"),
    "neutral": ("#e8e8e8", "#616161"),
}

TPL_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header>
<h1>{doc}</h1>
<p class="target">Stance toward <strong>{target}</strong> &middot; {n_quotes} quotes</p>
<div class="legend">{legend}</div>
</header>
<div class="layout">
<main class="article">
{paragraphs}
</main>
<aside id="qs-details" class="details" aria-live="polite">
<h2>Quote details</h2>
<p class="hint">Hover over a quote for its details, or click it to show them here.</p>
</aside>
</div>
<section class="summary">
<h2>Speakers</h2>
{summary}
</section>
<script type="application/json" id="qs-data">{data}</script>
<script>{js}</script>
</body>
</html>
"""

TPL_PARAGRAPH = '<p class="para">{segments}</p>'

TPL_QUOTE = (
    '<mark class="q s-{stance}" data-q="{index}" tabindex="0" title="{title}">'
    "{text}{label}</mark>"
)

TPL_LABEL = '<span class="spk">{speaker}</span>'

TPL_LEGEND_ITEM = '<span class="key s-{stance}">{stance}</span>'

TPL_TABLE = """<table>
<thead><tr><th>Speaker</th><th class="n">Supporting</th><th class="n">Criticising</th>\
<th class="n">Neutral</th><th class="n">Total</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>"""

TPL_ROW = (
    '<tr><td>{speaker}</td><td class="n">{supporting}</td><td class="n">{criticising}</td>'
    '<td class="n">{neutral}</td><td class="n">{total}</td></tr>'
)

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: #222; background: #fff; margin: 0; padding: 1.5rem 2rem; }
header h1 { font-size: 1.3rem; margin: 0 0 .3rem; word-break: break-all; }
.target { margin: 0 0 .6rem; color: #444; }
.legend { display: flex; gap: .5rem; flex-wrap: wrap; margin-bottom: 1rem; }
.key { padding: .15em .6em; border-radius: .35em; border-left: 4px solid transparent; font-size: .85rem; }
.layout { display: flex; gap: 2rem; align-items: flex-start; }
.article { flex: 1 1 auto; max-width: 46rem; font-size: 1rem; line-height: 2.4; }
.para { margin: 0 0 1rem; }
mark.q { padding: .2em .35em; border-radius: .35em; border-bottom: 2px solid transparent; cursor: pointer;
  color: inherit; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
mark.q:hover, mark.q:focus, mark.q.sel { outline: 2px solid #1565c0; outline-offset: 1px; }
.spk { font-size: .62rem; font-weight: 700; letter-spacing: .03em; text-transform: uppercase;
  line-height: 1; vertical-align: middle; margin-left: .45rem; padding: .15em .4em;
  border-radius: .25em; color: #fff; white-space: nowrap; }
.details { flex: 0 0 19rem; position: sticky; top: 1rem; border: 1px solid #ddd;
  border-radius: .5rem; padding: .8rem 1rem; background: #fafafa; font-size: .9rem; }
.details h2 { font-size: 1rem; margin: 0 0 .5rem; }
.details .hint { color: #666; margin: 0; }
.details blockquote { margin: 0 0 .6rem; padding-left: .6rem; border-left: 4px solid #999; }
.details dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .7rem; margin: 0; }
.details dt { font-weight: 600; color: #555; }
.details dd { margin: 0; overflow-wrap: anywhere; }
.summary { max-width: 46rem; margin-top: 1.5rem; }
.summary h2 { font-size: 1.1rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid #ddd; }
th { background: #f3f3f3; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.s-none, mark.q.s-none { background: #fff8e1; border-color: #9e7b00; }
.s-none .spk { background: #9e7b00; }
@media (max-width: 52rem) {
  body { padding: 1rem; }
  .layout { flex-direction: column; gap: 1rem; }
  .article { max-width: none; }
  .details { position: sticky; top: auto; bottom: 0; align-self: stretch; flex: none;
    max-height: 40vh; overflow-y: auto; box-shadow: 0 -2px 8px rgba(0, 0, 0, .12); }
  .summary { overflow-x: auto; }
  th, td { padding: .3rem .4rem; }
}
""" + "".join(
    f".s-{s}, mark.q.s-{s} {{ background: {bg}; border-color: {fg}; }}\n.s-{s} .spk {{ background: {fg}; }}\n"
    f".details blockquote.s-{s} {{ background: none; border-left-color: {fg}; }}\n"
    for s, (bg, fg) in COLOURS.items()
)

JS = """
(function () {
  var quotes = {};
  JSON.parse(document.getElementById("qs-data").textContent).forEach(function (q) {
    quotes[q.index] = q;
  });
  var panel = document.getElementById("qs-details");
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function show(mark) {
    var q = quotes[mark.getAttribute("data-q")];
    if (!q) return;
    document.querySelectorAll("mark.sel").forEach(function (m) { m.classList.remove("sel"); });
    document.querySelectorAll('mark[data-q="' + q.index + '"]').forEach(function (m) {
      m.classList.add("sel");
    });
    panel.replaceChildren(el("h2", "Quote details"), el("blockquote", q.quote, "s-" + q.stance));
    var dl = el("dl");
    q.rows.forEach(function (r) { dl.appendChild(el("dt", r[0])); dl.appendChild(el("dd", r[1])); });
    panel.appendChild(dl);
  }
  document.addEventListener("click", function (e) {
    var m = e.target.closest("mark[data-q]");
    if (m) show(m);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.matches && e.target.matches("mark[data-q]")) show(e.target);
  });
})();
"""


def _words(items: list | None) -> list[str]:
    """The words of an explanation list of ``(word, weight)`` pairs (bare words allowed)."""
    return [w if isinstance(w, str) else str(w[0]) for w in items or []]


def to_view(
    doc: str,
    text: str,
    quotes: list[Quote],
    target: str,
    explanations: dict[int, dict] | None = None,
) -> dict:
    """The report's content as a plain dict: paragraphs cut into segments, quotes, speakers.

    A segment's ``quote`` is the index of the quote in ``quotes`` it shows, or None. A quote
    overlapping an earlier one is shown only from where the earlier one ends.
    """
    explanations = explanations or {}
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].start, -quotes[i].end, i))
    paragraphs = []
    for p_start, p_end in paragraph_spans(text):  # as extraction numbers them
        segments, cursor = [], p_start
        for i in order:
            start, end = max(quotes[i].start, cursor), min(quotes[i].end, p_end)
            if start >= end:
                continue
            if start > cursor:
                segments.append({"text": text[cursor:start], "quote": None})
            segments.append({"text": text[start:end], "quote": i})
            cursor = end
        if cursor < p_end:
            segments.append({"text": text[cursor:p_end], "quote": None})
        paragraphs.append({"segments": segments})

    views, counts = [], {}
    for i, q in enumerate(quotes):
        speaker = q.speaker if q.speaker is not None else UNATTRIBUTED
        expl = explanations.get(i) or {}
        views.append({
            "index": i, "start": q.start, "end": q.end, "quote": q.quote,
            "speaker": speaker, "cue": q.cue, "mention": q.mention, "stance": q.stance,
            "confidence": q.confidence, "probabilities": dict(q.probabilities or {}),
            "toward": _words(expl.get("toward")), "away": _words(expl.get("away")), "why": expl.get("note"),
            "groups": [f"{group} {push:+.2f}" for group, push in expl.get("groups") or []],
        })
        row = counts.setdefault(speaker, {"speaker": speaker, **{s: 0 for s in STANCES}, "total": 0})
        if q.stance in STANCES:
            row[q.stance] += 1
        row["total"] += 1
    speakers = sorted(counts.values(), key=lambda r: (-r["total"], r["speaker"]))
    return {"doc": doc, "target": target, "paragraphs": paragraphs, "quotes": views, "speakers": speakers}


def _pct(p: float | None) -> str:
    """A probability as a whole percentage, or a dash."""
    return "\u2014" if p is None else f"{100 * p:.0f}%"


def _rows(q: dict) -> list[tuple[str, str]]:
    """A quote's details as (label, value) pairs, shared by the tooltip and the panel."""
    probs = q["probabilities"]
    stance = q["stance"] or "\u2014"
    if q["confidence"] is not None:
        stance += f" ({_pct(q['confidence'])})"
    return [
        ("Speaker", q["speaker"]),
        ("Cue", q["cue"] or "\u2014"),
        ("Mention", q["mention"] or "\u2014"),
        ("Stance", stance),
        *((s.capitalize(), _pct(probs.get(s))) for s in STANCES),
        *([("Why", q["why"])] if q.get("why") else
          [("Toward", ", ".join(q["toward"]) or "\u2014"), ("Away", ", ".join(q["away"]) or "\u2014"),
           *([("By group", ", ".join(q["groups"]))] if q.get("groups") else [])]),
    ]


def _json_for_script(data: object) -> str:
    """JSON safe inside a <script> element: no ``<``, ``>`` or ``&`` appear literally."""
    s = json.dumps(data, ensure_ascii=False)
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _stance_class(stance: str | None) -> str:
    """The CSS class suffix for a stance; ``none`` for a missing or unknown one."""
    return stance if stance in STANCES else "none"


def render(view: dict) -> str:
    """One complete, self-contained HTML page for a view made by ``to_view``."""
    quotes = {q["index"]: q for q in view["quotes"]}
    last_segment = {}  # the speaker label goes after the last piece of each quote
    for p, para in enumerate(view["paragraphs"]):
        for s, seg in enumerate(para["segments"]):
            if seg["quote"] is not None:
                last_segment[seg["quote"]] = (p, s)

    paragraphs = []
    for p, para in enumerate(view["paragraphs"]):
        parts = []
        for s, seg in enumerate(para["segments"]):
            i = seg["quote"]
            if i is None:
                parts.append(escape(seg["text"]))
                continue
            q = quotes[i]
            title = "\n".join(f"{k}: {v}" for k, v in _rows(q))
            label = TPL_LABEL.format(speaker=escape(q["speaker"])) if last_segment[i] == (p, s) else ""
            parts.append(TPL_QUOTE.format(
                stance=_stance_class(q["stance"]), index=i, title=escape(title),
                text=escape(seg["text"]), label=label,
            ))
        paragraphs.append(TPL_PARAGRAPH.format(segments="".join(parts)))

    rows = "\n".join(
        TPL_ROW.format(**{k: escape(str(v)) for k, v in r.items()}) for r in view["speakers"]
    ) or '<tr><td colspan="5">No quotes.</td></tr>'
    data = [
        {"index": q["index"], "quote": q["quote"], "stance": _stance_class(q["stance"]), "rows": _rows(q)}
        for q in view["quotes"]
    ]
    return TPL_PAGE.format(
        title=escape(f"{view['doc']} \u2014 stance toward {view['target']} \u00b7 quotestance"),
        css=CSS,
        doc=escape(view["doc"]),
        target=escape(view["target"]),
        n_quotes=len(view["quotes"]),
        legend="".join(TPL_LEGEND_ITEM.format(stance=s) for s in STANCES),
        paragraphs="\n".join(paragraphs),
        summary=TPL_TABLE.format(rows=rows),
        data=_json_for_script(data),
        js=JS,
    )
