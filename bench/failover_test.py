#!/usr/bin/env python3
"""The database failover test that `bin/portal-failover test` runs (issue 23, item 4).

A portal on its own Liberty server lists a primary and a synchronous standby (DB_HOSTS, with
targetServerType=primary). Writers add contacts through the API, a reader reads them; after a few
seconds the primary is killed (`pg_ctl -m immediate`: no shutdown, as in a crash) and, a few seconds
later, the standby is promoted. The portal is not restarted.

Fails (exit 1) when a write the portal acknowledged (201) is not in the promoted database, when an
answer is neither a success nor 503 with Retry-After, or when writes do not resume after the
promotion. Prints the figures written in docs/SCALING.md.
"""
import argparse, json, os, subprocess, sys, threading, time, uuid

from benchlib import call, token as token_of

PREFIX = "Failover test "


def pg(*args):
    cmd = [*args]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def pg_bin():
    base = "/usr/lib/postgresql"
    return os.path.join(base, sorted(os.listdir(base), key=lambda v: [int(x) for x in v.split(".")])[-1], "bin")


def sql(args, port, statement):
    return pg(os.path.join(pg_bin(), "psql"), "-h", args.sock, "-p", str(port), "-U", "postgres", "-d", args.db,
              "-qAtX", "-c", statement).split("\n")


def token():
    return token_of("agent.acme")


def main():
    ap = argparse.ArgumentParser()
    for name in ("--db", "--primary", "--standby", "--sock"):
        ap.add_argument(name, required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--primary-port", type=int, required=True)
    ap.add_argument("--standby-port", type=int, required=True)
    ap.add_argument("--writers", type=int, default=2)
    ap.add_argument("--outage", type=float, default=3, help="seconds between the kill and the promotion")
    args = ap.parse_args()

    customer = sql(args, args.primary_port, "select id from customer_account where tenant_id = 'acme' "
                                            "and number = 'A-1001'")[0]
    path = f"/api/v1/customers/{customer}/contacts"
    headers = {"Authorization": "Bearer " + token(), "X-Tenant": "acme"}
    rows, lock, stop = [], threading.Lock(), threading.Event()

    def writer():
        while not stop.is_set():
            name = PREFIX + uuid.uuid4().hex[:12]
            body = json.dumps({"name": name, "role": "Accounts payable", "email": "failover@acme.example",
                               "primary": False})
            t = time.monotonic()
            status, retry = call(args.port, "POST", path, dict(headers, **{"Content-Type": "application/json"}), body)
            with lock:
                rows.append(("write", t, time.monotonic(), status, retry, name))
            time.sleep(0.1)

    def reader():
        while not stop.is_set():
            t = time.monotonic()
            status, retry = call(args.port, "GET", path, headers)
            with lock:
                rows.append(("read", t, time.monotonic(), status, retry, None))
            time.sleep(0.1)

    threads = [threading.Thread(target=writer) for _ in range(args.writers)] + [threading.Thread(target=reader)]
    for t in threads:
        t.start()
    time.sleep(5)
    killed = time.monotonic()
    pg(os.path.join(pg_bin(), "pg_ctl"), "-D", args.primary, "-m", "immediate", "stop")
    time.sleep(args.outage)
    promote_asked = time.monotonic()
    pg(os.path.join(pg_bin(), "pg_ctl"), "-D", args.standby, "-w", "promote")
    promoted = time.monotonic()
    deadline = promoted + 30
    while time.monotonic() < deadline:
        with lock:
            if any(r[0] == "write" and r[3] == 201 and r[1] >= promoted for r in rows):
                break
        time.sleep(0.05)
    time.sleep(5)
    stop.set()
    for t in threads:
        t.join()

    acknowledged = [r[5] for r in rows if r[0] == "write" and r[3] == 201]
    stored = set(sql(args, args.standby_port, f"select name from customer_contact where name like '{PREFIX}%'"))
    lost = [n for n in acknowledged if n not in stored]
    unexpected = [r for r in rows if r[3] not in (200, 201, 503)]
    no_retry_after = [r for r in rows if r[3] == 503 and not r[4]]
    gap = [r for r in rows if r[1] >= killed and r[2] <= promoted]
    gap_ms = sorted((r[2] - r[1]) * 1000 for r in gap)
    after = [r[2] for r in rows if r[0] == "write" and r[3] == 201 and r[1] >= promoted]
    reads_after = [r[2] for r in rows if r[0] == "read" and r[3] == 200 and r[1] >= promoted]
    unacknowledged_kept = [r[5] for r in rows if r[0] == "write" and r[3] != 201 and r[5] in stored]

    def ms(v):
        return f"{v * 1000:.0f} ms"

    print(f"{args.writers} writers and 1 reader, every 100 ms; primary killed (immediate), standby promoted "
          f"{args.outage:.0f} s later (pg_ctl promote took {ms(promoted - promote_asked)})")
    print(f"between the kill and the promotion: {len(gap)} requests, answers "
          f"{sorted(set(r[3] for r in gap))}, slowest {gap_ms[-1] if gap_ms else 0:.0f} ms")
    print(f"first write acknowledged after the promotion: {ms(min(after) - promoted) if after else 'never'}; "
          f"first read: {ms(min(reads_after) - promoted) if reads_after else 'never'}")
    print(f"writes acknowledged: {len(acknowledged)}; in the promoted database: {len(acknowledged) - len(lost)}; "
          f"lost: {len(lost)}; not acknowledged but kept (in flight at the kill): {len(unacknowledged_kept)}")
    print(f"answers neither success nor 503: {len(unexpected)} {sorted(set(r[3] for r in unexpected))}; "
          f"503 without Retry-After: {len(no_retry_after)}")
    failed = bool(lost or unexpected or no_retry_after or not after)
    print("FAILED" if failed else "passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
