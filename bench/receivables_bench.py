#!/usr/bin/env python3
"""Receivables benchmark: one tenant with N invoices beside the demo tenants.

Reports, in one run: generation rows per second (the set-based generator; the CSV import is
measured by bench/import_bench.py), and p50/p95 latency of the first and a deep page of a
filtered invoice list, of the aging summary and of DSO, each through the API and as the same SQL
in psql (as the application role, with the tenant set, so that row-level security applies to both).

Needs `bin/portal run` first. Usage: bench/receivables_bench.py [--invoices N] [--customers C] [--repeat R]
Honours PORTAL_STATE_DIR (where secrets.env is, as bin/portal), DB_NAME (the database, `portal` by default) and
BENCH_TENANT (the tenant, `bench` by default; bench/operations_bench.py follows it).
"""
import argparse, base64, http.client, json, os, re, statistics, subprocess, sys, time, urllib.parse, urllib.request
from benchlib import secrets


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# BENCH_TENANT names another tenant (created by the generator): e.g. a ledger of exactly the size an
# issue names, beside `bench`, which the runs of every round have grown
TENANT, USER, PASSWORD = os.environ.get("BENCH_TENANT") or "bench", "bench.lead", "bench"
# the name goes into the SQL and psql scripts below as written: a tenant id's letters only
if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,62}", TENANT):
    sys.exit(f"BENCH_TENANT must be a tenant id (lower-case letters, digits, dashes): {TENANT!r}")
WARM_UP = 20  # calls before timing: a freshly started JVM needs them before its JIT settles
LIST_WARM_UP = 200  # for the cheap list calls: enough to warm every pooled connection (see main)
KC = "http://localhost:8180"
STATE = os.environ.get("PORTAL_STATE_DIR") or os.path.join(ROOT, ".portal")  # as bin/portal
DB_NAME = os.environ.get("DB_NAME") or "portal"  # as bin/portal


def psql(sql, role="portal_owner", password_key="DB_OWNER_PASSWORD", extra=()):
    env = dict(os.environ, PGPASSWORD=SECRETS[password_key])
    return subprocess.run(["psql", "-h", "localhost", "-p", "5433", "-U", role, "-d", DB_NAME, "-qAtX", *extra],
                          input=sql, env=env, capture_output=True, text=True, check=True).stdout


def invoice_count():
    out = psql(f"begin; select set_config('app.tenant_id', '{TENANT}', true); select count(*) from invoice; commit;")
    return int(out.split()[-1])


def generate(customers, invoices):
    """Tops the bench tenant up to `invoices` with the generator of bin/portal seed; returns rows/s or None."""
    have = invoice_count() if tenant_exists() else 0
    if have >= invoices:
        return None, have
    jar = next(f for f in sorted(os.listdir(f"{ROOT}/tenant-admin/target"))
               if f.startswith("tenant-admin-") and f.endswith(".jar") and "sources" not in f)
    cp = f"{ROOT}/tenant-admin/target/{jar}:{ROOT}/tenant-admin/target/cli-lib/*"
    env = dict(os.environ, DB_OWNER_PASSWORD=SECRETS["DB_OWNER_PASSWORD"], DB_PORT="5433",
               DB_NAME=DB_NAME)
    started = time.monotonic()
    subprocess.run(["java", "-cp", cp, "com.bpo.portal.tenantadmin.cli.PortalAdminCli", "generate", TENANT,
                    str(customers if have == 0 else 0), str(invoices - have)], env=env, check=True)
    elapsed = time.monotonic() - started
    vacuum()
    return (invoices - have) / elapsed, invoices


def vacuum():
    """What autovacuum does some time after a bulk load, done now so that runs are comparable: fresh
    statistics, and the visibility map that lets the aging read the partial index without the heap."""
    psql("vacuum analyze invoice; vacuum analyze customer_account; vacuum analyze invoice_line;")


def tenant_exists():
    return psql(f"select count(*) from tenant where id = '{TENANT}'").strip() == "1"


def http_json(method, url, data=None, token=None, form=False):
    body = urllib.parse.urlencode(data).encode() if form else (json.dumps(data).encode() if data is not None else None)
    req = urllib.request.Request(url, data=body, method=method)
    req.add_header("Content-Type", "application/x-www-form-urlencoded" if form else "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req) as r:
            text = r.read().decode()
            return r.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        return e.code, None


def ensure_keycloak_member():
    """An organization for the tenant and a lead who belongs to it, through Keycloak's admin API (idempotent)."""
    _, tok = http_json("POST", f"{KC}/realms/master/protocol/openid-connect/token", form=True, data={
        "grant_type": "password", "client_id": "admin-cli", "username": "kcadmin", "password": SECRETS["KC_ADMIN_PASSWORD"]})
    admin = tok["access_token"]
    base = f"{KC}/admin/realms/portal"
    def find_org():  # search matches names; the tenant is the alias
        _, orgs = http_json("GET", f"{base}/organizations?search={TENANT}", token=admin)
        return next((o["id"] for o in orgs or [] if o["alias"] == TENANT), None)
    org_id = find_org()
    if not org_id:
        http_json("POST", f"{base}/organizations", token=admin, data={
            "name": TENANT.capitalize(), "alias": TENANT, "enabled": True, "domains": [{"name": f"{TENANT}.example"}]})
        org_id = find_org()
    _, users = http_json("GET", f"{base}/users?username={USER}&exact=true", token=admin)
    if not users:
        http_json("POST", f"{base}/users", token=admin, data={
            "username": USER, "enabled": True, "emailVerified": True, "firstName": "Bench", "lastName": "Lead",
            "email": f"{USER}@bpo.example",
            "credentials": [{"type": "password", "value": PASSWORD, "temporary": False}]})
        _, users = http_json("GET", f"{base}/users?username={USER}&exact=true", token=admin)
    user_id = users[0]["id"]
    _, role = http_json("GET", f"{base}/roles/bpo-lead", token=admin)
    http_json("POST", f"{base}/users/{user_id}/role-mappings/realm", token=admin, data=[role])
    req = urllib.request.Request(f"{base}/organizations/{org_id}/members", data=json.dumps(user_id).encode(),
                                 method="POST", headers={"Authorization": "Bearer " + admin,
                                                         "Content-Type": "application/json"})
    try:
        urllib.request.urlopen(req)
    except urllib.error.HTTPError as e:
        if e.code != 409:  # already a member
            raise


def ensure_staff_role():
    """Roles are per tenant (tenant_staff): the bench lead leads the bench tenant."""
    psql(f"begin; select set_config('app.tenant_id', '{TENANT}', true); "
         f"insert into tenant_staff (tenant_id, username, display_name, email, role) values "
         f"('{TENANT}', '{USER}', 'Bench Lead', 'bench.lead@bpo.example', 'bpo-lead') "
         f"on conflict (tenant_id, username) do update set role = 'bpo-lead', active = true; commit;")


def ensure_journal():
    """The close reads the receivables journal (V80): post the generated history on its own dates once."""
    out = psql(f"begin; select set_config('app.tenant_id', '{TENANT}', true); "
               f"select (select count(*) from ar_posting) < (select count(*) from invoice); commit;")
    lines = [l for l in out.split() if l in ("t", "f")]
    if lines and lines[-1] == "t":
        started = time.monotonic()
        psql(f"begin; select set_config('app.tenant_id', '{TENANT}', true); select ar_journal_rebuild('{TENANT}'); commit;")
        print(f"journal rebuilt in {time.monotonic() - started:.0f} s")
        psql("vacuum analyze ar_posting;")


def user_token():
    _, tok = http_json("POST", f"{KC}/realms/portal/protocol/openid-connect/token", form=True, data={
        "grant_type": "password", "client_id": "portal-cli", "username": USER, "password": PASSWORD,
        "scope": "openid organization:*"})
    return tok["access_token"]


class Api:
    """One persistent connection, so that connection set-up is not counted."""
    def __init__(self, token):
        self.conn = http.client.HTTPConnection("localhost", 9080, timeout=120)
        self.headers = {"Authorization": "Bearer " + token, "X-Tenant": TENANT}

    def get(self, path):
        self.conn.request("GET", path, headers=self.headers)
        r = self.conn.getresponse()
        body = r.read()
        if r.status != 200:
            raise RuntimeError(f"{path}: {r.status} {body[:300]}")
        return json.loads(body)

    def time(self, path, repeat, warm_up=WARM_UP):
        for _ in range(warm_up):
            self.get(path)
        samples = []
        for _ in range(repeat):
            t = time.perf_counter()
            self.get(path)
            samples.append((time.perf_counter() - t) * 1000)
        return samples


def sql_times(statement, repeat):
    """The statement(s) `repeat` times (after the warm-ups) in one psql session as the app role; per run, the
    sum of its statements' \\timing (the aging is two statements, as the API runs two queries)."""
    script = [f"begin;", f"select set_config('app.tenant_id', '{TENANT}', true);"]
    script += [statement] * WARM_UP + ["\\timing on"] + [statement] * repeat + ["\\timing off", "commit;"]
    out = psql("\n".join(script) + "\n", role="portal_app", password_key="DB_APP_PASSWORD", extra=["-o", "/dev/null"])
    per_run = statement.count(";")
    times = [float(m) for m in re.findall(r"Time: ([0-9.]+) ms", out)]
    if len(times) != per_run * repeat:
        raise RuntimeError(f"expected {per_run * repeat} timings, got {len(times)}: " + out[:500])
    return [sum(times[i:i + per_run]) for i in range(0, len(times), per_run)]


def pct(samples, p):
    s = sorted(samples)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


LIST_SQL = """select i.id, i.number, c.id, c.number, c.name, i.issue_date, i.due_date, i.currency, i.total_amount,
  i.open_amount, i.status from invoice i, customer_account c
 where c.id = i.customer_account_id and i.tenant_id = '""" + TENANT + """' and c.tenant_id = '""" + TENANT + """'
   and i.status in ('OPEN') and i.due_date < current_date and i.open_amount > 0 {after}
 order by i.due_date asc, i.id asc limit 51;"""

BUCKETS = """coalesce(sum(i.open_amount) filter (where i.due_date >= current_date), 0),
  coalesce(sum(i.open_amount) filter (where current_date - i.due_date between 1 and 30), 0),
  coalesce(sum(i.open_amount) filter (where current_date - i.due_date between 31 and 60), 0),
  coalesce(sum(i.open_amount) filter (where current_date - i.due_date between 61 and 90), 0),
  coalesce(sum(i.open_amount) filter (where current_date - i.due_date > 90), 0), sum(i.open_amount)"""

AGING_SQL = (f"select c.id, c.number, c.name, c.currency, {BUCKETS} from invoice i join customer_account c "
             f"on c.tenant_id = i.tenant_id and c.id = i.customer_account_id where i.tenant_id = '{TENANT}' "
             "and i.open_amount > 0 group by c.id, c.number, c.name, c.currency order by sum(i.open_amount) desc, "
             f"c.number limit 500; select i.currency, {BUCKETS} from invoice i where i.tenant_id = '{TENANT}' "
             "and i.open_amount > 0 group by i.currency order by i.currency;")

DSO_SQL = """select currency, coalesce(sum(open_amount) filter (where open_amount > 0), 0),
  coalesce(sum(total_amount) filter (where issue_date > current_date - 90 and issue_date <= current_date), 0),
  coalesce(sum(open_amount) filter (where open_amount > 0 and due_date < current_date), 0)
  from invoice where tenant_id = '""" + TENANT + """' group by currency order by currency;"""


CLOSE_MONTH = time.strftime("%Y-%m", time.localtime(time.time() - 40 * 86400))


def close_sql():
    """The close pack's statements as CloseQueries runs them, every one that reads more than a handful of
    rows: the roll-forward; the month end (the balance of each invoice at the month end and at the month end
    before: one statement for the aging, the opening aging and the largest provisions, under the standard
    policy the tenant has), run without JIT as CloseQueries.monthEnd runs it; the unapplied cash; the
    month's write-offs. Until issue 20's change the SQL column was four statements (the roll-forward and
    three that each rebuilt the balances at a date) and left out the unapplied cash and the write-offs: it
    is not comparable with earlier rounds. Since V102 the roll-forward reads what is open now and the
    postings since the month began, and the unapplied cash the kept unapplied payments, as CloseQueries
    does."""
    import calendar
    y, m = map(int, CLOSE_MONTH.split("-"))
    start, end = f"{CLOSE_MONTH}-01", f"{CLOSE_MONTH}-{calendar.monthrange(y, m)[1]:02d}"
    py, pm = (y, m - 1) if m > 1 else (y - 1, 12)
    prev_end = f"{py}-{pm:02d}-{calendar.monthrange(py, pm)[1]:02d}"
    # the tenant's zone is UTC: the month ends at midnight starting the next day
    ends_at, prev_ends_at = f"date '{end}' + 1", f"date '{prev_end}' + 1"
    def bucket(e):
        d = f"(date '{e}' - due_date)"
        return (f"case when {d} <= 0 then 'CURRENT' when {d} <= 30 then 'DAYS_1_30' when {d} <= 60 then 'DAYS_31_60' "
                f"when {d} <= 90 then 'DAYS_61_90' when {d} <= 180 then 'DAYS_91_180' else 'DAYS_OVER_180' end")
    roll = (f"with open_now as (select currency, sum(open_amount) as amount from receivable_balance "
            f"where tenant_id = '{TENANT}' group by currency), "
            f"since as (select currency, sum(amount) as since_start, "
            f"coalesce(sum(amount) filter (where posted_on > date '{end}'), 0) as after_end, "
            f"count(*) filter (where posted_on <= date '{end}') as in_month, "
            + "".join(f"coalesce(sum(amount) filter (where posted_on <= date '{end}' and kind = '{k}'), 0) as k_{k}, "
                      for k in ("INVOICE", "PAYMENT", "CREDIT", "WRITE_OFF", "ADJUSTMENT")).rstrip(", ")
            + f" from ar_posting where tenant_id = '{TENANT}' and posted_on >= date '{start}' group by currency) "
            f"select coalesce(o.currency, s.currency), coalesce(o.amount, 0) - coalesce(s.since_start, 0), "
            + "".join(f"coalesce(s.k_{k}, 0), " for k in ("INVOICE", "PAYMENT", "CREDIT", "WRITE_OFF", "ADJUSTMENT"))
            + f"coalesce(o.amount, 0) - coalesce(s.after_end, 0) "
            f"from open_now o full join since s on s.currency = o.currency order by 1;")
    month_end = (
        f"with later as (select invoice_id, sum(amount) filter (where posted_on > date '{end}') as after_end, "
        f"sum(amount) as after_opening from ar_posting where tenant_id = '{TENANT}' and posted_on > date '{prev_end}' "
        f"group by invoice_id), "
        f"disputed as (select di.invoice_id, sum(di.amount - di.settled) filter (where d.raised_at < {ends_at} and "
        f"(d.resolved_at is null or d.resolved_at >= {ends_at})) as at_end, sum(di.amount - di.settled) filter (where "
        f"d.raised_at < {prev_ends_at} and (d.resolved_at is null or d.resolved_at >= {prev_ends_at})) as at_opening "
        f"from dispute d join dispute_item di on di.tenant_id = d.tenant_id and di.dispute_id = d.id "
        f"where d.tenant_id = '{TENANT}' and d.raised_at < {ends_at} and (d.resolved_at is null or "
        f"d.resolved_at >= {prev_ends_at}) group by di.invoice_id), "
        f"balance as (select i.customer_account_id, i.currency, i.due_date, i.open_amount - coalesce(l.after_end, 0) "
        f"as at_end, coalesce(dp.at_end, 0) as disputed_at_end, i.open_amount - coalesce(l.after_opening, 0) as "
        f"at_opening, coalesce(dp.at_opening, 0) as disputed_at_opening from invoice i left join later l on "
        f"l.invoice_id = i.id left join disputed dp on dp.invoice_id = i.id where i.tenant_id = '{TENANT}' and "
        f"(i.open_amount > 0 or l.invoice_id is not null) and (i.open_amount - coalesce(l.after_end, 0) <> 0 or "
        f"i.open_amount - coalesce(l.after_opening, 0) <> 0)), "
        f"at_end as (select customer_account_id, currency, at_end as balance, disputed_at_end as disputed, "
        f"{bucket(end)} as bucket from balance where at_end <> 0), "
        f"general as (select e.customer_account_id, e.currency, sum(case when e.bucket = 'CURRENT' then 0 else "
        f"e.balance end) as overdue, sum(round((e.balance - case when true then least(e.disputed, e.balance) else 0 "
        f"end) * case e.bucket when 'CURRENT' then 0.0000 when 'DAYS_1_30' then 0.0100 when 'DAYS_31_60' then "
        f"0.0500 when 'DAYS_61_90' then 0.2000 when 'DAYS_91_180' then 0.5000 when 'DAYS_OVER_180' then 1.0000 end, "
        f"2)) as general from at_end e group by e.customer_account_id, e.currency), "
        f"specific as (select customer_account_id, currency, sum(amount) as specific from specific_provision where "
        f"tenant_id = '{TENANT}' and status = 'APPROVED' and effective_from <= date '{end}' group by "
        f"customer_account_id, currency), "
        f"largest as (select c.id, c.number, c.name, g.currency, g.overdue, g.general, coalesce(s.specific, 0) as "
        f"specific from general g join customer_account c on c.tenant_id = '{TENANT}' and c.id = "
        f"g.customer_account_id left join specific s on s.customer_account_id = g.customer_account_id and "
        f"s.currency = g.currency order by g.general + coalesce(s.specific, 0) desc, c.id limit 10) "
        f"select 'AGING' as part, 0 as position, currency, bucket, sum(balance) as amount, sum(least(disputed, "
        f"balance)) as disputed, null::bigint as id, null as number, null as name, null::numeric as general, "
        f"null::numeric as specific from at_end group by currency, bucket "
        f"union all select 'OPENING', 0, currency, {bucket(prev_end)}, sum(at_opening), "
        f"sum(least(disputed_at_opening, at_opening)), null, null, null, null, null from balance where true and "
        f"at_opening <> 0 group by 3, 4 "
        f"union all select 'LARGEST', row_number() over (order by general + specific desc, id), currency, null, "
        f"overdue, null, id, number, name, general, specific from largest "
        f"order by part, position, currency, bucket;")
    unapplied = (f"select currency, sum(unapplied) from unapplied_payment where tenant_id = '{TENANT}' "
                 f"and received_on <= date '{end}' and unapplied > 0 group by currency;")
    write_offs = (f"select p.invoice_id, i.number, c.number, c.name, p.posted_on, p.currency, -p.amount from ar_posting p "
                  f"join invoice i on i.tenant_id = p.tenant_id and i.id = p.invoice_id join customer_account c on "
                  f"c.tenant_id = p.tenant_id and c.id = p.customer_account_id where p.tenant_id = '{TENANT}' and "
                  f"p.kind = 'WRITE_OFF' and p.posted_on between date '{start}' and date '{end}' "
                  f"order by p.amount, p.id limit 50;")
    without_jit, with_jit = "select set_config('jit', 'off', true);", "select set_config('jit', 'on', true);"
    return " ".join([roll, without_jit, month_end, with_jit, unapplied, write_offs])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--invoices", type=int, default=1_000_000)
    ap.add_argument("--customers", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()

    rate, total = generate(args.customers, args.invoices)
    if rate is None:
        vacuum()
    ensure_keycloak_member()
    ensure_staff_role()
    ensure_journal()
    api = Api(user_token())

    # a deep cursor: follow the list 200 pages in
    path = "/api/v1/invoices?status=OPEN&overdue=true&limit=50"
    cursor, pages = None, 0
    while pages < 200:
        page = api.get(path + (f"&cursor={cursor}" if cursor else ""))
        if not page["next"]:
            break
        cursor, pages = page["next"], pages + 1
    due, last_id = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().split("\x1f")
    # the API pages with one row comparison (shared.sql.Keyset): the SQL limit does the same
    after = f"and (i.due_date, i.id) > ('{due}', {last_id})"

    cases = [
        ("invoice list, first page (open, overdue)", path, LIST_SQL.format(after="")),
        (f"invoice list, page {pages + 1} (keyset)", f"{path}&cursor={cursor}", LIST_SQL.format(after=after)),
        ("aging by customer (top 500 + totals)", "/api/v1/receivables/aging", AGING_SQL),
        ("DSO, 90 days", "/api/v1/receivables/dso", DSO_SQL),
        (f"month-end close pack, {CLOSE_MONTH}", f"/api/v1/close/{CLOSE_MONTH}", close_sql()),
    ]
    rows = []
    for name, api_path, sql in cases:
        # the lists are warmed on every connection of the pool (10): a backend's first plans of the list
        # statement cost 2 to 4 ms while its catalogue caches fill, 0.2 ms after, and 20 warm-ups spread
        # over ten connections left timed calls on cold ones (seventh round, docs/PERFORMANCE.md)
        a = api.time(api_path, args.repeat, LIST_WARM_UP if "invoice list" in name else WARM_UP)
        s = sql_times(sql, args.repeat)
        rows.append((name, pct(a, 50), pct(a, 95), pct(s, 50), pct(s, 95)))

    # the owner obeys row-level security too (FORCE): count each tenant in a transaction bound to it
    counts = []
    for tenant in psql("select id from tenant order by id;").split():
        n = psql(f"begin; select set_config('app.tenant_id', '{tenant}', true); select count(*) from invoice; commit;")
        counts.append(f"{tenant} {int(n.split()[-1]):,}")
    machine = {
        "cores": os.cpu_count(),
        "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?"),
        "memory": next((l.split(":", 1)[1].strip() for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?"),
        "postgres": psql("show server_version;").strip(),
        "java": subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0],
    }
    out = [f"Run {time.strftime('%Y-%m-%d %H:%M')} — tenant `{TENANT}` with {total:,} invoices, "
           f"{args.repeat} timed repetitions after {WARM_UP} warm-ups.", ""]
    out.append(f"Generation: {'%.0f invoices/s (with lines and payments)' % rate if rate else 'already seeded'}")
    out += ["", "| operation | API p50 ms | API p95 ms | SQL p50 ms | SQL p95 ms | API/SQL p50 |", "|---|---|---|---|---|---|"]
    for name, a50, a95, s50, s95 in rows:
        out.append(f"| {name} | {a50:.1f} | {a95:.1f} | {s50:.1f} | {s95:.1f} | {a50 / s50:.1f}× |")
    out += ["", "Machine: " + ", ".join(f"{k} {v}" for k, v in machine.items()), "",
            "Invoices per tenant: " + ", ".join(counts)]
    text = "\n".join(out) + "\n"
    print(text)
    with open(os.path.join(ROOT, "bench", "last-run.md"), "w") as f:
        f.write(text)


SECRETS = secrets()
if __name__ == "__main__":
    main()
