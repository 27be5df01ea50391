// The explorer's behaviour on top of pyvis's page: it reuses pyvis's globals `nodes`, `edges`
// and `network`, and asks the API (/graph, /actors, /actors/{id}/statements) for everything else.
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("kg-config").textContent);
  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g,
    (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  let state = {center: config.center, depth: config.depth};
  window.kgExplorer = {settled: false};

  function checked(name) {
    return Array.from(document.querySelectorAll(`input[name=${name}]:checked`)).map((i) => i.value);
  }

  function query() {
    const params = new URLSearchParams();
    if (state.center) { params.set("center", state.center); params.set("depth", state.depth); }
    params.set("limit", config.limit);
    const types = checked("type"), kinds = checked("kind");
    if (types.length < config.types.length) types.forEach((t) => params.append("type", t));
    if (kinds.length < config.kinds.length) kinds.forEach((k) => params.append("kind", k));
    if ($("kg-since").value) params.set("since", $("kg-since").value);
    if ($("kg-until").value) params.set("until", $("kg-until").value);
    if ($("kg-article").value) params.set("article", $("kg-article").value);
    return params;
  }

  function nodeItem(n) {
    const style = config.nodeStyle[n.type] || ["#999999", "dot"];
    const others = (n.aliases || []).filter((a) => a !== n.name);
    return {id: n.id, label: n.name, group: n.type, color: style[0], shape: style[1],
            title: `${n.type}: ${n.name}` + (others.length ? `\nalso: ${others.join(", ")}` : "")};
  }

  function edgeItem(e, i) {
    return {id: `${e.statement || e.type}:${e.source}:${e.target}:${i}`, from: e.source, to: e.target,
            label: e.label, color: config.edgeColour[e.label] || "#999999", arrows: "to",
            title: `${e.label} (${e.date || "undated"}, ${e.article_id})\n${e.sentence}`, evidence: e};
  }

  let graphRequest = 0;  // filters change fast: only the latest answer is drawn

  async function reload() {
    const mine = ++graphRequest;
    $("kg-status").textContent = "loading…";
    const response = await fetch(`/graph?${query()}`);
    const body = await response.json();
    if (mine !== graphRequest) return;
    if (!response.ok) { $("kg-status").textContent = body.error ? body.error.message : "error"; return; }
    nodes.clear(); edges.clear();
    nodes.add(body.nodes.map(nodeItem));
    edges.add(body.edges.map(edgeItem));
    window.kgExplorer.settled = false;
    network.setOptions({physics: {enabled: true}});
    network.stabilize(200);
    $("kg-status").textContent = `${body.nodes.length} nodes, ${body.edges.length} edges` +
      (state.center ? ` around ${state.center} (depth ${state.depth})` : "");
    if (state.center && nodes.get(state.center)) network.selectNodes([state.center]);
  }

  let panelRequest = 0;  // only the latest click may fill the panel

  async function showActor(id) {
    const mine = ++panelRequest;
    const [actor, statements] = await Promise.all([
      fetch(`/actors/${encodeURIComponent(id)}`).then((r) => r.json()),
      fetch(`/actors/${encodeURIComponent(id)}/statements?limit=200`).then((r) => r.json()),
    ]);
    if (mine !== panelRequest) return;
    if (actor.error) { $("kg-panel").innerHTML = `<p>${esc(actor.error.message)}</p>`; return; }
    const kinds = Object.entries(actor.statements_by_kind).map(([k, n]) => `${n} ${k}`).join(", ");
    let html = `<h2 id="kg-actor-name">${esc(actor.name)}</h2>
      <div class="kg-meta">${esc(actor.type)} · ${esc(actor.id)}` +
      (actor.wikidata ? ` · Wikidata ${esc(actor.wikidata)}` : "") + `</div>` +
      (actor.description ? `<p>${esc(actor.description)}</p>` : "") +
      `<p><b>Also called:</b> ${esc(actor.aliases.join(", "))}</p>
      <p><b>Statements:</b> ${esc(kinds)}</p>
      <p><button id="kg-center-here">Centre on ${esc(actor.name)}</button></p>
      <div id="kg-statements">`;
    for (const s of statements.data || []) {
      html += `<div class="kg-statement"><span class="kg-kind kg-${esc(s.kind)}">${esc(s.kind)}</span>
        <span class="kg-meta">${esc(s.date || "undated")} · ${esc(s.article.source || s.article.title || s.article.id)}</span>` +
        (s.quote ? `<blockquote>“${esc(s.quote)}”</blockquote>` : "") +
        `<div>${esc(s.sentence)}</div>
        <a href="/explorer/articles/${encodeURIComponent(s.article.id)}?start=${s.start}&end=${s.end}" target="_blank">article</a></div>`;
    }
    if (!(statements.data || []).length) html += `<p class="kg-meta">No statements by this actor.</p>`;
    $("kg-panel").innerHTML = html + "</div>";
    $("kg-center-here").onclick = () => { state.center = id; reload(); };
  }

  function showEdge(edgeId) {
    panelRequest++;
    const picked = edges.get(edgeId);
    const between = edges.get({filter: (e) => e.from === picked.from && e.to === picked.to});
    const name = (id) => (nodes.get(id) || {label: id}).label;
    let html = `<h2>${esc(name(picked.from))} → ${esc(name(picked.to))}</h2>`;
    for (const e of between) {
      const ev = e.evidence;
      html += `<div class="kg-statement"><span class="kg-kind kg-${esc(ev.label)}">${esc(ev.label)}</span>
        <span class="kg-meta">${esc(ev.date || "undated")} · ${esc(ev.article_id)}</span>
        <div>${esc(ev.sentence)}</div>
        <a href="/explorer/articles/${encodeURIComponent(ev.article_id)}?start=${ev.start}&end=${ev.end}" target="_blank">article</a></div>`;
    }
    $("kg-panel").innerHTML = html;
  }

  async function search(text) {
    if (!text.trim()) return;
    const found = await fetch(`/actors?limit=1&q=${encodeURIComponent(text)}`).then((r) => r.json());
    if (!found.data || !found.data.length) { $("kg-status").textContent = `no actor matches “${text}”`; return; }
    state.center = found.data[0].id;
    await reload();
    await showActor(state.center);
  }

  async function suggest() {
    const text = $("kg-search").value;
    if (text.length < 2) return;
    const found = await fetch(`/actors?limit=10&q=${encodeURIComponent(text)}`).then((r) => r.json());
    $("kg-suggestions").innerHTML = (found.data || []).map((a) => `<option value="${esc(a.name)}">`).join("");
  }

  // Once laid out, the drawing stays still: large graphs stop costing CPU and nodes stay put.
  network.on("stabilizationIterationsDone", () => {
    network.setOptions({physics: {enabled: false}});
    network.fit({animation: false});
    window.kgExplorer.settled = true;
  });
  // When the first frame was drawn, in ms since navigation began: the page's load time.
  network.once("afterDrawing", () => { window.kgExplorer.firstDrawnMs = Math.round(performance.now()); });
  network.on("click", (params) => {
    if (params.nodes.length) showActor(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });
  $("kg-search-form").addEventListener("submit", (ev) => { ev.preventDefault(); search($("kg-search").value); });
  $("kg-search").addEventListener("input", suggest);
  $("kg-depth").addEventListener("change", () => { state.depth = $("kg-depth").value; if (state.center) reload(); });
  $("kg-whole").addEventListener("click", () => { state.center = null; reload(); });
  document.querySelectorAll("#kg-bar input[type=checkbox], #kg-since, #kg-until, #kg-article")
    .forEach((el) => el.addEventListener("change", reload));
  fetch("/articles?limit=1000").then((r) => r.json()).then((body) => {
    for (const a of body.data || []) {
      const option = document.createElement("option");
      option.value = a.id;
      option.textContent = `${a.published || a.dateline || "undated"} · ${a.title || a.source || a.id}`;
      $("kg-article").appendChild(option);
    }
  });
  window.kgExplorer = Object.assign(window.kgExplorer || {}, {reload, search, showActor, showEdge, state});
  $("kg-status").textContent = `${nodes.length} nodes, ${edges.length} edges` +
    (state.center ? ` around ${state.center} (depth ${state.depth})` : "");
})();
