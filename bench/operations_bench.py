#!/usr/bin/env python3
"""Operations benchmark on the tenant `bench` of bench/receivables_bench.py (1,000,000 invoices).

collections: the collections worklist's first page (GET /api/v1/collections/worklist, as the bench lead:
  every collector's accounts, and one collector's) beside its SQL in psql, and a full dunning run
  (POST /api/v1/collections/runs) beside the run's selection statement in psql. The run is idempotent per
  day: the day's run is deleted (as portal_owner, tenant bound; notices and lines cascade) before each
  timed repetition, so each one proposes everything from scratch; a second POST after it (nothing new to
  propose, the steady state of a day) is timed too. The tenant gets a strategy through the API first if it
  has none: the demo seeder's standard one (six steps, 5 days before due to 60 after), every step to be
  released by a lead, so that the run proposes and sends nothing.

cash: a statement of N lines (100,000) with known answers, written by the application's own ground-truth
  generator (portal-api's cash.GroundTruth, through bench/CashGroundTruth.java) from the tenant's open
  invoices and customers, imported as CSV through POST /api/v1/cash/statements (matching and applying run
  in that request); then the share applied automatically, the precision of what was applied (exactly the
  invoices the line pays) and the time. It changes the tenant (payments applied): run it last. The
  customers are given IBANs, 8 in 10 of them known from history (payer_identity), as in
  GroundTruthMatchingTest.

Needs `bin/portal run` (and portal-api/target/classes) and the bench tenant. Honours PORTAL_STATE_DIR and
DB_NAME like receivables_bench.py. Usage:
  bench/operations_bench.py collections [--repeat R] [--runs K]
  bench/operations_bench.py cash [--lines N] [--split S] [--seed X]
"""
import argparse, datetime, http.client, json, os, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import receivables_bench as rb  # noqa: E402  (same secrets, Keycloak member, psql timing)

TENANT = rb.TENANT


def uptime():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


class Api(rb.Api):
    """rb.Api with writes and a long timeout (a dunning run or a statement takes seconds to minutes)."""

    def __init__(self, token, timeout=1800):
        super().__init__(token)
        self.conn = http.client.HTTPConnection("localhost", 9080, timeout=timeout)

    def send(self, method, path, body=None, content_type="application/json"):
        headers = dict(self.headers)
        if body is not None:
            headers["Content-Type"] = content_type
            if isinstance(body, (dict, list)):
                body = json.dumps(body).encode()
        self.conn.request(method, path, body=body, headers=headers)
        r = self.conn.getresponse()
        text = r.read()
        return r.status, (json.loads(text) if text and text[:1] in b"{[" else text)


def bound(sql, extra=()):
    """Statements as portal_owner in one transaction bound to the bench tenant (the owner obeys RLS too)."""
    return rb.psql(f"begin; select set_config('app.tenant_id', '{TENANT}', true);\n{sql}\ncommit;", extra=extra)


def today():
    return bound("select current_date;").split()[-1]


# ---------------------------------------------------------------- collections

STANDARD = [  # the demo seeder's standard strategy (DemoCollections), every step released by a lead
    (-5, 0, "MAIL", "friendly"), (1, 1, "MAIL", "first_reminder"), (15, 2, "LETTER", "second_reminder"),
    (30, 3, "CALL_TASK", "call"), (45, 4, "LETTER", "final_notice"), (60, 5, "ESCALATION", "escalation")]


def ensure_strategy(api):
    status, strategies = api.send("GET", "/api/v1/collections/strategies")
    if status != 200:
        raise RuntimeError(f"strategies: {status} {strategies}")
    if strategies:
        return strategies
    start = (datetime.date.today() - datetime.timedelta(days=365)).isoformat()
    status, body = api.send("POST", "/api/v1/collections/strategies", {
        "code": "STANDARD", "name": "Standard reminders", "rank": 100, "riskClasses": [], "customerTypes": [],
        "minBalance": None, "maxBalance": None, "effectiveFrom": start,
        "steps": [{"stepNo": i + 1, "dayOffset": d, "level": lv, "action": a, "templateKey": t, "needsRelease": True}
                  for i, (d, lv, a, t) in enumerate(STANDARD)]})
    if status != 201:
        raise RuntimeError(f"strategy: {status} {body}")
    return [body]


PRIORITY = ("(case when broken then 2 when due_today then 1 else 0 end) * 10000000000000 + least(round(net * "
            "(1 + round(least(greatest(days, 0), 180) / 30.0, 6)) * (case risk_class when 'HIGH' then 3 when 'LOW' "
            "then 1 else 2 end), 0), 9999999999999)")


def worklist_sql(day, collector=None):
    """WorklistQueries.worklist as it runs for the first page: due accounts only, 50 rows and one more."""
    accounts = f" and c.collector = '{collector}'" if collector else ""
    broken_since = (datetime.date.fromisoformat(day) - datetime.timedelta(days=30)).isoformat()
    return f"""with acc as (
  select c.id, c.number, c.name, c.currency, c.collector, coalesce(p.risk_class, 'MEDIUM') as risk_class,
         coalesce(p.on_hold, false) as on_hold, p.next_action_on, p.last_contact_at
  from customer_account c left join collection_account p on p.tenant_id = c.tenant_id and p.customer_account_id = c.id
  where c.tenant_id = '{TENANT}'{accounts}
), inv as (
  select i.customer_account_id as account_id, sum(i.open_amount) as overdue,
         sum(least(i.disputed_amount, i.open_amount)) as disputed, max(date '{day}' - i.due_date) as days
  from invoice i where i.tenant_id = '{TENANT}' and i.open_amount > 0 and i.due_date < date '{day}'
    and i.customer_account_id in (select id from acc) group by i.customer_account_id
), prom as (
  select t.customer_account_id as account_id,
         sum(t.amount - least(t.paid_amount, t.amount)) filter (where t.status in ('OPEN', 'PROPOSED')) as promised,
         bool_or(t.status in ('OPEN', 'PROPOSED') and t.promised_on = date '{day}') as due_today,
         max(t.decided_on) filter (where t.status = 'BROKEN') as broken_on
  from promise_to_pay t where t.tenant_id = '{TENANT}' and t.customer_account_id in (select id from acc)
    and (t.status in ('OPEN', 'PROPOSED') or (t.status = 'BROKEN' and t.decided_on >= date '{broken_since}'))
  group by t.customer_account_id
), figures as (
  select acc.*, coalesce(inv.overdue, 0) as overdue, coalesce(inv.disputed, 0) as disputed,
         coalesce(inv.days, 0) as days, coalesce(prom.promised, 0) as promised, coalesce(prom.due_today, false) as due_today,
         (prom.broken_on is not null and (acc.last_contact_at is null or acc.last_contact_at < prom.broken_on)) as broken,
         greatest(coalesce(inv.overdue, 0) - coalesce(inv.disputed, 0) - coalesce(prom.promised, 0), 0) as net
  from acc left join inv on inv.account_id = acc.id left join prom on prom.account_id = acc.id
), ranked as (select figures.*, {PRIORITY} as priority from figures)
select * from ranked where (net > 0 or due_today or broken)
 and (next_action_on is null or next_action_on <= date '{day}' or due_today or broken)
 order by priority desc, id desc limit 51;"""


def candidates_sql(latest):
    """DunningQueries.candidates: every open invoice due by the latest date, with its account's facts."""
    return f"""select i.customer_account_id, i.id, i.due_date, i.open_amount, least(i.disputed_amount, i.open_amount) as disputed,
       c.currency, coalesce(p.risk_class, 'MEDIUM') as risk_class, coalesce(p.customer_type, 'BUSINESS') as customer_type,
       coalesce(p.on_hold, false) as on_hold, coalesce(p.language, case when t.locale like 'fr%' then 'fr' else 'en' end) as language,
       pr.invoice_id is not null as promised, coalesce(n.level, -1) as noticed
from invoice i join customer_account c on c.tenant_id = i.tenant_id and c.id = i.customer_account_id
join tenant t on t.id = i.tenant_id
left join collection_account p on p.tenant_id = i.tenant_id and p.customer_account_id = i.customer_account_id
left join (select distinct pi.invoice_id from promise_invoice pi join promise_to_pay pp
             on pp.tenant_id = pi.tenant_id and pp.id = pi.promise_id and pp.status in ('OPEN', 'PROPOSED')
           where pi.tenant_id = '{TENANT}') pr on pr.invoice_id = i.id
left join (select l.invoice_id, max(l.level) as level from dunning_notice_invoice l
           where l.tenant_id = '{TENANT}' and l.exclusion is null group by l.invoice_id) n on n.invoice_id = i.id
where i.tenant_id = '{TENANT}' and i.open_amount > 0 and i.due_date <= date '{latest}'
order by i.customer_account_id, i.due_date, i.id;"""


def delete_runs(day):
    out = bound(f"delete from dunning_run where run_date >= date '{day}' - 1;")
    rb.psql("vacuum analyze dunning_notice; vacuum analyze dunning_notice_invoice; vacuum analyze dunning_run;")
    return out


def collections(args):
    rb.ensure_keycloak_member()
    rb.ensure_staff_role()
    api = Api(rb.user_token())
    ensure_strategy(api)
    day = today()
    delete_runs(day)  # the worklist is read with no notice of today's
    rows = []
    for label, path, sql in [
            ("worklist, first page (lead: every collector, 50 accounts)", "/api/v1/collections/worklist?limit=50",
             worklist_sql(day)),
            ("worklist, first page (one collector's accounts, 50)",
             "/api/v1/collections/worklist?limit=50&collector=agent.acme", worklist_sql(day, "agent.acme"))]:
        load = uptime()
        a = api.time(path, args.repeat)
        s = rb.sql_times(sql, args.repeat)
        rows.append((label, rb.pct(a, 50), rb.pct(a, 95), rb.pct(s, 50), rb.pct(s, 95), load))
        print(rows[-1], flush=True)
    accounts = len(api.get("/api/v1/collections/worklist?limit=500")["items"])

    latest = (datetime.date.fromisoformat(day) + datetime.timedelta(days=5)).isoformat()  # earliest step: -5 days
    candidates = candidates_sql(latest)
    runs = []
    for i in range(args.runs):
        delete_runs(day)  # and VACUUM ANALYZE: the tables hold no notice, and their statistics say so
        api = Api(rb.user_token())  # a fresh token: the previous run may have outlived one
        load = uptime()
        t = time.perf_counter()
        status, result = api.send("POST", "/api/v1/collections/runs")
        runs.append((time.perf_counter() - t, status, result, load))
        print(f"first run {i + 1}: HTTP {status} in {runs[-1][0]:.1f} s, "
              f"{result.get('noticesAdded') if isinstance(result, dict) else result}", flush=True)
    # the same day again at once: every invoice is noticed now, but the statistics still say the notices'
    # tables are empty (autovacuum has not analysed them yet); then again once they are analysed
    plan = rb.psql(f"begin; select set_config('app.tenant_id', '{TENANT}', true);\nexplain {candidates}\ncommit;",
                   role="portal_app", password_key="DB_APP_PASSWORD")
    again = []
    for label, before in [("at once (statistics not yet updated)", None),
                          ("after ANALYZE of the notices' tables", "analyze dunning_notice; analyze dunning_notice_invoice;")]:
        if before:
            rb.psql(before)
        api = Api(rb.user_token())
        load = uptime()
        t = time.perf_counter()
        status, result = api.send("POST", "/api/v1/collections/runs")
        again.append((label, time.perf_counter() - t, status, result, load))
        print(f"second run {label}: HTTP {status} in {again[-1][1]:.1f} s", flush=True)
    sql_after = rb.sql_times(candidates, args.runs)
    delete_runs(day)
    sql_before = rb.sql_times(candidates, args.runs)
    selected = int(bound(f"select count(*) from invoice where open_amount > 0 and due_date <= date '{latest}';").split()[-1])

    out = [f"Collections run {time.strftime('%Y-%m-%d %H:%M')}, tenant `{TENANT}`, today {day}", "",
           f"Worklist: {args.repeat} timed calls after {rb.WARM_UP} warm-ups; the lead's worklist holds {accounts} "
           f"accounts (first 500).", "",
           "| operation | API p50 ms | API p95 ms | SQL p50 ms | SQL p95 ms | API/SQL p50 | load (1, 5, 15 min) |",
           "|---|---|---|---|---|---|---|"]
    for name, a50, a95, s50, s95, load in rows:
        out.append(f"| {name} | {a50:.1f} | {a95:.1f} | {s50:.1f} | {s95:.1f} | {a50 / s50:.1f}× | {load} |")
    out += ["", f"Dunning run ({selected:,} open invoices due by {latest} selected):", "",
            "| run | HTTP | s | notices added | lines added | load (1, 5, 15 min) |", "|---|---|---|---|---|---|"]
    for i, (elapsed, status, result, load) in enumerate(runs, 1):
        ok = isinstance(result, dict) and "noticesAdded" in result
        out.append(f"| first of the day, repetition {i} | {status} | {elapsed:.2f} | "
                   f"{result['noticesAdded'] if ok else '-'} | {result['linesAdded'] if ok else '-'} | {load} |")
    for label, elapsed, status, result, load in again:
        ok = isinstance(result, dict) and "noticesAdded" in result
        out.append(f"| second, {label} | {status} | {elapsed:.2f} | {result['noticesAdded'] if ok else '-'} | "
                   f"{result['linesAdded'] if ok else '-'} | {load} |")
    out += ["", f"SQL, the run's selection (DunningQueries.candidates, every row fetched by psql): "
            f"p50 {rb.pct(sql_before, 50):.0f} ms with no notice yet, {rb.pct(sql_after, 50):.0f} ms with the day's "
            f"notices ({args.runs} runs each).", "", "Plan of the selection right after a first run:", "", "```",
            *[l for l in plan.splitlines() if l.strip() and l.strip() != TENANT], "```"]
    report(out, "last-collections-run.md")


# ---------------------------------------------------------------- cash

ACCOUNT = "FR7630001007941234567890185"  # the bench tenant's bank account (its statements' account)


def cash(args):
    rb.ensure_keycloak_member()
    rb.ensure_staff_role()
    api = Api(rb.user_token())
    currency = bound("select currency from tenant where id = current_setting('app.tenant_id');").split()[-1]
    status, accounts = api.send("GET", "/api/v1/cash/bank-accounts")
    if not any(a["account"] == ACCOUNT for a in accounts["items"]):
        status, body = api.send("POST", "/api/v1/cash/bank-accounts",
                                {"account": ACCOUNT, "currency": currency, "name": "Bench collections account"})
        if status != 201:
            raise RuntimeError(f"bank account: {status} {body}")
    # history: 8 in 10 customers have paid from their account before (as in GroundTruthMatchingTest)
    bound("insert into payer_identity (tenant_id, kind, key, customer_account_id) "
          "select tenant_id, 'ACCOUNT', 'FR76' || lpad(id::text, 23, '0'), id from customer_account "
          "where (id * 7919) % 10 < 8 on conflict do nothing;")
    work = tempfile.mkdtemp(prefix="cash-bench-")
    customers_tsv, open_tsv = os.path.join(work, "customers.tsv"), os.path.join(work, "open.tsv")
    # psql -A with a tab separator; the set_config line comes first and is dropped
    def dump(sql, path):
        out = rb.psql(f"begin; select set_config('app.tenant_id', '{TENANT}', true);\n{sql}\ncommit;",
                      extra=["-F", "\t"])
        with open(path, "w") as f:
            f.write("\n".join(out.splitlines()[1:]) + "\n")
        return len(out.splitlines()) - 1
    n_customers = dump("select id, replace(name, E'\\t', ' '), 'FR76' || lpad(id::text, 23, '0') from customer_account "
                       "order by id;", customers_tsv)
    # invoices under dispute are left out: a short payment of one would raise a deduction over an amount
    # already disputed, which the dispute feature refuses, and the whole statement with it (docs/PERFORMANCE.md)
    n_open = dump(f"select id, number, customer_account_id, currency, open_amount, due_date from invoice "
                  f"where open_amount > 0 and disputed_amount = 0 and currency = '{currency}' order by id;", open_tsv)
    stamp = time.strftime("%Y%m%d%H%M%S")
    csv_path, truth_path = os.path.join(work, "statement.csv"), os.path.join(work, "truth.tsv")
    t = time.perf_counter()
    subprocess.run(["java", "-Xmx1g", "-cp", os.path.join(rb.ROOT, "portal-api/target/classes"),
                    os.path.join(rb.ROOT, "bench/CashGroundTruth.java"), customers_tsv, open_tsv, str(args.lines),
                    str(args.seed), today(), ACCOUNT, f"BENCH-{stamp}", csv_path, truth_path], check=True)
    generated_s = time.perf_counter() - t
    truth = read_truth(truth_path)
    print(f"statement BENCH-{stamp}, answers in {truth_path}", flush=True)
    with open(csv_path, encoding="utf-8") as f:
        header, *lines = f.read().splitlines()
    size = sum(len(l) + 1 for l in lines) + len(header) + 1
    # consecutive parts, in the generator's order: each line was written against the ledger as the lines
    # before it leave it (an invoice is paid once; "the oldest open" moves on), as in one statement
    size_part = -(-len(lines) // args.split)
    parts = [lines[i:i + size_part] for i in range(0, len(lines), size_part)]

    results, load = [], uptime()
    started = time.perf_counter()
    for k, part in enumerate(parts, 1):
        body = header + "\n" + "\n".join(
            l.replace(f'"BENCH-{stamp}"', f'"BENCH-{stamp}-{k}"', 1) if args.split > 1 else l for l in part) + "\n"
        api = Api(rb.user_token())
        t = time.perf_counter()
        status, result = api.send("POST", "/api/v1/cash/statements", body.encode(), "text/csv")
        elapsed = time.perf_counter() - t
        print(f"statement {k}/{len(parts)}: {len(part)} lines, HTTP {status} in {elapsed:.1f} s", flush=True)
        if status != 201:
            raise RuntimeError(f"statement: {status} {str(result)[:2000]}")
        results.append((result["statement"], elapsed))
    total_s = time.perf_counter() - started

    ids = ",".join(str(r[0]["id"]) for r in results)
    seen, applied, right, by, statuses = score(ids, truth)
    out = [f"Cash run {time.strftime('%Y-%m-%d %H:%M')}, tenant `{TENANT}` ({n_customers:,} customers, {n_open:,} open "
           f"invoices in {currency} before), seed {args.seed}", "",
           f"Generated {len(truth):,} lines with their answers in {generated_s:.1f} s (cash.GroundTruth); CSV "
           f"{size / 1e6:.1f} MB, imported as {len(parts)} statement(s); load before: {load}, after: {uptime()}.", "",
           f"Import, matching and applying through the API: {total_s:.1f} s in all "
           f"({', '.join(f'{e:.1f} s' for _, e in results)}), {len(truth) / total_s:,.0f} lines/s.", "",
           f"Lines found back: {seen:,}; applied automatically: {applied:,} ({100 * applied / max(seen, 1):.2f} %); "
           f"right: {right:,} (precision {100 * right / max(applied, 1):.3f} %).", "",
           "Line statuses: " + ", ".join(l.replace("|", " ") for l in statuses.splitlines()[1:] if "|" in l), "",
           "| scenario | lines | applied | right |", "|---|---|---|---|"]
    for scenario, (n, a, r) in sorted(by.items(), key=lambda x: -x[1][0]):
        out.append(f"| {scenario} | {n:,} | {a:,} | {r:,} |")
    report(out, "last-cash-run.md")


def score(ids, truth):
    """Per line of these statements: applied automatically (a cash_match APPLIED) and to exactly the invoices
    the generator meant; by scenario. Nobody works the queue during the bench, so every APPLIED is automatic."""
    rows = bound(f"""select l.entry_ref, coalesce(string_agg(i.invoice_id::text, ',' order by i.invoice_id), ''), count(m.id)
from bank_statement_line l
left join cash_match m on m.tenant_id = l.tenant_id and m.line_id = l.id and m.status = 'APPLIED'
left join cash_match_item i on i.tenant_id = m.tenant_id and i.match_id = m.id
where l.statement_id in ({ids}) group by l.entry_ref;""", extra=["-F", "\t"])
    applied, right, by, seen = 0, 0, {}, 0
    for row in rows.splitlines():
        f = row.split("\t")
        if len(f) != 3 or f[0] not in truth:
            continue
        seen += 1
        scenario, expected = truth[f[0]]
        counts = by.setdefault(scenario, [0, 0, 0])
        counts[0] += 1
        if int(f[2]) == 0:
            continue
        applied += 1
        counts[1] += 1
        if frozenset(int(x) for x in f[1].split(",") if x) == expected:
            right += 1
            counts[2] += 1
    statuses = bound(f"select status, count(*) from bank_statement_line where statement_id in ({ids}) "
                     f"group by status order by status;")
    return seen, applied, right, by, statuses


def read_truth(path):
    truth = {}
    with open(path) as f:
        for line in f:
            ref, scenario, ids = line.rstrip("\n").split("\t")
            truth[ref] = (scenario, frozenset(int(x) for x in ids.split(",") if x))
    return truth


def cash_score(args):
    """Scores statements already imported (e.g. the part of a run that was stopped): by statement id prefix."""
    truth = read_truth(args.truth)
    ids = bound(f"select string_agg(id::text, ',') from bank_statement where statement_id like '{args.prefix}%';").split()[-1]
    seen, applied, right, by, statuses = score(ids, truth)
    out = [f"Scored statements {args.prefix}*: lines {seen:,}; applied automatically {applied:,} "
           f"({100 * applied / max(seen, 1):.2f} %); right {right:,} (precision {100 * right / max(applied, 1):.3f} %)", "",
           "Line statuses: " + ", ".join(l.replace("|", " ") for l in statuses.splitlines()[1:] if "|" in l), "",
           "| scenario | lines | applied | right |", "|---|---|---|---|"]
    for scenario, (n, a, r) in sorted(by.items(), key=lambda x: -x[1][0]):
        out.append(f"| {scenario} | {n:,} | {a:,} | {r:,} |")
    report(out, "last-cash-score.md")


def report(lines, name):
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(rb.ROOT, "bench", name), "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="what", required=True)
    c = sub.add_parser("collections")
    c.add_argument("--repeat", type=int, default=30)
    c.add_argument("--runs", type=int, default=3)
    k = sub.add_parser("cash")
    k.add_argument("--lines", type=int, default=100_000)
    k.add_argument("--split", type=int, default=1, help="import as this many statements, one after the other")
    k.add_argument("--seed", type=int, default=20261204)
    k = sub.add_parser("cash-score")
    k.add_argument("--truth", required=True, help="truth.tsv written by a cash run (in its temporary directory)")
    k.add_argument("--prefix", required=True, help="statement id prefix, BENCH-<timestamp>")
    args = ap.parse_args()
    {"collections": collections, "cash": cash, "cash-score": cash_score}[args.what](args)


if __name__ == "__main__":
    main()
