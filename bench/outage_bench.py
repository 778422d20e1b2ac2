#!/usr/bin/env python3
"""How the running portal fails and recovers while PostgreSQL is stopped (issue 23, item 5).

Run after `bin/portal run`, on the portal it serves (http://localhost:9080, the demo tenant acme):

    python3 bench/outage_bench.py [--down 15] [--readers 4]

A light mix goes on throughout: READERS threads read a customer's contacts, one writer adds a
contact every 200 ms, and a third thread asks /health/ready every 100 ms. After a few seconds
PostgreSQL is stopped with `bin/portal fault db-stop`, kept down for --down seconds, and started
again with `bin/portal fault db-start`; a socket probe notes the moment it accepts connections again.

Reports: how long each request took while the database was away, and what it answered (goal: 503
with Retry-After within 1 s), when readiness said DOWN after the stop, when the first read, write
and readiness UP came after the database was back (goal: within 1 s), anything that was neither
200/201 nor 503, and whether every write the portal acknowledged (201) is in the database.
The contacts it adds are removed at the end.
"""
import argparse, json, os, socket, subprocess, sys, threading, time, uuid

from benchlib import ROOT, call as call_on, secrets, token as token_of

DB_NAME = os.environ.get("DB_NAME") or "portal"
PORT = int(os.environ.get("HTTP_PORT") or 9080)
TENANT, USER, CUSTOMER = "acme", "agent.acme", "A-1001"
PREFIX = "Outage bench "


SECRETS = secrets()


def psql(sql):
    env = dict(os.environ, PGPASSWORD=SECRETS["DB_OWNER_PASSWORD"])
    return subprocess.run(["psql", "-h", "localhost", "-p", "5433", "-U", "portal_owner", "-d", DB_NAME, "-qAtX"],
                          input=f"begin; select set_config('app.tenant_id', '{TENANT}', true);\n{sql}\ncommit;",
                          env=env, capture_output=True, text=True, check=True).stdout.split("\n")


def token():
    return token_of(USER)


class Log:
    def __init__(self):
        self.lock = threading.Lock()
        self.rows = []  # (kind, started, ended, status, retry_after, name)

    def add(self, *row):
        with self.lock:
            self.rows.append(row)


def call(method, path, headers, body=None):
    return call_on(PORT, method, path, headers, body)


def reader(log, stop, headers, path):
    while not stop.is_set():
        t = time.monotonic()
        status, retry = call("GET", path, headers)
        log.add("read", t, time.monotonic(), status, retry, None)
        time.sleep(0.05)


def writer(log, stop, headers, path):
    while not stop.is_set():
        name = PREFIX + uuid.uuid4().hex[:12]
        body = json.dumps({"name": name, "role": "Accounts payable", "email": "outage.bench@acme.example",
                           "primary": False})
        t = time.monotonic()
        status, retry = call("POST", path, dict(headers, **{"Content-Type": "application/json"}), body)
        log.add("write", t, time.monotonic(), status, retry, name)
        time.sleep(0.2)


def readiness(log, stop):
    while not stop.is_set():
        t = time.monotonic()
        status, retry = call("GET", "/health/ready", {})
        log.add("ready", t, time.monotonic(), status, retry, None)
        time.sleep(0.1)


def database_accepts():
    try:
        with socket.create_connection(("127.0.0.1", 5433), timeout=0.2):
            return True
    except OSError:
        return False


def fault(action):
    subprocess.run([os.path.join(ROOT, "bin/portal"), "fault", action], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--down", type=float, default=15)
    ap.add_argument("--readers", type=int, default=4)
    args = ap.parse_args()

    customer = psql(f"select id from customer_account where number = '{CUSTOMER}';")[1]
    path = f"/api/v1/customers/{customer}/contacts"
    headers = {"Authorization": "Bearer " + token(), "X-Tenant": TENANT}
    log, stop = Log(), threading.Event()
    threads = [threading.Thread(target=reader, args=(log, stop, headers, path)) for _ in range(args.readers)]
    threads += [threading.Thread(target=writer, args=(log, stop, headers, path)),
                threading.Thread(target=readiness, args=(log, stop))]
    for t in threads:
        t.start()
    time.sleep(5)
    stopped_at = time.monotonic()
    fault("db-stop")
    down_from = time.monotonic()
    early = None  # something else (another bin/portal on this machine) started PostgreSQL again
    while time.monotonic() - down_from < args.down:
        if early is None and database_accepts():
            early = time.monotonic() - down_from
        time.sleep(0.05)
    back_requested = time.monotonic()
    starter = threading.Thread(target=fault, args=("db-start",))
    starter.start()
    while not database_accepts():
        time.sleep(0.01)
    back_at = time.monotonic()
    starter.join()
    time.sleep(10)
    stop.set()
    for t in threads:
        t.join()

    rows = log.rows
    during = [r for r in rows if r[1] >= down_from and r[2] <= back_requested and r[0] != "ready"]
    by_status = {}
    for r in during:
        by_status[r[3]] = by_status.get(r[3], 0) + 1
    ms = [(r[2] - r[1]) * 1000 for r in during]
    unexpected = [r for r in rows if r[0] != "ready" and r[3] not in (200, 201, 503)]
    without_retry = [r for r in during if r[3] == 503 and not r[4]]

    def first(kind, ok, after):
        hits = [r[2] for r in rows if r[0] == kind and r[3] == ok and r[1] >= after]
        return (min(hits) - after) * 1000 if hits else None

    overlapping = [r for r in rows if r[1] < down_from <= r[2] or r[1] < back_requested <= r[2]]
    ready_down = [r[2] for r in rows if r[0] == "ready" and r[3] == 503 and r[1] >= stopped_at]
    acknowledged = [r[5] for r in rows if r[0] == "write" and r[3] == 201]
    stored = set(psql(f"select name from customer_contact where name like '{PREFIX}%';")[1:])
    lost = [n for n in acknowledged if n not in stored]
    psql(f"delete from customer_contact where name like '{PREFIX}%';")

    def fmt(v):
        return "never" if v is None else f"{v:.0f} ms"

    print(f"PostgreSQL stopped for {args.down:.0f} s under {args.readers} readers, 1 writer (every 200 ms), "
          f"readiness every 100 ms")
    if early is not None:
        print(f"NOT MEASURED: PostgreSQL was started again by something else {early:.1f} s into the outage")
        return 2
    print(f"requests while it was down: {len(during)}; answers: {dict(sorted(by_status.items()))}")
    print(f"  time to answer: p50 {pct(ms, 50):.0f} ms, p95 {pct(ms, 95):.0f} ms, max {max(ms) if ms else 0:.0f} ms")
    print(f"  503 without Retry-After: {len(without_retry)}")
    print(f"requests in flight when it stopped or was started again: {len(overlapping)}, slowest "
          f"{max(((r[2] - r[1]) * 1000 for r in overlapping), default=0):.0f} ms, answers "
          f"{sorted(set(r[3] for r in overlapping))}")
    print(f"readiness DOWN after the stop: "
          f"{fmt((min(ready_down) - down_from) * 1000 if ready_down else None)} after pg_ctl stop returned")
    print(f"after PostgreSQL accepted connections again (pg_ctl start took "
          f"{(back_at - back_requested) * 1000:.0f} ms to get there):")
    print(f"  first read 200:  {fmt(first('read', 200, back_at))}")
    print(f"  first write 201: {fmt(first('write', 201, back_at))}")
    print(f"  readiness UP:    {fmt(first('ready', 200, back_at))}")
    print(f"answers neither 200/201 nor 503: {len(unexpected)} {sorted(set(r[3] for r in unexpected))}")
    print(f"writes acknowledged: {len(acknowledged)}; in the database: {len(acknowledged) - len(lost)}; "
          f"lost: {len(lost)}")
    return 1 if lost or unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
