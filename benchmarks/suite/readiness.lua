-- wrk script: GET /api/v1/services/{name}/releases/{version}/readiness of a random one of the
-- suite's 1,000,000 releases (svc-00001 … svc-10000, versions 1.0.0 … 1.9.9). Send the API token
-- with -H 'Authorization: Bearer shp_…'.
--
-- With arguments "<rate> <threads>" (requests per second for the whole run, and wrk's -t), requests are paced: wrk2 is not
-- in Debian, so each thread keeps a schedule of send times (rate / threads per second) and delays
-- every request until its slot, reading the wall clock through LuaJIT's FFI. Behind schedule, it
-- sends at once, so a slow server is measured at the load it can take and the achieved rate shows it.
package.path = (debug.getinfo(1, "S").source:match("@(.*/)") or "./") .. "?.lua;" .. package.path
local report = require("report")
local ffi = require("ffi")

ffi.cdef [[
	typedef struct { long tv_sec; long tv_usec; } bench_timeval;
	int gettimeofday(bench_timeval *tv, void *tz);
]]
local clock = ffi.new("bench_timeval")

local function now_ms()
	ffi.C.gettimeofday(clock, nil)
	return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_usec) / 1000
end

local threads = 0
function setup(thread)
	threads = threads + 1
	thread:set("seed", threads)
end

local interval_ms = nil
local next_slot = nil

function init(args)
	math.randomseed(os.time() * 100 + (seed or 0))
	if args[1] then
		-- every thread sends its share of the rate
		interval_ms = 1000 * tonumber(args[2] or 1) / tonumber(args[1])
	end
end

function delay()
	if not interval_ms then
		return 0
	end
	local now = now_ms()
	if not next_slot or next_slot < now - 1000 then
		-- first request, or more than a second behind: start the schedule again from now
		next_slot = now
	end
	local wait = next_slot - now
	next_slot = next_slot + interval_ms
	return (wait > 0) and math.floor(wait) or 0
end

function request()
	local k = math.random(0, 99)
	local path = string.format("/api/v1/services/svc-%05d/releases/1.%d.%d/readiness", math.random(1, 10000),
		math.floor(k / 10), k % 10)
	return wrk.format("GET", path)
end

done = report.done
