#!/usr/bin/env python3
"""make race-test: K clients released at once try to put the same mentor (or the same
mentee) into a duo, through the release server. On PostgreSQL two server processes share the
database and the clients alternate between them, with one session made on the first; on
SQLite there is one process. Prints attempts, successes (exactly one per round) and double
bookings (none), and exits 1 when either is wrong.

Usage: race_test.py --server BIN --backend sqlite|postgres [--rounds N] [--clients K]
"""
import argparse, json, os, sys, tempfile, threading, time

from harness import OPEN, Database, Server, call, clean_up, rival_groups, sign_in


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="duo-race-")
    db = Database(args.backend, work, "race")
    servers = []
    ok = False
    log = open(os.path.join(work, "server.log"), "w")
    try:
        db.seed(args.server, log)
        instances = 2 if args.backend == "postgres" else 1
        servers = [Server(args.server, db.url, log) for _ in range(instances)]
        cookie = sign_in(servers[0].base)
        groups = rival_groups(db, servers[0].base, cookie, args.clients)
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
        clean_up(work, log, db, ok)


if __name__ == "__main__":
    sys.exit(main())
