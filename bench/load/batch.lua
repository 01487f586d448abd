-- Scenario "heavy batch writes": POST batches of 100 upserts.
package.path = package.path .. ";" .. (os.getenv("PLANDEV_LOAD_DIR") or ".") .. "/?.lua"
require "common"

local n = 0
request = function()
  n = n + 1
  local items = {}
  for i = 1, 100 do
    items[i] = string.format('{"key":"bulk.k%d","value":"v%d","context":{"project":"web"}}',
      math.random(0, 99999), n)
  end
  return wrk.format("POST", "/api/v1/defaults/batch", auth_headers(),
    '{"items":[' .. table.concat(items, ",") .. ']}')
end

done = function(summary, latency, requests) report("batch100", summary, latency) end
