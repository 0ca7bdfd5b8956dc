-- Shared by the suite's wrk scripts: prints one line the suite reads, with wrk's own figures.
-- Latencies are wrk's: from sending a request to its last byte, in milliseconds.
local report = {}

function report.done(summary, latency, requests)
	local seconds = summary.duration / 1e6
	local errors = summary.errors.connect + summary.errors.read + summary.errors.write
		+ summary.errors.status + summary.errors.timeout
	io.write(string.format("RESULT requests=%d seconds=%.1f rate=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
		summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
		latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end

return report
