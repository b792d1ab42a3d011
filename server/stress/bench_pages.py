#!/usr/bin/env python3
"""make bench-pages: Lighthouse, in its default mobile form factor and throttling, on the pages a
phone opens first: the public sign-up form, and a signed-in mentor's home and meeting log,
against the release server on a seeded SQLite database. Prints the performance and
accessibility scores, what the phone downloads on the first load (HTML, CSS, WASM, JS, as
transferred, with the encoding Chromium received), the site's own WASM and JS files (raw,
gzip, brotli) and whether each goal is met. Exits 0 once it has measured, goals met or not,
and 1 when the setup fails: no server, site, Chromium or Lighthouse, or a page that did not load.

Usage: bench_pages.py --server BIN [--site-root DIR] [--runs N] [--chrome PATH] [--keep]
"""
import argparse, gzip, json, os, shutil, subprocess, sys, tempfile, time, tomllib
from pathlib import Path

import lighthouse
from harness import Database, Server, active_duos, call, json_body, sign_in_mentor
from lighthouse import KINDS, LIGHTHOUSE

REPO = Path(__file__).resolve().parents[2]
PAGES = [("/volunteer", False), ("/mentor", True), ("/mentor/meeting", True)]
PERF_GOAL, A11Y_GOAL, WASM_GOAL = 0.95, 1.0, 250_000
# The same file at brotli quality 11 (what a precompressed file would be) and 4 (what
# tower-http's CompressionLayer uses on the fly), by node's zlib: Python has no brotli.
BROTLI = """const z = require('zlib'), fs = require('fs');
const q = (b, n) => z.brotliCompressSync(b, {params: {[z.constants.BROTLI_PARAM_QUALITY]: n,
  [z.constants.BROTLI_PARAM_SIZE_HINT]: b.length}}).length;
console.log(JSON.stringify(process.argv.slice(1).map((f) => {
  const b = fs.readFileSync(f); return [q(b, 4), q(b, 11)]; })));"""


def leptos_site(site_root):
    """(site root, pkg dir, output name) as the server finds them: LEPTOS_* variables, else
    Cargo.toml's [[workspace.metadata.leptos]], read from the checkout as .ci/e2e.sh runs it."""
    with open(REPO / "Cargo.toml", "rb") as f:
        meta = tomllib.load(f)["workspace"]["metadata"]["leptos"][0]
    root = site_root or os.environ.get("LEPTOS_SITE_ROOT") or meta.get("site-root", "target/site")
    target = os.environ.get("CARGO_TARGET_DIR") or str(REPO / "target")
    if root.startswith("CARGO_TARGET_DIR"):
        root = target + root[len("CARGO_TARGET_DIR"):]
    pkg = os.environ.get("LEPTOS_SITE_PKG_DIR") or meta.get("site-pkg-dir", "pkg")
    name = os.environ.get("LEPTOS_OUTPUT_NAME") or meta.get("output-name") or meta["name"]
    return (REPO / root).resolve(), pkg, name


def file_sizes(paths):
    """{path: (raw, gzip -9, brotli q4, brotli q11)} of the files the phone downloads."""
    brotli = json.loads(subprocess.run(["node", "-e", BROTLI, *map(str, paths)], check=True,
                                       capture_output=True, text=True).stdout)
    sizes = {}
    for path, (br4, br11) in zip(paths, brotli):
        data = path.read_bytes()
        sizes[path] = (len(data), len(gzip.compress(data, 9)), br4, br11)
    return sizes


def kb(n):
    return f"{n / 1000:.1f}"


def report(results, files, runs, version):
    print(f"bench-pages: Lighthouse {version}, mobile (default emulation and simulated throttling), "
          f"median of {runs} run(s) by performance; KB = 1000 bytes, as transferred")
    print(f"{'page':18}{'perf':>6}{'a11y':>6}{'FCP s':>7}{'LCP s':>7}{'TBT ms':>8}{'CLS':>6}"
          + "".join(f"{k:>8}" for k in KINDS) + f"{'total':>8}")
    for path, r in results.items():
        m = r["metrics"]
        print(f"{path:18}{r['perf']:>6.2f}{r['a11y']:>6.2f}{m['first-contentful-paint'] / 1000:>7.1f}"
              f"{m['largest-contentful-paint'] / 1000:>7.1f}{m['total-blocking-time']:>8.0f}"
              f"{m['cumulative-layout-shift']:>6.2f}" + "".join(f"{kb(r['sizes'][k]):>8}" for k in KINDS)
              + f"{kb(sum(r['sizes'].values())):>8}")
    for path, r in results.items():
        got = ", ".join(f"{k} {'/'.join(sorted(r['encoding'][k]))}" for k in KINDS[:4] if k in r["encoding"])
        print(f"  {path}: Chromium got {got}; host benchmark index {r['benchmark']}")
    print(f"\n{'site file':28}{'raw KB':>9}{'gzip-9':>9}{'br-4':>9}{'br-11':>9}   (br-4: the server's on-the-fly level)")
    for path, (raw, gz, br4, br11) in files.items():
        print(f"{path.parent.name + '/' + path.name:28}{kb(raw):>9}{kb(gz):>9}{kb(br4):>9}{kb(br11):>9}")
    print("\ngoal                                          measured  met")
    for path, r in results.items():
        print(f"{'performance >= 0.95 on ' + path:46}{r['perf']:>8.2f}  {'yes' if r['perf'] >= PERF_GOAL else 'NO'}")
    for path, r in results.items():
        print(f"{'accessibility = 1.00 on ' + path:46}{r['a11y']:>8.2f}  {'yes' if r['a11y'] >= A11Y_GOAL else 'NO'}")
    wasm = results["/mentor"]["sizes"]["WASM"]
    met = "yes" if 0 < wasm <= WASM_GOAL else "NO (no WASM was loaded)" if wasm == 0 else "NO"
    print(f"{'WASM <= 250 KB on a mentor first load':46}{kb(wasm):>8}  {met}")
    for path, r in results.items():
        m = r["metrics"]
        print(f"\n{path}: server {r['server_ms']:.0f} ms, time to interactive "
              f"{m['interactive'] / 1000:.1f} s; LCP element {r['lcp']}")
        print("  main thread (ms): " + ", ".join(f"{name} {ms:.0f}" for name, ms in r["main_thread"])
              + "; by file: " + ", ".join(f"{name} {ms:.0f}" for name, ms in r["boot"]))
        for saving, title, shown in r["savings"]:
            print(f"  would help: {title} ({shown}; up to {saving:.0f} ms)")
        for title in r["a11y_failed"]:
            print(f"  accessibility failed: {title}")
        for warning in r["warnings"]:
            print(f"  warning: {warning[:150]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True, help="the release server binary")
    parser.add_argument("--site-root", help="the built site; default as the server finds it")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median)")
    parser.add_argument("--chrome", default=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    parser.add_argument("--timeout", type=int, default=300, help="seconds per Lighthouse run")
    parser.add_argument("--keep", action="store_true", help="keep the reports and the server log")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    args.server = os.path.abspath(args.server)
    if args.site_root:
        args.site_root = os.path.abspath(args.site_root)
    os.chdir(REPO)  # The server looks for the site from the checkout, as in .ci/e2e.sh.
    site, pkg, name = leptos_site(args.site_root)
    checks = [(args.server, "the release server (make build-release)"),
              (site / pkg / f"{name}.wasm", "the site's WASM (make build-release, or --site-root)"),
              (args.chrome, "Chromium (apt-get install chromium, or --chrome)"),
              (LIGHTHOUSE / "cli" / "index.js", "Lighthouse (npm ci in end2end/lighthouse)")]
    for path, what in checks:
        if not os.path.exists(path):
            raise SystemExit(f"bench-pages: {what} is missing: {path}")
    if shutil.which("node") is None:
        raise SystemExit("bench-pages: node is missing")
    version = json.loads((LIGHTHOUSE / "package.json").read_text())["version"]
    files = file_sizes(sorted(p for p in (site / pkg).iterdir() if p.suffix in (".wasm", ".js", ".css")))
    work = tempfile.mkdtemp(prefix="duo-pages-")
    db = Database("sqlite", work, "pages")
    server = None
    ok = False
    log = open(os.path.join(work, "server.log"), "w")
    try:
        db.seed(args.server, log)
        server = Server(args.server, db.url, log, env={"LEPTOS_SITE_ROOT": str(site)})
        duos = active_duos(db, 1)
        if not duos:
            raise SystemExit("bench-pages: the demo data holds no active duo with a mentor account")
        cookie = sign_in_mentor(server.base, db, duos[0][1])
        # A refused cookie still gets 200 and a "please sign in" page: check it works first.
        status, body, _ = call(server.base, "get_my_duo", {}, cookie)
        if status != 200 or not (json_body(body) or {}).get("duo"):
            raise SystemExit(f"bench-pages: the mentor's session shows no duo: {status} {body[:200]!r}")
        results = {}
        for path, signed_in in PAGES:
            runs = []
            for n in range(args.runs):
                label = f"{path.strip('/').replace('/', '-')}-{n + 1}"
                started = time.time()
                runs.append(lighthouse.run(server.base + path, cookie if signed_in else None, work,
                                           label, args.chrome, args.timeout))
                print(f"  {path} run {n + 1}: performance {runs[-1]['perf']:.2f} in "
                      f"{time.time() - started:.0f} s", file=sys.stderr)
            results[path] = sorted(runs, key=lambda r: r["perf"])[len(runs) // 2]
        report(results, files, args.runs, version)
        ok = True
        return 0
    finally:
        if server:
            server.stop()
        log.close()
        db.drop()
        if ok and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"  kept for a look: {work} (Lighthouse reports and logs, server.log)")


if __name__ == "__main__":
    sys.exit(main())
