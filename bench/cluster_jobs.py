#!/usr/bin/env python3
"""The scheduled jobs run once with two servers at once: `bin/portal-cluster selftest`.

Both Liberty servers of the cluster are started again on a database of the selftest's own
(DB_NAME, which bin/portal-cluster sets to <the cluster's database>_selftest and prepares), with
every job's interval short and mail going to an SMTP receiver in this script. Work is seeded for
each job, then the jobs run on both servers at the same moment, from their schedules and from the
API's "run now" calls fired at both servers at once (a barrier releases them together):

  mail dispatcher      300 outbox mails per tenant        each received exactly once (SMTP)
  webhook dispatcher   150 due deliveries per tenant      each POSTed exactly once (HTTP receiver)
  dunning run          today's run deleted first          one run a day; every notice added once
  escalations          12 overdue log entries per tenant  each escalated once (one event)
  review reminders     the tenant's procedures due soon   one reminder mail per procedure
  audit sealer         every event the above write        seal numbers unique and gap-free, chain verifies
  (and every mail the jobs queue: no two identical mails queued during the test)

At the end the servers are started again as they were (the cluster's database, its settings).
Exits 1 on anything done twice or not done. Python standard library only.
"""
import email, email.header, email.policy, http.client, http.server, json, os, random, socket

import socketserver, subprocess, sys, threading, time, urllib.parse, urllib.request
from collections import Counter
import benchlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STATE = os.environ.get("PORTAL_STATE_DIR") or os.path.join(ROOT, ".portal")
DB = os.environ["DB_NAME"]                       # the selftest's database
RUN_DB = os.environ["PORTAL_CLUSTER_RUN_DB_NAME"]  # the cluster's, restored at the end
RUN_ANCHORS = os.environ["PORTAL_CLUSTER_RUN_ANCHOR_DIR"]
NODE_PORTS = [int(p) for p in os.environ.get("PORTAL_CLUSTER_NODE_PORTS", "9081 9082").split()]
KC = "http://localhost:%s" % os.environ.get("PORTAL_CLUSTER_KC_PORT", "8180")
TENANTS = ["acme", "globex"]
MAILS, DELIVERIES, ENTRIES = 300, 150, 12
RUN = "%x" % random.getrandbits(32)  # this selftest's mark on what it seeds
# settings every server gets for the test, and takes off again afterwards
TEST_ENV_KEYS = ["PORTAL_MAIL_SMTP_HOST", "PORTAL_MAIL_SMTP_PORT", "PORTAL_MAIL_INTERVAL_SECONDS",
                 "PORTAL_WEBHOOKS_INTERVAL_SECONDS", "PORTAL_WEBHOOKS_RETRY_BASE_SECONDS",
                 "PORTAL_AUDIT_SEAL_INTERVAL_SECONDS", "PORTAL_AUDIT_ANCHOR_INTERVAL_SECONDS",
                 "PORTAL_COLLECTIONS_INTERVAL_MINUTES", "PORTAL_GOVERNANCE_ESCALATION_INTERVAL_MINUTES",
                 "PORTAL_PROCEDURE_REMINDER_INTERVAL_MINUTES"]


def say(msg):
    print("\033[1m[selftest]\033[0m " + msg, flush=True)


def pg_socket():
    if os.geteuid() == 0:
        ok = subprocess.run(["runuser", "-u", "postgres", "--", "test", "-x", STATE]).returncode == 0
        if not ok:
            import hashlib
            return "/var/lib/postgresql/bpo-portal-%s/sock" % hashlib.md5((ROOT + "\n").encode()).hexdigest()[:8]
    return os.path.join(STATE, "pgsock")


def psql(sql, db=None):
    """As the superuser postgres (row-level security does not apply): rows of tab-separated fields."""
    import glob
    psql_bin = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))[-1]
    cmd = [psql_bin, "-h", pg_socket(), "-p", os.environ.get("DB_PORT", "5433"), "-U", "postgres",
           "-d", db or DB, "-v", "ON_ERROR_STOP=1", "-qAtX", "-F", "\t"]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--"] + cmd
    out = subprocess.run(cmd, input=sql, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("psql: " + out.stderr.strip())
    return [line.split("\t") for line in out.stdout.splitlines() if line]


# ---------------------------------------------------------------- the receivers
class Received:
    def __init__(self):
        self.lock = threading.Lock()
        self.mails = Counter()      # (recipient, subject, attachment name) -> times received
        self.hooks = Counter()      # delivery id -> times POSTed
        self.hook_events = Counter()
        self.by_node = Counter()    # (what, server) -> how many: both servers share the work
        self.node_pids = {}         # Liberty's process id -> server name

received = Received()


def sender(sock):
    """The server a connection comes from: the process holding the socket's other end (Linux /proc)."""
    peer_port = sock.getpeername()[1]
    inode = None
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            for line in f.readlines()[1:]:
                fields = line.split()
                if int(fields[1].split(":")[1], 16) == peer_port and int(fields[2].split(":")[1], 16) == sock.getsockname()[1]:
                    inode = fields[9]
    for pid, name in received.node_pids.items():
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}") == f"socket:[{inode}]":
                    return name
        except OSError:
            continue
    return "?"


class Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP for Jakarta Mail: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        node = sender(self.connection)
        self.reply("220 selftest ESMTP")
        rcpts = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode("ascii", "replace").strip().split(" ")[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 selftest")
            elif verb == "MAIL":
                rcpts = []
                self.reply("250 OK")
            elif verb == "RCPT":
                rcpts.append(line.decode().split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go on")
                data = []
                while True:
                    chunk = self.rfile.readline()
                    if chunk in (b".\r\n", b".\n", b""):
                        break
                    data.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                msg = email.message_from_bytes(b"".join(data), policy=email.policy.default)
                subject = str(msg["subject"] or "")
                attachment = next((p.get_filename() for p in msg.walk() if p.get_filename()), None)
                time.sleep(0.02)  # a slow server widens the window in which two senders could meet
                with received.lock:
                    for r in rcpts:
                        received.mails[(r, subject, attachment)] += 1
                    received.by_node[("mail", node)] += 1
                self.reply("250 OK queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not here")


class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        node = sender(self.connection)
        time.sleep(0.05)
        with received.lock:
            received.by_node[("webhook", node)] += 1
            received.hooks[int(self.headers["Portal-Delivery"])] += 1
            received.hook_events[json.loads(body)["id"]] += 1
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


class ThreadedTcp(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


def start_receivers():
    smtp = ThreadedTcp(("127.0.0.1", 0), Smtp)
    hook = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    hook.daemon_threads = True
    for server in (smtp, hook):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    return smtp.server_address[1], hook.server_address[1]


# ---------------------------------------------------------------- the work
def seed(hook_port):
    say("seeding work in %s (mark %s)" % (DB, RUN))
    for t in TENANTS:
        psql(f"""
-- mail: a batch in the outbox; earlier selftests' unsent mail (a receiver gone) is dropped
delete from mail_outbox where tenant_id = '{t}' and sent_at is null;
insert into mail_outbox (tenant_id, recipient, subject, body)
select '{t}', 'selftest' || n || '@example.test', 'cluster selftest {RUN} {t} mail ' || n, 'mail ' || n
from generate_series(1, {MAILS}) n;
-- webhooks: an endpoint on the receiver (the demo tenants are test tenants: http and loopback are
-- allowed), events and their deliveries due now; earlier selftests' endpoints are switched off
update webhook_endpoint set enabled = false where tenant_id = '{t}' and description like 'cluster selftest%';
with e as (insert into webhook_endpoint (tenant_id, url, description, events, created_by)
           values ('{t}', 'http://127.0.0.1:{hook_port}/hook/{t}', 'cluster selftest {RUN}',
                   array['import.finished'], 'cluster-selftest') returning id),
     s as (insert into webhook_secret (tenant_id, endpoint_id, secret)
           select '{t}', id, md5(random()::text) || md5(random()::text) from e returning endpoint_id),
     ev as (insert into webhook_event (tenant_id, type, data)
            select '{t}', 'import.finished', jsonb_build_object('selftest', '{RUN}', 'n', n)
            from generate_series(1, {DELIVERIES}) n returning id)
insert into webhook_delivery (tenant_id, endpoint_id, event_id)
select '{t}', (select endpoint_id from s), ev.id from ev;
-- dunning: today's run (and yesterday's) gone, so that today's is made again
delete from dunning_run where tenant_id = '{t}' and run_date >= current_date - 1;
-- escalations: log entries overdue by 12 days (past every level of the seeded matrix: 1, 5, 10)
insert into governance_entry (tenant_id, type, title, process_area, priority, owner, due_date, created_by)
select '{t}', 'ISSUE', 'cluster selftest {RUN} entry ' || n, 'BILLING', 'HIGH', 'ops.lead',
       current_date - 12, 'cluster-selftest'
from generate_series(1, {ENTRIES}) n;
-- review reminders: every procedure's review due in a week, nothing reminded for it yet
update procedure set next_review_on = current_date + 7, reminded_due_for = null, reminded_overdue_for = null
where tenant_id = '{t}';
""")


def token():
    return benchlib.token("ops.lead", kc=KC)


def run_now_everywhere(bearer, path, per_node=3):
    """POSTs path for each tenant to every server at the same instant; returns (status, body) pairs."""
    calls = [(port, t) for port in NODE_PORTS for t in TENANTS for _ in range(per_node)]
    barrier = threading.Barrier(len(calls))
    results = []

    def call(port, tenant):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        conn.connect()
        barrier.wait()
        conn.request("POST", path, body=b"", headers={"Authorization": "Bearer " + bearer, "X-Tenant": tenant,
                                                      "Content-Length": "0"})
        r = conn.getresponse()
        body = r.read()
        results.append((port, tenant, r.status, body.decode(errors="replace")))

    threads = [threading.Thread(target=call, args=c) for c in calls]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return results


def restart_nodes(env, why):
    say("starting both servers again " + why)
    subprocess.run([os.path.join(ROOT, "bin", "portal-cluster"), "restart-nodes"], env=env, check=True)


def pending():
    (mails,), = psql("select count(*) from mail_outbox where sent_at is null and attempts < 20")
    (hooks,), = psql(f"select count(*) from webhook_delivery d join webhook_endpoint e on e.tenant_id = d.tenant_id "
                     f"and e.id = d.endpoint_id where e.enabled and d.status = 'PENDING'")
    (unsealed,), = psql("select count(*) from audit_event where seal_seq is null")
    return int(mails), int(hooks), int(unsealed)


# ---------------------------------------------------------------- the checks
problems = []


def check(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what, flush=True)
    if not ok:
        problems.append(what)


def verify(t0, api):
    say("checking")
    # mail: what the servers marked sent during the test, against what the receiver got
    sent = Counter()
    for r, s, a in psql(f"select recipient, subject, coalesce(attachment_name, '') from mail_outbox "
                        f"where sent_at >= '{t0}'"):
        sent[(r, s, a or None)] += 1
    twice = {k: n for k, n in received.mails.items() if n > sent.get(k, 0)}
    check(not twice, "mail: %d sent by the servers, %d received, none received more often than sent%s"
          % (sum(sent.values()), sum(received.mails.values()), "" if not twice else ": " + repr(list(twice.items())[:5])))
    mine = [k for k in received.mails if k[1].startswith(f"cluster selftest {RUN} ")]
    check(len(mine) == MAILS * len(TENANTS) and all(received.mails[k] == 1 for k in mine),
          "mail: each of the %d seeded mails received exactly once (%d distinct received, %d more than once)"
          % (MAILS * len(TENANTS), len(mine), sum(1 for k in mine if received.mails[k] > 1)))
    (left,), = psql(f"select count(*) from mail_outbox where subject like 'cluster selftest {RUN} %' and sent_at is null")
    check(left == "0", "mail: none of the seeded mails is left unsent (%s)" % left)
    dup_queued = psql(f"""select tenant_id, recipient, subject, count(*) from mail_outbox where created_at >= '{t0}'
                          group by tenant_id, recipient, subject, body, attachment_name having count(*) > 1""")
    (queued,), = psql(f"select count(*) from mail_outbox where created_at >= '{t0}'")
    check(not dup_queued, "jobs' mail: %s mails queued during the test (escalations, reminders, dunning), no two alike%s"
          % (queued, "" if not dup_queued else ": " + repr(dup_queued[:5])))

    say("who did the work: " + ", ".join("%s %s: %d" % (what, node, n) for (what, node), n in sorted(received.by_node.items())))
    # webhooks
    # per delivery: its status, its successful attempts, and its attempts that got no answer at all
    rows = psql(f"""select d.id, d.status,
                          (select count(*) from webhook_attempt a where a.tenant_id = d.tenant_id
                             and a.delivery_id = d.id and a.status_code between 200 and 299),
                          (select count(*) from webhook_attempt a where a.tenant_id = d.tenant_id
                             and a.delivery_id = d.id and a.status_code is null)
                    from webhook_delivery d join webhook_endpoint e
                    on e.tenant_id = d.tenant_id and e.id = d.endpoint_id where e.description = 'cluster selftest {RUN}'""")
    ids = {int(r[0]) for r in rows}
    posted_twice = {i: n for i, n in received.hooks.items() if n > 1}
    check(len(ids) == DELIVERIES * len(TENANTS) and all(r[1] == "DELIVERED" for r in rows),
          "webhooks: %d deliveries, all DELIVERED" % len(ids))
    check(ids <= set(received.hooks) and not posted_twice,
          "webhooks: each POSTed exactly once (%d received, %d more than once)" % (
              len(ids & set(received.hooks)), len(posted_twice)))
    # the work done once is one answered attempt per delivery; this receiver, two servers posting
    # to it on two busy cores, now and then drops a connection unanswered (an IOException recorded
    # as a failed attempt, then retried): that is the retry working, not a delivery made twice
    unanswered = sum(int(r[3]) for r in rows)
    check(all(r[2] == "1" for r in rows),
          "webhooks: one successful attempt recorded per delivery (%d attempts got no answer and were retried)"
          % unanswered)

    # dunning
    for t in TENANTS:
        (runs,), = psql(f"select count(*) from dunning_run where tenant_id = '{t}' and run_date >= current_date - 1")
        (notices, mails), = psql(f"""select count(*), count(*) filter (where n.status = 'SENT') from dunning_notice n
                                     join dunning_run r on r.tenant_id = n.tenant_id and r.id = n.run_id
                                     where n.tenant_id = '{t}' and r.run_date >= current_date - 1""")
        added = sum(json.loads(b)["noticesAdded"] for _, tt, s, b in api["/api/v1/collections/runs"] if tt == t and s == 200)
        check(runs == "1", f"dunning {t}: one run for today ({runs})")
        check(added <= int(notices), f"dunning {t}: {notices} notices in the run, the concurrent calls "
                                     f"reported {added} added (never more than there are)")
        (pdfs,), = psql(f"""select count(*) from mail_outbox where tenant_id = '{t}' and created_at >= '{t0}'
                            and attachment_type = 'application/pdf'""")
        check(pdfs == mails, f"dunning {t}: {mails} notices sent, {pdfs} letters queued")

    # escalations
    rows = psql(f"""select e.tenant_id, e.id, e.escalation_level,
                           (select count(*) from governance_event v where v.tenant_id = e.tenant_id and v.entry_id = e.id
                              and v.action = 'ESCALATED_OVERDUE')
                    from governance_entry e where e.title like 'cluster selftest {RUN} entry %'""")
    once = [r for r in rows if r[3] == "1"]
    check(len(rows) == ENTRIES * len(TENANTS) and len(once) == len(rows),
          "escalations: %d entries, %d escalated exactly once (events per entry: %s)"
          % (len(rows), len(once), dict(Counter(r[3] for r in rows))))
    # every entry the test escalated (the demo log's overdue entries too): at most once to a level
    events = psql(f"""select v.tenant_id, v.entry_id, v.after, count(*) from governance_event v
                      where v.at >= '{t0}' and v.action = 'LEVEL' group by 1, 2, 3""")
    check(all(r[3] == "1" for r in events),
          "escalations: %d entries raised during the test (the demo's overdue ones too), none twice to one level"
          % len(events))
    api_escalated = sum(json.loads(b)["escalated"] for _, _, s, b in api["/api/v1/governance/escalations/run"] if s == 200)
    check(api_escalated <= len(events), f"escalations: the concurrent calls reported {api_escalated} escalated "
                                        f"(at most the {len(events)} raised)")

    # review reminders
    rows = psql(f"""select p.tenant_id, p.id, p.reminded_due_for is not null, s.email is not null
                    from procedure p left join tenant_staff s on s.tenant_id = p.tenant_id and s.username = p.owner and s.active""")
    check(all(r[2] == "t" for r in rows), "reminders: every procedure (%d) reminded as due" % len(rows))
    with_mail = sum(1 for r in rows if r[3] == "t")
    api_queued = sum(json.loads(b)["queued"] for _, _, s, b in api["/api/v1/procedures/reviews/reminders"] if s == 200)
    check(api_queued <= with_mail, f"reminders: the concurrent calls queued {api_queued} mails, at most one per "
                                   f"procedure with an owner's address ({with_mail})")

    # audit sealer
    for t in TENANTS:
        (n, distinct, top, unsealed), = psql(f"""
            select count(seal_seq), count(distinct seal_seq), coalesce(max(seal_seq), 0), count(*) - count(seal_seq)
            from audit_event where tenant_id = '{t}'""")
        check(n == distinct == top and unsealed == "0",
              f"audit {t}: {n} records sealed, numbers 1..{top} each once, {unsealed} unsealed")
    jar = sorted(p for p in os.listdir(os.path.join(ROOT, "tenant-admin", "target"))
                 if p.startswith("tenant-admin-") and p.endswith(".jar") and "-sources" not in p and "-tests" not in p)
    cp = os.path.join(ROOT, "tenant-admin", "target", jar[0]) + ":" + os.path.join(ROOT, "tenant-admin", "target", "cli-lib", "*")
    out = subprocess.run(["java", "-cp", cp, "com.bpo.portal.tenantadmin.cli.PortalAdminCli", "audit", "verify"],
                         capture_output=True, text=True)
    check(out.returncode == 0, "audit: bin/portal audit verify on %s: %s" % (DB, (out.stdout + out.stderr).strip().splitlines()[-1:]))


def main():
    smtp_port, hook_port = start_receivers()
    say(f"SMTP receiver on 127.0.0.1:{smtp_port}, webhook receiver on 127.0.0.1:{hook_port}")
    seed(hook_port)
    (t0, pg_started), = psql("select now(), pg_postmaster_start_time()")
    test_env = dict(os.environ,
                    PORTAL_MAIL_SMTP_HOST="127.0.0.1", PORTAL_MAIL_SMTP_PORT=str(smtp_port),
                    PORTAL_MAIL_INTERVAL_SECONDS="1", PORTAL_WEBHOOKS_INTERVAL_SECONDS="1",
                    PORTAL_WEBHOOKS_RETRY_BASE_SECONDS="1", PORTAL_AUDIT_SEAL_INTERVAL_SECONDS="1",
                    PORTAL_AUDIT_ANCHOR_INTERVAL_SECONDS="2", PORTAL_COLLECTIONS_INTERVAL_MINUTES="1",
                    PORTAL_GOVERNANCE_ESCALATION_INTERVAL_MINUTES="1", PORTAL_PROCEDURE_REMINDER_INTERVAL_MINUTES="1")
    run_env = {k: v for k, v in os.environ.items() if k not in TEST_ENV_KEYS}
    run_env.update(DB_NAME=RUN_DB, PORTAL_AUDIT_ANCHOR_DIR=RUN_ANCHORS)
    try:
        restart_nodes(test_env, f"on {DB}, every job each second or minute, mail to the receiver")
        pids = os.path.join(ROOT, "portal-ui", "target", "liberty", "wlp", "usr", "servers", ".pid")
        for f in os.listdir(pids):
            with open(os.path.join(pids, f)) as pid:
                if f.startswith("portal-") and f[:-4] != "portal-it":
                    received.node_pids[pid.read().strip()] = f[:-4]
        started = time.time()
        bearer = token()
        api = {}
        for path in ("/api/v1/collections/runs", "/api/v1/governance/escalations/run",
                     "/api/v1/procedures/reviews/reminders"):
            api[path] = run_now_everywhere(bearer, path)
            statuses = Counter(s for _, _, s, _ in api[path])
            say(f"POST {path} x{len(api[path])} at once on both servers: {dict(statuses)}")
            for _, t, s, b in api[path]:
                if s != 200:
                    print("    %s %s: %s" % (t, s, b[:300]))
        # both servers' own rounds: the minute jobs first run a minute after start, then every minute
        while True:
            mails, hooks, unsealed = pending()
            waited = time.time() - started
            if mails == 0 and hooks == 0 and waited > 150:
                break
            if waited > 600:
                say("still waiting after 10 minutes: %d mails, %d deliveries" % (mails, hooks))
                break
            time.sleep(5)
        time.sleep(4)  # the sealer's last round after the last mail marked sent
        verify(t0, api)
        (pg_now,), = psql("select pg_postmaster_start_time()")
        if pg_now != pg_started:
            # a mail handed to SMTP whose "sent" commit was lost is sent again: at least once, by
            # design, whatever the number of servers; such a run says nothing about two servers
            say("PostgreSQL was restarted during the test (at %s): a duplicate may come from that" % pg_now)
    finally:
        restart_nodes(run_env, f"on {RUN_DB} with their usual settings")
    if problems:
        say("%d check(s) failed" % len(problems))
        sys.exit(1)
    say("every job's work was done once")


if __name__ == "__main__":
    main()
