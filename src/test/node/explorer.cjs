// Moves the sliders of Descent's explorers in Debian's headless Chromium, every request that is
// not a local file blocked, and checks that each drawing changes to the values Java computed.
//
//   NODE_PATH=tools/course/node_modules node explorer.cjs PAGE.html|URL CHECKS.json [EXPLORERS]
//
// PAGE.html is a file; a URL is a page of a Jupyter server on this machine (127.0.0.1), whose own
// requests are let through. The script waits (up to 90 s) until EXPLORERS explorers (default 1)
// have drawn themselves.
// CHECKS.json is a list of {"explorer": i, "positions": {"η": 3, "γ": 1}, "expected": [...]}
// ("positions" may also be "first" or "last": every slider to that end):
// the sliders of the i-th explorer on the page are moved with the keyboard (Home, then → as many
// times as the position), and the lines drawn in its first panel must hold exactly the points in
// "expected" (one "x,y,x,y…" string per line), or, when "expected" is "page", the points of that
// setting in the data the page carries. Prints one JSON line per check, then "N passed, N failed".
// Used by descent.plot.ExplorerBrowserTest.
const { chromium } = require("playwright-core");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { pathToFileURL } = require("url");

const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];

function same(drawn, expected) {
  const a = drawn.split(",").map(Number), b = expected.split(",").map(Number);
  return a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= 1e-9 * Math.max(1, Math.abs(b[i])));
}

async function check(page, spec) {
  const explorer = page.locator(".descent-explorer").nth(spec.explorer);
  const firstPanel = explorer.locator("svg").first();
  const before = await firstPanel.locator("g.series polyline").evaluateAll(ls => ls.map(l => l.getAttribute("points")));
  if (typeof spec.positions === "string") {        // "first" or "last": every slider to that end
    const names = await explorer.locator("input[data-slider]").evaluateAll(ls => ls.map(l => [l.dataset.slider, +l.max]));
    spec.positions = Object.fromEntries(names.map(([n, max]) => [n, spec.positions === "last" ? max : 0]));
  }
  for (const [name, position] of Object.entries(spec.positions)) {
    const slider = explorer.locator(`input[data-slider="${name}"]`);
    await slider.focus();
    await page.keyboard.press("Home");
    for (let i = 0; i < position; i++) await page.keyboard.press("ArrowRight");
  }
  const drawn = await firstPanel.locator("g.series polyline").evaluateAll(ls => ls.map(l => ({
    points: l.getAttribute("data-points"), pixels: l.getAttribute("points"), name: l.getAttribute("data-name") })));
  let expected = spec.expected;
  if (expected === "page") {
    expected = await explorer.evaluate((root, positions) => {
      const data = JSON.parse(root.querySelector(".descent-explorer-data").textContent);
      let index = 0;
      data.sliders.forEach(s => { index = index * s.values.length + (positions[s.name] || 0); });
      return data.frames[index][0].map(s => s.p.join(","));
    }, spec.positions);
  }
  const problems = [];
  if (drawn.length !== expected.length) problems.push(`${drawn.length} lines drawn, ${expected.length} expected`);
  drawn.forEach((line, k) => {
    if (k < expected.length && !same(line.points, expected[k])) problems.push(`line ${k} (${line.name}) is not the computed walk`);
  });
  const moved = drawn.some((line, k) => line.pixels !== before[k]);
  const atStart = await explorer.evaluate(root => root.getAttribute("data-frame"));
  return { explorer: spec.explorer, positions: spec.positions, frame: atStart, lines: drawn.map(l => l.name),
    moved, problems };
}

(async () => {
  const [file, checksFile, wanted] = process.argv.slice(2);
  const local = /^http:\/\/127\.0\.0\.1:\d+\//.test(file) ? new URL(file).origin : null;
  const checks = JSON.parse(fs.readFileSync(checksFile, "utf8"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "descent-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: FLAGS });
  const outside = [];
  await context.route("**/*", route => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:") || (local && url.startsWith(local + "/"))) return route.continue();
    outside.push(url);
    return route.abort("blockedbyclient");
  });
  let passed = 0, failed = 0;
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", error => errors.push(error.message));
    await page.goto(local ? file : pathToFileURL(path.resolve(file)).href, { waitUntil: "load" });
    await page.waitForFunction(n => document.querySelectorAll(".descent-explorer[data-drawn]").length >= n,
      +(wanted || 1), { timeout: 90000 }).catch(() => {});
    const explorers = await page.locator(".descent-explorer[data-drawn]").count();
    console.log(`drawn ${explorers} explorers`);
    for (const spec of checks) {
      const result = spec.explorer < explorers ? await check(page, spec)
        : { explorer: spec.explorer, problems: [`the page has ${explorers} drawn explorers`] };
      result.problems.push(...errors.splice(0).map(e => `script error: ${e}`));
      result.problems.push(...outside.splice(0).map(url => `non-local request blocked: ${url}`));
      if (result.problems.length === 0) passed++; else failed++;
      console.log(JSON.stringify(result));
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})().catch(error => { console.error(error); process.exit(2); });
