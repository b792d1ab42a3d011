#!/usr/bin/env python3
"""make race-test: K clients released at once try to put the same mentor (or the same
mentee) into a duo, through the release server. On PostgreSQL two server processes share the
database and the clients alternate between them, with one session made on the first; on
SQLite there is one process. Prints attempts, successes (exactly one per round) and double
bookings (none), and exits 1 when either is wrong.

Usage: race_test.py --server BIN --backend sqlite|postgres [--rounds N] [--clients K]
"""
import argparse, json, os, shutil, socket, sqlite3, subprocess, sys, tempfile, threading, time
import urllib.error, urllib.parse, urllib.request

OPEN = "('proposed', 'introduced', 'active', 'closing')"
PG_SERVER = os.environ.get("RACE_POSTGRES", "postgres://postgres@127.0.0.1:5432")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Database:
    """A scratch database: an SQLite file, or a PostgreSQL database dropped at the end."""

    def __init__(self, backend, work):
        self.backend = backend
        if backend == "sqlite":
            self.path = os.path.join(work, "race.sqlite")
            self.url = f"sqlite://{self.path}?mode=rwc"
        else:
            self.name = f"duo_race_{os.getpid()}_{int(time.time())}"
            self.psql("postgres", f'CREATE DATABASE "{self.name}"')
            self.url = f"{PG_SERVER}/{self.name}"

    def psql(self, database, sql):
        out = subprocess.run(
            ["psql", f"{PG_SERVER}/{database}", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql],
            check=True, capture_output=True, text=True)
        return [line.split("|") for line in out.stdout.splitlines() if line]

    def rows(self, sql):
        if self.backend == "sqlite":
            with sqlite3.connect(self.path) as db:
                return [[str(v) for v in row] for row in db.execute(sql)]
        return self.psql(self.name, sql)

    def drop(self):
        if self.backend == "postgres":
            self.psql("postgres", f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class Server:
    def __init__(self, binary, url, log):
        self.port = free_port()
        env = dict(os.environ, DATABASE_URL=url, SITE_ADDR=f"127.0.0.1:{self.port}",
                   SIGN_INS_PER_ADDRESS="1000000", RUST_LOG="warn")
        self.process = subprocess.Popen([binary], env=env, stdout=log, stderr=log)
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(240):
            try:
                urllib.request.urlopen(self.base + "/health", timeout=1)
                return
            except OSError:
                if self.process.poll() is not None:
                    raise SystemExit("the server stopped at start; see its log")
                time.sleep(0.25)
        raise SystemExit("the server did not answer /health")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def call(base, function, form, cookie=None):
    body = urllib.parse.urlencode(form).encode()
    request = urllib.request.Request(f"{base}/api/{function}", data=body, method="POST")
    request.add_header("content-type", "application/x-www-form-urlencoded")
    request.add_header("accept", "application/json")
    if cookie:
        request.add_header("cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read(), answer.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


def sign_in(base):
    status, body, headers = call(base, "sign_in", {
        "email": "admin@demo.duo.be", "password": "demo-password-2026"})
    if status != 200:
        raise SystemExit(f"sign-in failed: {status} {body[:200]!r}")
    for value in headers.get_all("set-cookie") or []:
        if value.startswith("duo_session="):
            return value.split(";")[0]
    raise SystemExit("no session cookie")


def allowed(base, cookie, mentor, mentee):
    status, body, _ = call(base, "preview_pair", {
        "pair[mentor_id]": mentor, "pair[mentee_id]": mentee}, cookie)
    return status == 200 and json.loads(body).get("score") is not None


def pools(db, base, cookie, clients):
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="duo-race-")
    db = Database(args.backend, work)
    servers = []
    ok = False
    log = open(os.path.join(work, "server.log"), "w")
    try:
        subprocess.run([args.server, "seed"], env=dict(os.environ, DATABASE_URL=db.url),
                       check=True, stdout=log, stderr=log)
        instances = 2 if args.backend == "postgres" else 1
        servers = [Server(args.server, db.url, log) for _ in range(instances)]
        cookie = sign_in(servers[0].base)
        groups = pools(db, servers[0].base, cookie, args.clients)
        attempts = successes = bad_rounds = other = 0
        started = time.time()
        for round_no in range(args.rounds):
            side, fixed, rivals = groups[round_no % len(groups)]
            pairs = [(fixed, r) if side == "mentor" else (r, fixed) for r in rivals]
            barrier = threading.Barrier(len(pairs))
            results = [None] * len(pairs)

            def attempt(i, mentor, mentee):
                base = servers[i % len(servers)].base
                barrier.wait()
                results[i] = call(base, "propose_duo",
                                  {"mentor_id": mentor, "mentee_id": mentee}, cookie)

            threads = [threading.Thread(target=attempt, args=(i, m, e))
                       for i, (m, e) in enumerate(pairs)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            won = [r for r in results if r[0] == 200]
            attempts += len(results)
            successes += len(won)
            other += sum(1 for r in results if r[0] not in (200, 409))
            if len(won) != 1:
                bad_rounds += 1
            # Back to the pool for the rounds that reuse these people.
            for status, body, _ in won:
                duo = json.loads(body)["id"]
                status, body, _ = call(servers[-1].base, "cancel_proposal", {"duo_id": duo}, cookie)
                if status != 200:
                    raise SystemExit(f"cancel failed: {status} {body[:200]!r}")
        elapsed = time.time() - started
        double = sum(int(n) for (n,) in db.rows(
            "SELECT COUNT(*) FROM (SELECT mentor_id FROM duos WHERE status IN "
            f"{OPEN} GROUP BY mentor_id HAVING COUNT(*) > 1) m") + db.rows(
            "SELECT COUNT(*) FROM (SELECT mentee_id FROM duos WHERE status IN "
            f"{OPEN} GROUP BY mentee_id HAVING COUNT(*) > 1) e"))
        print(f"race-test on {args.backend}, {len(servers)} instance(s), up to {args.clients} clients, "
              f"{args.rounds} rounds in {elapsed:.1f} s")
        print(f"  attempts                     {attempts}")
        print(f"  successes                    {successes} (must be {args.rounds})")
        print(f"  rounds without exactly one   {bad_rounds} (must be 0)")
        print(f"  double bookings in the data  {double} (must be 0)")
        print(f"  answers other than 200/409   {other} (must be 0)")
        ok = bad_rounds == 0 and double == 0 and other == 0 and successes == args.rounds
        return 0 if ok else 1
    finally:
        for server in servers:
            server.stop()
        log.close()
        db.drop()
        if ok:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"  kept for a look: {work} (server.log)")


if __name__ == "__main__":
    sys.exit(main())
