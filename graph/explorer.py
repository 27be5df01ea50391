"""The explorer page: a pyvis (vis-network) drawing of a subgraph, self-contained for offline use."""

from __future__ import annotations

import html
import re

from pyvis.network import Network

from schema.vocabulary import EntityType, StatementKind

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
    "deployed_to": "#59a14f",
    "signed": "#76b7b2",
}

# pyvis's template links Bootstrap from a CDN even with inline resources; the page must work
# offline, so those tags go (the page does not use Bootstrap's components).
_EXTERNAL_TAG = re.compile(
    r"<link[^>]*href=\"https?://[^\"]*\"[^>]*>|<script[^>]*src=\"https?://[^\"]*\"[^>]*>\s*</script>",
    re.S,
)


def render_explorer(subgraph: dict, title: str = "News knowledge graph") -> str:
    """Render `{"nodes": [...], "edges": [...]}` (as graph.reader.read_subgraph returns) as one HTML page.

    All JavaScript and CSS are inline; the page fetches nothing from the network.
    """
    net = Network(height="85vh", width="100%", directed=True, cdn_resources="in_line",
                  bgcolor="#ffffff", font_color="#222222")
    net.barnes_hut(gravity=-4000, spring_length=160)
    for node in subgraph["nodes"]:
        colour, shape = NODE_STYLE.get(node["type"], ("#999999", "dot"))
        aliases = ", ".join(a for a in (node.get("aliases") or []) if a != node["name"])
        tooltip = f"{node['type']}: {node['name']}" + (f"\nalso: {aliases}" if aliases else "")
        net.add_node(node["id"], label=node["name"], title=tooltip, color=colour, shape=shape,
                     group=node["type"])
    for edge in subgraph["edges"]:
        label = edge["label"]
        tooltip = f"{label} ({edge.get('date') or 'undated'}, {edge['article_id']})\n{edge['sentence']}"
        net.add_edge(edge["source"], edge["target"], label=label, title=tooltip,
                     color=EDGE_COLOUR.get(label, "#999999"), arrows="to")
    page = _EXTERNAL_TAG.sub("", net.generate_html())
    legend = _legend_html(title, len(subgraph["nodes"]), len(subgraph["edges"]))
    return page.replace("<body>", "<body>\n" + legend, 1)


def _legend_html(title: str, nodes: int, edges: int) -> str:
    items = "".join(
        f'<span class="kg-legend-item"><span style="background:{colour}" class="kg-swatch"></span>'
        f"{html.escape(kind)}</span>"
        for kind, (colour, _) in NODE_STYLE.items()
    )
    edge_items = "".join(
        f'<span class="kg-legend-item"><span style="background:{colour}" class="kg-line"></span>'
        f"{html.escape(kind)}</span>"
        for kind, colour in EDGE_COLOUR.items()
    )
    return (
        "<style>.kg-header{font-family:sans-serif;padding:6px 10px}"
        ".kg-legend-item{margin-right:14px;font-size:13px}"
        ".kg-swatch{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:4px}"
        ".kg-line{display:inline-block;width:18px;height:3px;margin:0 4px 3px 0}</style>"
        f'<div class="kg-header"><strong>{html.escape(title)}</strong> '
        f'<span id="kg-counts">{nodes} nodes, {edges} edges</span><br>'
        f'<span id="kg-legend">{items} | {edge_items}</span></div>'
    )
