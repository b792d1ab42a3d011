"""One Lighthouse run of bench_pages.py, in its default mobile form factor and throttling, on
Debian's Chromium, and what bench_pages.py prints from it: the scores and metrics, the bytes
transferred by kind of file, the encoding Chromium received, and the diagnostics that weigh."""
import glob, json, os, subprocess
from pathlib import Path

LIGHTHOUSE = Path(__file__).resolve().parents[2] / "end2end" / "lighthouse" / "node_modules" / "lighthouse"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
KINDS = ["HTML", "CSS", "WASM", "JS", "other"]


def kind_of(item):
    if item["url"].split("?")[0].endswith(".wasm"):
        return "WASM"
    return {"Document": "HTML", "Stylesheet": "CSS", "Script": "JS"}.get(item.get("resourceType"), "other")


def encodings(artifacts):
    """{url: content-encoding} from the DevTools log: the answers Chromium actually got."""
    found = {}
    for path in glob.glob(os.path.join(artifacts, "*.devtoolslog.json")):
        with open(path) as f:
            for event in json.load(f):
                if event.get("method") == "Network.responseReceived":
                    response = event["params"]["response"]
                    headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
                    found[response["url"]] = headers.get("content-encoding", "identity")
    return found


def kill_strays(marker):
    """Chromium is started detached by Lighthouse; after a Lighthouse that failed or timed out,
    ends the processes carrying this run's marker flag, each by its PID."""
    for cmdline in glob.glob("/proc/[0-9]*/cmdline"):
        try:
            if marker.encode() in Path(cmdline).read_bytes():
                os.kill(int(cmdline.split("/")[2]), 9)
        except (OSError, ValueError):
            pass


def run(url, cookie, work, label, chrome, timeout):
    """One Lighthouse run; returns its summary, or stops the bench when the page did not load."""
    out, artifacts = os.path.join(work, f"{label}.json"), os.path.join(work, f"{label}-artifacts")
    marker = f"--duo-bench-run={os.getpid()}-{label}"
    command = ["node", str(LIGHTHOUSE / "cli" / "index.js"), url, "--output=json",
               f"--output-path={out}", "--only-categories=performance,accessibility",
               f"--chrome-flags={CHROME_FLAGS} {marker}", f"--gather-mode={artifacts}",
               f"--audit-mode={artifacts}", "--quiet"]
    if cookie:
        headers = os.path.join(work, "headers.json")
        with open(headers, "w") as f:
            json.dump({"Cookie": cookie}, f)
        command.append(f"--extra-headers={headers}")
    with open(os.path.join(work, f"{label}.log"), "w") as log:
        try:
            done = subprocess.run(command, env=dict(os.environ, CHROME_PATH=chrome),
                                  stdout=log, stderr=log, timeout=timeout)
        except subprocess.TimeoutExpired:
            done = None
        finally:
            kill_strays(marker)
    if done is None or done.returncode != 0 or not os.path.exists(out):
        raise SystemExit(f"Lighthouse failed on {url}; see {label}.log in {work}")
    with open(out) as f:
        report = json.load(f)
    return summarize(report, encodings(artifacts), url)


def summarize(report, got, url):
    if report.get("runtimeError"):
        raise SystemExit(f"{url}: {report['runtimeError'].get('message')}")
    final = report.get("finalDisplayedUrl") or report.get("finalUrl", "")
    if final.rstrip("/") != url.rstrip("/"):
        raise SystemExit(f"{url} ended on {final}: is the mentor's session cookie refused?")
    audits, cats = report["audits"], report["categories"]
    status = next((i.get("statusCode") for i in audits["network-requests"]["details"]["items"]
                   if i.get("resourceType") == "Document"), None)
    if status != 200:
        raise SystemExit(f"{url} answered {status}: is the mentor's session cookie refused?")
    sizes, encoding = dict.fromkeys(KINDS, 0), {}
    items = audits["network-requests"]["details"]["items"]
    # Once the service worker controls the page, the page's request is answered by the worker,
    # which fetched it: the page's record then shows no transfer and the worker's shows the
    # download. So each address counts once, with its largest transfer, under the page's kind
    # when the page asked for it; what only the worker fetched (its install copies) is "other".
    page_items = {i["url"]: i for i in items if i.get("sessionTargetType") in (None, "page")}
    largest = {}
    for item in items:
        largest[item["url"]] = max(largest.get(item["url"], 0), item.get("transferSize") or 0)
    for url, size in largest.items():
        kind = kind_of(page_items[url]) if url in page_items else "other"
        sizes[kind] += size
        encoding.setdefault(kind, set()).add(got.get(url, "?"))
    # What Lighthouse says would help, largest estimated metric saving first.
    savings = sorted(((max(ms.values()), a["title"], a.get("displayValue", ""))
                      for r in cats["performance"]["auditRefs"] for a in [audits[r["id"]]]
                      for ms in [{k: v for k, v in (a.get("metricSavings") or {}).items()
                                  if k != "CLS" and v}] if ms), reverse=True)
    return {"perf": cats["performance"]["score"], "a11y": cats["accessibility"]["score"],
            "metrics": {k: audits[k].get("numericValue") for k in (
                "first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                "cumulative-layout-shift", "interactive")},
            "lcp": lcp_element(audits), "server_ms": audits["server-response-time"].get("numericValue"),
            "boot": top(audits, "bootup-time", "url", "total"),
            "main_thread": top(audits, "mainthread-work-breakdown", "groupLabel", "duration"),
            "sizes": sizes, "encoding": encoding, "savings": savings[:4],
            "a11y_failed": [audits[r["id"]]["title"] for r in cats["accessibility"]["auditRefs"]
                            if audits[r["id"]].get("score") == 0 and r.get("weight")],
            "warnings": report.get("runWarnings", []),
            "benchmark": report.get("environment", {}).get("benchmarkIndex")}


def lcp_element(audits):
    """The LCP element's text and how much of the LCP time was spent after the HTML arrived."""
    try:
        element, phases = audits["largest-contentful-paint-element"]["details"]["items"][:2]
        node = element["items"][0]["node"]
        delay = next(p["timing"] for p in phases["items"] if p["phase"] == "Render Delay")
        return f"{node.get('selector', '')} \"{node.get('nodeLabel', '')[:40]}\", render delay {delay:.0f} ms"
    except (KeyError, ValueError, StopIteration, TypeError):
        return "-"


def top(audits, audit, label, value, count=3):
    """The biggest rows of a diagnostic table: (label, ms)."""
    items = audits.get(audit, {}).get("details", {}).get("items", [])
    return [(str(i.get(label)).rsplit("/", 1)[-1], i.get(value) or 0)
            for i in sorted(items, key=lambda i: -(i.get(value) or 0))[:count]]
