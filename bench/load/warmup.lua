-- Warm-up, not a scenario: every resolve slot of the seeded data once (key x project x env, in
-- order), then random resolves and predicts, so the measured runs see a service that has been up
-- for a while: its L1 holding the working set and its code compiled.
package.path = package.path .. ";" .. (os.getenv("PLANDEV_LOAD_DIR") or ".") .. "/?.lua"
require "common"

local keys = tonumber(os.getenv("PLANDEV_KEYS") or "10000")
local threads = tonumber(os.getenv("PLANDEV_WARMUP_THREADS") or "2")

-- Each wrk thread has its own Lua state: thread k reads slots k, k + threads, k + 2 threads, ...
local started = 0
setup = function(thread)
  thread:set("first", started)
  started = started + 1
end

local n = 0
request = function()
  n = n + 1
  local i = (first or 0) + (n - 1) * threads
  if i < keys * 6 then
    return wrk.format("GET", resolve_path_of("svc.key" .. math.floor(i / 6),
      projects[(i % 3) + 1], envs[(math.floor(i / 3) % 2) + 1]), auth_headers())
  end
  if n % 10 == 0 then
    return wrk.format("POST", "/api/v1/defaults/predict", auth_headers(),
      '{"key":"plan.author","context":{"user":"ada","repo":"r1"},"limit":5}')
  end
  return wrk.format("GET", resolve_path(), auth_headers())
end

done = function(summary, latency, requests) report("warmup", summary, latency) end
