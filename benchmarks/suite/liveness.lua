-- wrk script: GET /actuator/health/liveness, the portal's cheapest request: no database, no token, a
-- body of 15 bytes. What the web stack alone serves on this machine, next to the readiness GET.
package.path = (debug.getinfo(1, "S").source:match("@(.*/)") or "./") .. "?.lua;" .. package.path
local report = require("report")

function request()
	return wrk.format("GET", "/actuator/health/liveness")
end

done = report.done
