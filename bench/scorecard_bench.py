#!/usr/bin/env python3
"""Scorecard benchmark: computing a month's KPIs for the tenant `bench` (1,000,000 invoices).

Times, after warm-ups, the scorecard of last month through the API (GET: a preview computed from the
data on every call, nothing written; POST .../compute: the same, stored as a draft) and, beside them,
the same SQL statements KpiCalculator runs, in psql as the application role with the tenant bound.

Needs `bin/portal run` and the bench tenant of bench/receivables_bench.py. Usage:
bench/scorecard_bench.py [--repeat R] [--period YYYY-MM]
"""
import argparse, datetime, http.client, json, os, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import receivables_bench as rb  # noqa: E402  (same secrets, Keycloak member, psql timing)

RECEIVABLES_ON = """with later as (
  select a.invoice_id, sum(a.amount) as amount from payment_allocation a
  join payment p on p.tenant_id = a.tenant_id and p.id = a.payment_id
  where a.tenant_id = 'bench' and p.received_on > '{d}' group by a.invoice_id
  union all
  select invoice_id, sum(amount) from credit_note where tenant_id = 'bench' and issued_on > '{d}' group by invoice_id
), after_day as (select invoice_id, sum(amount) as amount from later group by invoice_id
), balances as (
  select i.due_date, i.open_amount + coalesce(l.amount, 0) as balance
  from invoice i left join after_day l on l.invoice_id = i.id
  where i.tenant_id = 'bench' and i.open_amount > 0 and i.issue_date <= '{d}' and i.currency = '{cur}'
  union all
  select i.due_date, l.amount from after_day l join invoice i on i.tenant_id = 'bench' and i.id = l.invoice_id
  where i.open_amount <= 0 and i.issue_date <= '{d}' and i.currency = '{cur}')
select coalesce(sum(balance), 0), coalesce(sum(balance) filter (where due_date >= '{d}'), 0),
  coalesce(sum(balance) filter (where date '{d}' - due_date > 90), 0) from balances;"""

SALES = """select to_char(issue_date, 'YYYY-MM'), sum(total_amount) from invoice
where tenant_id = 'bench' and issue_date between '{first}' and '{end}' and currency = '{cur}' group by 1;"""

DISPUTES = """select round(avg(extract(epoch from resolved_at - raised_at) / 86400)::numeric, 2),
  round((percentile_cont(0.9) within group (order by extract(epoch from resolved_at - raised_at) / 86400))::numeric, 2)
from dispute where tenant_id = 'bench' and resolved_at >= '{start}' and resolved_at < '{next}';
select count(*) filter (where first_response_at <= first_response_due), count(*) from dispute
where tenant_id = 'bench' and first_response_due >= '{start}' and first_response_due < '{next}'
  and (first_response_due < now() or first_response_at is not null);
select count(*) filter (where resolved_at <= resolution_due), count(*) from dispute
where tenant_id = 'bench' and resolution_due >= '{start}' and resolution_due < '{next}'
  and (resolution_due < now() or resolved_at is not null);"""

ACCURACY = """select count(*), count(*) filter (where exists (
  select 1 from dispute_item di join dispute d on d.tenant_id = di.tenant_id and d.id = di.dispute_id
  where di.tenant_id = i.tenant_id and di.invoice_id = i.id and di.settled > 0
    and d.outcome in ('ACCEPTED', 'PARTLY_ACCEPTED') and d.reason_code = any(array['PRICING','QUANTITY','DUPLICATE_BILLING','TAX'])))
from invoice i where i.tenant_id = 'bench' and i.issue_date between '{start}' and '{end}';"""


def post(conn, headers, path):
    conn.request("POST", path, headers=headers)
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        raise RuntimeError(f"{path}: {r.status} {body[:300]}")
    return json.loads(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--period")
    args = ap.parse_args()
    today = datetime.date.today()
    first_of_month = today.replace(day=1)
    last = first_of_month - datetime.timedelta(days=1)
    period = args.period or last.strftime("%Y-%m")
    y, m = map(int, period.split("-"))
    start = datetime.date(y, m, 1)
    nxt = datetime.date(y + (m == 12), m % 12 + 1, 1)
    end = nxt - datetime.timedelta(days=1)
    first_sales = datetime.date(y - (m <= 11), (m - 12) % 12 + 1, 1)  # eleven months before
    invoices = rb.invoice_count()
    cur = rb.psql("select currency from tenant where id = 'bench';").strip()

    rb.ensure_keycloak_member()
    api = rb.Api(rb.user_token())
    preview = api.time(f"/api/v1/scorecards?period={period}", args.repeat)
    compute = []
    for i in range(rb.WARM_UP // 4 + args.repeat):
        t = time.perf_counter()
        post(api.conn, api.headers, f"/api/v1/scorecards/{period}/compute")
        if i >= rb.WARM_UP // 4:
            compute.append((time.perf_counter() - t) * 1000)

    sql = " ".join([RECEIVABLES_ON.format(d=end, cur=cur),
                    RECEIVABLES_ON.format(d=start - datetime.timedelta(days=1), cur=cur),
                    SALES.format(first=first_sales, end=end, cur=cur), DISPUTES.format(start=start, next=nxt),
                    ACCURACY.format(start=start, end=end)]).replace("\n", " ")
    sql_samples = rb.sql_times(sql, args.repeat)

    out = [f"Run {time.strftime('%Y-%m-%d %H:%M')}: scorecard of {period} for tenant `bench` with {invoices:,} invoices, "
           f"{args.repeat} timed repetitions after warm-ups.", "",
           "| operation | p50 ms | p95 ms |", "|---|---|---|",
           f"| API GET scorecard (preview: every KPI computed, nothing stored) | {rb.pct(preview, 50):.1f} | {rb.pct(preview, 95):.1f} |",
           f"| API POST compute (every KPI computed and stored as a draft) | {rb.pct(compute, 50):.1f} | {rb.pct(compute, 95):.1f} |",
           f"| SQL: the seven statements of KpiCalculator, summed | {rb.pct(sql_samples, 50):.1f} | {rb.pct(sql_samples, 95):.1f} |"]
    text = "\n".join(out) + "\n"
    print(text)
    with open(os.path.join(rb.ROOT, "bench", "last-scorecard-run.md"), "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
