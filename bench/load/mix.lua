-- Scenario "basic" of the v39 plan: 70% resolve GET, 30% writes (single-item upsert POST).
package.path = package.path .. ";" .. (os.getenv("PLANDEV_LOAD_DIR") or ".") .. "/?.lua"
require "common"

local n = 0
request = function()
  n = n + 1
  if math.random() < 0.7 then
    return wrk.format("GET", resolve_path(), auth_headers())
  end
  return write_request(n)
end

done = function(summary, latency, requests) report("mix70/30", summary, latency) end
