#!/usr/bin/env python3
"""No noisy neighbour (issue 22, item 5): another tenant's screens while one tenant imports a million rows.

1. Quiet: `--clients` clients of tenant acme (agent.acme) read invoice lists (first pages with the
   screens' filters, and a deep page) for `--quiet` seconds; p50/p95/p99 of those calls.
2. Busy: the tenant `bench` imports a CSV of `--invoices` invoices (bench/import_bench.py's file,
   streamed as bench.lead) while the same acme clients read the same lists until the import ends.
   While it runs, a second import of `bench` is sent: it must be refused at once (429, Retry-After),
   and a small import of acme's must be admitted (answered 201 or 422 on its content, not 429).
3. The imported invoices are deleted again (as bench/import_bench.py does).

Goal (docs/PERFORMANCE.md, "No noisy neighbour"): acme's list p95 while bench imports at most twice
its quiet value. Needs the bench server of docs/PERFORMANCE.md (the tenant bench with its customer
accounts: bench/receivables_bench.py first).

Usage: bench/neighbour_bench.py [--invoices 1000000] [--clients 4] [--quiet 60]
"""
import argparse, http.client, json, os, statistics, sys, tempfile, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import import_bench as ib  # noqa: E402
import receivables_bench as rb  # noqa: E402
from benchlib import token  # noqa: E402

LISTS = ["/api/v1/invoices?limit=50", "/api/v1/invoices?status=OPEN&limit=50",
         "/api/v1/invoices?status=OPEN&overdue=true&limit=50", "/api/v1/invoices?sort=-total&limit=50"]


class Reader(threading.Thread):
    """One acme client: list after list on one keep-alive connection, timing each call."""

    def __init__(self, tok, stop, paths):
        super().__init__(daemon=True)
        self.tok, self.stop, self.paths, self.times, self.errors = tok, stop, paths, [], 0

    def run(self):
        conn = http.client.HTTPConnection("localhost", 9080, timeout=60)
        i = 0
        while not self.stop.is_set():
            path = self.paths[i % len(self.paths)]
            i += 1
            t = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Authorization": "Bearer " + self.tok, "X-Tenant": "acme"})
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    self.errors += 1
                    continue
            except OSError:
                self.errors += 1
                conn.close()
                conn = http.client.HTTPConnection("localhost", 9080, timeout=60)
                continue
            self.times.append((time.perf_counter() - t) * 1000)
        conn.close()


def deep_page(tok):
    conn = http.client.HTTPConnection("localhost", 9080, timeout=60)
    path = LISTS[0]
    for _ in range(3):
        conn.request("GET", path, headers={"Authorization": "Bearer " + tok, "X-Tenant": "acme"})
        page = json.loads(conn.getresponse().read())
        if not page.get("next"):
            break
        path = LISTS[0] + "&cursor=" + page["next"]
    conn.close()
    return path


def read_lists(tok, clients, paths, until):
    stop = threading.Event()
    readers = [Reader(tok, stop, paths[i:] + paths[:i]) for i in range(clients)]
    for r in readers:
        r.start()
    until(stop)
    stop.set()
    for r in readers:
        r.join()
    times = [t for r in readers for t in r.times]
    return times, sum(r.errors for r in readers)


def pct(times, p):
    s = sorted(times)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s)) - 1))]


def small_import(user, tenant, csv):
    """A small file as a demo user (password demo); the status, Retry-After and body."""
    conn = http.client.HTTPConnection("localhost", 9080, timeout=60)
    conn.request("POST", "/api/v1/imports?kind=invoices", body=csv.encode(),
                 headers={"Authorization": "Bearer " + token(user), "X-Tenant": tenant, "Content-Type": "text/csv"})
    r = conn.getresponse()
    body = r.read().decode()
    status, retry = r.status, r.getheader("Retry-After")
    conn.close()
    return status, retry, body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--invoices", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--quiet", type=int, default=60)
    args = ap.parse_args()

    rb.ensure_keycloak_member()
    accounts = ib.customers()
    if not accounts:
        sys.exit("tenant bench has no customer accounts: run bench/receivables_bench.py first")
    tok = token("agent.acme")
    paths = LISTS + [deep_page(tok)]

    # a warm-up, then the quiet figures
    read_lists(tok, args.clients, paths, lambda stop: time.sleep(10))
    quiet, quiet_errors = read_lists(tok, args.clients, paths, lambda stop: time.sleep(args.quiet))
    print(f"quiet: {len(quiet):,} lists, p50 {statistics.median(quiet):.1f} ms, p95 {pct(quiet, 95):.1f} ms, "
          f"p99 {pct(quiet, 99):.1f} ms, errors {quiet_errors}", flush=True)

    after_id = int(ib.bound("select coalesce(max(id), 0) from invoice;").split()[-1])
    prefix = f"IMP-{time.strftime('%Y%m%d%H%M%S')}-"
    path = os.path.join(tempfile.gettempdir(), f"neighbour-bench-{prefix[:-1]}.csv")
    rows = ib.write_csv(path, prefix, args.invoices, accounts)
    print(f"file: {args.invoices:,} invoices, {rows:,} rows", flush=True)

    outcome = {}
    checks = {}

    def importing(stop):
        def run():
            outcome["result"] = ib.upload(path, rb.user_token(), None)
        t = threading.Thread(target=run)
        t.start()
        time.sleep(5)  # the import has its slot by now
        checks["second bench import"] = small_import_as_bench()
        checks["acme import"] = small_import("agent.acme", "acme", "number\n")
        t.join()

    def small_import_as_bench():
        conn = http.client.HTTPConnection("localhost", 9080, timeout=60)
        conn.request("POST", "/api/v1/imports?kind=invoices", body=ib.HEADER.encode(),
                     headers={"Authorization": "Bearer " + rb.user_token(), "X-Tenant": "bench",
                              "Content-Type": "text/csv"})
        r = conn.getresponse()
        body = r.read().decode()
        conn.close()
        return r.status, r.getheader("Retry-After"), body

    try:
        started = time.monotonic()
        busy, busy_errors = read_lists(tok, args.clients, paths, importing)
        import_s = time.monotonic() - started
    finally:
        deleted, _ = ib.delete_imported(prefix, after_id)
        os.remove(path)
    status, report, elapsed, _ = outcome["result"]
    ratio = pct(busy, 95) / pct(quiet, 95)
    lines = [
        f"Run {time.strftime('%Y-%m-%d %H:%M')}: {args.clients} acme clients reading invoice lists; "
        f"tenant bench importing {args.invoices:,} invoices ({rows:,} rows).", "",
        "| acme's lists | calls | p50 | p95 | p99 | errors |", "|---|---|---|---|---|---|",
        f"| quiet ({args.quiet} s) | {len(quiet):,} | {statistics.median(quiet):.1f} ms | {pct(quiet, 95):.1f} ms "
        f"| {pct(quiet, 99):.1f} ms | {quiet_errors} |",
        f"| while bench imports ({import_s:.0f} s) | {len(busy):,} | {statistics.median(busy):.1f} ms "
        f"| {pct(busy, 95):.1f} ms | {pct(busy, 99):.1f} ms | {busy_errors} |", "",
        f"p95 while importing / quiet: {ratio:.2f} (goal at most 2). The import: HTTP {status}, "
        f"{(report or {}).get('created', 0):,} created in {elapsed:.0f} s; {deleted:,} deleted again afterwards.",
    ]
    for name, (s, retry, body) in checks.items():
        kind = ""
        try:
            kind = json.loads(body).get("type", "").rsplit("/", 1)[-1]
        except ValueError:
            pass
        lines.append(f"- {name} during the import: HTTP {s}{f', Retry-After {retry}' if retry else ''}"
                     f"{f' ({kind})' if kind else ''}")
    print("\n".join(lines))
    ok = checks["second bench import"][0] == 429 and checks["acme import"][0] != 429 and status == 201
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
