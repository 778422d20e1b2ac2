"""What the outage and failover scripts share: the secrets bin/portal generated, a demo user's token
from the development Keycloak, and one HTTP call on a fresh connection that answers its status and
Retry-After (0 when the connection itself failed)."""
import http.client, json, os, time, urllib.error, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STATE = os.environ.get("PORTAL_STATE_DIR") or os.path.join(ROOT, ".portal")  # as bin/portal
KC = "http://localhost:8180"


def secrets():
    env = {}
    with open(os.path.join(STATE, "secrets.env")) as f:
        for line in f:
            if "=" in line:
                k, v = line.strip().split("=", 1)
                env[k] = v
    return env


def token(user, password="demo", kc=KC, attempts=5):
    """A demo user's access token by the development password grant; a 500 is asked again (after
    PostgreSQL restarted, Keycloak's pool hands out a dead connection once)."""
    form = urllib.parse.urlencode({"grant_type": "password", "client_id": "portal-cli", "username": user,
                                   "password": password, "scope": "openid organization:*"}).encode()
    for attempt in range(attempts):
        try:
            with urllib.request.urlopen(f"{kc}/realms/portal/protocol/openid-connect/token", form, timeout=30) as r:
                return json.load(r)["access_token"]
        except urllib.error.HTTPError:
            if attempt == attempts - 1:
                raise
            time.sleep(2)


def call(port, method, path, headers, body=None):
    conn = http.client.HTTPConnection("localhost", port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers)
        r = conn.getresponse()
        r.read()
        return r.status, r.getheader("Retry-After")
    except OSError:
        return 0, None
    finally:
        conn.close()
