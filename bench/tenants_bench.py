#!/usr/bin/env python3
"""Many tenants (issue 22, item 6): 1,000 tenants of 1,000 invoices beside the 1,000,000-invoice one.

Measures, through the API, p50/p95 of the calls whose cost could grow with the number of tenants:
  - who am I (`/api/v1/me`): the token checked and the tenant resolved from X-Tenant, nothing else;
  - an invoice list's first page, and a page five pages down (keyset);
for the big tenant `bench` (bench.lead), a demo tenant (acme, agent.acme) and, once they exist, one of
the small tenants (many0500, its lead many.lead), first as things are, then after
`PortalAdminCli generate-tenants many 1000 <customers> <invoices>` has added the small tenants (in
one process, set-based per tenant) and VACUUM ANALYZE. When the small tenants exist already, only
the "after" figures are taken.

Needs the bench server of docs/PERFORMANCE.md (bench/receivables_bench.py first).
Usage: bench/tenants_bench.py [--tenants 1000] [--invoices 1000] [--customers 20] [--repeat 200]
"""
import argparse, http.client, json, os, statistics, subprocess, sys, time, urllib.error, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import receivables_bench as rb  # noqa: E402
from benchlib import token  # noqa: E402

SMALL, SMALL_USER, SMALL_PASSWORD = "many0500", "many.lead", "many"


def timed(conn, path, headers):
    t = time.perf_counter()
    conn.request("GET", path, headers=headers)
    r = conn.getresponse()
    body = r.read()
    ms = (time.perf_counter() - t) * 1000
    if r.status != 200:
        raise RuntimeError(f"{path}: HTTP {r.status} {body[:300]!r}")
    return ms, body


def measure(user, password, tenant, repeat):
    headers = {"Authorization": "Bearer " + token(user, password), "X-Tenant": tenant}
    conn = http.client.HTTPConnection("localhost", 9080, timeout=60)
    path = "/api/v1/invoices?limit=50"
    for _ in range(5):
        _, body = timed(conn, path, headers)
        nxt = json.loads(body).get("next")
        if not nxt:
            break
        path = "/api/v1/invoices?limit=50&cursor=" + nxt
    calls = {"who am I": "/api/v1/me", "list, first page": "/api/v1/invoices?limit=50", "list, page 6": path}
    out = {}
    for name, p in calls.items():
        for _ in range(20):
            timed(conn, p, headers)
        times = sorted(timed(conn, p, headers)[0] for _ in range(repeat))
        out[name] = (statistics.median(times), times[int(0.95 * len(times)) - 1])
    conn.close()
    return out


def small_tenants(prefix):
    return int(rb.psql(f"select count(*) from tenant where id like '{prefix}%'").strip())


def ensure_member(org, user, password):
    """The Keycloak organization `org` and a BPO lead of it, as receivables_bench does for bench."""
    saved = rb.TENANT, rb.USER, rb.PASSWORD
    rb.TENANT, rb.USER, rb.PASSWORD = org, user, password
    try:
        rb.ensure_keycloak_member()
        rb.psql(f"begin; select set_config('app.tenant_id', '{org}', true); "
                f"insert into tenant_staff (tenant_id, username, display_name, email, role) values "
                f"('{org}', '{user}', 'Many Lead', '{user}@bpo.example', 'bpo-lead') "
                f"on conflict (tenant_id, username) do update set role = 'bpo-lead', active = true; commit;")
    finally:
        rb.TENANT, rb.USER, rb.PASSWORD = saved


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tenants", type=int, default=1000)
    ap.add_argument("--invoices", type=int, default=1000)
    ap.add_argument("--customers", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=200)
    args = ap.parse_args()
    rb.ensure_keycloak_member()
    users = [("bench.lead", "bench", "bench"), ("agent.acme", "demo", "acme")]
    rows = []
    existing = small_tenants("many")
    if existing < args.tenants:
        before_count = int(rb.psql("select count(*) from tenant").strip())
        for u in users:
            for name, (p50, p95) in measure(*u, args.repeat).items():
                rows.append((f"{before_count} tenants", u[2], name, p50, p95))
        jar = next(f for f in sorted(os.listdir(f"{rb.ROOT}/tenant-admin/target"))
                   if f.startswith("tenant-admin-") and f.endswith(".jar") and "sources" not in f)
        cp = f"{rb.ROOT}/tenant-admin/target/{jar}:{rb.ROOT}/tenant-admin/target/cli-lib/*"
        env = dict(os.environ, DB_OWNER_PASSWORD=rb.SECRETS["DB_OWNER_PASSWORD"], DB_PORT="5433", DB_NAME=rb.DB_NAME)
        started = time.monotonic()
        subprocess.run(["java", "-cp", cp, "com.bpo.portal.tenantadmin.cli.PortalAdminCli", "generate-tenants",
                        "many", str(args.tenants), str(args.customers), str(args.invoices)], env=env, check=True)
        print(f"{args.tenants} tenants generated in {time.monotonic() - started:.0f} s", flush=True)
        rb.psql("vacuum analyze tenant; vacuum analyze invoice; vacuum analyze customer_account; "
                "vacuum analyze invoice_line;")
    ensure_member(SMALL, SMALL_USER, SMALL_PASSWORD)
    after_count = int(rb.psql("select count(*) from tenant").strip())
    for u in users + [(SMALL_USER, SMALL_PASSWORD, SMALL)]:
        for name, (p50, p95) in measure(*u, args.repeat).items():
            rows.append((f"{after_count} tenants", u[2], name, p50, p95))
    print(f"\nRun {time.strftime('%Y-%m-%d %H:%M')}: {args.repeat} calls each, one client.\n")
    print("| tenants in the database | tenant | call | p50 | p95 |\n|---|---|---|---|---|")
    for when, tenant, name, p50, p95 in rows:
        print(f"| {when} | {tenant} | {name} | {p50:.1f} ms | {p95:.1f} ms |")


if __name__ == "__main__":
    main()
