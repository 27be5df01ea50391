"""The explorer page: pyvis (vis-network) draws the graph; a small inline script adds search,
filters and a side panel that read the API. Every script and style is inline: no CDN."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from pyvis.network import Network

from schema.vocabulary import EntityType, RelationType, StatementKind

_ASSETS = Path(__file__).parent / "explorer_assets"

NODE_STYLE: dict[str, tuple[str, str]] = {
    EntityType.PERSON.value: ("#4e79a7", "dot"),
    EntityType.AGENCY.value: ("#f28e2b", "square"),
    EntityType.STATE.value: ("#e15759", "diamond"),
    EntityType.TREATY.value: ("#76b7b2", "triangle"),
    EntityType.UNIT.value: ("#59a14f", "star"),
    EntityType.PLACE.value: ("#b07aa1", "triangleDown"),
}
"""Colour and vis-network shape for each node type."""

EDGE_COLOUR: dict[str, str] = {
    StatementKind.SAID.value: "#7f7f7f",
    StatementKind.CONFIRMED.value: "#2ca02c",
    StatementKind.DENIED.value: "#d62728",
    RelationType.DEPLOYED_TO.value.lower(): "#59a14f",
    RelationType.SIGNED.value.lower(): "#76b7b2",
}
"""Colour of each edge kind (statement kinds and relation types)."""

# A short stabilisation, then the script switches physics off: the first frame comes quickly and
# large graphs stop costing CPU. Curved edges keep parallel statements apart without the extra
# physics bodies that "dynamic" smoothing adds per edge.
_VIS_OPTIONS = {
    "physics": {
        "solver": "barnesHut",
        "barnesHut": {"gravitationalConstant": -4000, "springLength": 160, "springConstant": 0.04},
        "stabilization": {"enabled": True, "iterations": 150, "updateInterval": 25, "fit": True},
    },
    "edges": {"smooth": {"enabled": True, "type": "continuous"}, "font": {"size": 9}},
    "nodes": {"font": {"size": 12}},
    "interaction": {"hover": True, "tooltipDelay": 150},
}

# pyvis's template links Bootstrap from a CDN even with inline resources; the page must work
# offline, so those tags go (the page does not use Bootstrap's components).
_EXTERNAL_TAG = re.compile(
    r"<link[^>]*href=\"https?://[^\"]*\"[^>]*>|<script[^>]*src=\"https?://[^\"]*\"[^>]*>\s*</script>",
    re.S,
)


def render_explorer(subgraph: dict, *, center: str | None = None, depth: int = 1, limit: int = 300,
                    title: str = "News knowledge graph") -> str:
    """One self-contained HTML page drawing `subgraph` (as graph.reader.read_subgraph returns).

    `center`/`depth`/`limit` describe how the subgraph was chosen, so the page's controls
    continue from there.
    """
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.set_options(json.dumps(_VIS_OPTIONS))
    for node in subgraph["nodes"]:
        colour, shape = NODE_STYLE.get(node["type"], ("#999999", "dot"))
        others = [a for a in (node.get("aliases") or []) if a != node["name"]]
        tooltip = f"{node['type']}: {node['name']}" + (f"\nalso: {', '.join(others)}" if others else "")
        net.add_node(node["id"], label=node["name"], title=tooltip, color=colour, shape=shape,
                     group=node["type"])
    for i, edge in enumerate(subgraph["edges"]):
        label = edge["label"]
        net.add_edge(edge["source"], edge["target"], id=f"{edge.get('statement') or edge['type']}:"
                     f"{edge['source']}:{edge['target']}:{i}", label=label, arrows="to",
                     color=EDGE_COLOUR.get(label, "#999999"), evidence=edge,
                     title=f"{label} ({edge.get('date') or 'undated'}, {edge['article_id']})\n{edge['sentence']}")
    # pyvis writes its (empty) heading twice; the page has its own bar.
    page = re.sub(r"<center>\s*<h1></h1>\s*</center>|<h1></h1>", "", _EXTERNAL_TAG.sub("", net.generate_html()))
    config = {"center": center, "depth": depth, "limit": limit, "nodeStyle": NODE_STYLE,
              "edgeColour": EDGE_COLOUR, "types": [t.value for t in EntityType], "kinds": list(EDGE_COLOUR)}
    head = f"<style>{(_ASSETS / 'explorer.css').read_text()}</style>"
    top = (_controls(title, depth) + '<div id="kg-main"><div id="kg-graph">')
    bottom = ('</div><aside id="kg-panel"><p class="kg-meta">Click a node for its profile and '
              'statements, an edge for its evidence.</p></aside></div>'
              f'<script type="application/json" id="kg-config">{_json_for_html(config)}</script>'
              f"<script>{(_ASSETS / 'explorer.js').read_text()}</script>")
    page = page.replace("</head>", head + "</head>", 1)
    page = page.replace("<body>", "<body>" + top, 1)
    return page.replace("</body>", bottom + "</body>", 1)


def render_article(article: dict, start: int | None = None, end: int | None = None) -> str:
    """An article's text as a page, the span [start, end) highlighted (an edge's evidence)."""
    text = article["text"]
    if start is not None and end is not None and 0 <= start < end <= len(text):
        body = (html.escape(text[:start]) + '<mark id="kg-evidence">' + html.escape(text[start:end])
                + "</mark>" + html.escape(text[end:]))
    else:
        body = html.escape(text)
    meta = " · ".join(html.escape(str(v)) for v in (article.get("source"), article.get("published")
                                                     or article.get("dateline"), article["id"]) if v)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(article.get('title') or article['id'])}"
            "</title><style>body{font-family:system-ui,sans-serif;max-width:52em;margin:2em auto;"
            "line-height:1.5}pre{white-space:pre-wrap;font-family:inherit}mark{background:#ffe58a}</style>"
            f"</head><body><h1>{html.escape(article.get('title') or article['id'])}</h1><p>{meta}</p>"
            f"<pre>{body}</pre><script>var m=document.getElementById('kg-evidence');"
            "if(m)m.scrollIntoView({block:'center'});</script></body></html>")


def _controls(title: str, depth: int) -> str:
    types = "".join(
        f'<label class="kg-legend-item"><input type="checkbox" name="type" value="{t}" checked>'
        f'<span class="kg-swatch" style="background:{colour}"></span>{t}</label>'
        for t, (colour, _) in NODE_STYLE.items()
    )
    kinds = "".join(
        f'<label class="kg-legend-item"><input type="checkbox" name="kind" value="{k}" checked>'
        f'<span class="kg-line" style="background:{colour}"></span>{k.replace("_", " ")}</label>'
        for k, colour in EDGE_COLOUR.items()
    )
    depths = "".join(f'<option value="{d}"{" selected" if d == depth else ""}>{d}</option>' for d in (1, 2, 3))
    return (
        f'<div id="kg-bar"><strong>{html.escape(title)}</strong>'
        '<form id="kg-search-form"><input id="kg-search" list="kg-suggestions" '
        'placeholder="Find an actor (any alias)" autocomplete="off"><datalist id="kg-suggestions"></datalist>'
        '<button type="submit">Go</button></form>'
        f'<label>depth <select id="kg-depth">{depths}</select></label>'
        '<button id="kg-whole" type="button">Whole graph</button>'
        f'<fieldset id="kg-types"><legend>Nodes</legend>{types}</fieldset>'
        f'<fieldset id="kg-kinds"><legend>Edges</legend>{kinds}</fieldset>'
        '<label>from <input type="date" id="kg-since"></label><label>to <input type="date" id="kg-until"></label>'
        '<label>article <select id="kg-article"><option value="">all</option></select></label>'
        '<span id="kg-status"></span></div>'
    )


def _json_for_html(value) -> str:
    # "</script>" inside data must not end the script element.
    return json.dumps(value).replace("<", "\\u003c")
