-- wrk script for the portal's pages at the scale of the suite's data set (svc-00001 … svc-10000).
-- Send a session cookie with -H 'Cookie: SESSION=…' and pick the page with an argument:
--   service     /services/{name}, a random service
--   scorecards  /services/{name}/scorecards as the service page loads it (htmx fragment)
--   list        the catalog list: a random one of its 400 pages, sometimes filtered or sorted
--   search      /services?q=… with words of names, titles, descriptions, systems and tags, and misses
package.path = (debug.getinfo(1, "S").source:match("@(.*/)") or "./") .. "?.lua;" .. package.path
local report = require("report")

local kind = "service"
local headers = {}
local terms = { "payments", "ledger", "checkout", "fraud", "indexer", "reconciler", "kafka", "grpc", "svc-042",
	"svc-0999", "system-017", "team-0042", "Pricing Cache", "nothing-matches-this", "generated", "api" }
local lists = {
	function() return "/services?page=" .. math.random(0, 399) end,
	function() return "/services?page=" .. math.random(0, 99) .. "&sort=tier,desc" end,
	function() return string.format("/services?owner=team-%04d", math.random(1, 1000)) end,
	function() return "/services?tier=" .. math.random(1, 4) .. "&lifecycle=production&page=" .. math.random(0, 20) end,
	function() return "/services?tag=kafka&page=" .. math.random(0, 10) end,
}

local threads = 0
function setup(thread)
	threads = threads + 1
	thread:set("seed", threads)
end

function init(args)
	kind = args[1] or kind
	math.randomseed(os.time() * 100 + (seed or 0))
	for name, value in pairs(wrk.headers) do
		headers[name] = value
	end
	if kind == "scorecards" then
		headers["HX-Request"] = "true"
	end
end

local function service()
	return string.format("svc-%05d", math.random(1, 10000))
end

function request()
	local path
	if kind == "service" then
		path = "/services/" .. service()
	elseif kind == "scorecards" then
		path = "/services/" .. service() .. "/scorecards"
	elseif kind == "list" then
		path = lists[math.random(#lists)]()
	elseif kind == "search" then
		local term = terms[math.random(#terms)]:gsub(" ", "+")
		path = "/services?q=" .. term .. ((math.random() < 0.2) and "&page=1" or "")
	else
		error("unknown page kind " .. kind)
	end
	return wrk.format("GET", path, headers)
end

done = report.done
