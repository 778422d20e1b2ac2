#!/usr/bin/env python3
"""Import benchmark: a CSV of 1,000,000 invoices streamed to POST /api/v1/imports?kind=invoices.

In the tenant `bench` of bench/receivables_bench.py (its Keycloak organization and lead bench.lead are
made if missing). The file bills the tenant's existing customer accounts (C-000001, ...) in their
currency, numbers its invoices IMP-<run timestamp>-<n> so that they collide with nothing, and gives
every other invoice two lines (docs/IMPORT.md). It is written to a temporary file first, then streamed
as the request body in 64 KB blocks on one connection as bench.lead with X-Tenant: bench; the time is
from the first byte sent to the answer, so it includes reading, checking and writing every row and
the commit.

The server's heap is read from the JVM while the file imports, with the JDK's own tools run against
Liberty's process: `jstat -gc` every second (heap used = survivor + eden + old generation, the peak
of that, and the peak of the old generation), and a full collection (`jcmd GC.run`) at each quarter
of the file, after which the old generation holds what is live: the figure that shows whether memory
grows with the rows. Also the process's peak resident set (VmHWM) and the -Xmx in force.

Then the same file again (idempotent: nothing created, every invoice unchanged), and finally the
imported invoices are deleted (as portal_owner, tenant bound, 20,000 a transaction; their lines go
with them), so that `bench` keeps its 1,000,000 invoices, followed by VACUUM ANALYZE.

Needs `bin/portal run` first. Usage: bench/import_bench.py [--invoices N] [--keep-file] [--no-vacuum]
"""
import argparse, http.client, json, os, re, subprocess, sys, tempfile, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import receivables_bench as rb  # noqa: E402  (same secrets, Keycloak member, psql)

TENANT = rb.TENANT
HEADER = "invoice_number,customer_number,issue_date,due_date,currency,line_no,description,quantity,unit_price," \
         "tax_rate,invoice_total\n"
DELETE_BATCH = 20_000


def bound(sql, audit=True):
    """SQL as portal_owner in a transaction bound to the bench tenant (the owner obeys RLS too); without
    the audit trail's row records for the import's tables when audit is False, as the import itself."""
    summary = "" if audit else "set local portal.audit = 'summary';\n"
    return rb.psql(f"begin; select set_config('app.tenant_id', '{TENANT}', true);\n{summary}{sql}\ncommit;")


def sql_limit(path):
    """The same first import done set-based in psql on the same tables: the file COPYed into a temporary
    table, the checks the import makes run as queries (lines adding up to the total, a known account of the
    invoice's currency, numbers not taken), ids drawn, then one INSERT ... SELECT for the invoices and one for
    their lines, in one transaction with the same audit summary. Returns (seconds, invoices written)."""
    script = f"""
create temporary table staged (invoice_number text, customer_number text, issue_date date, due_date date,
    currency char(3), line_no integer, description text, quantity numeric(19, 4), unit_price numeric(19, 4),
    tax_rate numeric(6, 4), invoice_total numeric(19, 2)) on commit drop;
\\copy staged from '{path}' with (format csv, header true)
create temporary table staged_invoice on commit drop as
    select s.invoice_number, c.id as customer_account_id, c.currency as account_currency, s.issue_date,
           s.due_date, s.currency, min(s.invoice_total) as total, count(distinct s.line_no) as distinct_lines,
           count(*) as lines, sum(round(s.quantity * s.unit_price, 2)) as net,
           sum(round(round(s.quantity * s.unit_price, 2) * s.tax_rate, 2)) as tax
    from staged s left join customer_account c on c.tenant_id = '{TENANT}' and c.number = s.customer_number
    group by s.invoice_number, c.id, c.currency, s.issue_date, s.due_date, s.currency;
select count(*) filter (where customer_account_id is null or account_currency <> currency
                          or net + tax <> total or distinct_lines <> lines)
     + (select count(*) from (select invoice_number from staged_invoice group by invoice_number
                              having count(*) > 1) twice)
     + (select count(*) from staged_invoice s join invoice i on i.tenant_id = '{TENANT}' and i.number = s.invoice_number)
  as refused from staged_invoice;
alter table staged_invoice add column id bigint;
update staged_invoice set id = nextval('invoice_id_seq');
insert into invoice (tenant_id, id, number, customer_account_id, issue_date, due_date, currency, net_amount,
                     tax_amount, total_amount)
    select '{TENANT}', id, invoice_number, customer_account_id, issue_date, due_date, currency, net, tax, net + tax
    from staged_invoice order by id;
insert into invoice_line (tenant_id, invoice_id, line_no, description, quantity, unit_price, tax_rate, net_amount,
                          tax_amount)
    select '{TENANT}', i.id, s.line_no, s.description, s.quantity, s.unit_price, s.tax_rate,
           round(s.quantity * s.unit_price, 2), round(round(s.quantity * s.unit_price, 2) * s.tax_rate, 2)
    from staged s join staged_invoice i using (invoice_number) order by i.id, s.line_no;
select count(*) from staged_invoice;
"""
    started = time.monotonic()
    out = bound(script, audit=False)
    elapsed = time.monotonic() - started
    numbers = [int(v) for v in out.split() if v.isdigit()]
    if numbers[0] != 0:
        raise RuntimeError(f"the SQL limit found {numbers[0]} bad invoices in a good file")
    return elapsed, numbers[-1]


def customers():
    out = bound("select number, trim(currency) from customer_account order by number;")
    return [line.split("|") for line in out.splitlines() if "|" in line]


def write_csv(path, prefix, invoices, accounts):
    """Invoice i bills account i mod len(accounts); odd invoices have two lines. Returns the data rows."""
    rows = 0
    days = [f"2026-{m:02d}-{d:02d}" for m in range(1, 11) for d in range(1, 29)]
    dues = [f"2026-{m + 1:02d}-{d:02d}" for m in range(1, 11) for d in range(1, 29)]
    with open(path, "w", buffering=1 << 20) as f:
        f.write(HEADER)
        for i in range(invoices):
            number, currency = accounts[i % len(accounts)]
            issue, due = days[i % len(days)], dues[i % len(dues)]
            lines = []
            for n in range(1, 2 + (i & 1)):
                quantity = 1 + (i + n) % 9
                price_cents = 1000 + (i * 7 + n * 13) % 90000
                net = quantity * price_cents
                tax = (net * 20 + 50) // 100  # 20 %, half up, in cents
                lines.append((n, quantity, price_cents, net + tax))
            total = sum(line[3] for line in lines)
            for n, quantity, price_cents, _ in lines:
                f.write(f"{prefix}{i + 1:07d},{number},{issue},{due},{currency},{n},Bench service {n},{quantity},"
                        f"{price_cents // 100}.{price_cents % 100:02d},0.20,{total // 100}.{total % 100:02d}\n")
                rows += 1
    return rows


def liberty_pid():
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if "ws-server.jar" in line and re.search(r"\bportal\b", line):
            return int(line.split()[0])
    raise RuntimeError("Open Liberty (server portal) is not running: bin/portal run first")


def jstat(pid):
    """Heap in MB from `jstat -gc`: (used, old generation used, committed)."""
    out = subprocess.run(["jstat", "-gc", str(pid)], capture_output=True, text=True).stdout.split("\n")
    cols = dict(zip(out[0].split(), (float(v) for v in out[1].split())))
    used = cols["S0U"] + cols["S1U"] + cols["EU"] + cols["OU"]
    committed = cols["S0C"] + cols["S1C"] + cols["EC"] + cols["OC"]
    return used / 1024, cols["OU"] / 1024, committed / 1024


def max_heap_mb(pid):
    out = subprocess.run(["jcmd", str(pid), "VM.flags"], capture_output=True, text=True).stdout
    m = re.search(r"MaxHeapSize=(\d+)", out)
    return int(m.group(1)) / 1024 / 1024 if m else None


def vm_hwm_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


class HeapWatch(threading.Thread):
    """Samples the heap every second while an import runs; a full GC when told (at each quarter of the file)."""
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.stop, self.peak_used, self.peak_old, self.peak_committed = pid, threading.Event(), 0, 0, 0
        self.live = []  # (share of the file sent, old generation MB after a full GC)
        self.gc_at = []
        self.lock = threading.Lock()

    def full_gc(self, share):
        with self.lock:
            subprocess.run(["jcmd", str(self.pid), "GC.run"], capture_output=True)
            self.live.append((share, jstat(self.pid)[1]))

    def run(self):
        while not self.stop.is_set():
            with self.lock:
                used, old, committed = jstat(self.pid)
            self.peak_used, self.peak_old = max(self.peak_used, used), max(self.peak_old, old)
            self.peak_committed = max(self.peak_committed, committed)
            self.stop.wait(1)


def upload(path, token, watch):
    size = os.path.getsize(path)
    conn = http.client.HTTPConnection("localhost", 9080, timeout=3600)
    conn.putrequest("POST", "/api/v1/imports?kind=invoices")
    for k, v in {"Authorization": "Bearer " + token, "X-Tenant": TENANT, "Content-Type": "text/csv",
                 "Content-Length": str(size), "X-File-Name": os.path.basename(path)}.items():
        conn.putheader(k, v)
    started = time.monotonic()
    conn.endheaders()
    sent, quarter, gcs = 0, 1, []
    with open(path, "rb") as f:
        while block := f.read(1 << 16):
            conn.send(block)
            sent += len(block)
            if watch and quarter < 4 and sent >= size * quarter / 4:
                gcs.append(threading.Thread(target=watch.full_gc, args=(quarter / 4,), daemon=True))
                gcs[-1].start()
                quarter += 1
    sent_at = time.monotonic()
    r = conn.getresponse()
    body = r.read()
    elapsed = time.monotonic() - started
    conn.close()
    for gc in gcs:
        gc.join()
    return r.status, json.loads(body) if body else None, elapsed, sent_at - started


def run_import(label, path, rows, pid):
    token = rb.user_token()  # fresh: a token lives minutes, an import may take longer (it is checked once)
    watch = HeapWatch(pid)
    watch.start()
    status, report, elapsed, sending = upload(path, token, watch)
    watch.stop.set()
    watch.join()
    if status != 201:
        raise RuntimeError(f"{label}: HTTP {status}: {json.dumps(report)[:1000]}")
    return {"label": label, "seconds": elapsed, "sending": sending, "rows_s": rows / elapsed,
            "invoices_s": (report["created"] + report["unchanged"]) / elapsed, "report": report,
            "peak_used": watch.peak_used, "peak_old": watch.peak_old, "peak_committed": watch.peak_committed,
            "live": watch.live, "hwm": vm_hwm_mb(pid)}


def delete_imported(prefix, after_id):
    """Deletes this run's invoices (their lines cascade, their journal postings with them) 20,000 at a time in
    id order, each batch its own transaction. Ids are not dense (the import draws one id per nextval of a sequence that steps by 50),
    so the batches are counted in invoices, not in id ranges."""
    started, deleted, lo = time.monotonic(), 0, after_id
    while True:
        out = bound(audit=False, sql=f"with d as (delete from invoice where id in (select id from invoice where tenant_id = '{TENANT}' "
                    f"and id > {lo} and number like '{prefix}%' order by id limit {DELETE_BATCH}) returning id), "
                    # the journal keeps no posting for a deleted invoice (the product never deletes one)
                    f"p as (delete from ar_posting where tenant_id = '{TENANT}' and invoice_id in (select id from d)) "
                    f"select count(*), coalesce(max(id), 0) from d;")
        count, last = (int(v) for v in out.split()[-1].split("|"))
        if count == 0:
            return deleted, time.monotonic() - started
        deleted, lo = deleted + count, last


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--invoices", type=int, default=1_000_000)
    ap.add_argument("--keep-file", action="store_true")
    ap.add_argument("--no-vacuum", action="store_true")
    ap.add_argument("--no-sql-limit", action="store_true", help="skip the same import done set-based in psql")
    args = ap.parse_args()

    rb.ensure_keycloak_member()
    pid = liberty_pid()
    accounts = customers()
    if not accounts:
        raise RuntimeError("tenant bench has no customer accounts: run bench/receivables_bench.py first")
    before = rb.invoice_count()
    after_id = int(bound("select coalesce(max(id), 0) from invoice;").split()[-1])
    prefix = f"IMP-{time.strftime('%Y%m%d%H%M%S')}-"
    path = os.path.join(tempfile.gettempdir(), f"import-bench-{prefix[:-1]}.csv")
    t = time.monotonic()
    rows = write_csv(path, prefix, args.invoices, accounts)
    size_mb = os.path.getsize(path) / 1e6
    print(f"file: {args.invoices:,} invoices, {rows:,} rows, {size_mb:.0f} MB in {time.monotonic() - t:.0f} s "
          f"({path})", flush=True)

    results = []
    try:
        results.append(run_import("first import (every invoice created)", path, rows, pid))
        print(results[-1], flush=True)
        middle = rb.invoice_count()
        results.append(run_import("same file again (every invoice unchanged)", path, rows, pid))
        print(results[-1], flush=True)
        again = rb.invoice_count()
    finally:
        deleted, delete_s = delete_imported(prefix, after_id)
    try:
        if not args.no_sql_limit:
            print("the same first import set-based in psql ...", flush=True)
            sql_s, sql_written = sql_limit(path)
            print(f"SQL limit: {sql_written:,} invoices in {sql_s:.0f} s", flush=True)
    finally:
        if not args.no_sql_limit:
            delete_imported(prefix, after_id)
        if not args.keep_file:
            os.remove(path)
    if not args.no_vacuum:
        rb.vacuum()
    after = rb.invoice_count()

    out = [f"Run {time.strftime('%Y-%m-%d %H:%M')}: {args.invoices:,} invoices, {rows:,} rows, {size_mb:.0f} MB, "
           f"into `{TENANT}` ({before:,} invoices before; Liberty -Xmx {max_heap_mb(pid):.0f} MB).", "",
           "| run | s | rows/s | invoices/s | created | unchanged | peak heap used MB | peak old gen MB "
           "| live after full GC at 1/4, 1/2, 3/4 of the file, MB | process peak RSS MB |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        live = ", ".join(f"{mb:.0f}" for _, mb in r["live"])
        out.append(f"| {r['label']} | {r['seconds']:.0f} | {r['rows_s']:,.0f} | {r['invoices_s']:,.0f} "
                   f"| {r['report']['created']:,} | {r['report']['unchanged']:,} | {r['peak_used']:.0f} "
                   f"| {r['peak_old']:.0f} | {live} | {r['hwm']:.0f} |")
    if not args.no_sql_limit:
        first = results[0]
        out.append(f"| the same first import set-based in psql (COPY, checks as queries, INSERT ... SELECT) "
                   f"| {sql_s:.0f} | {rows / sql_s:,.0f} | {sql_written / sql_s:,.0f} | {sql_written:,} | 0 "
                   f"| | | | |")
        out += ["", f"The import runs at {100 * sql_s / first['seconds']:.0f} % of the speed of its SQL limit."]
    out += ["", f"Invoices in `{TENANT}`: {before:,} before, {middle:,} after the first import, {again:,} after "
            f"the second, {after:,} after deleting the {deleted:,} imported ones ({delete_s:.0f} s"
            f"{'' if args.no_vacuum else ', then VACUUM ANALYZE'})."]
    print("\n".join(out))


if __name__ == "__main__":
    main()
