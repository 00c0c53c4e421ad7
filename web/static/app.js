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
  const LIST_PAGE = 200; // events per page of the list; the map shows them all

  const $ = (id) => document.getElementById(id);
  const state = {
    events: [],          // the list: the newest events of the filters (and area)
    total: 0,            // how many events the filters (and area) select
    clusters: [],        // grid cells of all located events of the filters, from the server
    located: 0,          // how many located events the cells hold
    counts: [],          // per day and PLOVER type, unfiltered by the range and type
    range: null,         // {from, to} as YYYY-MM-DD, inclusive
    actor: null,         // {name, code, query}: the actor filter
    plover: null,        // a PLOVER type: the type filter
    text: null,          // a full-text query: events of the articles it finds
    area: null,          // {bbox, label}: a clicked cluster narrowing the list
    network: false,      // the map area shows the actor network
    selected: null,      // key of the selected event
    selectedEvent: null, // the selected event
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
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : String(c));
    }
    return e;
  }
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null) e.setAttribute(k, v);
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
  // filterParams are the query parameters of the filters shown on the
  // page (range, actor, type), plus extra.
  function filterParams(extra) {
    const q = new URLSearchParams();
    if (state.range) { q.set("from", state.range.from); q.set("to", state.range.to); }
    if (state.actor) q.set("actor", state.actor.query);
    if (state.plover !== null) q.set("plover", state.plover);
    if (state.text) q.set("text", state.text);
    for (const [k, v] of Object.entries(extra || {})) q.set(k, v);
    return q;
  }
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
    scheduleClusters();
  }
  function zoom(factor, cx, cy) {
    const v = state.view;
    if (cx === undefined) { cx = v.x + v.w / 2; cy = v.y + v.h / 2; }
    const w = v.w * factor, h = v.h * factor;
    setView({ x: cx - (cx - v.x) * factor, y: cy - (cy - v.y) * factor, w, h });
  }
  // fitBox shows a lon/lat box [minLon, minLat, maxLon, maxLat].
  function fitBox(b) {
    const [x0, y1] = project(b[0], b[1]), [x1, y0] = project(b[2], b[3]);
    const w = Math.max(60, Math.max(x1 - x0, (y1 - y0) * (W / H)) * 1.4);
    setView({ x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - (w * H / W) / 2, w, h: w * H / W });
  }
  // fitEvents shows every located event of the filters: the extents of
  // coarse clusters of all of them.
  async function fitEvents() {
    let cells = [];
    try {
      cells = (await getJSON("/api/events/clusters?" + filterParams({ cell: "10" }))).items || [];
    } catch (err) {
      status("map failed to load: " + err.message);
    }
    if (cells.length === 0) { setView({ x: 0, y: 0, w: W, h: H }); return; }
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    for (const c of cells) {
      b[0] = Math.min(b[0], c.bbox[0]); b[1] = Math.min(b[1], c.bbox[1]);
      b[2] = Math.max(b[2], c.bbox[2]); b[3] = Math.max(b[3], c.bbox[3]);
    }
    fitBox(b);
  }
  // units per screen pixel, from the rendered size of the map
  function unitsPerPixel() {
    const r = $("map").getBoundingClientRect();
    if (!r.width || !r.height) return state.view.w / W;
    return Math.max(state.view.w / r.width, state.view.h / r.height);
  }

  // ---- clusters: the server counts every located event per grid cell ----
  const RADIUS_PX = 40; // clusters closer than this on screen merge (markers are at most 2×18 px wide)
  let clusterTimer = 0, clusterSeq = 0;
  function scheduleClusters() {
    clearTimeout(clusterTimer);
    $("markers").dataset.state = "loading";
    clusterTimer = setTimeout(loadClusters, 120);
  }
  async function loadClusters() {
    const seq = ++clusterSeq;
    // a power-of-two cell about a cluster's diameter on screen, so that
    // small pans and zooms reuse the same grid
    const degPerPx = unitsPerPixel() * (360 / W);
    const cell = Math.min(90, Math.max(0.001, 2 ** Math.round(Math.log2(2 * RADIUS_PX * degPerPx))));
    const extra = { cell: String(cell) };
    const v = state.view;
    if (v.w < W * 0.9) { // zoomed in: only what is in view, and a margin
      const m = 0.25;
      const lon0 = ((v.x - m * v.w) / W) * 360 - 180, lon1 = ((v.x + (1 + m) * v.w) / W) * 360 - 180;
      const lat1 = 90 - ((v.y - m * v.h) / H) * 180, lat0 = 90 - ((v.y + (1 + m) * v.h) / H) * 180;
      const c = (x, a) => Math.max(-a, Math.min(a, x)).toFixed(4);
      extra.bbox = [c(lon0, 180), c(lat0, 90), c(lon1, 180), c(lat1, 90)].join(",");
    }
    let page;
    try {
      page = await getJSON("/api/events/clusters?" + filterParams(extra));
    } catch (err) {
      if (seq === clusterSeq) status("map failed to load: " + err.message);
      return;
    }
    if (seq !== clusterSeq) return; // a newer view or filter asked since
    state.clusters = page.items || [];
    state.located = page.total || 0;
    $("markers").dataset.total = String(state.located);
    $("markers").dataset.cell = String(cell);
    drawMarkers();
    saveHash();
    $("markers").dataset.state = "ready";
  }

  let markerFrame = 0;
  function scheduleMarkers() {
    if (markerFrame) return;
    markerFrame = requestAnimationFrame(() => { markerFrame = 0; drawMarkers(); });
  }
  // drawMarkers merges the server's cells that lie within RADIUS_PX of each
  // other on screen (most populous first) and draws one marker for each:
  // its size grows with the count, its fill is the commonest QuadClass and
  // a ring shows the share of each class.
  function drawMarkers() {
    const g = $("markers");
    g.replaceChildren();
    const upp = unitsPerPixel();
    const R = RADIUS_PX * upp;
    const merged = [];
    const cells = state.clusters;
    const union = (a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
    const meets = (a, b) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
    cells.forEach((cell, k) => {
      const [x, y] = project(cell.lon, cell.lat);
      // join a near cluster only if the joint extent holds no other cell's
      // events: the extent, as a bbox filter, then lists exactly the
      // cluster's events
      let c = merged.find((c) => {
        if ((c.x - x) ** 2 + (c.y - y) ** 2 >= R * R) return false;
        const box = union(c.bbox, cell.bbox);
        return !cells.some((o, j) => j !== k && !c.cells.has(j) && meets(box, o.bbox));
      });
      if (!c) {
        c = { x, y, n: 0, quad: [0, 0, 0, 0, 0], bbox: [...cell.bbox], places: new Set(), more: 0, cells: new Set() };
        merged.push(c);
      } else {
        c.bbox = union(c.bbox, cell.bbox);
      }
      c.cells.add(k);
      c.x = (c.x * c.n + x * cell.n) / (c.n + cell.n);
      c.y = (c.y * c.n + y * cell.n) / (c.n + cell.n);
      c.n += cell.n;
      cell.quad.forEach((k, i) => { c.quad[i] += k; });
      if (cell.place) c.places.add(cell.place);
      c.more += Math.max(0, cell.places - 1);
    });
    const sel = state.selectedEvent;
    for (const c of merged) {
      const q = c.quad.indexOf(Math.max(...c.quad));
      const n = c.n;
      const r = (n === 1 ? 6 : 8 + Math.min(10, Math.log2(n) * 1.6)) * upp;
      const names = placeLabel(c);
      const label = `${n} event${n === 1 ? "" : "s"} at ${names || "?"}: ` +
        c.quad.map((t, i) => (t ? `${t} ${QUAD[i] || "without QuadClass"}` : "")).filter(Boolean).join(", ");
      const selected = sel && typeof sel.lat === "number" && sel.lon >= c.bbox[0] && sel.lon <= c.bbox[2] && sel.lat >= c.bbox[1] && sel.lat <= c.bbox[3];
      const m = svg("g", {
        class: "marker" + (selected ? " selected" : ""),
        "data-count": String(n), "data-quad": c.quad.join(" "), "data-bbox": c.bbox.join(","), role: "button", tabindex: "0",
        "aria-label": label, transform: `translate(${c.x} ${c.y})`,
        onclick: (ev) => { ev.stopPropagation(); clickCluster(c); },
        onkeydown: (ev) => { if (ev.key === "Enter") clickCluster(c); },
      }, svg("title", {}, document.createTextNode(label)), svg("circle", { r: String(r), class: "q" + q }));
      // the ring: one arc per QuadClass present, in proportion
      if (c.quad.filter(Boolean).length > 1) {
        const ri = r + 0.5 * upp, ro = r + 3.5 * upp;
        const pt = (rad, a) => `${(rad * Math.sin(a)).toFixed(3)} ${(-rad * Math.cos(a)).toFixed(3)}`;
        let a0 = 0;
        c.quad.forEach((k, i) => {
          if (!k) return;
          const a1 = a0 + (k / n) * 2 * Math.PI, large = a1 - a0 > Math.PI ? 1 : 0;
          m.append(svg("path", { class: "seg q" + i,
            d: `M${pt(ro, a0)}A${ro} ${ro} 0 ${large} 1 ${pt(ro, a1)}L${pt(ri, a1)}A${ri} ${ri} 0 ${large} 0 ${pt(ri, a0)}Z` }));
          a0 = a1;
        });
      }
      if (n > 1) m.append(svg("text", { "font-size": String((n >= 1000 ? 9 : 11) * upp) }, document.createTextNode(n >= 10000 ? Math.round(n / 1000) + "k" : String(n))));
      g.append(m);
    }
  }
  // placeLabel names a cluster's places: up to three, and how many more.
  function placeLabel(c) {
    const names = [...c.places];
    const more = names.length - Math.min(3, names.length) + c.more;
    return names.slice(0, 3).join(", ") + (more ? ` and ${more} more place${more === 1 ? "" : "s"}` : "");
  }
  // A click on a single event selects it; on a cluster, the list narrows to
  // the cluster's events and the map zooms towards them.
  async function clickCluster(c) {
    if (c.n === 1) {
      try {
        const page = await getJSON("/api/events?" + filterParams({ bbox: c.bbox.join(","), limit: "1" }));
        if (page.items && page.items[0]) selectEvent(page.items[0]);
      } catch (err) {
        status("event failed to load: " + err.message);
      }
      return;
    }
    setArea(c.bbox, placeLabel(c));
    const [x0, y1] = project(c.bbox[0], c.bbox[1]), [x1, y0] = project(c.bbox[2], c.bbox[3]);
    if (x1 - x0 < 1e-6 && y1 - y0 < 1e-6) { if (state.view.w > 40) zoom(0.5, c.x, c.y); } // one spot: the list separates them
    else fitBox(c.bbox);
  }
  function setArea(bbox, label) {
    state.area = bbox ? { bbox, label } : null;
    loadCounts();
    loadEvents();
  }
  // setText filters everything by a full-text query over the articles.
  function setText(t) {
    state.text = t || null;
    state.area = null;
    state.fitted = false;
    $("text-filter").replaceChildren(...(t ? ["articles matching: ", el("strong", {}, t), " ", el("button", { id: "clear-text", onclick: () => setText(null) }, "clear")] : []));
    loadCounts();
    loadEvents();
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
      if (drag && !drag.moved && state.area) setArea(null);
      drag = null; map.classList.remove("dragging");
    };
    map.addEventListener("pointerup", end);
    map.addEventListener("pointercancel", end);
    $("zoom-in").addEventListener("click", () => zoom(0.6));
    $("zoom-out").addEventListener("click", () => zoom(1 / 0.6));
    $("zoom-fit").addEventListener("click", fitEvents);
    $("toggle-network").addEventListener("click", toggleNetwork);
    window.addEventListener("resize", () => { scheduleMarkers(); scheduleClusters(); });
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
    const dayNums = state.counts.filter((c) => c.day).map((c) => dayNum(c.day));
    if (dayNums.length === 0) {
      t.append(svg("text", { x: String(left), y: "60", class: "axis" }, document.createTextNode("no dated events")));
      return;
    }
    // bars of one day, or of k days when the days would not fit 3 px each
    const first = Math.min(...dayNums), last = Math.max(...dayNums);
    const plotW = width - left - right;
    const k = [1, 7, 14, 28, 56, 91, 182, 364].find((n) => (last - first + 1) / n <= plotW / 3) || 728;
    const binOf = (d) => first + Math.floor((d - first) / k) * k;
    const byBin = new Map(); // bin start day → PLOVER type → count
    for (const c of state.counts) {
      if (!c.day) continue;
      const b = binOf(dayNum(c.day));
      if (!byBin.has(b)) byBin.set(b, new Map());
      const m = byBin.get(b);
      m.set(c.plover_type, (m.get(c.plover_type) || 0) + c.n);
    }
    const bins = [...byBin.keys()].sort((a, b) => a - b);
    const d0 = first - k, d1 = binOf(last) + 2 * k;
    const xOf = (d) => left + ((d - d0) / (d1 - d0)) * plotW;
    const xToDay = (x) => Math.floor(d0 + ((x - left) / plotW) * (d1 - d0));
    let maxN = 1;
    for (const b of bins) maxN = Math.max(maxN, [...byBin.get(b).values()].reduce((s, n) => s + n, 0));
    const yOf = (n) => top + (1 - n / maxN) * (height - top - bottom);
    const bw = Math.max(2, Math.min(24, (xOf(d0 + k) - xOf(d0)) * 0.85));
    t.append(svg("line", { x1: String(left), x2: String(width - right), y1: String(height - bottom), y2: String(height - bottom), class: "baseline" }));
    t.append(svg("text", { x: String(left - 4), y: String(top + 8), class: "axis", "text-anchor": "end" }, document.createTextNode(String(maxN))));
    $("timeline-title").textContent = `Events per ${k === 1 ? "day" : k === 7 ? "week" : k + " days"} by PLOVER type — drag across the bars to filter`;
    t.dataset.binDays = String(k);
    const bars = svg("g", { class: "bars" });
    for (const b of bins) {
      let acc = 0;
      const x = xOf(b) + (xOf(b + k) - xOf(b)) / 2 - bw / 2;
      const label = k === 1 ? dayStr(b) : `${dayStr(b)} – ${dayStr(b + k - 1)}`;
      for (const [ty, n] of [...byBin.get(b).entries()].sort((p, q) => p[0].localeCompare(q[0]))) {
        const y = yOf(acc + n), h = yOf(acc) - y;
        acc += n;
        bars.append(svg("rect", {
          x: x.toFixed(1), y: y.toFixed(1), width: bw.toFixed(1), height: Math.max(0.5, h).toFixed(1),
          fill: PLOVER_COLORS[ty] || "#777", "data-day": dayStr(b), "data-type": ty, "data-n": String(n),
          class: state.plover !== null && state.plover !== ty ? "dim" : null,
        }, svg("title", {}, document.createTextNode(`${label} ${ty || "no PLOVER type"}: ${n}`))));
      }
    }
    t.append(bars);
    // axis labels: first, last and a few between
    const ticks = Math.min(6, bins.length);
    const seen = new Set();
    for (let i = 0; i < ticks; i++) {
      const d = Math.round(first + (i / Math.max(1, ticks - 1)) * (binOf(last) + k - 1 - first));
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
      if (b - a < 3) { // a click: pick the day (or the bar's days) under it
        const d = binOf(xToDay(a));
        setRange(byBin.has(d) ? { from: dayStr(d), to: dayStr(d + k - 1) } : null);
        return;
      }
      setRange({ from: dayStr(Math.max(d0, xToDay(a))), to: dayStr(Math.min(d1, xToDay(b))) });
    };
    // legend of the types present
    const leg = $("plover-legend");
    leg.replaceChildren();
    const types = [...new Set(state.counts.map((c) => c.plover_type))].sort();
    for (const ty of types) {
      const sw = el("span", { class: "swatch sq" });
      sw.style.background = PLOVER_COLORS[ty] || "#777";
      if (!ty) { leg.append(el("span", { class: "ptype", title: "events without a PLOVER type" }, sw, "none"), " "); continue; }
      const on = state.plover === ty;
      leg.append(el("button", { class: "ptype" + (on ? " on" : ""), "data-type": ty, "aria-pressed": on ? "true" : "false",
        title: on ? "Show every type again" : `Show only ${ty} events on the map and in the list`,
        onclick: () => setPlover(on ? null : ty) }, sw, ty), " ");
    }
  }
  function setRange(r) {
    state.range = r;
    $("range").textContent = r ? (r.from === r.to ? r.from : `${r.from} – ${r.to}`) : "";
    $("clear-range").hidden = !r;
    clearAreaAndRedraw();
  }
  function setPlover(t) {
    state.plover = t;
    clearAreaAndRedraw();
  }
  // clearAreaAndRedraw follows a new range or type: the list is of the
  // whole map again, and the timeline of it.
  function clearAreaAndRedraw() {
    const hadArea = state.area;
    state.area = null;
    if (hadArea) loadCounts(); else drawTimeline();
    loadEvents();
    scheduleClusters();
  }

  // ---- events ----
  let eventsSeq = 0;
  async function loadEvents(more) {
    const seq = ++eventsSeq;
    const extra = { limit: String(LIST_PAGE), offset: String(more ? state.events.length : 0) };
    if (state.area) extra.bbox = state.area.bbox.join(",");
    const q = filterParams(extra);
    status("loading events…");
    let page;
    try {
      page = await getJSON("/api/events?" + q);
    } catch (err) {
      if (seq !== eventsSeq) return;
      state.events = []; state.total = 0;
      status("events failed to load: " + err.message);
      renderList();
      return;
    }
    if (seq !== eventsSeq) return;
    const items = page.items || [];
    state.events = more ? state.events.concat(items) : items;
    state.total = page.total ?? state.events.length;
    status(`${state.total} event${state.total === 1 ? "" : "s"}`);
    q.delete("offset"); q.delete("limit");
    $("event-list").dataset.query = q.toString(); // what the list shows, for tests and debugging
    saveHash();
    if (!state.fitted) { state.fitted = true; fitEvents(); }
    renderList();
    if (state.network) drawNetwork();
  }
  async function loadCounts() {
    try {
      // the timeline follows every filter but the range and type it sets
      const q = new URLSearchParams();
      if (state.actor) q.set("actor", state.actor.query);
      if (state.text) q.set("text", state.text);
      if (state.area) q.set("bbox", state.area.bbox.join(","));
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
    const evs = state.events;
    const filters = [state.plover !== null && `type ${state.plover || "none"}`, state.area && `at ${state.area.label || "the cluster"}`].filter(Boolean);
    $("list-head").replaceChildren(
      `Events (${state.total})`, filters.length ? " " + filters.join(", ") + " " : " ",
      state.area ? el("button", { id: "clear-area", onclick: () => setArea(null) }, "whole map") : "",
      state.plover !== null ? el("button", { id: "clear-plover", onclick: () => setPlover(null) }, "all types") : "",
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
    else if (evs.length < state.total) {
      list.append(el("li", { class: "more" }, el("button", { id: "more-events", onclick: () => loadEvents(true) },
        `${evs.length} of ${state.total} shown, newest first — show ${Math.min(LIST_PAGE, state.total - evs.length)} more`)));
    }
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
    state.selectedEvent = e;
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
    const page = (path, params) => getJSON(path + "?" + new URLSearchParams(params));
    let rows = [], src, tgt, quotes;
    try {
      [rows, src, tgt, quotes] = await Promise.all([
        page("/api/actors", usableCode(code) ? { actor: code, limit: "10" } : { name, limit: "10" }).then((p) => p.items || []),
        page("/api/events", { source: query, limit: "100" }),
        page("/api/events", { target: query, limit: "100" }),
        page("/api/quotes", { actor: query, limit: "30" }),
      ]);
    } catch (err) {
      box.replaceChildren(el("h3", {}, name), el("p", {}, "failed to load: " + err.message));
      return;
    }
    const lower = name.toLowerCase();
    const best = rows.find((r) => r.name.toLowerCase() === lower) || rows[0];
    const aliases = [...new Set(rows.flatMap((r) => [r.name, ...(r.aliases || [])]))].filter((a) => a.toLowerCase() !== lower);
    const codes = [...new Set([code, ...rows.map((r) => r.actor_code)].filter(Boolean))];
    const asSource = src.items || [], asTarget = tgt.items || [], qs = quotes.items || [];
    // counterparts: who the actor acts on and who acts on it, in the events read
    const partners = new Map();
    const tally = (text, c, dir) => {
      if (!text && !c) return;
      const k = usableCode(c) ? c : (text || c).toLowerCase();
      if (!partners.has(k)) partners.set(k, { text: text || c, code: c, out: 0, in: 0 });
      partners.get(k)[dir]++;
    };
    for (const e of asSource) tally(e.target_text, e.target_code, "out");
    for (const e of asTarget) tally(e.source_text, e.source_code, "in");
    const top = [...partners.values()].sort((a, b) => b.out + b.in - a.out - a.in).slice(0, 10);
    const evList = (list, total, side) => list.length ? el("div", {}, el("ul", { class: "actor-events", "data-side": side }, list.slice(0, 30).map((e) =>
      el("li", { onclick: () => selectEvent(e), tabindex: "0", onkeydown: (ev) => { if (ev.key === "Enter") selectEvent(e); } },
        el("span", { class: "qtag q" + e.quad_class }),
        `${e.date || ""} ${e.source_text || "?"} → ${e.target_text || "?"}: ${e.plover_type || e.cameo}${e.place_name ? " · " + e.place_name : ""}`))),
    total > 30 ? el("p", { class: "ev-meta" }, `the 30 newest of ${total}; “Show only this actor” lists them all`) : "") : el("p", { class: "hidden-empty" }, "none");
    box.dataset.actor = name;
    box.replaceChildren(
      el("h3", {}, name, " ", el("button", { onclick: () => { box.hidden = true; } }, "close")),
      el("dl", { class: "facts" },
        el("dt", {}, "Codes"), el("dd", {}, codes.join(", ") || "—"),
        best ? [el("dt", {}, "Type"), el("dd", {}, [best.type, best.country].filter(Boolean).join(" · ") || "—"),
          el("dt", {}, "Named in"), el("dd", {}, `${best.documents} documents, ${best.mentions} mentions`)] : "",
        el("dt", {}, "Also called"), el("dd", { class: "aliases" }, aliases.slice(0, 12).join("; ") || "—"),
        el("dt", {}, "Most often with"), el("dd", { class: "partners" }, top.length ? top.map((p, i) => [i ? ", " : "",
          el("button", { class: "actor-link", onclick: () => openActor(p.text, p.code), title: `${p.out} events with ${p.text} as target, ${p.in} with ${p.text} as source` }, p.text),
          ` (${p.out + p.in})`]) : "—")),
      el("button", { id: "filter-actor", onclick: () => setActor({ name, code, query }) }, "Show only this actor on the map"), " ",
      el("button", { id: "actor-network", title: "The actors this one acts on and is acted on by, from all its events",
        onclick: () => { setActor({ name, code, query }); if (!state.network) toggleNetwork(); } }, "its network"),
      el("h4", {}, `As source (${src.total ?? asSource.length})`), evList(asSource, src.total ?? asSource.length, "source"),
      el("h4", {}, `As target (${tgt.total ?? asTarget.length})`), evList(asTarget, tgt.total ?? asTarget.length, "target"),
      el("h4", {}, `Quotes (${qs.length}${quotes.next ? "+" : ""})`),
      qs.length ? el("ul", { class: "actor-quotes" }, qs.map((q) => el("li", { onclick: () => openArticle(q.document_id) },
        el("q", {}, q.text), el("span", { class: "ev-meta" }, " — ", q.speaker_text || q.speaker_name, q.date ? ", " + q.date : "")))) : el("p", { class: "hidden-empty" }, "none"),
    );
  }
  function setActor(a) {
    state.actor = a;
    $("actor-filter").replaceChildren(...(a ? ["actor: ", el("strong", {}, a.name), " ", el("button", { id: "clear-actor", onclick: () => setActor(null) }, "clear")] : []));
    state.fitted = false;
    state.area = null;
    loadCounts();
    loadEvents();
  }

  // ---- network: actors linked by the current events ----
  // The network: the server counts every event of the filters per pair of
  // actors; the 40 most active actors are drawn on a circle, linked by
  // their events (width: how many; colour: the commonest QuadClass).
  const NETWORK_NODES = 40;
  let networkSeq = 0;
  async function drawNetwork() {
    const net = $("network");
    const seq = ++networkSeq;
    let page = { items: [], total: 0 };
    try {
      page = await getJSON("/api/actors/links?" + filterParams({ limit: "2000" }));
    } catch (err) {
      status("network failed to load: " + err.message);
    }
    if (seq !== networkSeq) return;
    net.replaceChildren();
    const nodes = new Map();
    const node = (text, code, n) => {
      const key = usableCode(code) ? code : (text || code || "?").toLowerCase();
      if (!nodes.has(key)) nodes.set(key, { key, code, label: text || code, events: 0 });
      const nd = nodes.get(key);
      nd.events += n;
      return nd;
    };
    const edges = [];
    for (const l of page.items || []) {
      const a = node(l.source, l.source_code, l.n);
      const b = l.source === l.target && l.source_code === l.target_code ? a : node(l.target, l.target_code, l.n);
      edges.push({ a, b, n: l.n, quad: l.quad });
    }
    const list = [...nodes.values()].sort((x, y) => y.events - x.events).slice(0, NETWORK_NODES);
    const shown = new Set(list.map((n) => n.key));
    const cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 60;
    list.forEach((n, i) => {
      const t = (2 * Math.PI * i) / Math.max(1, list.length) - Math.PI / 2;
      n.x = cx + R * Math.cos(t); n.y = cy + R * Math.sin(t); n.t = t;
    });
    const maxEdge = Math.max(1, ...edges.map((e) => e.n));
    const maxNode = Math.max(1, ...list.map((n) => n.events));
    const g = svg("g", {});
    let drawnEvents = 0, drawnEdges = 0;
    for (const ed of edges.sort((x, y) => x.n - y.n)) { // the heaviest on top
      if (!shown.has(ed.a.key) || !shown.has(ed.b.key) || ed.a === ed.b) continue;
      const q = ed.quad.indexOf(Math.max(...ed.quad));
      const mx = (ed.a.x + ed.b.x) / 2 * 0.7 + cx * 0.3, my = (ed.a.y + ed.b.y) / 2 * 0.7 + cy * 0.3;
      drawnEvents += ed.n; drawnEdges++;
      g.append(svg("path", { class: "edge q" + q, d: `M${ed.a.x} ${ed.a.y}Q${mx} ${my} ${ed.b.x} ${ed.b.y}`,
        "stroke-width": (0.6 + 6 * Math.sqrt(ed.n / maxEdge)).toFixed(2), "data-n": String(ed.n) },
      svg("title", {}, document.createTextNode(`${ed.a.label} → ${ed.b.label}: ${ed.n} events (` +
        ed.quad.map((t, i) => (t ? `${t} ${QUAD[i] || "without QuadClass"}` : "")).filter(Boolean).join(", ") + ")"))));
    }
    for (const n of list) {
      const right = Math.cos(n.t) >= 0;
      g.append(svg("g", { class: "net-node", transform: `translate(${n.x} ${n.y})`, role: "button", tabindex: "0",
        onclick: () => openActor(n.label, n.code), onkeydown: (ev) => { if (ev.key === "Enter") openActor(n.label, n.code); } },
      svg("title", {}, document.createTextNode(`${n.label}${n.code ? " (" + n.code + ")" : ""}: ${n.events} events as source or target`)),
      svg("circle", { r: (4 + 9 * Math.sqrt(n.events / maxNode)).toFixed(1) }),
      svg("text", { x: String(right ? 14 : -14), "text-anchor": right ? "start" : "end", "dominant-baseline": "central" },
        document.createTextNode(n.label.length > 28 ? n.label.slice(0, 27) + "…" : n.label))));
    }
    if (list.length === 0) g.append(svg("text", { x: String(cx), y: String(cy), "text-anchor": "middle" }, document.createTextNode("no events with both actors")));
    g.append(svg("text", { x: "8", y: String(H - 8), class: "net-note" }, document.createTextNode(
      `${list.length} most active of ${nodes.size}${page.truncated ? "+" : ""} actors; ${drawnEdges} links drawn, ${drawnEvents} of ${page.total} events with both actors`)));
    net.dataset.total = String(page.total);
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
      for (const m of en.mentions || []) {
        spans.push([at(m.start), at(m.end), "ent ent-" + en.type, `${en.type} ${en.name}${en.actor && en.actor.code ? " (" + en.actor.code + ")" : ""} (click for the actor)`,
          null, null, null, en]);
      }
    }
    (doc.quotes || []).forEach((q, i) => spans.push([at(q.start), at(q.end), "quote", `${q.direct ? "direct" : "indirect"} quote${q.speaker_text ? " by " + q.speaker_text : ""}`, null, String(i)]));
    for (const t of doc.times || []) spans.push([at(t.start), at(t.end), "time", `time ${t.value || ""}`]);
    const sentences = doc.sentences || [];
    const evSentences = new Set();
    for (const v of doc.events || []) {
      if (v.sentence >= 0 && v.sentence < sentences.length) evSentences.add(v.sentence);
      if (!v.trigger) continue;
      const pl = v.plover && v.plover.type;
      spans.push([at(v.trigger.start), at(v.trigger.end), "trigger" + (v.id === focusEvent ? " focus" : ""),
        `event ${v.id}: ${v.source_text || "?"} → ${v.target_text || "?"}, ${pl || ""} CAMEO ${v.cameo} (click for its evidence)`, v.id]);
    }
    // the evidence sentences of events, so that they can be lit up
    for (const i of evSentences) spans.push([at(sentences[i].start), at(sentences[i].end), "evsent", "", null, null, String(i)]);
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
      // several events may share one trigger ("X and Y shared"): the piece
      // names them all, and each click on it shows the next one's evidence
      const trigs = over.filter((s) => s[4]);
      const trig = trigs[0];
      const quote = over.find((s) => s[5]);
      const sent = over.find((s) => s[6]);
      const ent = over.find((s) => s[7]);
      const title = over.map((s) => s[3]).filter(Boolean).join("\n");
      // a trigger shows its event's evidence; an entity opens its actor page
      const act = trig ? () => {
        const ids = trigs.map((s) => s[4]);
        showEvidence(ids[(ids.indexOf(evidence.dataset.for) + 1) % ids.length]);
      } : ent ? () => { closeArticle(); openActor(ent[7].name, ent[7].actor && ent[7].actor.code); } : null;
      body.append(el(trig ? "mark" : "span",
        { class: classes, title: title || null, "data-event": trig ? trigs.map((s) => s[4]).join(" ") : null, "data-quote": quote ? quote[5] : null,
          "data-sentence": sent ? sent[6] : null, "data-entity": ent ? ent[7].id : null, tabindex: act ? "0" : null,
          onclick: act, onkeydown: act ? (ev) => { if (ev.key === "Enter") act(); } : null }, piece));
    }
    // the article's events: each one click from its evidence sentence
    const evById = new Map((doc.events || []).map((v) => [v.id, v]));
    const evidence = el("div", { id: "article-evidence", hidden: true });
    const byteText = (a, b) => text.slice(at(a), at(b));
    function showEvidence(id) {
      const v = evById.get(id);
      if (!v) return;
      for (const x of body.querySelectorAll(".evidence")) x.classList.remove("evidence");
      for (const x of body.querySelectorAll(".focus")) x.classList.remove("focus");
      for (const x of art.querySelectorAll("#article-events li.on")) x.classList.remove("on");
      const li = art.querySelector(`#article-events li[data-for="${CSS.escape(id)}"]`);
      if (li) li.classList.add("on");
      for (const x of body.querySelectorAll(`[data-event~="${CSS.escape(id)}"]`)) x.classList.add("focus");
      const sn = sentences[v.sentence];
      let first = null;
      if (sn) for (const x of body.querySelectorAll(`[data-sentence="${v.sentence}"]`)) { x.classList.add("evidence"); first = first || x; }
      const place = (doc.places || []).find((p) => p.id === v.place);
      let sentence = sn ? [byteText(sn.start, sn.end)] : ["(no evidence sentence)"];
      if (sn && v.trigger && v.trigger.start >= sn.start && v.trigger.end <= sn.end) {
        sentence = [byteText(sn.start, v.trigger.start), el("mark", { class: "trigger" }, byteText(v.trigger.start, v.trigger.end)), byteText(v.trigger.end, sn.end)];
      }
      const pl = v.plover || {};
      const flags = [v.negated && "negated", v.hypothetical && "hypothetical", v.reported_by && "reported"].filter(Boolean).join(", ");
      evidence.hidden = false;
      evidence.dataset.for = id;
      evidence.replaceChildren(
        el("div", { class: "ev-head" }, el("span", { class: "qtag q" + v.quad_class }),
          el("strong", {}, v.source_text || "?"), " → ", el("strong", {}, v.target_text || "?"),
          `: ${pl.type || "—"}${pl.mode ? " / " + pl.mode : ""} · CAMEO ${v.cameo} · ${QUAD[v.quad_class] || ""} · Goldstein ${v.goldstein}`,
          el("button", { class: "close-evidence", onclick: () => { evidence.hidden = true; } }, "✕")),
        el("p", { class: "sentence" }, sentence),
        el("div", { class: "ev-meta" }, [v.date, place && place.name, `${v.source_code || "—"} → ${v.target_code || "—"}`, flags, `confidence ${v.confidence}`].filter(Boolean).join(" · ")));
      (first || body.querySelector(`[data-event~="${CSS.escape(id)}"]`) || evidence).scrollIntoView({ block: "center" });
    }
    const evList = (doc.events || []).length ? el("details", { id: "article-events", open: true },
      el("summary", {}, `Events (${doc.events.length}): click one for its evidence sentence`),
      el("ol", {}, doc.events.map((v) => el("li", { "data-for": v.id, tabindex: "0", onclick: () => showEvidence(v.id),
        onkeydown: (ev) => { if (ev.key === "Enter") showEvidence(v.id); } },
      el("span", { class: "qtag q" + v.quad_class }), `${v.source_text || "?"} → ${v.target_text || "?"}: ${(v.plover && v.plover.type) || ""} (${v.cameo})`,
      v.trigger ? el("span", { class: "ev-meta" }, ` “${v.trigger.text}”`) : "")))) : "";
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
      evList,
      evidence,
      body,
    );
    wrap.hidden = false;
    art.focus();
    if (focusEvent && evById.has(focusEvent)) showEvidence(focusEvent);
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
      el("h3", {}, `${hits.length}${page.next ? "+" : ""} articles for “${q}” `,
        hits.length ? el("button", { id: "map-search", title: "Show only the events of the articles this search finds on the map, timeline and list", onclick: () => setText(q) }, "map their events") : "",
        " ", el("button", { onclick: () => { box.hidden = true; } }, "close")),
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
    const view = readHash();
    state.fitted = true;
    if (view) setView(view); else fitEvents(); // the map fits the events while the list loads
    loadCounts();
    loadEvents();
  }

  // ---- the address: the filters and the view, so that a view can be
  // bookmarked, shared or reloaded ----
  function saveHash() {
    const q = new URLSearchParams();
    if (state.range) { q.set("from", state.range.from); q.set("to", state.range.to); }
    if (state.actor) { q.set("actor", state.actor.name); if (state.actor.code) q.set("code", state.actor.code); }
    if (state.plover) q.set("plover", state.plover);
    if (state.text) q.set("text", state.text);
    if (state.area) { q.set("area", state.area.bbox.join(",")); q.set("at", state.area.label || ""); }
    const v = state.view;
    q.set("view", [v.x, v.y, v.w].map((n) => n.toFixed(2)).join(","));
    const h = "#" + q.toString();
    if (location.hash !== h) history.replaceState(null, "", h);
  }
  // readHash sets the filters from the address and returns its view, if any.
  function readHash() {
    const q = new URLSearchParams(location.hash.slice(1));
    const day = (s) => (/^\d{4}-\d\d-\d\d$/.test(s || "") ? s : null);
    const from = day(q.get("from")), to = day(q.get("to"));
    if (from && to && from <= to) {
      state.range = { from, to };
      $("range").textContent = from === to ? from : `${from} – ${to}`;
      $("clear-range").hidden = false;
    }
    if (q.get("actor")) {
      const name = q.get("actor"), code = q.get("code") || "";
      state.actor = { name, code, query: usableCode(code) ? code : name };
      $("actor-filter").replaceChildren("actor: ", el("strong", {}, name), " ", el("button", { id: "clear-actor", onclick: () => setActor(null) }, "clear"));
    }
    if (q.get("plover")) state.plover = q.get("plover").toUpperCase();
    if (q.get("text")) {
      state.text = q.get("text");
      $("text-filter").replaceChildren("articles matching: ", el("strong", {}, state.text), " ", el("button", { id: "clear-text", onclick: () => setText(null) }, "clear"));
    }
    const area = (q.get("area") || "").split(",").map(Number);
    if (area.length === 4 && area.every(Number.isFinite)) state.area = { bbox: area, label: q.get("at") || "" };
    const v = (q.get("view") || "").split(",").map(Number);
    return v.length === 3 && v.every(Number.isFinite) && v[2] > 0 ? { x: v[0], y: v[1], w: v[2], h: v[2] * H / W } : null;
  }
  start();
})();
