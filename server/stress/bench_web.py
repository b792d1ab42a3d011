#!/usr/bin/env python3
"""make bench-web: the release server under wrk on loopback, beside a bare axum hello-world
from the same binary (`server hello-world`), the ceiling of this machine. On the demo data it
measures the mentor's home (GET /mentor, signed in), the coordinator's matching board
(GET /coordinator/matching, signed in as coordinator.brussels@demo.duo.be), the public sign-up
page (GET /volunteer) and the log_meeting server function (POST /api/log_meeting, a new
idempotency key per request). Pages are asked for as a browser asks: HTML, compressed.

Prints for each scenario requests per second, p50 and p99 latency, errors (answers other than
2xx, and socket errors) and the share of the ceiling's requests per second, then whether each
goal is met. Goals are measurements, not checks: the exit status is 0 whether or not they are
met, 1 when a scenario had errors or the set-up failed.

Usage: bench_web.py --server BIN [--backend sqlite|postgres] [--duration S] [--connections C]
                    [--threads T] [--quick] [--no-pin] [--accept-encoding VALUE]
Defaults come from BENCH_DURATION (10), BENCH_CONNECTIONS (32) and BENCH_THREADS (2).
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time
import urllib.error, urllib.request

from harness import Database, Server, active_duos, call, sign_in, sign_in_mentor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
WRK = os.path.join(HERE, "wrk")
COORDINATOR = "coordinator.brussels@demo.duo.be"
# Goals, at 32 connections on a 2-core machine: a page's share of the ceiling and its p99; the
# log_meeting rate and p99 (set on SQLite).
PAGE_SHARE, PAGE_P99_MS = 0.15, 25
LOG_RATE, LOG_P99_MS = 2000, 50


def wrk(args, base, path, script, script_args, pin):
    """One wrk run; the figures its done() printed, as a dict."""
    command = ["wrk", "-t", str(args.threads), "-c", str(args.connections),
               "-d", f"{args.duration}s", "--timeout", "2s",
               "-s", os.path.join(WRK, script), base + path, "--", *script_args]
    if pin is not None:
        command = ["taskset", "-c", pin] + command
    out = subprocess.run(command, capture_output=True, text=True)
    for line in out.stdout.splitlines():
        if line.startswith("BENCH_RESULT "):
            result = json.loads(line[len("BENCH_RESULT "):])
            result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
            result["errors"] = sum(result[k] for k in ("non2xx", "connect", "read", "write",
                                                       "timeout"))
            return result
    raise SystemExit(f"wrk gave no figures for {path} (exit {out.returncode}):\n"
                     f"{out.stdout}{out.stderr}")


def get_page(base, path, cookie):
    """Status and body of a page, uncompressed, for the check before it is measured."""
    request = urllib.request.Request(base + path, headers={"accept": "text/html"})
    if cookie:
        request.add_header("cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def check_page(base, path, cookie):
    """Refuses to measure a page that does not render as it should for this visitor."""
    status, body = get_page(base, path, cookie)
    problems = []
    if status != 200:
        problems.append(f"status {status}")
    if 'class="notice error"' in body:
        problems.append("it shows an error notice")
    if cookie and "/api/sign_out" not in body:
        problems.append("it is not rendered for a signed-in user")
    if problems:
        raise SystemExit(f"GET {path} is not fit to measure: {', '.join(problems)}")


def meeting_setup(db, base, run_tag):
    """The log_meeting scenario's mentor, duo and date, checked with one real log: a second
    active duo when there is one, so that the home page measured keeps the demo data."""
    duos = active_duos(db, 2)
    if not duos:
        raise SystemExit("the demo data holds no active duo with a mentor account")
    page_mentor = duos[0][1]
    duo_id, email = duos[-1]
    cookie = sign_in_mentor(base, db, email)
    started = db.rows(f"SELECT started_on FROM duos WHERE id = {duo_id}")
    if not started or not started[0][0] or started[0][0] == "None":
        raise SystemExit(f"duo {duo_id} has no start date")
    held_on = started[0][0][:10]
    status, body, _ = call(base, "log_meeting", {"log": {
        "duo_id": duo_id, "held_on": held_on, "minutes": "120", "topics": ["cv"],
        "note": "", "next_steps": "", "idempotency_key": f"{run_tag}-check"}}, cookie,
        as_json=True)
    if status != 200:
        raise SystemExit(f"log_meeting refused the check: {status} {body[:300]!r}")
    return page_mentor, (cookie, base, str(duo_id), held_on, run_tag), duo_id


def panics(path):
    """What the server log says about panics: each one drops a connection (a read error)."""
    with open(path) as log:
        lines = log.read().splitlines()
    found = [lines[i + 1] for i, line in enumerate(lines[:-1]) if " panicked at " in line]
    return [f"the server panicked {len(found)} times, first: {found[0]}"] if found else []


def meetings_of(db, duo_id):
    return int(db.rows(f"SELECT COUNT(*) FROM meetings WHERE duo_id = {duo_id}")[0][0])


def verdicts(name, result, ceiling, args):
    """(goal, met) pairs for one scenario."""
    p99_ms = result["p99_us"] / 1000
    if name == "ceiling":
        return []
    if name == "log_meeting":
        note = "" if args.backend == "sqlite" else " (goal set for SQLite)"
        return [(f"log_meeting >= {LOG_RATE}/s{note}", result["rps"] >= LOG_RATE),
                (f"log_meeting p99 < {LOG_P99_MS} ms", p99_ms < LOG_P99_MS),
                ("log_meeting 0 errors", result["errors"] == 0)]
    return [(f"{name} >= {PAGE_SHARE:.0%} of ceiling", result["rps"] >= PAGE_SHARE * ceiling),
            (f"{name} p99 < {PAGE_P99_MS} ms", p99_ms < PAGE_P99_MS)]


def report(results, args, pinning, problems):
    ceiling = results["ceiling"]["rps"]
    print(f"\nbench-web on {args.backend}: {args.duration} s per scenario, {args.connections} "
          f"connections, {args.threads} wrk threads, {pinning}; pages with "
          f"accept-encoding: {args.accept_encoding}")
    print(f"  {'scenario':<27}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
          f"{'of ceiling':>12}")
    for name, r in results.items():
        print(f"  {name:<27}{r['rps']:>10.0f}{r['p50_us'] / 1000:>9.2f}"
              f"{r['p99_us'] / 1000:>9.2f}{r['errors']:>8}{r['rps'] / ceiling:>12.1%}")
    bad = {name: r for name, r in results.items() if r["errors"]}
    for name, r in bad.items():
        print(f"  {name}: {r['non2xx']} answers not 2xx (first: {r['first_bad_status']}), "
              f"socket errors connect {r['connect']} read {r['read']} write {r['write']} "
              f"timeout {r['timeout']}")
    for problem in problems:
        print(f"  {problem}")
    if args.connections != 32:
        print("  goals are set at 32 connections; these figures are at", args.connections)
    for name, r in results.items():
        for goal, met in verdicts(name, r, ceiling, args):
            print(f"  {'met    ' if met else 'NOT met'}  {goal}")
    return 1 if bad or problems else 0


def pins(no_pin):
    """Server on the first core and wrk on the second, when there are two to give."""
    cores = sorted(os.sched_getaffinity(0))
    if no_pin or len(cores) < 2:
        return None, None, "server and wrk sharing the cores"
    server, client = str(cores[0]), ",".join(str(c) for c in cores[1:])
    return server, client, f"server on core {server}, wrk on core(s) {client}"


def main():
    env = os.environ.get
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--duration", type=int, default=int(env("BENCH_DURATION", "10")))
    parser.add_argument("--connections", type=int, default=int(env("BENCH_CONNECTIONS", "32")))
    parser.add_argument("--threads", type=int, default=int(env("BENCH_THREADS", "2")))
    parser.add_argument("--quick", action="store_true", help="2 s per scenario")
    parser.add_argument("--no-pin", action="store_true",
                        help="let the server and wrk share the cores rather than pin them")
    parser.add_argument("--accept-encoding", default="gzip, deflate, br, zstd",
                        help="what the pages are asked for in (default: Chromium's)")
    args = parser.parse_args()
    if args.quick:
        args.duration = 2
    binary = os.path.abspath(args.server)
    if not os.access(binary, os.X_OK):
        raise SystemExit(f"no server binary at {binary}: build it first (make build-release)")
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install wrk)")
    # Leptos reads its settings (site root, output name) from the workspace's Cargo.toml.
    os.chdir(REPO)
    server_cpus, wrk_cpus, pinning = pins(args.no_pin)
    busy = os.getloadavg()[0]
    if busy > 1:
        print(f"note: the load average is {busy:.1f} before the run; other work skews the figures")
    work = tempfile.mkdtemp(prefix="duo-bench-web-")
    log = open(os.path.join(work, "server.log"), "w")
    run_tag = f"bench-{os.getpid()}-{int(time.time())}"
    results, db, server, ok = {}, None, None, False
    try:
        # The ceiling opens no database: the address is never used.
        hello = Server(binary, "sqlite::memory:", log, cpus=server_cpus, args=["hello-world"],
                       ready="/")
        try:
            results["ceiling"] = wrk(args, hello.base, "/", "page.lua", [], wrk_cpus)
        finally:
            hello.stop()
        db = Database(args.backend, work, "bench")
        db.seed(binary, log)
        server = Server(binary, db.url, log, cpus=server_cpus)
        base = server.base
        page_mentor, log_args, log_duo = meeting_setup(db, base, run_tag)
        mentor = sign_in_mentor(base, db, page_mentor)
        coordinator = sign_in(base, COORDINATOR)
        pages = [("GET /mentor", "/mentor", mentor),
                 ("GET /coordinator/matching", "/coordinator/matching", coordinator),
                 ("GET /volunteer", "/volunteer", "")]
        for _, path, cookie in pages:
            check_page(base, path, cookie)
        for name, path, cookie in pages:
            results[name] = wrk(args, base, path, "page.lua", [cookie, args.accept_encoding],
                                wrk_cpus)
        before = meetings_of(db, log_duo)
        results["log_meeting"] = wrk(args, base, "/", "log_meeting.lua", log_args, wrk_cpus)
        stored = meetings_of(db, log_duo) - before
        answered = results["log_meeting"]["requests"] - results["log_meeting"]["non2xx"]
        # wrk leaves out the answers on their way when it stops: a few more may be stored.
        problems = [] if stored >= answered else [
            f"log_meeting: only {stored} meetings stored for {answered} answers 2xx"]
        log.flush()
        problems += panics(log.name)
        status = report(results, args, pinning, problems)
        ok = status == 0
        return status
    except subprocess.CalledProcessError as error:
        raise SystemExit(f"{' '.join(map(str, error.cmd))} failed (exit {error.returncode})")
    finally:
        if server is not None:
            server.stop()
        log.close()
        if db is not None:
            db.drop()
        if ok:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"  kept for a look: {work} (server.log)")


if __name__ == "__main__":
    sys.exit(main())
