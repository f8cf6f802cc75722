"""The interactive network of the web view: the JSON island that the vendored Cytoscape.js
draws (actors as nodes, events as edges, at the circle places network.py computes) and the
page's own script that draws it and filters it by kind, standing and date range.

The island is sorted (nodes in drawing order, edges as view.edges) and written with sorted keys,
so the same graph gives the same bytes; `<`, `>` and `&` are written as JSON escapes, so no
label can end the script element and the page stays well-formed XML.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from diplograph.network import drawn_actors, layout
from diplograph.view import View

ISLAND_ID = "network-data"


def _place(value: float) -> float:
    """A coordinate with one decimal, never -0.0.

    >>> _place(-0.04), _place(12.345)
    (0.0, 12.3)
    """
    return round(value, 1) + 0.0


def network_data(view: View, href: Callable[[str, str], str]) -> dict[str, list[dict]]:
    """The nodes and edges to draw; `href(folder, iri)` gives the link of a page."""
    actors = drawn_actors(view)
    places = layout(actors)
    nodes = [
        {
            "id": actor.iri,
            "label": actor.label,
            "kind": actor.kind,
            "qid": actor.qid,
            "href": href("entity", actor.iri),
            "x": _place(places[actor.iri][0]),
            "y": _place(places[actor.iri][1]),
        }
        for actor in actors
    ]
    edges = []
    for index, edge in enumerate(view.edges):
        event = view.events[edge.event]
        start, end = event.days()
        edges.append(
            {
                "id": f"e{index}",
                "source": edge.source,
                "target": edge.target,
                "event": event.iri,
                "label": event.label,
                "kind": event.kind,
                "standing": event.standing(),
                "when": event.when(),
                "start": start,
                "end": end,
                "href": href("event", event.iri),
            }
        )
    return {"nodes": nodes, "edges": edges}


def island(view: View, href: Callable[[str, str], str]) -> str:
    """The script element holding the network's data as JSON (escaped for HTML and XML)."""
    text = json.dumps(network_data(view, href), ensure_ascii=False, sort_keys=True, indent=1)
    for char, code in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, code)
    return f'<script type="application/json" id="{ISLAND_ID}">\n{text}\n</script>\n'


NETWORK_SCRIPT = """"use strict";
// The network page: draws the actors and events of the JSON island #network-data with the
// vendored Cytoscape.js at the places diplograph computed (no layout randomness), in place of
// the SVG drawing, and shows only the events of the checked kinds and standings whose dates
// meet the range given (the SVG and the table follow the same filters).
const NETWORK_STYLE = [
  {selector: "node", style: {"background-color": "#4a6fa5", "label": "data(label)",
    "font-size": 11, "text-valign": "bottom", "text-margin-y": 3, "width": 14, "height": 14,
    "text-wrap": "ellipsis", "text-max-width": 220}},
  {selector: "node.k-country", style: {"background-color": "#2e7d32"}},
  {selector: "node.k-delegation", style: {"background-color": "#8e24aa"}},
  {selector: "edge", style: {"width": 1.6, "curve-style": "bezier",
    "target-arrow-shape": "triangle", "arrow-scale": 0.8}},
  {selector: "edge.m-happened", style: {"line-color": "#333333", "target-arrow-color": "#333333",
    "line-style": "solid"}},
  {selector: "edge.m-expected", style: {"line-color": "#1565c0", "target-arrow-color": "#1565c0",
    "line-style": "dashed", "line-dash-pattern": [7, 4]}},
  {selector: "edge.m-claimed", style: {"line-color": "#b36b00", "target-arrow-color": "#b36b00",
    "line-style": "dotted"}},
  {selector: "edge.m-denied", style: {"line-color": "#c62828", "target-arrow-color": "#c62828",
    "line-style": "dashed", "line-dash-pattern": [2, 3, 8, 3]}},
  {selector: "edge.m-unattested", style: {"line-color": "#999999",
    "target-arrow-color": "#999999", "line-style": "dotted"}},
  {selector: ".hidden", style: {"display": "none"}},
];

// Whether an edge (its data: kind, standing, first and last day, '' where open) passes the
// filters; with a date set, an undated event is hidden and an interval (or an open one, "X or
// later") is shown when it meets the range.
function shown(edge, filters) {
  if (!filters.kinds.has(edge.kind) || !filters.standings.has(edge.standing)) return false;
  if (!filters.from && !filters.to) return true;
  if (!edge.start && !edge.end) return false;
  return (!filters.from || !edge.end || edge.end >= filters.from)
    && (!filters.to || !edge.start || edge.start <= filters.to);
}

// The elements Cytoscape draws, from the island's data.
function elements(data) {
  const nodes = data.nodes.map((node) => ({group: "nodes", data: node,
    position: {x: node.x, y: node.y}, classes: "k-" + node.kind.replace(/ /g, "-")}));
  const edges = data.edges.map((edge) => ({group: "edges", data: edge,
    classes: "m-" + edge.standing}));
  return nodes.concat(edges);
}

// Hide the edges that fail the filters, and the nodes left without a shown edge.
function applyFilters(cy, filters) {
  cy.batch(() => {
    cy.edges().forEach((edge) => edge.toggleClass("hidden", !shown(edge.data(), filters)));
    cy.nodes().forEach((node) => node.toggleClass("hidden",
      node.connectedEdges().filter((edge) => !edge.hasClass("hidden")).length === 0));
  });
  return cy.edges().filter((edge) => !edge.hasClass("hidden")).length;
}

// The filters as the form holds them.
function currentFilters() {
  const checked = (name) => new Set(Array.from(
    document.querySelectorAll(`input[name="${name}"]:checked`), (box) => box.value));
  return {kinds: checked("kind"), standings: checked("standing"),
    from: document.getElementById("from").value, to: document.getElementById("to").value};
}

// Apply the form's filters to the drawing (if any), the SVG and the table.
function filterNetwork(cy) {
  const filters = currentFilters();
  for (const item of document.querySelectorAll("[data-kind]")) {
    const edge = {kind: item.dataset.kind, standing: item.dataset.standing,
      start: item.dataset.start, end: item.dataset.end};
    item.classList.toggle("hidden", !shown(edge, filters));
  }
  if (cy) {
    const count = applyFilters(cy, filters);
    document.getElementById("shown").textContent = `${count} of ${cy.edges().length} edges shown`;
  }
}

// Draw the island with Cytoscape in #cy, replacing the SVG; a click opens a node's or an
// edge's page.
function drawNetwork() {
  const data = JSON.parse(document.getElementById("network-data").textContent);
  const container = document.getElementById("cy");
  container.classList.remove("hidden");
  document.getElementById("network-svg").classList.add("hidden");
  const cy = cytoscape({container: container, elements: elements(data), style: NETWORK_STYLE,
    layout: {name: "preset", fit: true, padding: 30}});
  cy.on("tap", "node, edge", (event) => { window.location.href = event.target.data("href"); });
  cy.on("mouseover", "edge", (event) => {
    const d = event.target.data();
    container.title = `${d.kind}, ${d.when} (${d.standing}): ${d.label}`;
  });
  cy.on("mouseover", "node", (event) => { container.title = event.target.data("label"); });
  return cy;
}

if (typeof document !== "undefined") {
  document.addEventListener("DOMContentLoaded", () => {
    const cy = typeof cytoscape === "function" ? drawNetwork() : null;
    window.cy = cy;  // the drawing, for the console (as Cytoscape's demos do) and the tests
    for (const input of document.querySelectorAll("#filters input")) {
      input.addEventListener("change", () => filterNetwork(cy));
    }
    filterNetwork(cy);
  });
}
if (typeof module !== "undefined") module.exports = {shown, elements, applyFilters, NETWORK_STYLE};
"""
