// Screens at scale (issue 22, item 4): the server memory of a signed-in Vaadin session, and the
// round trip of a grid scroll and of a form save while those sessions are open.
//
//   PLAYWRIGHT_HOME=<dir with node_modules/playwright-core> node bench/session_memory.mjs [sessions]
//
// Needs the portal running (bin/portal run) and jcmd (the JDK's). Reads the live heap of Liberty's
// JVM after a full collection (jcmd GC.run, then GC.heap_info) before any session, then signs in
// `sessions` times (default 50; each a browser context of its own, so a session of its own),
// rotating through the demo users of both tenants, visits every screen of that user's menu and stays
// on the last one, as a user who leaves the tab open does (a closed page makes Vaadin drop its
// screen at once: measured so, the sessions cost nothing). The heap read next holds all of them. Then, with those sessions open, it times the round trip the server answers for a scroll
// of the invoice grid (the lazy data provider's next page) and for saving a governance entry's edit
// form (Binder, optimistic lock), each as the browser sees it (request to response of Vaadin's UIDL call).
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const { chromium } = createRequire(path.join(process.env.PLAYWRIGHT_HOME, "x.js"))("playwright-core");
const base = process.env.PORTAL_URL || "http://localhost:9080/";
const sessions = Number(process.argv[2] || 50);
const users = ["agent.acme", "ops.lead", "cfo.acme", "duo.staff", "cfo.globex", "customer.acme"];
const log = (m) => console.log(`[session-memory] ${m}`);

function libertyPid() {
  const out = execFileSync("pgrep", ["-f", "ws-server.jar portal$"]).toString().trim().split("\n");
  if (out.length !== 1 || !out[0]) throw new Error(`expected one Liberty server 'portal', found: ${out}`);
  return out[0];
}

// the live heap after a full collection, in KB: GC.run, then the "used" of GC.heap_info's first line
function liveHeapKb(pid) {
  let least = Infinity;
  for (let i = 0; i < 3; i++) {
    execFileSync("jcmd", [pid, "GC.run"]);
    const info = execFileSync("jcmd", [pid, "GC.heap_info"]).toString();
    const used = /used (\d+)K/.exec(info);
    if (!used) throw new Error(`no heap figure in: ${info}`);
    least = Math.min(least, Number(used[1]));
  }
  return least;
}

async function signIn(page, user, password = "demo") {
  await page.goto(base);
  await page.fill("#username", user);
  await page.click("#kc-login");
  await page.fill("#password", password);
  await page.click("#kc-login");
  await page.waitForURL((u) => u.toString().startsWith(base), { timeout: 60000 });
  await page.waitForSelector("vaadin-side-nav-item", { timeout: 60000 });
}

async function visitMenu(page) {
  const paths = await page.$$eval("vaadin-side-nav-item", (els) => els.map((e) => e.getAttribute("path")).filter(Boolean));
  for (const p of paths) {
    await page.goto(new URL(p, base).toString());
    await page.waitForLoadState("networkidle", { timeout: 30000 }).catch(() => {});
  }
  return paths.length;
}

// the round trip of the first UIDL request that `action` sends: from the request's start to the
// end of its response, from the browser's resource timing
async function uidlRoundTrip(page, action) {
  const answered = page.waitForResponse((r) => r.url().includes("v-r=uidl"), { timeout: 30000 });
  await action();
  const response = await answered;
  await response.finished();
  const timing = response.request().timing();
  return [timing.responseEnd - timing.requestStart];
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]; };

const pid = libertyPid();
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

// one session first, not counted: the server's first screens load classes and fill caches
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, users[0]);
  await visitMenu(page);
  await context.close();
}
await new Promise((r) => setTimeout(r, 2000));
const before = liveHeapKb(pid);
log(`live heap before: ${(before / 1024).toFixed(1)} MB`);

let screens = 0;
const started = Date.now();
const open = [];
for (let i = 0; i < sessions; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, users[i % users.length]);
  screens += await visitMenu(page);
  open.push(context); // left open on its last screen: a closed page tells the server to drop its UI
  if ((i + 1) % 10 === 0) log(`${i + 1} sessions (${screens} screens) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
const after = liveHeapKb(pid);
const perSession = (after - before) / sessions;
log(`live heap after ${sessions} sessions: ${(after / 1024).toFixed(1)} MB; ${perSession.toFixed(0)} KB a session ` +
    `(${(screens / sessions).toFixed(1)} screens each)`);

// with those sessions held: a grid scroll and a form save
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
// the bench tenant's lead (bench/receivables_bench.py): a grid over a million invoices
await signIn(page, "bench.lead", "bench");
await page.goto(new URL("invoices", base).toString());
await page.waitForSelector("vaadin-grid", { timeout: 30000 });
await page.waitForLoadState("networkidle");
const scrolls = [];
for (let i = 1; i <= 20; i++) {
  scrolls.push(...await uidlRoundTrip(page, () => page.evaluate((n) => {
    const grid = document.querySelector("vaadin-grid");
    grid.scrollToIndex(n * 500);
  }, i)));
  await page.waitForTimeout(300);
}
log(`grid scroll round trips: ${scrolls.length}, median ${median(scrolls).toFixed(1)} ms, p95 ${p95(scrolls).toFixed(1)} ms`);

const saves = [];
await context.close();
// the form: a governance entry's edit dialog (a lead's), its description changed and saved
const leadContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const lead = await leadContext.newPage();
await signIn(lead, "ops.lead");
await lead.goto(new URL("governance", base).toString());
await lead.waitForSelector("vaadin-grid a", { timeout: 30000 });
await lead.locator("vaadin-grid a").first().click();
for (let i = 0; i < 10; i++) {
  await lead.waitForSelector("#entry-edit", { timeout: 30000 });
  await lead.click("#entry-edit");
  const text = lead.locator("vaadin-dialog-overlay vaadin-text-area textarea").first();
  await text.waitFor({ timeout: 10000 });
  await text.fill(`Checked with the client's treasury, round ${i}.`);
  saves.push(...await uidlRoundTrip(lead, () => lead.click("#entry-save")));
  await lead.waitForSelector("vaadin-dialog-overlay", { state: "detached", timeout: 10000 });
}
await leadContext.close();
for (const c of open) await c.close();
log(`form save round trips: ${saves.length}, median ${saves.length ? median(saves).toFixed(1) : "-"} ms, ` +
    `p95 ${saves.length ? p95(saves).toFixed(1) : "-"} ms`);
await browser.close();
console.log(JSON.stringify({ sessions, screensPerSession: screens / sessions, heapBeforeKb: before, heapAfterKb: after,
  perSessionKb: Math.round(perSession), scrollMedianMs: median(scrolls), scrollP95Ms: p95(scrolls),
  saveMedianMs: saves.length ? median(saves) : null, saveP95Ms: saves.length ? p95(saves) : null }));
