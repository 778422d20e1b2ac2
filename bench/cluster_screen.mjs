// What a signed-in screen user sees when the server holding their Vaadin session dies:
// `bin/portal-cluster screen-test` (Node, playwright-core from npm driving Debian's Chromium).
//
// Signs in as ops.lead through HAProxy and Keycloak's two-step form in headless Chromium, notes
// which server the PORTAL_NODE cookie pins the user to, kills that server (SIGKILL), then clicks
// another menu entry, as a user would, and records what happens: the requests that go out, the
// page loads, whether Keycloak's form appears, the text on the screen; screenshots before and
// after go to .portal/cluster/screen-*.png. The killed server is started again at the end.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

// playwright-core lives where bin/portal-cluster installed it ($PLAYWRIGHT_HOME/node_modules)
const { chromium } = createRequire(path.join(process.env.PLAYWRIGHT_HOME, "x.js"))("playwright-core");

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const state = process.env.PORTAL_STATE_DIR || path.join(root, ".portal");
const publicUrl = `http://localhost:${process.env.PORTAL_CLUSTER_PORT || "9080"}/`;
const cluster = path.join(root, "bin", "portal-cluster");
const shot = (name) => path.join(state, "cluster", `screen-${name}.png`);
const log = (m) => console.log(`\x1b[1m[screen-test]\x1b[0m ${m}`);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const events = [];
const t0 = Date.now();
const at = () => ((Date.now() - t0) / 1000).toFixed(1) + " s";
page.on("framenavigated", (f) => { if (f === page.mainFrame()) events.push(`${at()} page load ${f.url().split("?")[0]}`); });
page.on("response", (r) => {
  const u = r.url();
  if (u.includes("v-r=uidl") || u.includes("openid-connect") || u.includes("oidcclient")) {
    events.push(`${at()} ${r.request().method()} ${u.split("?")[0]}${u.includes("v-r=uidl") ? "?v-r=uidl" : ""} -> ${r.status()}`);
  }
});

// sign in: Keycloak asks for the user name first, the password on a second page
await page.goto(publicUrl);
await page.fill("#username", "ops.lead");
await page.click("#kc-login");
await page.fill("#password", "demo");
await page.click("#kc-login");
await page.waitForURL((u) => u.toString().startsWith(publicUrl), { timeout: 60000 });
await page.waitForSelector("vaadin-side-nav-item", { timeout: 60000 });
await page.waitForTimeout(2000);
const node = (await page.context().cookies()).find((c) => c.name === "PORTAL_NODE")?.value;
const index = "abcdefghijklmnopqrstuvwxyz".indexOf(node);
log(`signed in on portal-${node}: ${page.url()}`);
await page.screenshot({ path: shot("before") });

const items = await page.$$eval("vaadin-side-nav-item", (els) => els.map((e) => (e.getAttribute("path") || "") + " " + e.textContent.trim()));
log(`menu: ${items.slice(0, 6).join(" | ")}`);
execFileSync(cluster, ["kill-node", String(index)]);
log(`killed portal-${node} at ${at()}`);
events.push(`${at()} portal-${node} killed`);
await page.waitForTimeout(3000);

// the user goes on: the next menu entry
await page.locator("vaadin-side-nav-item").nth(1).click();
await page.waitForTimeout(12000);
const text = (await page.locator("body").innerText()).replace(/\s+/g, " ").slice(0, 400);
const signInForm = (await page.$("#username")) !== null || (await page.$("#password")) !== null;
log(`after the click: ${page.url()}`);
log(`Keycloak's form shown: ${signInForm}`);
log(`on the screen: ${text}`);
const after = (await page.context().cookies()).find((c) => c.name === "PORTAL_NODE")?.value;
log(`PORTAL_NODE is now ${after}`);
await page.screenshot({ path: shot("after") });
for (const e of events) console.log("    " + e);
await browser.close();

log(`starting portal-${node} again`);
execFileSync(cluster, ["start-node", String(index)], { stdio: "ignore" });
log(`portal-${node} is back`);
