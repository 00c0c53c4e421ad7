// Browser test of the faultline web page: ingests the examples into a
// temporary database, serves it on loopback, drives headless Chromium
// through map → event → article and checks what is shown.
//
//   node browser.test.mjs PATH/TO/faultline [--screenshot FILE]
//
// Environment: CHROMIUM (default /usr/bin/chromium). Exits non-zero when a
// check fails and prints "browser: N passed, M failed".
import { spawn, execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const args = process.argv.slice(2);
const binary = args[0] && !args[0].startsWith("--") ? path.resolve(args[0]) : path.join(repo, "bin", "faultline");
const shotIdx = args.indexOf("--screenshot");
const screenshot = shotIdx >= 0 ? path.resolve(args[shotIdx + 1]) : null;
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

let passed = 0, failed = 0;
function check(name, ok, detail) {
  if (ok) { passed++; console.log(`ok   ${name}`); }
  else { failed++; console.log(`FAIL ${name}${detail ? ": " + detail : ""}`); }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function waitForServer(url, proc, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`faultline serve exited with ${proc.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

async function main() {
  const tmp = await mkdtemp(path.join(tmpdir(), "faultline-e2e-"));
  const db = path.join(tmp, "e2e.db");
  let server, browser;
  try {
    await promisify(execFile)(binary, ["ingest", "--db", db, path.join(repo, "examples", "news")], { cwd: tmp });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(binary, ["serve", "--db", db, "--addr", `127.0.0.1:${port}`], { cwd: tmp, stdio: ["ignore", "inherit", "pipe"] });
    let serverErr = "";
    server.stderr.on("data", (b) => { serverErr += b; });
    await waitForServer(`${base}/api/events?limit=1`, server, 15000);

    // a fresh profile (--user-data-dir) in the temporary directory
    browser = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
      executablePath,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const page = await browser.newPage();
    const pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") pageErrors.push("console: " + m.text()); });
    // only loopback: anything else is a failure (the page must work offline)
    const outside = [];
    await page.route("**/*", (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === "127.0.0.1" || u.protocol === "data:") return route.continue();
      outside.push(u.href);
      return route.abort();
    });
    page.setDefaultTimeout(15000);

    // the map has drawn the clusters of the current view and filters
    const mapReady = () => page.waitForSelector('#markers[data-state="ready"]', { state: "attached" });
    const markerCounts = () => page.locator("#markers .marker").evaluateAll((ms) => ms.map((m) => Number(m.dataset.count)));
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);

    await page.goto(base + "/");
    await page.waitForSelector("#markers .marker");
    await mapReady();
    const markers = await page.locator("#markers .marker").count();
    const allEvents = await page.locator("#event-list li.event").count();
    const countries = await page.locator("#countries path").count();
    check("map shows event markers over country outlines", markers > 0 && countries > 100, `${markers} markers, ${countries} countries`);
    // every located event is on the map, however many: the markers count
    // what the server's clusters hold, which is every event the API lists
    const apiTotal = (await (await fetch(`${base}/api/events?limit=1`)).json()).total;
    const located = (await (await fetch(`${base}/api/events/clusters?cell=90`)).json()).total;
    const shownCounts = await markerCounts();
    check("the markers count every located event", sum(shownCounts) === located && located === apiTotal && located > 0,
      `markers hold ${sum(shownCounts)}, clusters ${located}, events ${apiTotal}`);
    // a marker's fill is its commonest QuadClass
    const quadOK = await page.locator("#markers .marker").evaluateAll((ms) => ms.every((m) => {
      const q = m.dataset.quad.split(" ").map(Number);
      return m.querySelector("circle").classList.contains("q" + q.indexOf(Math.max(...q)));
    }));
    check("markers are coloured by QuadClass", quadOK);
    await page.waitForSelector("#timeline rect[data-day]");
    const bars = await page.locator("#timeline rect[data-day]").count();
    check("timeline shows bars", bars > 0, `${bars} bars`);

    // brushing an empty stretch of the timeline empties the map and list; clearing restores them
    const box = await page.locator("#timeline").boundingBox();
    const firstBar = await page.locator("#timeline rect[data-day]").first().boundingBox();
    const y = box.y + box.height / 2;
    // the page leaves one empty day before the first: the plot starts 28 px in,
    // and the first bar sits in the middle of the second day's slot
    const slot = (firstBar.x + firstBar.width / 2 - (box.x + 28)) / 1.5;
    await page.mouse.move(box.x + 30, y);
    await page.mouse.down();
    await page.mouse.move(box.x + 28 + 0.5 * slot, y, { steps: 4 });
    await page.mouse.move(box.x + 28 + 0.9 * slot, y, { steps: 4 });
    await page.mouse.up();
    await page.waitForSelector("#event-list li.hidden-empty");
    await mapReady();
    const rangeText = await page.locator("#range").textContent();
    const afterBrush = await page.locator("#markers .marker").count();
    await page.click("#clear-range");
    await page.waitForSelector("#markers .marker");
    await mapReady();
    const afterClear = await page.locator("#markers .marker").count();
    check("brushing the timeline filters the map and list", afterBrush === 0 && afterClear === markers && /\d{4}-\d\d-\d\d/.test(rangeText),
      `range ${JSON.stringify(rangeText)}, ${afterBrush} markers after brushing, ${afterClear} after clearing`);

    // zoomed out to the whole world, nearby events share one cluster marker
    for (let i = 0; i < 6; i++) await page.click("#zoom-out");
    await mapReady();
    const counts = await markerCounts();
    check("zoomed out, nearby events cluster", sum(counts) === allEvents && counts.some((n) => n > 1), `marker counts ${counts}`);

    // clicking a cluster narrows the list to its events; "whole map" restores it
    const big = page.locator("#markers .marker");
    const bigIdx = counts.indexOf(Math.max(...counts));
    await big.nth(bigIdx).click();
    await page.waitForSelector("#clear-area");
    await page.waitForFunction((n) => document.querySelectorAll("#event-list li.event").length === n, counts[bigIdx]);
    const areaHead = (await page.locator("#list-head").textContent()) || "";
    const areaTotal = Number((areaHead.match(/Events \((\d+)\)/) || [])[1]);
    const barSum = () => page.locator("#timeline rect[data-day]").evaluateAll((rs) => rs.reduce((a, r) => a + Number(r.dataset.n), 0));
    await page.waitForFunction((n) => [...document.querySelectorAll("#timeline rect[data-day]")].reduce((a, r) => a + Number(r.dataset.n), 0) === n, counts[bigIdx]);
    const areaBars = await barSum();
    await page.click("#clear-area");
    await page.waitForFunction((n) => document.querySelectorAll("#event-list li.event").length === n, allEvents);
    check("a cluster click lists its events and the timeline counts them", areaTotal === counts[bigIdx] && areaBars === counts[bigIdx] && / at /.test(areaHead),
      `${counts[bigIdx]} in the cluster, ${areaBars} in the timeline, head ${JSON.stringify(areaHead)}`);
    await mapReady();

    // the PLOVER legend filters the map and list by type, and the timeline dims the others
    // (from a view that fits every event, so that each of the type is in view)
    await page.click("#zoom-fit");
    await mapReady();
    const ptype = page.locator("#plover-legend button.ptype").first();
    const ty = await ptype.getAttribute("data-type");
    const tyCount = sum(((await (await fetch(`${base}/api/events/counts`)).json()).items || []).filter((c) => c.plover_type === ty).map((c) => c.n));
    await ptype.click();
    await page.waitForSelector(`#event-list[data-query*="plover=${ty}"]`);
    await mapReady();
    const tyListed = await page.locator("#event-list li.event").allTextContents();
    const tyMarkers = sum(await markerCounts());
    const dimmed = await page.locator("#timeline rect.dim").count();
    // the address keeps the filters and the view: a reload shows the same
    const hash = await page.evaluate(() => location.hash);
    await page.reload();
    await page.waitForSelector(`#event-list[data-query*="plover=${ty}"]`);
    await mapReady();
    const reloaded = await page.locator("#event-list li.event").count();
    const reHash = await page.evaluate(() => location.hash);
    const noView = (h) => h.replace(/&?view=[^&]*/, "");
    check("the address keeps the filters and view across a reload", hash.includes(`plover=${ty}`) && hash.includes("view=") &&
      reloaded === tyListed.length && noView(reHash) === noView(hash) && sum(await markerCounts()) === tyMarkers,
    `${hash} → ${reHash}, ${reloaded} listed after the reload`);
    await page.click("#clear-plover");
    await page.waitForFunction((n) => document.querySelectorAll("#event-list li.event").length === n, allEvents);
    await mapReady();
    check("the PLOVER legend filters map and list by type", tyListed.length === tyCount && tyMarkers === tyCount &&
      tyListed.every((t) => t.includes(`: ${ty} (`)) && (dimmed > 0 || bars === tyListed.length),
    `${ty}: ${tyListed.length} listed, ${tyMarkers} on the map, ${tyCount} counted, ${dimmed} bars dimmed`);
    await page.click("#zoom-fit");
    await mapReady();

    // click markers (zooming into clusters) until one event is selected
    let sentence = "";
    for (let i = 0; i < 8 && !sentence; i++) {
      const single = page.locator('#markers .marker[data-count="1"]');
      if (await single.count() > 0) {
        await single.first().click();
      } else {
        await page.locator("#markers .marker").first().click();
        await page.locator("#event-list li.event").first().click();
      }
      if (await page.locator("#event-detail .sentence").isVisible()) sentence = (await page.locator("#event-detail .sentence").textContent()) || "";
    }
    const trigger = (await page.locator("#event-detail .sentence mark.trigger").textContent().catch(() => "")) || "";
    check("event detail shows its evidence sentence with the trigger", sentence.length > 10 && trigger.length > 0 && sentence.includes(trigger),
      `sentence ${JSON.stringify(sentence)}, trigger ${JSON.stringify(trigger)}`);

    if (screenshot) await page.screenshot({ path: screenshot, type: "png" });

    await page.locator("#open-article").click();
    await page.waitForSelector("#article .doc-text");
    const focus = (await page.locator("#article mark.trigger.focus").first().textContent().catch(() => "")) || "";
    const entities = await page.locator("#article .doc-text .ent").count();
    check("article highlights the event's trigger and the entities", focus === trigger && entities > 0,
      `focus ${JSON.stringify(focus)} want ${JSON.stringify(trigger)}, ${entities} entity spans`);
    // every trigger and quote shown where the API's UTF-8 byte offsets put it
    const docID = await page.locator("#article").getAttribute("data-doc");
    const doc = await (await fetch(`${base}/api/documents/${docID}`)).json();
    const bytes = Buffer.from(doc.text, "utf8");
    const want = (sp) => bytes.subarray(sp.start, sp.end).toString("utf8");
    const shown = async (sel) => (await page.locator(sel).allTextContents()).join("");
    const wrong = [];
    for (const v of doc.events || []) {
      if (v.trigger && await shown(`#article [data-event~="${v.id}"]`) !== want(v.trigger)) wrong.push(`trigger ${v.id}`);
    }
    for (const [i, q] of (doc.quotes || []).entries()) {
      if (await shown(`#article [data-quote="${i}"]`) !== want(q)) wrong.push(`quote ${i}`);
    }
    check("article spans match the API's byte offsets", wrong.length === 0 && (doc.events || []).length > 0, wrong.join(", "));
    // each event of the article is one click from its evidence sentence, from
    // the article's event list and from its trigger in the text
    const evWrong = [];
    for (const [i, v] of (doc.events || []).entries()) {
      if (i % 2 === 0) await page.locator(`#article-events li[data-for="${v.id}"]`).click();
      else if (v.trigger) await page.locator(`#article .doc-text mark[data-event~="${v.id}"]`).first().click();
      else continue;
      await page.waitForSelector(`#article-evidence[data-for="${v.id}"]`);
      const sn = doc.sentences[v.sentence];
      const lit = await shown("#article .doc-text .evsent.evidence");
      const card = (await page.locator("#article-evidence .sentence").textContent()) || "";
      const cardMark = (await page.locator("#article-evidence .sentence mark").textContent().catch(() => "")) || "";
      if (!sn || lit !== want(sn) || card !== want(sn) || (v.trigger && cardMark !== want(v.trigger))) {
        evWrong.push(`${v.id}: lit ${JSON.stringify(lit.slice(0, 60))}, card ${JSON.stringify(card.slice(0, 60))}, mark ${JSON.stringify(cardMark)}`);
      }
    }
    check("each article event is one click from its evidence sentence", evWrong.length === 0 && (doc.events || []).length > 0, evWrong.join("; "));

    // an entity in the article opens its actor page (and closes the article)
    const entSpan = page.locator("#article .doc-text [data-entity]").first();
    const entID = await entSpan.getAttribute("data-entity");
    const entName = (doc.entities || []).find((x) => x.id === entID)?.name;
    await entSpan.click();
    await page.waitForSelector(`#actor-view[data-actor="${entName}"] h4`);
    check("an entity in the article opens its actor page", await page.locator("#article-wrap").isHidden(), `entity ${entID} ${entName}`);
    await page.locator("#actor-view button", { hasText: "close" }).first().click();

    // the event's source actor: its page lists the event among its events as source
    await page.locator("#event-detail .actor-link").first().click();
    await page.waitForSelector("#actor-view h4");
    const actorText = (await page.locator("#actor-view").textContent()) || "";
    const asSource = await page.locator('#actor-view ul.actor-events[data-side="source"] li').count();
    const actorName = await page.locator("#actor-view").getAttribute("data-actor");
    const codes = await page.locator("#actor-view dl.facts dd").first().textContent();
    const q = /^[A-Z]{3,}$/.test(codes.split(",")[0].trim()) ? codes.split(",")[0].trim() : actorName;
    const apiSource = (await (await fetch(`${base}/api/events?limit=1&source=${encodeURIComponent(q)}`)).json()).total;
    const apiTarget = (await (await fetch(`${base}/api/events?limit=1&target=${encodeURIComponent(q)}`)).json()).total;
    check("actor view lists the actor's events as source and target, its codes, aliases, partners and quotes",
      asSource > 0 && actorText.includes(`As source (${apiSource})`) && actorText.includes(`As target (${apiTarget})`) &&
      /Codes/.test(actorText) && /Also called/.test(actorText) && /Most often with/.test(actorText) && /Quotes \(/.test(actorText),
      `${actorName} (${q}): ${apiSource} as source, ${apiTarget} as target; ${actorText.slice(0, 300)}`);

    // its network: the actor and those it deals with, from all its events
    await page.click("#actor-network");
    await page.waitForSelector('#network .net-node');
    await page.waitForFunction(() => document.querySelector("#network .net-note") && /actors/.test(document.querySelector("#network .net-note").textContent) && document.querySelector("#event-list").dataset.query.includes("actor="));
    const egoTotal = Number(await page.locator("#network").getAttribute("data-total"));
    const egoNodes = await page.locator("#network .net-node title").allTextContents();
    const egoAPI = (await (await fetch(`${base}/api/actors/links?actor=${encodeURIComponent(q)}`)).json()).total;
    check("the actor's network shows it and its counterparts", egoTotal === egoAPI && egoAPI > 0 && egoNodes.length >= 2,
      `${egoNodes.length} nodes (${egoNodes.join("; ")}), ${egoTotal} events, API ${egoAPI}`);
    await page.click("#toggle-network");
    await page.click("#clear-actor");
    await page.waitForFunction((n) => document.querySelectorAll("#event-list li.event").length === n, allEvents);
    await page.locator("#event-detail .actor-link").first().click();
    await page.waitForSelector("#actor-view h4");

    await page.click("#filter-actor");
    await page.waitForSelector('#event-list[data-query*="actor="]');
    const filterText = (await page.locator("#actor-filter").textContent()) || "";
    const filtered = await page.locator("#event-list li.event").count();
    await page.click("#clear-actor");
    await page.waitForSelector('#event-list:not([data-query*="actor="])');
    await page.waitForFunction((n) => document.querySelectorAll("#event-list li.event").length === n, allEvents);
    check("the actor filters the map and list and clears", filterText.startsWith("actor: ") && filtered >= asSource && filtered > 0,
      `${JSON.stringify(filterText)}, ${filtered} events`);

    // the network of actors drawn from the same events
    await page.click("#toggle-network");
    await page.waitForSelector("#network .net-node");
    const nodes = await page.locator("#network .net-node").count();
    const edgeNs = await page.locator("#network .edge").evaluateAll((es) => es.map((e) => Number(e.dataset.n)));
    const netTotal = Number(await page.locator("#network").getAttribute("data-total"));
    const apiLinks = (await (await fetch(`${base}/api/actors/links`)).json()).total;
    await page.click("#toggle-network");
    await page.waitForSelector("#markers .marker");
    check("network view links actors by all their events", nodes >= 2 && edgeNs.length >= 1 && sum(edgeNs) <= netTotal && netTotal === apiLinks && apiLinks > 0,
      `${nodes} nodes, edges of ${edgeNs} events, ${netTotal} events with both actors (API ${apiLinks})`);

    await page.fill("#search", "ceasefire");
    await page.press("#search", "Enter");
    await page.waitForSelector("#search-results li.hit");
    const hitMark = (await page.locator("#search-results li.hit mark").first().textContent()) || "";
    check("search lists articles with the match marked", /ceasefire/i.test(hitMark), `mark ${JSON.stringify(hitMark)}`);
    // the search's articles filter map, timeline and list
    const textTotal = (await (await fetch(`${base}/api/events?limit=1&text=ceasefire`)).json()).total;
    await page.click("#map-search");
    await page.waitForSelector('#event-list[data-query*="text=ceasefire"]');
    await mapReady();
    await page.waitForFunction((n) => [...document.querySelectorAll("#timeline rect[data-day]")].reduce((a, r) => a + Number(r.dataset.n), 0) === n, textTotal);
    // the markers may still be the ones from before the filter ("ready" from the
    // last draw): give the new draw its time, then check what it shows
    await page.waitForFunction((n) => [...document.querySelectorAll("#markers .marker")].reduce((a, m) => a + Number(m.dataset.count), 0) === n,
      textTotal, { timeout: 10000 }).catch(() => {});
    const textListed = await page.locator("#event-list li.event").count();
    const textMarkers = sum(await markerCounts());
    await page.click("#clear-text");
    await page.waitForFunction((n) => document.querySelectorAll("#event-list li.event").length === n, allEvents);
    check("the search filters map, timeline and list", textListed === textTotal && textMarkers === textTotal,
      `${textListed} listed, ${textMarkers} on the map, API ${textTotal}`);
    // a word of a stored quote finds the quote
    const someQuote = ((await (await fetch(`${base}/api/quotes?limit=1`)).json()).items || [])[0];
    if (someQuote) {
      const word = someQuote.text.split(/[^A-Za-z]+/).sort((a, b) => b.length - a.length)[0];
      await page.fill("#search", word);
      await page.press("#search", "Enter");
      await page.waitForSelector("#search-results li.quote-hit");
      const quoteHits = await page.locator("#search-results li.quote-hit q").allTextContents();
      check("search lists quotes", quoteHits.includes(someQuote.text), `searched ${JSON.stringify(word)}, got ${JSON.stringify(quoteHits)}`);
    }

    check("no script or console errors and no requests beyond loopback", pageErrors.length === 0 && outside.length === 0,
      [...pageErrors, ...outside].join("; "));
    if (server.exitCode !== null) check("server kept running", false, serverErr);
  } catch (err) {
    check("run", false, err && err.stack ? err.stack : String(err));
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server && server.exitCode === null) {
      server.kill("SIGINT");
      await new Promise((r) => { server.once("exit", r); setTimeout(r, 5000); });
    }
    await rm(tmp, { recursive: true, force: true });
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

main();
