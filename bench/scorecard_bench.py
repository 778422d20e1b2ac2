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

RECEIVABLES_AROUND = """with amounts as (
  select issue_date, due_date, open_amount as at_closing, open_amount as at_opening
  from invoice where tenant_id = 'bench' and open_amount > 0 and issue_date <= '{close}' and currency = '{cur}'
  union all
  select invoice_issue_date, invoice_due_date, case when received_on > '{close}' then amount else 0 end, amount
  from allocation_day where tenant_id = 'bench' and received_on > '{open}' and invoice_issue_date <= '{close}'
    and currency = '{cur}'
  union all
  select i.issue_date, i.due_date, case when c.issued_on > '{close}' then c.amount else 0 end, c.amount
  from credit_note c join invoice i on i.tenant_id = c.tenant_id and i.id = c.invoice_id
  where c.tenant_id = 'bench' and c.issued_on > '{open}' and i.issue_date <= '{close}' and i.currency = '{cur}')
select coalesce(sum(at_closing), 0), coalesce(sum(at_closing) filter (where due_date >= '{close}'), 0),
  coalesce(sum(at_closing) filter (where date '{close}' - due_date > 90), 0),
  coalesce(sum(at_opening) filter (where issue_date <= '{open}'), 0),
  coalesce(sum(at_opening) filter (where issue_date <= '{open}' and due_date >= '{open}'), 0),
  coalesce(sum(at_opening) filter (where issue_date <= '{open}' and date '{open}' - due_date > 90), 0) from amounts;"""

SALES = """select to_char(issue_date, 'YYYY-MM'), sum(total_amount) from invoice_sales_day
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

ACCURACY = """select (select coalesce(sum(invoice_count), 0) from invoice_sales_day where tenant_id = 'bench'
    and issue_date between '{start}' and '{end}'),
  (select count(distinct di.invoice_id) from dispute d
   join dispute_item di on di.tenant_id = d.tenant_id and di.dispute_id = d.id and di.settled > 0
   join invoice i on i.tenant_id = di.tenant_id and i.id = di.invoice_id
   where d.tenant_id = 'bench' and d.outcome in ('ACCEPTED', 'PARTLY_ACCEPTED')
     and d.reason_code = any(array['PRICING','QUANTITY','DUPLICATE_BILLING','TAX'])
     and i.issue_date between '{start}' and '{end}');"""


def forget(period):
    """Removes the stored scorecard of the month, so that GET computes a preview instead of reading it."""
    rb.psql(f"begin; select set_config('app.tenant_id', 'bench', true); delete from scorecard where period = '{period}'; commit;")


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
    first_sales = datetime.date(y - (m <= 3), (m - 4) % 12 + 1, 1)  # three months before (the countback's first read)
    invoices = rb.invoice_count()
    cur = rb.psql("select currency from tenant where id = 'bench';").strip()

    rb.ensure_keycloak_member()
    api = rb.Api(rb.user_token())
    forget(period)
    preview = api.time(f"/api/v1/scorecards?period={period}", args.repeat)
    compute = []
    for i in range(rb.WARM_UP // 4 + args.repeat):
        t = time.perf_counter()
        post(api.conn, api.headers, f"/api/v1/scorecards/{period}/compute")
        if i >= rb.WARM_UP // 4:
            compute.append((time.perf_counter() - t) * 1000)

    forget(period)
    sql = " ".join([RECEIVABLES_AROUND.format(open=start - datetime.timedelta(days=1), close=end, cur=cur),
                    SALES.format(first=first_sales, end=end, cur=cur), DISPUTES.format(start=start, next=nxt),
                    ACCURACY.format(start=start, end=end)]).replace("\n", " ")
    sql_samples = rb.sql_times(sql, args.repeat)

    out = [f"Run {time.strftime('%Y-%m-%d %H:%M')}: scorecard of {period} for tenant `bench` with {invoices:,} invoices, "
           f"{args.repeat} timed repetitions after warm-ups.", "",
           "| operation | p50 ms | p95 ms |", "|---|---|---|",
           f"| API GET scorecard (preview: every KPI computed, nothing stored) | {rb.pct(preview, 50):.1f} | {rb.pct(preview, 95):.1f} |",
           f"| API POST compute (every KPI computed and stored as a draft) | {rb.pct(compute, 50):.1f} | {rb.pct(compute, 95):.1f} |",
           f"| SQL: the six statements of KpiCalculator, summed | {rb.pct(sql_samples, 50):.1f} | {rb.pct(sql_samples, 95):.1f} |"]
    text = "\n".join(out) + "\n"
    print(text)
    with open(os.path.join(rb.ROOT, "bench", "last-scorecard-run.md"), "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
