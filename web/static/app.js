// faultline web page: map, timeline, event list, article view, search.
// Plain JavaScript, no build step; data comes from the JSON API under /api/.
"use strict";

(function () {
  const SVGNS = "http://www.w3.org/2000/svg";
  const W = 960, H = 480; // map user units: equirectangular, 1 unit = 0.375 degrees
  const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  const PLOVER_COLORS = {
    AGREE: "#1b9e77", CONSULT: "#66c2a5", SUPPORT: "#a6d854", CONCEDE: "#8da0cb", COOPERATE: "#4daf4a", AID: "#2ca25f",
    RETREAT: "#80b1d3", REQUEST: "#b3de69", ACCUSE: "#fdb462", REJECT: "#fb8072", THREATEN: "#e78ac3", PROTEST: "#bc80bd",
    SANCTION: "#984ea3", MOBILIZE: "#ff7f00", COERCE: "#e6550d", ASSAULT: "#b2182b", "": "#999999",
  };
  const MAX_EVENTS = 1000;

  const $ = (id) => document.getElementById(id);
  const state = {
    events: [],          // the events of the current filter
    counts: [],          // per day and PLOVER type, unfiltered by the range
    range: null,         // {from, to} as YYYY-MM-DD, inclusive
    actor: null,         // {name, code, query}: the actor filter
    network: false,      // the map area shows the actor network
    clusterFilter: null, // event keys of a clicked cluster, narrowing the list
    selected: null,      // key of the selected event
    view: { x: 0, y: 0, w: W, h: H },
  };

  // ---- small helpers ----
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : String(c));
    }
    return e;
  }
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c);
    return e;
  }
  function status(msg) { $("status").textContent = msg || ""; }
  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    let body;
    try { body = await r.json(); } catch (err) { throw new Error(`${url}: not JSON (HTTP ${r.status})`); }
    if (!r.ok) throw new Error((body && body.error && (body.error.message || body.error)) || `${url}: HTTP ${r.status}`);
    return body;
  }
  const eventKey = (e) => e.document_id + "/" + e.event_id;
  const hasPlace = (e) => e.place_id && typeof e.lat === "number" && typeof e.lon === "number";
  const project = (lon, lat) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];

  // Byte offsets (UTF-8, as the API gives spans) to JavaScript string
  // indices (UTF-16 code units). Entry b is the index where byte b falls.
  function byteToIndex(text) {
    const n = new TextEncoder().encode(text).length;
    const map = new Int32Array(n + 1);
    let b = 0, i = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0);
      const nb = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      for (let k = 0; k < nb; k++) map[b + k] = i;
      b += nb;
      i += ch.length;
    }
    map[n] = i;
    return (off) => map[Math.max(0, Math.min(n, off | 0))];
  }

  // ---- map ----
  async function drawCountries() {
    try {
      const topo = await getJSON("vendor/countries-110m.json");
      const geo = topojson.feature(topo, topo.objects.countries);
      const g = $("countries");
      for (const f of geo.features) {
        const d = pathOf(f.geometry);
        if (!d) continue;
        g.append(svg("path", { d }, svg("title", {}, document.createTextNode(f.properties.name || ""))));
      }
    } catch (err) {
      status("country outlines failed to load: " + err.message);
    }
  }
  function pathOf(geom) {
    if (!geom) return "";
    const polys = geom.type === "Polygon" ? [geom.coordinates] : geom.type === "MultiPolygon" ? geom.coordinates : [];
    let d = "";
    for (const poly of polys) {
      for (const ring of poly) {
        let prevLon = null;
        ring.forEach(([lon, lat], i) => {
          const [x, y] = project(lon, lat);
          // a jump across the antimeridian starts a new piece instead of a line across the map
          const jump = prevLon !== null && Math.abs(lon - prevLon) > 180;
          d += (i === 0 || jump ? "M" : "L") + x.toFixed(1) + " " + y.toFixed(1);
          prevLon = lon;
        });
        d += "Z";
      }
    }
    return d;
  }

  function setView(v) {
    const w = Math.max(12, Math.min(W * 1.2, v.w));
    const h = w * (H / W);
    const cx = Math.max(0, Math.min(W, v.x + v.w / 2));
    const cy = Math.max(0, Math.min(H, v.y + v.h / 2));
    state.view = { x: cx - w / 2, y: cy - h / 2, w, h };
    $("map").setAttribute("viewBox", `${state.view.x} ${state.view.y} ${w} ${h}`);
    scheduleMarkers();
  }
  function zoom(factor, cx, cy) {
    const v = state.view;
    if (cx === undefined) { cx = v.x + v.w / 2; cy = v.y + v.h / 2; }
    const w = v.w * factor, h = v.h * factor;
    setView({ x: cx - (cx - v.x) * factor, y: cy - (cy - v.y) * factor, w, h });
  }
  function fitEvents() {
    const pts = state.events.filter(hasPlace).map((e) => project(e.lon, e.lat));
    if (pts.length === 0) { setView({ x: 0, y: 0, w: W, h: H }); return; }
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const [x, y] of pts) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
    let w = Math.max(x1 - x0, (y1 - y0) * (W / H)) * 1.4;
    w = Math.max(w, 60);
    setView({ x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - (w * H / W) / 2, w, h: w * H / W });
  }
  // units per screen pixel, from the rendered size of the map
  function unitsPerPixel() {
    const r = $("map").getBoundingClientRect();
    if (!r.width || !r.height) return state.view.w / W;
    return Math.max(state.view.w / r.width, state.view.h / r.height);
  }

  let markerFrame = 0;
  function scheduleMarkers() {
    if (markerFrame) return;
    markerFrame = requestAnimationFrame(() => { markerFrame = 0; drawMarkers(); });
  }
  // Greedy clustering in screen space: each event joins the first cluster
  // whose centre is within RADIUS pixels, else starts one.
  function drawMarkers() {
    const g = $("markers");
    g.replaceChildren();
    const upp = unitsPerPixel();
    const RADIUS = 22 * upp;
    const clusters = [];
    for (const e of state.events) {
      if (!hasPlace(e)) continue;
      const [x, y] = project(e.lon, e.lat);
      let c = clusters.find((c) => (c.x - x) ** 2 + (c.y - y) ** 2 < RADIUS * RADIUS);
      if (!c) { c = { x, y, events: [] }; clusters.push(c); }
      c.events.push(e);
      c.x += (x - c.x) / c.events.length;
      c.y += (y - c.y) / c.events.length;
    }
    for (const c of clusters) {
      const tally = [0, 0, 0, 0, 0];
      for (const e of c.events) tally[e.quad_class >= 1 && e.quad_class <= 4 ? e.quad_class : 0]++;
      const q = tally.indexOf(Math.max(...tally));
      const n = c.events.length;
      const r = (n === 1 ? 6 : 8 + Math.min(10, Math.sqrt(n) * 2.5)) * upp;
      const keys = c.events.map(eventKey);
      const places = [...new Set(c.events.map((e) => e.place_name))].join(", ");
      const label = n === 1
        ? `${c.events[0].source_text || "?"} → ${c.events[0].target_text || "?"}: ${c.events[0].plover_type || c.events[0].cameo} (${places})`
        : `${n} events near ${places}: ` + tally.map((t, i) => (i && t ? `${t} ${QUAD[i]}` : "")).filter(Boolean).join(", ");
      const m = svg("g", {
        class: "marker" + (keys.includes(state.selected) ? " selected" : ""),
        "data-count": String(n), "data-keys": keys.join(" "), role: "button", tabindex: "0",
        transform: `translate(${c.x} ${c.y})`,
        onclick: (ev) => { ev.stopPropagation(); clickCluster(c); },
        onkeydown: (ev) => { if (ev.key === "Enter") clickCluster(c); },
      }, svg("title", {}, document.createTextNode(label)), svg("circle", { r: String(r), class: "q" + q }));
      if (n > 1) m.append(svg("text", { "font-size": String(11 * upp) }, document.createTextNode(String(n))));
      g.append(m);
    }
  }
  function clickCluster(c) {
    if (c.events.length === 1) {
      state.clusterFilter = null;
      selectEvent(c.events[0]);
      renderList();
      return;
    }
    state.clusterFilter = new Set(c.events.map(eventKey));
    renderList();
    const upp = unitsPerPixel();
    // zoom towards the cluster until its events can separate
    if (state.view.w > 20) zoom(0.5, c.x, c.y);
    else if (upp) scheduleMarkers();
  }
  function setupMapInteraction() {
    const map = $("map");
    map.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const pt = clientToMap(ev.clientX, ev.clientY);
      zoom(ev.deltaY < 0 ? 0.8 : 1.25, pt[0], pt[1]);
    }, { passive: false });
    let drag = null;
    map.addEventListener("pointerdown", (ev) => {
      if (ev.target.closest && ev.target.closest(".marker")) return;
      drag = { x: ev.clientX, y: ev.clientY, view: { ...state.view }, moved: false };
      map.setPointerCapture(ev.pointerId);
      map.classList.add("dragging");
    });
    map.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const upp = unitsPerPixel();
      const dx = (ev.clientX - drag.x) * upp, dy = (ev.clientY - drag.y) * upp;
      if (Math.abs(dx) + Math.abs(dy) > 2 * upp) drag.moved = true;
      setView({ ...drag.view, x: drag.view.x - dx, y: drag.view.y - dy });
    });
    const end = () => {
      if (drag && !drag.moved && state.clusterFilter) { state.clusterFilter = null; renderList(); }
      drag = null; map.classList.remove("dragging");
    };
    map.addEventListener("pointerup", end);
    map.addEventListener("pointercancel", end);
    $("zoom-in").addEventListener("click", () => zoom(0.6));
    $("zoom-out").addEventListener("click", () => zoom(1 / 0.6));
    $("zoom-fit").addEventListener("click", fitEvents);
    $("toggle-network").addEventListener("click", toggleNetwork);
    window.addEventListener("resize", scheduleMarkers);
    const leg = $("quad-legend");
    for (const q of [1, 2, 3, 4]) leg.append(el("span", { class: "swatch qtag q" + q }), QUAD[q]);
  }
  function clientToMap(cx, cy) {
    const map = $("map");
    const p = map.createSVGPoint();
    p.x = cx; p.y = cy;
    const m = map.getScreenCTM();
    if (!m) return [state.view.x + state.view.w / 2, state.view.y + state.view.h / 2];
    const q = p.matrixTransform(m.inverse());
    return [q.x, q.y];
  }

  // ---- timeline ----
  const DAY = 86400000;
  const dayNum = (s) => Math.floor(Date.parse(s + "T00:00:00Z") / DAY);
  const dayStr = (n) => new Date(n * DAY).toISOString().slice(0, 10);

  function drawTimeline() {
    const t = $("timeline");
    t.replaceChildren();
    const width = Math.max(200, t.getBoundingClientRect().width || 600), height = 120;
    t.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const left = 28, right = 8, top = 6, bottom = 18;
    const byDay = new Map();
    for (const c of state.counts) {
      if (!c.day) continue;
      const d = dayNum(c.day);
      if (!byDay.has(d)) byDay.set(d, []);
      byDay.get(d).push(c);
    }
    const days = [...byDay.keys()].sort((a, b) => a - b);
    if (days.length === 0) {
      t.append(svg("text", { x: String(left), y: "60", class: "axis" }, document.createTextNode("no dated events")));
      return;
    }
    const d0 = days[0] - 1, d1 = days[days.length - 1] + 2;
    const xOf = (d) => left + ((d - d0) / (d1 - d0)) * (width - left - right);
    const xToDay = (x) => Math.floor(d0 + ((x - left) / (width - left - right)) * (d1 - d0));
    let maxN = 1;
    for (const d of days) maxN = Math.max(maxN, byDay.get(d).reduce((s, c) => s + c.n, 0));
    const yOf = (n) => top + (1 - n / maxN) * (height - top - bottom);
    const bw = Math.max(3, Math.min(24, (xOf(d0 + 1) - xOf(d0)) * 0.85));
    t.append(svg("line", { x1: String(left), x2: String(width - right), y1: String(height - bottom), y2: String(height - bottom), class: "baseline" }));
    t.append(svg("text", { x: String(left - 4), y: String(top + 8), class: "axis", "text-anchor": "end" }, document.createTextNode(String(maxN))));
    const bars = svg("g", { class: "bars" });
    for (const d of days) {
      let acc = 0;
      const x = xOf(d) + (xOf(d + 1) - xOf(d)) / 2 - bw / 2;
      for (const c of byDay.get(d).sort((a, b) => a.plover_type.localeCompare(b.plover_type))) {
        const y = yOf(acc + c.n), h = yOf(acc) - y;
        acc += c.n;
        bars.append(svg("rect", {
          x: x.toFixed(1), y: y.toFixed(1), width: bw.toFixed(1), height: Math.max(0.5, h).toFixed(1),
          fill: PLOVER_COLORS[c.plover_type] || "#777", "data-day": c.day, "data-type": c.plover_type,
        }, svg("title", {}, document.createTextNode(`${c.day} ${c.plover_type || "no PLOVER type"}: ${c.n}`))));
      }
    }
    t.append(bars);
    // axis labels: first, last and a few between
    const ticks = Math.min(6, days.length);
    const seen = new Set();
    for (let i = 0; i < ticks; i++) {
      const d = Math.round(d0 + 1 + (i / Math.max(1, ticks - 1)) * (d1 - d0 - 2));
      const label = dayStr(d);
      if (seen.has(label)) continue;
      seen.add(label);
      t.append(svg("text", { x: String(xOf(d) + 2), y: String(height - 4), class: "axis", "text-anchor": i === 0 ? "start" : i === ticks - 1 ? "end" : "middle" }, document.createTextNode(label)));
    }
    // brush
    const brush = svg("rect", { class: "brush", y: String(top - 2), height: String(height - top - bottom + 2), x: "0", width: "0", visibility: "hidden" });
    t.append(brush);
    if (state.range) {
      const a = xOf(dayNum(state.range.from)), b = xOf(dayNum(state.range.to) + 1);
      brush.setAttribute("x", String(a)); brush.setAttribute("width", String(Math.max(1, b - a))); brush.setAttribute("visibility", "visible");
    }
    const localX = (ev) => {
      const r = t.getBoundingClientRect();
      return ((ev.clientX - r.left) / r.width) * width;
    };
    let start = null;
    t.onpointerdown = (ev) => { start = localX(ev); t.setPointerCapture(ev.pointerId); brush.setAttribute("visibility", "visible"); brush.setAttribute("x", String(start)); brush.setAttribute("width", "0"); };
    t.onpointermove = (ev) => {
      if (start === null) return;
      const x = localX(ev);
      brush.setAttribute("x", String(Math.min(start, x))); brush.setAttribute("width", String(Math.abs(x - start)));
    };
    t.onpointerup = (ev) => {
      if (start === null) return;
      const x = localX(ev);
      const a = Math.min(start, x), b = Math.max(start, x);
      start = null;
      if (b - a < 3) { // a click: pick the day under it
        const d = xToDay(a);
        setRange(byDay.has(d) ? { from: dayStr(d), to: dayStr(d) } : null);
        return;
      }
      setRange({ from: dayStr(Math.max(d0, xToDay(a))), to: dayStr(Math.min(d1, xToDay(b))) });
    };
    // legend of the types present
    const leg = $("plover-legend");
    leg.replaceChildren();
    const types = [...new Set(state.counts.map((c) => c.plover_type))].sort();
    for (const ty of types) leg.append(el("span", { class: "swatch sq", "data-color": PLOVER_COLORS[ty] || "#777" }), ty || "none", " ");
    for (const s of leg.querySelectorAll(".swatch")) s.style.background = s.dataset.color;
  }
  function setRange(r) {
    state.range = r;
    $("range").textContent = r ? (r.from === r.to ? r.from : `${r.from} – ${r.to}`) : "";
    $("clear-range").hidden = !r;
    state.clusterFilter = null;
    drawTimeline();
    loadEvents();
  }

  // ---- events ----
  async function loadEvents() {
    const q = new URLSearchParams({ limit: String(MAX_EVENTS) });
    if (state.range) { q.set("from", state.range.from); q.set("to", state.range.to); }
    if (state.actor) q.set("actor", state.actor.query);
    status("loading events…");
    try {
      const page = await getJSON("/api/events?" + q);
      state.events = page.items || [];
      const shown = state.events.length, total = page.total ?? shown;
      status(total > shown ? `${shown} of ${total} events (newest first)` : `${total} events`);
    } catch (err) {
      state.events = [];
      status("events failed to load: " + err.message);
    }
    $("event-list").dataset.query = q.toString(); // what the list shows, for tests and debugging
    if (!state.fitted && state.events.some(hasPlace)) { state.fitted = true; fitEvents(); }
    drawMarkers();
    renderList();
    if (state.network) drawNetwork();
  }
  async function loadCounts() {
    try {
      const q = new URLSearchParams(state.actor ? { actor: state.actor.query } : {});
      state.counts = (await getJSON("/api/events/counts?" + q)).items || [];
    } catch (err) {
      state.counts = [];
      status("timeline failed to load: " + err.message);
    }
    drawTimeline();
  }
  function renderList() {
    const list = $("event-list");
    list.replaceChildren();
    let evs = state.events;
    if (state.clusterFilter) evs = evs.filter((e) => state.clusterFilter.has(eventKey(e)));
    $("list-head").replaceChildren(
      state.clusterFilter ? `Events in the cluster (${evs.length}) ` : `Events (${evs.length}) `,
      state.clusterFilter ? el("button", { onclick: () => { state.clusterFilter = null; renderList(); } }, "show all") : "",
    );
    for (const e of evs) {
      const k = eventKey(e);
      list.append(el("li", {
        class: "event" + (k === state.selected ? " selected" : ""), "data-key": k, tabindex: "0",
        onclick: () => selectEvent(e), onkeydown: (ev) => { if (ev.key === "Enter") selectEvent(e); },
      },
      el("div", {}, el("span", { class: "qtag q" + e.quad_class, title: QUAD[e.quad_class] || "" }),
        el("strong", {}, e.source_text || "?"), " → ", el("strong", {}, e.target_text || "?"),
        ": ", e.plover_type || "", " (", e.cameo, ")"),
      el("div", { class: "ev-meta" }, [e.date, e.place_name, e.title].filter(Boolean).join(" · "))));
    }
    if (evs.length === 0) list.append(el("li", { class: "hidden-empty" }, "No events match."));
  }
  function highlighted(text, start, end) {
    // start/end are byte offsets into text
    const at = byteToIndex(text);
    const a = at(start), b = at(end);
    if (!(a < b)) return [text];
    return [text.slice(0, a), el("mark", { class: "trigger" }, text.slice(a, b)), text.slice(b)];
  }
  function selectEvent(e) {
    state.selected = eventKey(e);
    const d = $("event-detail");
    d.hidden = false;
    d.dataset.key = state.selected;
    let sentence = [e.sentence_text || ""];
    if (e.sentence_text && e.trigger_start >= e.sentence_start && e.trigger_end <= e.sentence_end) {
      sentence = highlighted(e.sentence_text, e.trigger_start - e.sentence_start, e.trigger_end - e.sentence_start);
    }
    const flags = [e.negated && "negated", e.hypothetical && "hypothetical"].filter(Boolean).join(", ");
    d.replaceChildren(
      el("h3", {}, el("span", { class: "qtag q" + e.quad_class }),
        actorLink(e.source_text, e.source_code), " → ", actorLink(e.target_text, e.target_code)),
      el("p", { class: "sentence" }, sentence),
      el("dl", { class: "facts" },
        el("dt", {}, "Event"), el("dd", {}, `${e.plover_type || "—"}${e.plover_mode ? " / " + e.plover_mode : ""} · CAMEO ${e.cameo} · ${QUAD[e.quad_class] || ""} · Goldstein ${e.goldstein}`),
        el("dt", {}, "Actors"), el("dd", {}, `${e.source_code || "—"} → ${e.target_code || "—"}`),
        el("dt", {}, "When, where"), el("dd", {}, [e.date, e.place_name, e.country].filter(Boolean).join(" · ") || "—"),
        el("dt", {}, "Source"), el("dd", {}, e.title || e.document_id, e.url ? [" ", el("a", { href: e.url, rel: "noopener noreferrer", target: "_blank" }, "original")] : ""),
        flags ? [el("dt", {}, "Note"), el("dd", {}, flags)] : "",
        el("dt", {}, "Confidence"), el("dd", {}, String(e.confidence))),
      el("button", { id: "open-article", onclick: () => openArticle(e.document_id, e.event_id) }, "Open the article"),
    );
    for (const li of document.querySelectorAll("#event-list li.selected")) li.classList.remove("selected");
    const li = document.querySelector(`#event-list li[data-key="${CSS.escape(state.selected)}"]`);
    if (li) li.classList.add("selected");
    drawMarkers();
  }

  // ---- actors ----
  // A CAMEO code with a known country (letters only) identifies an actor
  // better than its words; "---GOV" (no country) does not.
  const usableCode = (code) => /^[A-Z]{3,}$/.test(code || "");
  function actorLink(name, code) {
    if (!name && !code) return "?";
    return el("button", { class: "actor-link", title: "Show this actor" + (code ? " (" + code + ")" : ""),
      onclick: () => openActor(name || code, code) }, name || code);
  }
  async function openActor(name, code) {
    const box = $("actor-view");
    box.hidden = false;
    box.replaceChildren(el("h3", {}, "Loading " + name + "…"));
    const query = usableCode(code) ? code : name;
    let rows = [], evs = [], quotes = [];
    try {
      [rows, evs, quotes] = await Promise.all([
        getJSON("/api/actors?" + new URLSearchParams(usableCode(code) ? { actor: code, limit: "10" } : { name, limit: "10" })).then((p) => p.items || []),
        getJSON("/api/events?" + new URLSearchParams({ actor: query, limit: "200" })).then((p) => p.items || []),
        getJSON("/api/quotes?" + new URLSearchParams({ speaker: name, limit: "20" })).then((p) => p.items || []),
      ]);
    } catch (err) {
      box.replaceChildren(el("h3", {}, name), el("p", {}, "failed to load: " + err.message));
      return;
    }
    const lower = name.toLowerCase();
    const isSource = (e) => usableCode(code) ? (e.source_code || "").startsWith(code) : (e.source_text || "").toLowerCase().includes(lower);
    const asSource = evs.filter(isSource), asTarget = evs.filter((e) => !isSource(e));
    const best = rows.find((r) => r.name.toLowerCase() === lower) || rows[0];
    const aliases = [...new Set(rows.flatMap((r) => [r.name, ...(r.aliases || [])]))].filter((a) => a.toLowerCase() !== lower);
    const codes = [...new Set([code, ...rows.map((r) => r.actor_code)].filter(Boolean))];
    const evList = (list) => list.length ? el("ul", { class: "actor-events" }, list.slice(0, 30).map((e) =>
      el("li", { onclick: () => selectEvent(e) }, el("span", { class: "qtag q" + e.quad_class }),
        `${e.date || ""} ${e.source_text || "?"} → ${e.target_text || "?"}: ${e.plover_type || e.cameo}`))) : el("p", { class: "hidden-empty" }, "none");
    box.dataset.actor = name;
    box.replaceChildren(
      el("h3", {}, name, " ", el("button", { onclick: () => { box.hidden = true; } }, "close")),
      el("dl", { class: "facts" },
        el("dt", {}, "Codes"), el("dd", {}, codes.join(", ") || "—"),
        best ? [el("dt", {}, "Type"), el("dd", {}, [best.type, best.country].filter(Boolean).join(" · ") || "—"),
          el("dt", {}, "Named in"), el("dd", {}, `${best.documents} documents, ${best.mentions} mentions`)] : "",
        el("dt", {}, "Also called"), el("dd", {}, aliases.slice(0, 12).join("; ") || "—")),
      el("button", { id: "filter-actor", onclick: () => setActor({ name, code, query }) }, "Show only this actor on the map"),
      el("h4", {}, `As source (${asSource.length})`), evList(asSource),
      el("h4", {}, `As target (${asTarget.length})`), evList(asTarget),
      el("h4", {}, `Quotes (${quotes.length})`),
      quotes.length ? el("ul", { class: "actor-quotes" }, quotes.map((q) => el("li", { onclick: () => openArticle(q.document_id) },
        el("q", {}, q.text), el("span", { class: "ev-meta" }, " — ", q.speaker_text || q.speaker_name, q.date ? ", " + q.date : "")))) : el("p", { class: "hidden-empty" }, "none"),
    );
  }
  function setActor(a) {
    state.actor = a;
    $("actor-filter").replaceChildren(...(a ? ["actor: ", el("strong", {}, a.name), " ", el("button", { id: "clear-actor", onclick: () => setActor(null) }, "clear")] : []));
    state.fitted = false;
    state.clusterFilter = null;
    loadCounts();
    loadEvents();
  }

  // ---- network: actors linked by the current events ----
  function drawNetwork() {
    const net = $("network");
    net.replaceChildren();
    const nodes = new Map();
    const node = (text, code) => {
      const key = usableCode(code) ? code : (text || code || "?").toLowerCase();
      if (!nodes.has(key)) nodes.set(key, { key, code, names: new Map(), degree: 0 });
      const n = nodes.get(key);
      n.names.set(text, (n.names.get(text) || 0) + 1);
      n.degree++;
      return n;
    };
    const edges = new Map();
    for (const e of state.events) {
      if (!e.source_text && !e.source_code) continue;
      if (!e.target_text && !e.target_code) continue;
      const a = node(e.source_text, e.source_code), b = node(e.target_text, e.target_code);
      const k = a.key + "\u0000" + b.key;
      if (!edges.has(k)) edges.set(k, { a, b, events: [] });
      edges.get(k).events.push(e);
    }
    const list = [...nodes.values()].sort((x, y) => y.degree - x.degree).slice(0, 40);
    const shown = new Set(list.map((n) => n.key));
    const cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 60;
    list.forEach((n, i) => {
      const t = (2 * Math.PI * i) / Math.max(1, list.length) - Math.PI / 2;
      n.x = cx + R * Math.cos(t); n.y = cy + R * Math.sin(t); n.t = t;
      n.label = [...n.names.entries()].sort((p, q) => q[1] - p[1])[0][0] || n.code;
    });
    const g = svg("g", {});
    for (const ed of edges.values()) {
      if (!shown.has(ed.a.key) || !shown.has(ed.b.key)) continue;
      const tally = [0, 0, 0, 0, 0];
      for (const e of ed.events) tally[e.quad_class >= 1 && e.quad_class <= 4 ? e.quad_class : 0]++;
      const q = tally.indexOf(Math.max(...tally));
      const mx = (ed.a.x + ed.b.x) / 2 * 0.7 + cx * 0.3, my = (ed.a.y + ed.b.y) / 2 * 0.7 + cy * 0.3;
      g.append(svg("path", { class: "edge q" + q, d: `M${ed.a.x} ${ed.a.y}Q${mx} ${my} ${ed.b.x} ${ed.b.y}`, "stroke-width": String(1 + Math.min(6, ed.events.length)) },
        svg("title", {}, document.createTextNode(`${ed.a.label} → ${ed.b.label}: ${ed.events.length} events`))));
    }
    for (const n of list) {
      const right = Math.cos(n.t) >= 0;
      g.append(svg("g", { class: "net-node", transform: `translate(${n.x} ${n.y})`, onclick: () => openActor(n.label, n.code) },
        svg("circle", { r: String(4 + Math.min(10, Math.sqrt(n.degree) * 2)) }),
        svg("text", { x: String(right ? 14 : -14), "text-anchor": right ? "start" : "end", "dominant-baseline": "central" },
          document.createTextNode(n.label.length > 28 ? n.label.slice(0, 27) + "…" : n.label))));
    }
    if (list.length === 0) g.append(svg("text", { x: String(cx), y: String(cy), "text-anchor": "middle" }, document.createTextNode("no events with both actors")));
    net.append(g);
  }
  function toggleNetwork() {
    state.network = !state.network;
    $("map").toggleAttribute("hidden", state.network); // SVG elements have no .hidden property
    $("network").toggleAttribute("hidden", !state.network);
    $("toggle-network").textContent = state.network ? "map" : "network";
    for (const id of ["zoom-in", "zoom-out", "zoom-fit"]) $(id).hidden = state.network;
    if (state.network) drawNetwork(); else scheduleMarkers();
  }

  // ---- article ----
  async function openArticle(id, focusEvent) {
    const wrap = $("article-wrap"), art = $("article");
    status("loading article…");
    let doc;
    try {
      doc = await getJSON("/api/documents/" + encodeURIComponent(id));
    } catch (err) {
      status("article failed to load: " + err.message);
      return;
    }
    status("");
    const text = doc.text || "";
    const at = byteToIndex(text);
    // spans: [startIndex, endIndex, class, title]
    const spans = [];
    const ents = new Map();
    for (const en of doc.entities || []) {
      ents.set(en.id, en);
      for (const m of en.mentions || []) spans.push([at(m.start), at(m.end), "ent ent-" + en.type, `${en.type} ${en.name}${en.actor && en.actor.code ? " (" + en.actor.code + ")" : ""}`]);
    }
    (doc.quotes || []).forEach((q, i) => spans.push([at(q.start), at(q.end), "quote", `${q.direct ? "direct" : "indirect"} quote${q.speaker_text ? " by " + q.speaker_text : ""}`, null, String(i)]));
    for (const t of doc.times || []) spans.push([at(t.start), at(t.end), "time", `time ${t.value || ""}`]);
    for (const v of doc.events || []) {
      if (!v.trigger) continue;
      const pl = v.plover && v.plover.type;
      spans.push([at(v.trigger.start), at(v.trigger.end), "trigger" + (v.id === focusEvent ? " focus" : ""),
        `event ${v.id}: ${v.source_text || "?"} → ${v.target_text || "?"}, ${pl || ""} CAMEO ${v.cameo}`, v.id]);
    }
    // cut the text at every span boundary; each piece carries the spans over it
    const cuts = new Set([0, text.length]);
    for (const s of spans) if (s[0] < s[1]) { cuts.add(s[0]); cuts.add(s[1]); }
    const points = [...cuts].sort((a, b) => a - b);
    const body = el("div", { class: "doc-text" });
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const over = spans.filter((s) => s[0] <= a && s[1] >= b && s[0] < s[1]);
      const piece = text.slice(a, b);
      if (over.length === 0) { body.append(piece); continue; }
      const classes = [...new Set(over.flatMap((s) => s[2].split(" ")))].join(" ");
      const trig = over.find((s) => s[4]);
      const quote = over.find((s) => s[5]);
      body.append(el(over.some((s) => s[2].startsWith("trigger")) ? "mark" : "span",
        { class: classes, title: over.map((s) => s[3]).join("\n"), "data-event": trig ? trig[4] : null, "data-quote": quote ? quote[5] : null }, piece));
    }
    const n = (xs) => (xs || []).length;
    art.dataset.doc = doc.id;
    art.replaceChildren(
      el("button", { class: "close", onclick: closeArticle }, "close ✕"),
      el("h2", {}, doc.title || doc.id),
      el("div", { class: "ev-meta" }, [doc.published, doc.source && doc.source.site, doc.language].filter(Boolean).join(" · "),
        doc.source && doc.source.url ? [" · ", el("a", { href: doc.source.url, rel: "noopener noreferrer", target: "_blank" }, "original")] : ""),
      el("div", { class: "legend" },
        el("span", { class: "ent" }, `entities (${n(doc.entities)})`),
        el("span", { class: "quote" }, `quotes (${n(doc.quotes)})`),
        el("span", { class: "time" }, `times (${n(doc.times)})`),
        el("mark", { class: "trigger" }, `event triggers (${n(doc.events)})`)),
      body,
    );
    wrap.hidden = false;
    art.focus();
    const f = art.querySelector("mark.focus");
    if (f) f.scrollIntoView({ block: "center" });
  }
  function closeArticle() { $("article-wrap").hidden = true; }

  // ---- search ----
  async function search(q) {
    const box = $("search-results");
    if (!q.trim()) { box.hidden = true; return; }
    box.hidden = false;
    box.replaceChildren(el("h3", {}, "Searching…"));
    let page, quotes;
    try {
      [page, quotes] = await Promise.all([
        getJSON("/api/search?" + new URLSearchParams({ q, limit: "20" })),
        getJSON("/api/quotes?" + new URLSearchParams({ text: q, limit: "20" })).then((p) => p.items || []),
      ]);
    } catch (err) {
      box.replaceChildren(el("h3", {}, "Search failed"), el("p", {}, err.message));
      return;
    }
    const hits = page.items || [];
    const ol = el("ol", {});
    for (const h of hits) {
      // the snippet's highlights are byte offsets into the plain snippet
      const at = byteToIndex(h.snippet || "");
      const parts = [];
      let last = 0;
      for (const [s, e] of h.highlights || []) {
        const a = at(s), b = at(e);
        if (a < last || b <= a) continue;
        parts.push(h.snippet.slice(last, a), el("mark", {}, h.snippet.slice(a, b)));
        last = b;
      }
      parts.push((h.snippet || "").slice(last));
      ol.append(el("li", { class: "hit", onclick: () => openArticle(h.id), tabindex: "0", onkeydown: (ev) => { if (ev.key === "Enter") openArticle(h.id); } },
        el("strong", {}, h.title || h.id), " ", el("span", { class: "ev-meta" }, [h.published, h.site].filter(Boolean).join(" · ")),
        el("div", {}, parts)));
    }
    box.replaceChildren(
      el("h3", {}, `${hits.length}${page.next ? "+" : ""} articles for “${q}” `, el("button", { onclick: () => { box.hidden = true; } }, "close")),
      hits.length ? ol : el("p", { class: "hidden-empty" }, "No articles found."),
      el("h3", {}, `${quotes.length} quotes`),
      quotes.length ? el("ol", {}, quotes.map((qu) => el("li", { class: "quote-hit", tabindex: "0", onclick: () => openArticle(qu.document_id) },
        el("q", {}, qu.text), el("span", { class: "ev-meta" }, " — ", qu.speaker_text || qu.speaker_name || "unattributed",
          ", ", qu.title || qu.document_id, qu.date ? ", " + qu.date : "")))) : el("p", { class: "hidden-empty" }, "No quotes found."));
  }

  // ---- start ----
  function start() {
    setupMapInteraction();
    $("clear-range").addEventListener("click", () => setRange(null));
    $("search-form").addEventListener("submit", (ev) => { ev.preventDefault(); search($("search").value); });
    $("article-wrap").addEventListener("click", (ev) => { if (ev.target === $("article-wrap")) closeArticle(); });
    document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") closeArticle(); });
    window.addEventListener("resize", () => drawTimeline());
    drawCountries();
    loadCounts();
    loadEvents();
  }
  start();
})();
