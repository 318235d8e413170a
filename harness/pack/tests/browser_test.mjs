// The review pack in a real browser: Debian's chromium, headless, driven by
// playwright-core. Usage: node browser_test.mjs PACK_DIR REPO_DIR SHOTS_DIR
// (PACK_DIR written by `bughunt pack --session`). Prints one line per check
// that fails and exits 1 if any did; screenshots go to SHOTS_DIR.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { readFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [packDir, repoDir, shotsDir] = process.argv.slice(2);
if (!packDir || !repoDir || !shotsDir) {
  console.error("usage: node browser_test.mjs PACK_DIR REPO_DIR SHOTS_DIR");
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(repoDir, "harness/cases/cases.json"), "utf8"));
const cases = manifest.cases;
const number = (c) => String(c.id).padStart(2, "0");
const fileOf = (dir, c) =>
  readFileSync(join(repoDir, dir, `${number(c)}_${c.slug}.cpp`), "utf8").split("\n");
const pageUrl = (name, hash = "") => pathToFileURL(join(packDir, name)).href + hash;

let failures = 0;
let checks = 0;
function check(ok, what) {
  checks += 1;
  if (!ok) {
    failures += 1;
    console.log(`FAIL ${what}`);
  }
}

// Every page: no console error, no request that leaves the pack's folder.
async function open(context, name, hash = "") {
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    if (!r.url().startsWith(pathToFileURL(packDir).href)) problems.push(`request: ${r.url()}`);
  });
  await page.goto(pageUrl(name, hash));
  page.problems = problems;
  return page;
}

// Is an element whose whole text is `text` (white space folded) visible?
// Does the page's own location end in `hash`? Asked of the page, not of
// playwright's copy of the URL, which learns of history.replaceState() only
// after an event of its own.
const urlShows = (page, hash) => page.evaluate((h) => location.hash === h, hash);

const visibleText = (page, text, exact = false) =>
  page.getByText(text, { exact }).first().isVisible();

// The lines the fix adds, as the diff step shows them ("+" and the line).
function addedLines(c) {
  const path = (dir) => join(repoDir, dir, `${number(c)}_${c.slug}.cpp`);
  let diff = "";
  try {
    diff = execFileSync("diff", ["-u", path("bugs"), path("fixes")], { encoding: "utf8" });
  } catch (e) {
    diff = e.stdout; // diff exits 1 when the files differ
  }
  return diff
    .split("\n")
    .filter((l) => l.startsWith("+") && !l.startsWith("+++") && l.trim().length > 3);
}

async function checkCase(context, c) {
  const id = `case ${number(c)}`;
  const page = await open(context, `case-${number(c)}.html`);
  const steps = await page.locator("section.step").count();
  // The change, the program, the symptom, a step per hint, the report, the fix, the explanation.
  check(steps === 6 + c.hints.length, `${id}: ${steps} steps for ${c.hints.length} hints`);
  await checkChange(page, id, c);
  const fontSize = await page
    .locator("pre.program code")
    .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  check(fontSize >= 18, `${id}: program at ${fontSize}px`);
  const program = fileOf("bugs", c);
  const added = addedLines(c);
  check(added.length > 0, `${id}: the fix adds no line the test can look for`);
  for (let step = 1; step <= steps; step += 1) {
    check(await urlShows(page, `#step-${step}`), `${id}: step ${step} is not in the URL`);
    check(await page.locator(`#step-${step}`).isVisible(), `${id}: step ${step} not shown`);
    const label = await page.locator(`#step-${step}`).getAttribute("data-label");
    check(
      (await page.locator(".program-pane").isVisible()) === step > 1,
      `${id}: the program ${step > 1 ? "hidden" : "shown"} at step ${step}`,
    );
    // The change's patch shows the fix's lines as removed ("-") lines: that is the
    // pull request. The fix as a fix ("+" lines) waits for its step.
    const beforeFix = label !== "The fix" && label !== "The explanation" && step < steps - 1;
    if (beforeFix) {
      for (const line of added) {
        check(!(await visibleText(page, line, true)), `${id}: the fix's "${line}" visible at ${step}`);
      }
    }
    if (step < steps) {
      check(!(await visibleText(page, c.explanation.cause)), `${id}: the cause visible at step ${step}`);
      check(!(await page.locator(`#step-${step + 1}`).isVisible()), `${id}: ${step + 1} early`);
    }
    const rung = /^Hint (\d) of (\d)$/.exec(label);
    if (rung) {
      const [at, of] = [Number(rung[1]), Number(rung[2])];
      check(label === `Hint ${step - 3} of ${c.hints.length}`, `${id}: step ${step} is ${label}`);
      check(await visibleText(page, c.hints[at - 1]), `${id}: hint ${at} not shown at ${step}`);
      if (at < of) check(!(await visibleText(page, c.hints[at])), `${id}: hint ${at + 1} early`);
    }
    if (label === "The report") await checkFrames(page, id, program);
    if (step === 3) {
      await page.reload();
      check(await page.locator("#step-3").isVisible(), `${id}: a reload lost step 3`);
      check(!(await page.locator("#step-4").isVisible()), `${id}: a reload showed step 4`);
    }
    if (step < steps) await page.keyboard.press(step % 2 ? "ArrowRight" : " ");
  }
  check(await visibleText(page, c.explanation.cause), `${id}: the cause never shown`);
  await checkDeclaredLines(page, id, c);
  await page.keyboard.press("ArrowLeft");
  check(!(await page.locator(`#step-${steps}`).isVisible()), `${id}: left arrow did not go back`);
  check(await urlShows(page, `#step-${steps - 1}`), `${id}: back is not in the URL`);
  check(page.problems.length === 0, `${id}: ${page.problems.join("; ")}`);
  await page.close();
}

// Step 1 is the change as a pull request: its title, its reason and the patch,
// numbered by the broken program's lines; the program's pane is hidden, and
// nothing of the verdict is visible: not the mistake's title, the symptom, the
// cause, the declared lines, nor a marked line.
async function checkChange(page, id, c) {
  check((await page.locator("#step-1").getAttribute("data-label")) === "The change", `${id}: step 1`);
  check(await visibleText(page, c.change.title, true), `${id}: the change's title not shown`);
  check(await visibleText(page, c.change.description), `${id}: the change's description not shown`);
  check(await page.locator("#step-1 pre.diff.numbered").isVisible(), `${id}: the patch not shown`);
  // The broken program's lines carry their numbers (the answer names them); removed lines none.
  const gutter = (kinds) =>
    page
      .locator(`#step-1 pre.diff :is(${kinds})`)
      .evaluateAll((spans) => spans.map((s) => getComputedStyle(s, "::before").content));
  const numbered = await gutter("span.added, span.context");
  check(
    numbered.length > 0 && numbered.every((n) => /^"\d+"$/.test(n)),
    `${id}: the patch's lines are numbered ${numbered.join(" ")}`,
  );
  const removed = await gutter("span.removed");
  check(removed.every((n) => n === '""'), `${id}: removed lines numbered ${removed.join(" ")}`);
  check(!(await page.locator(".program-pane").isVisible()), `${id}: the program shown with the change`);
  check(!(await visibleText(page, c.title)), `${id}: the mistake's title shown with the change`);
  check(!(await visibleText(page, c.symptom)), `${id}: the symptom shown with the change`);
  check(!(await visibleText(page, c.explanation.cause)), `${id}: the cause shown with the change`);
  check(!(await page.locator(".declared-lines").isVisible()), `${id}: the lines shown with the change`);
  check((await page.locator(".line.marked").count()) === 0, `${id}: a line marked with the change`);
  const text = await page.locator("body").innerText();
  check(!/goes wrong at|wrong:|right:/i.test(text), `${id}: a verdict shown with the change`);
}

// The explanation names the declared lines; each marks its line in the program.
async function checkDeclaredLines(page, id, c) {
  const links = page.locator(".declared-lines button.line-link");
  check((await links.count()) === c.lines.length, `${id}: ${await links.count()} declared lines`);
  for (let i = 0; i < c.lines.length; i += 1) {
    await links.nth(i).click();
    const marked = await page.locator(".line.marked").getAttribute("id");
    check(marked === `L${c.lines[i]}`, `${id}: line link ${c.lines[i]} marks ${marked}`);
  }
}

// Each program frame of the report marks its line, which holds the quoted
// text, and the line is scrolled into the program's pane.
async function checkFrames(page, id, program) {
  const frames = page.locator("section.step:not([hidden]) button.frame");
  const count = await frames.count();
  for (let i = 0; i < count; i += 1) {
    const frame = frames.nth(i);
    const line = Number(await frame.getAttribute("data-line"));
    const quote = (await frame.locator("xpath=following-sibling::code").textContent()).trim();
    await frame.click();
    const marked = page.locator(".line.marked");
    check((await marked.count()) === 1, `${id}: frame ${i} marks ${await marked.count()} lines`);
    check((await marked.getAttribute("id")) === `L${line}`, `${id}: frame ${i} marks another line`);
    const text = (await marked.textContent()).trim();
    check(text === quote, `${id}: line ${line} holds "${text}", the report quotes "${quote}"`);
    check(text === (program[line - 1] || "").trim(), `${id}: line ${line} is not the file's`);
    await page.waitForFunction(() => {
      const m = document.querySelector(".line.marked").getBoundingClientRect();
      const p = document.querySelector(".program-pane").getBoundingClientRect();
      return m.top >= p.top && m.bottom <= p.bottom;
    });
  }
}

async function checkIndex(context) {
  const page = await open(context, "index.html");
  const text = await page.locator("body").innerText();
  for (const c of cases) {
    check(text.includes(c.symptom), `index: case ${number(c)}'s symptom missing`);
    // The slug names the program, so only the title would give the mistake away.
    check(!text.toLowerCase().includes(c.title.toLowerCase()), `index shows "${c.title}"`);
  }
  check((await page.locator("ol.cases li").count()) === cases.length, "index: not every case");
  await page.screenshot({ path: join(shotsDir, "index.png") });
  check(page.problems.length === 0, `index: ${page.problems.join("; ")}`);
  await page.close();
}

async function checkSession(context) {
  const page = await open(context, "session.html");
  await page.clock.install();
  await page.reload();
  const timer = page.locator(".timer").first();
  await timer.locator(".start").click();
  await page.clock.runFor(65_000);
  await timer.locator(".stop").click();
  const shown = await timer.locator("output").textContent();
  check(shown === "1:05", `session: the timer shows ${shown} after 65 s`);
  await page.clock.runFor(10_000);
  check((await timer.locator("output").textContent()) === shown, "session: stopped timer runs");
  const [notes] = await Promise.all([page.waitForEvent("popup"), page.click("#open-notes")]);
  await notes.waitForLoadState();
  check(await visibleText(notes, cases[0].explanation.cause), "notes: the first case's cause missing");
  check(!(await visibleText(page, cases[0].explanation.cause)), "session: shows a cause to the room");
  await page.screenshot({ path: join(shotsDir, "session.png") });
  check(page.problems.length === 0, `session: ${page.problems.join("; ")}`);
  await page.close();
}

async function checkMatrix(context) {
  const page = await open(context, "matrix.html");
  const cells = await page.locator("table.matrix td").count();
  check(cells >= cases.length * 2, `matrix: ${cells} cells`);
  check((await page.locator("td.report").count()) > 0, "matrix: no report cell coloured");
  check((await page.locator("td.declared").count()) === cases.length, "matrix: declared cells");
  check(page.problems.length === 0, `matrix: ${page.problems.join("; ")}`);
  await page.close();
}

mkdirSync(shotsDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await checkIndex(context);
  for (const c of cases) await checkCase(context, c);
  const reportStep = 4 + cases.find((c) => c.id === 2).hints.length;
  const shot = await open(context, "case-02.html", `#step-${reportStep}`);
  await shot.screenshot({ path: join(shotsDir, "case-02-report.png") });
  await shot.goto(pageUrl("case-11.html", "#step-1"));
  await shot.screenshot({ path: join(shotsDir, "case-11-change.png") });
  await shot.close();
  await checkSession(context);
  await checkMatrix(context);
} finally {
  await browser.close();
}
console.log(`${checks} checks, ${failures} failed; screenshots in ${shotsDir}`);
process.exit(failures ? 1 : 0);
