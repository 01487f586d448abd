-- Scenario: resolve GET only.
package.path = package.path .. ";" .. (os.getenv("PLANDEV_LOAD_DIR") or ".") .. "/?.lua"
require "common"

request = function()
  return wrk.format("GET", resolve_path(), auth_headers())
end

done = function(summary, latency, requests) report("resolve", summary, latency) end
