-- What every bench-web scenario shares: numbers the threads, counts the answers that are not
-- 2xx (wrk itself counts only those above 399), and prints the figures as one JSON line that
-- bench_web.py reads: `BENCH_RESULT {...}`, latencies in microseconds.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

non2xx = 0
first_bad = 0

function response(status)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first_bad == 0 then
      first_bad = status
    end
  end
end

function done(summary, latency)
  local non2xx, first_bad = 0, 0
  for _, thread in ipairs(threads) do
    non2xx = non2xx + thread:get("non2xx")
    if first_bad == 0 then
      first_bad = thread:get("first_bad")
    end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, '
      .. '"p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f, "non2xx": %d, '
      .. '"first_bad_status": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d}\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max, latency.mean, non2xx,
    first_bad, e.connect, e.read, e.write, e.timeout))
end
