"""What the stress and benchmark scripts share: a scratch database on either backend, a release
server process on it, server-function calls over HTTP, and sign-ins as staff (password) or as a
mentor (a sign-in link read from the outbox, the way a mentor gets it by e-mail)."""
import json, os, re, shutil, signal, socket, sqlite3, subprocess, time
import urllib.error, urllib.parse, urllib.request

# The duo statuses DuoStatus::OPEN holds: one of these per mentor and per mentee at most.
OPEN = "('proposed', 'introduced', 'active', 'closing')"
PG_SERVER = os.environ.get("RACE_POSTGRES", "postgres://postgres@127.0.0.1:5432")
STAFF_PASSWORD = "demo-password-2026"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Database:
    """A scratch database: an SQLite file, or a PostgreSQL database dropped at the end."""

    def __init__(self, backend, work, label="stress"):
        self.backend = backend
        if backend == "sqlite":
            self.path = os.path.join(work, f"{label}.sqlite")
            self.url = f"sqlite://{self.path}?mode=rwc"
        else:
            self.name = f"duo_{label}_{os.getpid()}_{int(time.time())}"
            self.psql("postgres", f'CREATE DATABASE "{self.name}"')
            self.url = f"{PG_SERVER}/{self.name}"

    def psql(self, database, sql):
        # Unit and record separators, so that values may hold '|' and line breaks.
        out = subprocess.run(
            ["psql", f"{PG_SERVER}/{database}", "-At", "-F", "\x1f", "-R", "\x1e",
             "-v", "ON_ERROR_STOP=1", "-c", sql],
            check=True, capture_output=True, text=True)
        return [record.split("\x1f") for record in out.stdout.rstrip("\n").split("\x1e")
                if record]

    def rows(self, sql):
        if self.backend == "sqlite":
            with sqlite3.connect(self.path) as db:
                return [[str(v) for v in row] for row in db.execute(sql)]
        return self.psql(self.name, sql)

    def seed(self, binary, log):
        subprocess.run([binary, "seed"], env=dict(os.environ, DATABASE_URL=self.url),
                       check=True, stdout=log, stderr=log)

    def drop(self):
        if self.backend == "postgres":
            self.psql("postgres", f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class Server:
    """The release server on 127.0.0.1 and a free port, started and waited for. `cpus` pins it
    to those cores (taskset), so that clients on the other cores do not take its time. `args`
    picks another server command (`hello-world`), answered at `ready` once it is up."""

    def __init__(self, binary, url, log, cpus=None, env=None, args=(), ready="/health"):
        self.port = free_port()
        full_env = dict(os.environ, DATABASE_URL=url, SITE_ADDR=f"127.0.0.1:{self.port}",
                        SIGN_INS_PER_ADDRESS="1000000", RUST_LOG="warn", **(env or {}))
        command = [binary, *args]
        if cpus is not None:
            command = ["taskset", "-c", cpus, *command]
        self.process = subprocess.Popen(command, env=full_env, stdout=log, stderr=log)
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(240):
            try:
                urllib.request.urlopen(self.base + ready, timeout=1)
                return
            except OSError:
                if self.process.poll() is not None:
                    raise SystemExit("the server stopped at start; see its log")
                time.sleep(0.1)
        self.kill()
        raise SystemExit(f"the server did not answer {ready}")

    def stop(self):
        """SIGTERM, then SIGKILL if it has not finished within 30 s."""
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self):
        """SIGKILL: the crash the crash test makes."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()


def call(base, function, form, cookie=None, timeout=60, as_json=False):
    """POSTs `form` to a server function as the page would: a form, or JSON for the functions
    that take JSON. Returns the status, body and headers; a refusal is an answer like any
    other, and a connection that fails raises OSError."""
    if as_json:
        body, kind = json.dumps(form).encode(), "application/json"
    else:
        body = urllib.parse.urlencode(form, doseq=True).encode()
        kind = "application/x-www-form-urlencoded"
    request = urllib.request.Request(f"{base}/api/{function}", data=body, method="POST")
    request.add_header("content-type", kind)
    request.add_header("accept", "application/json")
    if cookie:
        request.add_header("cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, answer.read(), answer.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def session_cookie(headers):
    for value in headers.get_all("set-cookie") or []:
        if value.startswith("duo_session="):
            return value.split(";")[0]
    raise SystemExit("no session cookie in the answer")


def sign_in(base, email="admin@demo.duo.be", password=STAFF_PASSWORD):
    """A staff member's session cookie, from the sign-in form's server function."""
    status, body, headers = call(base, "sign_in", {"email": email, "password": password})
    if status != 200:
        raise SystemExit(f"sign-in of {email} failed: {status} {body[:200]!r}")
    return session_cookie(headers)


def sign_in_mentor(base, db, email):
    """A mentor's session cookie: asks for a sign-in link, reads it from the outbox as the
    mentor would read the e-mail, and redeems it."""
    status, body, _ = call(base, "request_magic_link", {"email": email})
    if status != 200:
        raise SystemExit(f"sign-in link for {email} refused: {status} {body[:200]!r}")
    quoted = email.replace("'", "''")
    for _ in range(50):
        bodies = db.rows(f"SELECT body_text FROM outbox WHERE to_address = '{quoted}' "
                         "AND kind = 'magic_link' ORDER BY id DESC LIMIT 1")
        found = re.search(r"token=([0-9a-f]{64})", bodies[0][0]) if bodies else None
        if found:
            break
        time.sleep(0.1)
    else:
        raise SystemExit(f"no sign-in link for {email} in the outbox")
    status, body, headers = call(base, "redeem_magic_link", {"token": found.group(1)})
    if status != 200:
        raise SystemExit(f"sign-in link for {email} not redeemed: {status} {body[:200]!r}")
    return session_cookie(headers)


def allowed(base, cookie, mentor, mentee):
    """Whether matching allows the pair: preview_pair gives it a score."""
    status, body, _ = call(base, "preview_pair", {
        "pair[mentor_id]": mentor, "pair[mentee_id]": mentee}, cookie)
    return status == 200 and json.loads(body).get("score") is not None


def rival_groups(db, base, cookie, clients):
    """Groups that race: (mentor, [mentees]) and ([mentors], mentee), each pair allowed."""
    free_mentors = db.rows(
        "SELECT id, city_id FROM mentors WHERE status = 'available' AND id NOT IN "
        f"(SELECT mentor_id FROM duos WHERE status IN {OPEN}) ORDER BY id")
    free_mentees = db.rows(
        "SELECT id, city_id FROM mentees WHERE status = 'waiting' AND id NOT IN "
        f"(SELECT mentee_id FROM duos WHERE status IN {OPEN}) ORDER BY id")
    by_city = {}
    for mid, city in free_mentors:
        by_city.setdefault(city, ([], []))[0].append(int(mid))
    for eid, city in free_mentees:
        by_city.setdefault(city, ([], []))[1].append(int(eid))
    groups = []
    for mentors, mentees in by_city.values():
        for mentor in mentors[:3]:
            rivals = [e for e in mentees if allowed(base, cookie, mentor, e)][:clients]
            if len(rivals) >= 2:
                groups.append(("mentor", mentor, rivals))
        for mentee in mentees[:3]:
            rivals = [m for m in mentors if allowed(base, cookie, m, mentee)][:clients]
            if len(rivals) >= 2:
                groups.append(("mentee", mentee, rivals))
    if not groups:
        raise SystemExit("the demo data holds no free mentor and mentees to race for")
    return groups


def active_duos(db, limit):
    """(duo id, mentor's e-mail) of active duos whose mentor has an account, oldest first."""
    return [(int(duo), email) for duo, email in db.rows(
        "SELECT d.id, u.email FROM duos d JOIN mentors m ON m.id = d.mentor_id "
        "JOIN users u ON u.id = m.user_id WHERE d.status = 'active' AND u.disabled_at IS NULL "
        f"ORDER BY d.id LIMIT {int(limit)}")]


def json_body(body):
    try:
        return json.loads(body)
    except ValueError:
        return None


def clean_up(work, log, db, ok, kept="server.log"):
    """The end of a run: closes the server log and drops the database, and removes the work
    folder, unless the run failed: then it stays, and the last line says where."""
    log.close()
    db.drop()
    if ok:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"  kept for a look: {work} ({kept})")
