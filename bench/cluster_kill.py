#!/usr/bin/env python3
"""Losing a server under load: `bin/portal-cluster kill-test`.

With the cluster running (bin/portal-cluster run), for --seconds (240):
  - wrk reads the API through HAProxy (GET /api/v1/invoices?limit=20 as ops.lead in acme) with
    --connections (16) connections on 2 threads;
  - a writer logs governance entries through HAProxy one after another (POST, each with a unique
    title) and records every one the portal acknowledged (201 with its id);
  - a signed-in screen user (an HTTP client with its cookies, signed in through Keycloak's form as a
    browser is) sits on the server that will be killed;
  - at --kill-at (30 s) the Liberty server portal-a gets SIGKILL; at --restart-at (60 s) it is
    started again, and HAProxy takes it back when /health/ready answers.
Then it reports: wrk's requests and errors, the statuses HAProxy logged in the window and the
requests it retried or sent to the other server, the acknowledged writes missing from the database
(the goal: none), the writes whose answer was lost, and what the screen user got on the next page
and on Vaadin's next round trip. Python standard library and Debian's wrk.
"""
import argparse, html, http.client, http.cookiejar, json, os, re, subprocess, sys, tempfile, threading, time

import urllib.parse, urllib.request
from collections import Counter
import benchlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STATE = os.environ.get("PORTAL_STATE_DIR") or os.path.join(ROOT, ".portal")
PUBLIC = int(os.environ.get("PORTAL_CLUSTER_PORT", "9080"))
KC = "http://localhost:%s" % os.environ.get("PORTAL_CLUSTER_KC_PORT", "8180")
CLUSTER_BIN = os.path.join(ROOT, "bin", "portal-cluster")
HAPROXY_LOG = os.path.join(STATE, "cluster", "haproxy.log")
TENANT = "acme"


def say(msg):
    print("\033[1m[kill-test]\033[0m " + msg, flush=True)


def token(user="ops.lead"):
    return benchlib.token(user, kc=KC)


# ---------------------------------------------------------------- the writer
class Writer(threading.Thread):
    """Logs governance entries one after another; every acknowledged one must be in the database."""
    def __init__(self, bearer, mark, stop):
        super().__init__(daemon=True)
        self.bearer, self.mark, self.stop = bearer, mark, stop
        self.acked, self.lost_answer, self.refused = {}, [], Counter()

    def run(self):
        n = 0
        while not self.stop.is_set():
            n += 1
            title = f"kill test {self.mark} write {n}"
            body = json.dumps({"type": "ISSUE", "title": title, "description": "", "area": "BILLING",
                               "priority": "LOW"}).encode()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", PUBLIC, timeout=30)
                conn.request("POST", "/api/v1/governance/entries", body=body, headers={
                    "Authorization": "Bearer " + self.bearer, "X-Tenant": TENANT, "Content-Type": "application/json"})
                r = conn.getresponse()
                answer = r.read()
                conn.close()
                if r.status == 201:
                    self.acked[title] = json.loads(answer)["entry"]["id"]
                else:
                    self.refused[r.status] += 1
                    if r.status >= 500:
                        self.lost_answer.append(title)  # a 502/503 from HAProxy: it may have committed
            except (OSError, http.client.HTTPException):
                self.lost_answer.append(title)


# ---------------------------------------------------------------- the screen user
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies and redirects as a browser keeps them; Liberty's sign-in page sends the browser on with a
    script (window.location), which is followed here by reading the URL out of it."""
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        self.trail = []

    def request(self, url, data=None, headers=None):
        # Keycloak in production mode marks its cookies Secure even over http; browsers keep and send
        # them to http://localhost (a secure context for them), the cookie jar only when told
        for c in self.jar:
            c.secure = False
        req = urllib.request.Request(url, data=data, headers=headers or {})
        try:
            r = self.opener.open(req, timeout=30)
        except urllib.error.HTTPError as e:
            r = e
        body = r.read().decode("utf-8", "replace")
        self.trail.append((r.status, url.split("?")[0]))
        return r.status, r.headers, body

    def get(self, url, limit=12):
        """GET, following redirects (Location or Liberty's script); returns the last answer."""
        for _ in range(limit):
            status, headers, body = self.request(url)
            if status in (301, 302, 303, 307) and headers.get("Location"):
                url = urllib.parse.urljoin(url, headers["Location"])
                continue
            # Liberty's sign-in page: a script remembers the page in a cookie, then goes to Keycloak
            remember = re.search(r'document\.cookie="(WASReqURLOidc\w+)="\+loc', body) if status == 200 else None
            target = re.search(r'window\.location\.replace\("([^"]+)"\)', body) if status == 200 else None
            if remember:
                self.set_cookie(remember.group(1), url)
            if target:
                url = urllib.parse.urljoin(url, html.unescape(target.group(1)))
                continue
            return status, url, body
        raise RuntimeError("too many redirects: %s" % self.trail[-5:])

    def submit(self, page_url, body, fields):
        """Posts Keycloak's form on the page with the given fields, following the redirects after it."""
        action = html.unescape(re.search(r'<form[^>]*action="([^"]+)"', body).group(1))
        status, headers, answer = self.request(urllib.parse.urljoin(page_url, action), urllib.parse.urlencode(fields).encode(),
                                               {"Content-Type": "application/x-www-form-urlencoded"})
        if status in (302, 303) and headers.get("Location"):
            return self.get(urllib.parse.urljoin(page_url, headers["Location"]))
        return status, page_url, answer

    def set_cookie(self, name, value):
        self.jar.set_cookie(http.cookiejar.Cookie(0, name, value, None, False, "localhost.local", True, False,
                                                  "/", True, False, None, False, None, None, {}))

    def cookie(self, name):
        return next((c.value for c in self.jar if c.name == name), None)


def sign_in(node_letter):
    b = Browser()
    # the HAProxy cookie set in advance: this user's screens live on the server about to be killed
    b.set_cookie("PORTAL_NODE", node_letter)
    status, url, body = b.get(f"http://localhost:{PUBLIC}/")
    if 'name="username"' in body and "<form" in body or 'name="username"' in body:
        status, url, body = b.submit(url, body, {"username": "ops.lead"})
        if 'name="password"' in body:
            status, url, body = b.submit(url, body, {"password": "demo", "username": "ops.lead", "credentialId": ""})
    return b, status, url, body


def vaadin_ui(b):
    """Opens the UI as Vaadin's client does after the page loads (v-r=init): its id and CSRF token."""
    status, _, body = b.request(f"http://localhost:{PUBLIC}/?v-r=init&location=&query=")
    config = json.loads(body)["appConfig"]
    return {"uiId": config["v-uiId"], "csrf": config["uidl"]["Vaadin-Security-Key"], "syncId": config["uidl"]["syncId"],
            "clientId": 0, "sessionExpiredMessage": config["sessExpMsg"]}


def vaadin_round_trip(b, ui):
    """What Vaadin's client gets for its next server round trip (a UIDL request with nothing in it)."""
    status, headers, body = b.request(f"http://localhost:{PUBLIC}/?v-r=uidl&v-uiId={ui['uiId']}",
                                      json.dumps({"csrfToken": ui["csrf"], "rpc": [], "syncId": ui["syncId"],
                                                  "clientId": ui["clientId"]}).encode(),
                                      {"Content-Type": "application/json; charset=UTF-8"})
    ui["syncId"] += 1
    ui["clientId"] += 1
    return status, re.sub(r"\s+", " ", body[:160])


def screen_state(status, url, body):
    if 'name="username"' in body or 'name="password"' in body:
        return "Keycloak's sign-in form (%s)" % url.split("?")[0]
    if status == 200 and ("vaadin" in body.lower() or "<vaadin" in body.lower()):
        return "the portal's page (200, Vaadin), signed in"
    return "%s at %s" % (status, url.split("?")[0])


# ---------------------------------------------------------------- HAProxy's log
HAPROXY_LINE = re.compile(r'\[(\d+/\w+/\d+:\d+:\d+:\d+\.\d+)\] \S+ (\S+)/(\S+) \S+ (\d+) \d+ \S+ \S+ (\S+) '
                          r'(\d+)/(\d+)/(\d+)/(\d+)/(\+?\d+) \S+ "(\S+) (\S+)')


def haproxy_window(start_offset):
    statuses, retried, redispatched, by_server, failed = Counter(), 0, 0, Counter(), []
    with open(HAPROXY_LOG, errors="replace") as f:
        f.seek(start_offset)
        for line in f:
            m = HAPROXY_LINE.search(line)
            if not m:
                continue
            backend, server, status, term, retries, method, path = m.group(2), m.group(3), int(m.group(4)), m.group(5), m.group(10), m.group(11), m.group(12)
            if backend != "api":
                continue
            statuses[status] += 1
            by_server[server] += 1
            if retries.startswith("+"):
                redispatched += 1
                retried += 1
            elif retries != "0":
                retried += 1
            if status >= 500 or status == -1:
                failed.append(line.strip())
    return statuses, retried, redispatched, by_server, failed


def psql(sql):
    import glob
    cmd = [sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))[-1], "-h", os.path.join(STATE, "pgsock"),
           "-p", os.environ.get("DB_PORT", "5433"), "-U", "postgres", "-d", os.environ["DB_NAME"], "-qAtX", "-F", "\t"]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--"] + cmd
    return subprocess.run(cmd, input=sql, capture_output=True, text=True, check=True).stdout.split("\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=int, default=240)
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--kill-at", type=int, default=30)
    p.add_argument("--restart-at", type=int, default=60)
    p.add_argument("--node", type=int, default=0, help="which server to kill (0: portal-a)")
    args = p.parse_args()
    letter = "abcdefghijklmnopqrstuvwxyz"[args.node]
    mark = "%x" % int(time.time())

    bearer = token()
    say("a screen user signs in through HAProxy, pinned to portal-%s" % letter)
    browser, status, url, body = sign_in(letter)
    say("  signed in: %s; cookies %s" % (screen_state(status, url, body), sorted(c.name for c in browser.jar)))
    ui = vaadin_ui(browser)
    say("  Vaadin UI %s opened; its message for an expired session: %s" % (ui["uiId"], ui["sessionExpiredMessage"]))
    uidl_before = vaadin_round_trip(browser, ui)
    say("  Vaadin round trip before the kill: %s %s" % uidl_before)

    lua = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    lua.write('wrk.headers["Authorization"] = "Bearer %s"\nwrk.headers["X-Tenant"] = "%s"\n' % (bearer, TENANT))
    lua.close()
    log_offset = os.path.getsize(HAPROXY_LOG)
    (pg_started,) = psql("select pg_postmaster_start_time()")[:1]
    stop = threading.Event()
    writer = Writer(bearer, mark, stop)
    say(f"load: wrk -t2 -c{args.connections} -d{args.seconds}s GET /api/v1/invoices?limit=20, and one writer; "
        f"kill -9 portal-{letter} at {args.kill_at} s, start it at {args.restart_at} s")
    wrk = subprocess.Popen(["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency", "--timeout", "10s",
                            "-s", lua.name, f"http://127.0.0.1:{PUBLIC}/api/v1/invoices?limit=20"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    writer.start()
    t0 = time.time()
    time.sleep(args.kill_at)
    pid = subprocess.run([CLUSTER_BIN, "kill-node", str(args.node)], capture_output=True, text=True, check=True).stdout.strip()
    killed_at = time.time() - t0
    say(f"killed portal-{letter} (pid {pid}) at {killed_at:.1f} s")
    time.sleep(3)
    uidl_after = vaadin_round_trip(browser, ui)
    mark_trail = len(browser.trail)
    status, url, body = browser.get(f"http://localhost:{PUBLIC}/")
    after_page = screen_state(status, url, body) + "; by way of " + " -> ".join(
        "%s %s" % (s, u.replace("http://localhost:", ":")) for s, u in browser.trail[mark_trail:])
    say("  the screen user's next page: " + after_page)
    say("  Vaadin round trip after the kill: %s %s" % uidl_after)
    time.sleep(max(0, args.restart_at - (time.time() - t0)))
    say(f"starting portal-{letter} again at {time.time() - t0:.1f} s")
    subprocess.run([CLUSTER_BIN, "start-node", str(args.node)], check=True, stdout=subprocess.DEVNULL)
    ready_at = time.time() - t0
    say(f"portal-{letter} ready again at {ready_at:.1f} s")
    out, _ = wrk.communicate()
    stop.set()
    writer.join(40)

    say("wrk:\n" + out)
    statuses, retried, redispatched, by_server, failed = haproxy_window(log_offset)
    say("HAProxy, the API requests of the window: statuses %s, by server %s, retried %d (to another server: %d)"
        % (dict(statuses), dict(by_server), retried, redispatched))
    for line in failed[:10]:
        print("    " + line)
    # every acknowledged write in the database
    titles = psql(f"select title from governance_entry where tenant_id = '{TENANT}' and title like 'kill test {mark} %'")
    stored = {t for t in titles if t}
    missing = [t for t in writer.acked if t not in stored]
    unknown_committed = [t for t in writer.lost_answer if t in stored]
    say("writes: %d acknowledged, %d of them missing from the database; %d answers lost or 5xx (%d of those "
        "committed all the same); refused: %s" % (len(writer.acked), len(missing), len(writer.lost_answer),
                                                  len(unknown_committed), dict(writer.refused)))
    (pg_now,) = psql("select pg_postmaster_start_time()")[:1]
    if pg_now != pg_started:
        say("NOTE: PostgreSQL was restarted during the test (at %s): errors may come from that" % pg_now)
    print(json.dumps({"killed_at_s": round(killed_at, 1), "ready_again_at_s": round(ready_at, 1),
                      "haproxy_statuses": dict(statuses), "retried": retried, "redispatched": redispatched,
                      "writes_acked": len(writer.acked), "writes_missing": len(missing),
                      "writes_answer_lost": len(writer.lost_answer), "writes_lost_but_committed": len(unknown_committed),
                      "screen_after_kill": after_page, "uidl_before": uidl_before, "uidl_after": uidl_after}))
    os.unlink(lua.name)
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
