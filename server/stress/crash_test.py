#!/usr/bin/env python3
"""make crash-test: the release server is killed with SIGKILL at random moments while clients
write, and nothing it acknowledged may be lost.

The server runs pinned to core 0; the clients run on core 1. Most clients are mentors logging
meetings, each under a fresh idempotency key, and one in ten of those is invalid on purpose
(0 minutes) so that a refused write can be looked for too. The others are coordinators
proposing duos from one small pool of allowed pairs, which they contend for, and cancelling
them. Every answer goes to a ledger on disk (flushed per entry, synced before each check). A
write whose answer was lost in the kill is sent again after the restart, with the same key,
as a phone's queue would.

After each kill, with the server down, the database is checked against the whole ledger:
- SQLite's integrity_check and foreign_key_check pass (PostgreSQL keeps its own log; its
  foreign keys are checked by a query);
- every acknowledged meeting is there, under its key and with its id; every acknowledged
  proposal is there, and every acknowledged cancellation left its duo declined;
- no refused meeting is there;
- no mentor and no mentee is in more than one open duo.

Prints cycles, acknowledged writes checked and losses, and exits 1 when any check fails.

Usage: crash_test.py --server BIN --backend sqlite|postgres [--cycles N] [--clients K]
"""
import argparse, json, os, random, sys, tempfile, threading, time, uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from harness import OPEN, Database, Server, active_duos, call, clean_up, json_body
from harness import rival_groups, sign_in, sign_in_mentor


class Ledger:
    """What the server answered, one JSON line per answer, in a file."""

    def __init__(self, path):
        self.path = path
        self.file = open(path, "a")
        self.lock = threading.Lock()

    def write(self, **entry):
        with self.lock:
            self.file.write(json.dumps(entry) + "\n")
            self.file.flush()

    def sync(self):
        with self.lock:
            self.file.flush()
            os.fsync(self.file.fileno())

    def entries(self):
        with open(self.path) as f:
            return [json.loads(line) for line in f]


class Gate:
    """Where clients wait while the server is down. The main thread opens it once the server
    answers, and after a kill waits until every client has come back to it, so that no request
    is in flight while the database is checked."""

    def __init__(self, clients):
        self.clients = clients
        self.condition = threading.Condition()
        self.open = False
        self.base = None
        self.waiting = 0
        self.finished = False

    def let_in(self, base):
        with self.condition:
            self.base, self.open = base, True
            self.condition.notify_all()

    def close(self):
        with self.condition:
            self.open = False

    def wait_for_all(self, timeout=60):
        with self.condition:
            return self.condition.wait_for(lambda: self.waiting == self.clients, timeout)

    def leave(self):
        """A client that stopped on an error no longer counts."""
        with self.condition:
            self.clients -= 1
            self.condition.notify_all()

    def finish(self):
        with self.condition:
            self.finished, self.open = True, True
            self.condition.notify_all()

    def enter(self):
        """Blocks while the server is down; the server's address, or None at the end."""
        with self.condition:
            if not self.open:
                self.waiting += 1
                self.condition.notify_all()
                self.condition.wait_for(lambda: self.open)
                self.waiting -= 1
            return None if self.finished else self.base


def brussels_today():
    return datetime.now(ZoneInfo("Europe/Brussels")).date().isoformat()


class Counts:
    def __init__(self):
        self.lock = threading.Lock()
        self.values = {}

    def add(self, name, n=1):
        with self.lock:
            self.values[name] = self.values.get(name, 0) + n

    def __getitem__(self, name):
        return self.values.get(name, 0)


def mentor_client(gate, ledger, counts, duo, cookie):
    """Logs meetings of one duo; a write without an answer is sent again with its key."""
    unanswered = None
    while True:
        base = gate.enter()
        if base is None:
            return
        if unanswered is None:
            valid = random.random() >= 0.1
            unanswered = {"duo_id": duo, "held_on": brussels_today(),
                          "minutes": "120" if valid else "0", "topics": ["cv"],
                          "note": "crash test", "next_steps": "",
                          "idempotency_key": f"crash-{uuid.uuid4().hex}"}
        else:
            counts.add("resent")
        log = unanswered
        try:
            status, body, _ = call(base, "log_meeting", {"log": log}, cookie, timeout=30,
                                   as_json=True)
        except OSError:
            counts.add("lost answers")
            continue
        unanswered = None
        key = log["idempotency_key"]
        if status == 200:
            ledger.write(kind="meeting", key=key, duo=duo, id=json_body(body)["meeting_id"])
        elif status == 422 and log["minutes"] == "0":
            ledger.write(kind="refused", key=key)
        else:
            ledger.write(kind="unexpected", call="log_meeting", status=status,
                         body=body[:200].decode(errors="replace"))


def matcher_client(gate, ledger, counts, pairs, cookie):
    """Proposes duos from the shared pool and cancels them; a cancellation without an answer
    is sent again. A proposal without an answer is left to the sweep after the restart."""
    to_cancel = None
    while True:
        base = gate.enter()
        if base is None:
            return
        try:
            if to_cancel is None:
                mentor, mentee = random.choice(pairs)
                status, body, _ = call(base, "propose_duo",
                                       {"mentor_id": mentor, "mentee_id": mentee}, cookie,
                                       timeout=30)
                if status == 200:
                    to_cancel = json_body(body)["id"]
                    ledger.write(kind="proposed", duo=to_cancel, mentor=mentor, mentee=mentee)
                elif status == 409:
                    counts.add("proposals refused as taken")
                else:
                    ledger.write(kind="unexpected", call="propose_duo", status=status,
                                 body=body[:200].decode(errors="replace"))
            else:
                status, body, _ = call(base, "cancel_proposal", {"duo_id": to_cancel}, cookie,
                                       timeout=30)
                # 409 after a lost answer: the first cancellation was done.
                if status in (200, 409):
                    ledger.write(kind="cancelled", duo=to_cancel)
                else:
                    ledger.write(kind="unexpected", call="cancel_proposal", status=status,
                                 body=body[:200].decode(errors="replace"))
                to_cancel = None
        except OSError:
            counts.add("lost answers")


def guarded(client, gate, ledger, *args):
    """Runs a client; an error in the script itself is written down as a failure, and the
    client stops counting at the gate so that the checks do not wait for it."""
    try:
        client(gate, ledger, *args)
    except Exception as error:  # noqa: BLE001 - any error here is the test's own failure
        ledger.write(kind="unexpected", call=client.__name__, status=0, body=repr(error))
        gate.leave()


def check(db, ledger, first_new_duo):
    """Every check of the module's docstring, against the whole ledger. Returns the figures and
    the list of failures."""
    ledger.sync()
    entries = ledger.entries()
    failures = []
    if db.backend == "sqlite":
        integrity = db.rows("PRAGMA integrity_check")
        if integrity != [["ok"]]:
            failures.append(f"integrity_check: {integrity[:5]}")
        foreign = db.rows("PRAGMA foreign_key_check")
        if foreign:
            failures.append(f"foreign_key_check: {foreign[:5]}")
    else:
        orphans = db.rows("SELECT COUNT(*) FROM meetings m LEFT JOIN duos d ON d.id = m.duo_id "
                          "WHERE d.id IS NULL")
        if orphans != [["0"]]:
            failures.append(f"meetings without their duo: {orphans}")
    stored = {key: (int(mid), int(duo)) for key, mid, duo in db.rows(
        "SELECT idempotency_key, id, duo_id FROM meetings WHERE idempotency_key LIKE 'crash-%'")}
    duos = {int(i): (int(m), int(e), s) for i, m, e, s in db.rows(
        f"SELECT id, mentor_id, mentee_id, status FROM duos WHERE id >= {first_new_duo}")}
    checked = losses = refused_present = 0
    for entry in entries:
        kind = entry["kind"]
        if kind == "meeting":
            checked += 1
            if stored.get(entry["key"]) != (entry["id"], entry["duo"]):
                losses += 1
                failures.append(f"acknowledged meeting missing: {entry}")
        elif kind == "refused":
            if entry["key"] in stored:
                refused_present += 1
                failures.append(f"refused meeting stored: {entry}")
        elif kind == "proposed":
            checked += 1
            if duos.get(entry["duo"], (None, None))[:2] != (entry["mentor"], entry["mentee"]):
                losses += 1
                failures.append(f"acknowledged proposal missing: {entry}")
        elif kind == "cancelled":
            checked += 1
            if duos.get(entry["duo"], (None, None, None))[2] != "declined":
                losses += 1
                failures.append(f"acknowledged cancellation missing: {entry}")
        elif kind == "unexpected":
            failures.append(f"unexpected answer: {entry}")
    double = db.rows(
        "SELECT COUNT(*) FROM (SELECT mentor_id FROM duos WHERE status IN "
        f"{OPEN} GROUP BY mentor_id HAVING COUNT(*) > 1) m") + db.rows(
        "SELECT COUNT(*) FROM (SELECT mentee_id FROM duos WHERE status IN "
        f"{OPEN} GROUP BY mentee_id HAVING COUNT(*) > 1) e")
    double_bookings = sum(int(n) for (n,) in double)
    if double_bookings:
        failures.append(f"people in more than one open duo: {double_bookings}")
    refused = sum(1 for e in entries if e["kind"] == "refused")
    return {"checked": checked, "losses": losses, "refused": refused,
            "refused present": refused_present, "double bookings": double_bookings}, failures


def sweep(base, cookie, db, first_new_duo):
    """Cancels the test's proposals left open by a kill, as a coordinator would on the board,
    so that the pool of pairs does not dry up."""
    for (duo,) in db.rows(f"SELECT id FROM duos WHERE id >= {first_new_duo} "
                          "AND status = 'proposed'"):
        call(base, "cancel_proposal", {"duo_id": duo}, cookie)


def pin(cpus):
    """Moves this process (and the threads it starts) to `cpus`, when the machine has them."""
    if hasattr(os, "sched_setaffinity") and cpus <= os.sched_getaffinity(0):
        os.sched_setaffinity(0, cpus)
        return True
    return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--backend", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--clients", type=int, default=24, help="16 to 32")
    parser.add_argument("--seed", type=int, default=None, help="of the random kill moments")
    args = parser.parse_args()
    random.seed(args.seed)
    work = tempfile.mkdtemp(prefix="duo-crash-")
    db = Database(args.backend, work, "crash")
    ledger = Ledger(os.path.join(work, "ledger.jsonl"))
    log = open(os.path.join(work, "server.log"), "w")
    server, threads, gate, ok = None, [], None, False
    try:
        db.seed(args.server, log)
        pinned = pin({1})
        start = lambda: Server(args.server, db.url, log, cpus="0" if pinned else None)
        server = start()
        staff = sign_in(server.base)
        mentors = [(duo, sign_in_mentor(server.base, db, email))
                   for duo, email in active_duos(db, args.clients)]
        if not mentors:
            raise SystemExit("the demo data holds no active duo with a mentor account")
        pairs = [(fixed, rival) if side == "mentor" else (rival, fixed)
                 for side, fixed, rivals in rival_groups(db, server.base, staff, 4)
                 for rival in rivals]
        first_new_duo = int(db.rows("SELECT COALESCE(MAX(id), 0) + 1 FROM duos")[0][0])
        matchers = max(2, args.clients // 8)
        writers = args.clients - matchers
        counts = Counts()
        gate = Gate(args.clients)
        for i in range(writers):
            duo, cookie = mentors[i % len(mentors)]
            threads.append(threading.Thread(
                target=guarded, args=(mentor_client, gate, ledger, counts, duo, cookie)))
        for _ in range(matchers):
            threads.append(threading.Thread(
                target=guarded, args=(matcher_client, gate, ledger, counts, pairs, staff)))
        for t in threads:
            t.start()
        started = time.time()
        figures, failures = {}, []
        for cycle in range(1, args.cycles + 1):
            if server is None:
                server = start()
                sweep(server.base, staff, db, first_new_duo)
            gate.let_in(server.base)
            time.sleep(random.uniform(0.2, 1.5))
            gate.close()
            server.kill()
            server = None
            if not gate.wait_for_all():
                failures = ["clients still busy 60 s after the kill"]
                break
            figures, failures = check(db, ledger, first_new_duo)
            if failures:
                print(f"cycle {cycle}: " + "; ".join(failures[:5]), file=sys.stderr)
                break
        cycles = cycle
        elapsed = time.time() - started
        entries = ledger.entries()
        meetings = sum(1 for e in entries if e["kind"] == "meeting")
        proposals = sum(1 for e in entries if e["kind"] == "proposed")
        cancels = sum(1 for e in entries if e["kind"] == "cancelled")
        print(f"crash-test on {args.backend}, {writers} mentors logging and {matchers} "
              f"coordinators matching, server {'on core 0, clients on core 1' if pinned else 'unpinned'}, "
              f"{cycles} SIGKILL cycles in {elapsed:.1f} s")
        print(f"  acknowledged writes checked   {figures.get('checked', 0)} "
              f"({meetings} meetings, {proposals} proposals, {cancels} cancellations)")
        print(f"  refused writes checked        {figures.get('refused', 0)}")
        print(f"  answers lost in a kill        {counts['lost answers']} "
              f"(meetings sent again with their key: {counts['resent']})")
        print(f"  proposals refused as taken    {counts['proposals refused as taken']}")
        print(f"  losses                        {figures.get('losses', 0)} (must be 0)")
        print(f"  refused writes stored         {figures.get('refused present', 0)} (must be 0)")
        print(f"  double bookings               {figures.get('double bookings', 0)} (must be 0)")
        print(f"  failed checks                 {len(failures)} (must be 0)")
        ok = not failures and cycles == args.cycles and figures.get("checked", 0) > 0
        return 0 if ok else 1
    finally:
        if gate is not None:
            gate.finish()
        if server is not None:
            server.kill()
        for t in threads:
            t.join()
        clean_up(work, log, db, ok, "server.log, ledger.jsonl")


if __name__ == "__main__":
    sys.exit(main())
