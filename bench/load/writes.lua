-- Scenario "writes" (not in the default list): single-item upserts only, the write half of the
-- 70/30 mix on its own. Its rps is the ceiling of the store's one-transaction-per-request writes.
package.path = package.path .. ";" .. (os.getenv("PLANDEV_LOAD_DIR") or ".") .. "/?.lua"
require "common"

local n = 0
request = function()
  n = n + 1
  return write_request(n)
end

done = function(summary, latency, requests) report("writes", summary, latency) end
