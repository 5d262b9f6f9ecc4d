// Opens pages of the course site or decks in Debian's headless Chromium, every request that is
// not a local file blocked, and checks that MathJax typeset all their formulas.
//
//   NODE_PATH=tools/course/node_modules node typeset.cjs PAGE.html...
//
// Prints one line per page (formulas typeset, slides, requests) and exits 1 naming each page
// that made a non-local or failed request, has a formula left as TeX, or has none at all.
// Used by descent.notebooks.CourseTest.
const { chromium } = require("playwright-core");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { pathToFileURL } = require("url");

const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
  "--disable-dev-shm-usage"];

async function check(context, file) {
  const page = await context.newPage();
  const problems = [];
  page.on("requestfailed",
    request => problems.push(`request failed: ${request.url().slice(0, 120)}`));
  page.on("pageerror", error => problems.push(`script error: ${error.message}`));
  await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: "load" });
  await page.waitForFunction(() => window.MathJax && MathJax.Hub && MathJax.isReady
    && !MathJax.Hub.queue.running && !MathJax.Hub.queue.pending, null, { timeout: 120000 });
  const found = await page.evaluate(() => ({
    formulas: document.querySelectorAll('script[type^="math/tex"]').length,
    typeset: [...document.querySelectorAll('script[type^="math/tex"]')]
      .filter(tex => tex.previousSibling && tex.previousSibling.classList
        && tex.previousSibling.classList.contains("mjx-chtml")).length,
    errors: document.querySelectorAll(".MathJax_Error, .mjx-error, merror").length,
    slides: window.Reveal && Reveal.isReady() ? Reveal.getHorizontalSlides().length : null,
  }));
  if (found.formulas === 0) problems.push("no formula found");
  if (found.typeset < found.formulas) {
    problems.push(`${found.formulas - found.typeset} formulas left as TeX`);
  }
  if (found.errors > 0) problems.push(`${found.errors} MathJax errors`);
  await page.close();
  return { file: path.basename(file), ...found, problems };
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "descent-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: FLAGS });
  const outside = [];
  await context.route("**/*", route => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    outside.push(url);
    return route.abort("blockedbyclient");
  });
  let failed = false;
  try {
    for (const file of process.argv.slice(2)) {
      const result = await check(context, file);
      const blocked = outside.splice(0).map(url => `non-local request blocked: ${url}`);
      result.problems.push(...blocked);
      failed ||= result.problems.length > 0;
      console.log(JSON.stringify(result));
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
})().catch(error => { console.error(error); process.exit(2); });
