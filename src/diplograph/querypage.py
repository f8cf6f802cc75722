"""The web view's query page: every stored query with its question, a field per parameter and
its SPARQL text, run from the page on a SPARQL endpoint (`diplograph serve`) by a small script
of our own (queries.js): no library, nothing fetched but the endpoint's answer.

The text sent is the stored query with the project's prefixes and its parameters bound by a
VALUES block first in its WHERE group, as `query --endpoint` sends it (queries.with_prefixes,
store.values_first); the page holds that text with a `%%NAME%%` mark where each parameter's
value goes, and the script puts the value there as an RDF term (a date, an integer, a string or
an IRI, checked as `diplograph query` checks it).
"""

from __future__ import annotations

import json
from html import escape

from diplograph.namespaces import PREFIXES
from diplograph.queries import StoredQuery, with_prefixes
from diplograph.store import values_first

DEFAULT_ENDPOINT = "http://127.0.0.1:7878/query"


def template(query: StoredQuery) -> str:
    """The text to send, with a `%%NAME%%` mark for each parameter's value.

    >>> from pathlib import Path
    >>> from diplograph.queries import Param
    >>> q = StoredQuery("q", Path("q.rq"), "", "", (Param("d", "xsd:date", "x", False),),
    ...                 False, "SELECT ?e WHERE { ?e dip:date ?d }")
    >>> template(q).splitlines()[-1]
    'SELECT ?e WHERE { VALUES (?d) { (%%d%%) }  ?e dip:date ?d }'
    """
    marks = {p.name: f"%%{p.name}%%" for p in query.params}
    return with_prefixes(values_first(query.text, marks))


def _fields(query: StoredQuery) -> str:
    """One input per parameter, holding its example (required) or default (optional)."""
    return "".join(
        f"<label>{escape(p.name)} ({escape(p.type)}{', optional' if p.optional else ''}) "
        f'<input name="{escape(p.name)}" data-type="{escape(p.type)}" '
        f'value="{escape(p.example)}"/></label>\n'
        for p in query.params
    )


def query_page(queries: list[StoredQuery]) -> str:
    """The body of the query page."""
    sections = []
    for query in queries:
        sections.append(
            f'<section id="{escape(query.name)}">\n<h2>{escape(query.title)} '
            f"<code>{escape(query.name)}</code></h2>\n<p>{escape(query.question)}"
            + (" (needs the inferred graph)" if query.inference else "")
            + '</p>\n<form class="run">\n'
            + _fields(query)
            + '<button type="submit">Run</button>\n<details><summary>SPARQL</summary>\n'
            f'<textarea name="query" rows="14">{escape(template(query))}</textarea>\n'
            '</details>\n<div class="answer"></div>\n</form>\n</section>\n'
        )
    return (
        "<p>Served by <code>diplograph serve</code> (at <code>/view/</code>), this page runs "
        "its queries on the same server's <code>/query</code>. Opened from a file, it needs "
        "<code>diplograph serve --cors</code> (<code>--cors</code> lets a page of another "
        "origin read the answers); without it, each answer opens as the endpoint's own page "
        "(SPARQL results XML). <code>?endpoint=URL</code> in this page's address sets the "
        "endpoint, <code>&amp;run=NAME</code> runs a query at once.</p>\n"
        f'<p><label>SPARQL endpoint <input id="endpoint" size="40" '
        f'value="{DEFAULT_ENDPOINT}"/></label></p>\n' + "".join(sections)
    )


QUERY_SCRIPT = (
    '"use strict";\n// Runs a stored query on the endpoint, its parameters bound as RDF terms.\n'
    f"const PREFIXES = {json.dumps(PREFIXES, sort_keys=True)};\n"
    r"""const XSD = "http://www.w3.org/2001/XMLSchema#";

function term(type, value) {
  if (type === "xsd:date") {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`'${value}' is not a valid xsd:date`);
    return `"${value}"^^<${XSD}date>`;
  }
  if (type === "xsd:integer") {
    if (!/^[+-]?\d+$/.test(value)) throw new Error(`'${value}' is not a valid xsd:integer`);
    return `"${value}"^^<${XSD}integer>`;
  }
  if (type === "iri") {
    const [prefix, ...rest] = value.split(":");
    let iri = value;
    if (rest.length && prefix in PREFIXES && !rest.join(":").startsWith("//")) {
      iri = PREFIXES[prefix] + rest.join(":");
    }
    if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|^`\\]+$/i.test(iri)) {
      throw new Error(`'${value}' is not an IRI or a known prefixed name`);
    }
    return `<${iri}>`;
  }
  return JSON.stringify(value);
}

function show(answer, box) {
  const table = document.createElement("table");
  const head = table.insertRow();
  const names = answer.head.vars || [];
  for (const name of names) {
    const cell = document.createElement("th");
    cell.textContent = name;
    head.append(cell);
  }
  if (answer.boolean !== undefined) table.insertRow().insertCell().textContent = answer.boolean;
  for (const binding of (answer.results ? answer.results.bindings : [])) {
    const row = table.insertRow();
    for (const name of names) {
      row.insertCell().textContent = binding[name] ? binding[name].value : "";
    }
  }
  const count = document.createElement("p");
  count.textContent = `${answer.results ? answer.results.bindings.length : 1} row(s)`;
  box.replaceChildren(table, count);
}

async function run(form) {
  const box = form.querySelector(".answer");
  let text = form.elements.query.value;
  try {
    for (const input of form.querySelectorAll("input[data-type]")) {
      text = text.split(`%%${input.name}%%`).join(term(input.dataset.type, input.value.trim()));
    }
  } catch (error) {
    box.textContent = error.message;
    return;
  }
  const url = `${document.getElementById("endpoint").value}?query=${encodeURIComponent(text)}`;
  box.textContent = "running…";
  try {
    const response = await fetch(url, {headers: {Accept: "application/sparql-results+json"}});
    if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
    show(await response.json(), box);
  } catch (error) {
    const link = document.createElement("a");
    link.href = url;
    link.textContent = "open the answer directly";
    box.replaceChildren(`The endpoint did not answer this page (${error.message}); `, link);
  }
}

// The endpoint: ?endpoint=URL, else the page's own server's /query when served over http(s),
// else the field's default (a page opened from a file).
function endpointOf(address, fallback) {
  const page = new URL(address);
  const asked = page.searchParams.get("endpoint");
  if (asked) return asked;
  if (page.protocol === "http:" || page.protocol === "https:") {
    return new URL("/query", page).href;
  }
  return fallback;
}

if (typeof document !== "undefined") document.addEventListener("DOMContentLoaded", () => {
  const asked = new URLSearchParams(window.location.search);
  const field = document.getElementById("endpoint");
  field.value = endpointOf(window.location.href, field.value);
  for (const form of document.querySelectorAll("form.run")) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      run(form);
    });
    if (form.parentElement.id === asked.get("run")) run(form);
  }
});
"""
)
