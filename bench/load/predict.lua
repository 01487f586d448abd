-- Scenario "predict": POST /predict for keys that have usage history.
package.path = package.path .. ";" .. (os.getenv("PLANDEV_LOAD_DIR") or ".") .. "/?.lua"
require "common"

local users = { "ada", "bob", "eve", "zoe" }
request = function()
  local body = string.format(
    '{"key":"plan.author","context":{"user":"%s","repo":"r%d"},"limit":5}',
    users[math.random(1, 4)], math.random(1, 20))
  return wrk.format("POST", "/api/v1/defaults/predict", auth_headers(), body)
end

done = function(summary, latency, requests) report("predict", summary, latency) end
