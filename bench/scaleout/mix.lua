-- The v39 "basic" mix (70 % resolve GET, 30 % writes) for bench/scaleout/run.sh, keeping a record
-- of every answer: each write creates an entry under a key of its own, and the key of every write
-- answered 2xx is appended to $SCALEOUT_ACKED_DIR/acked-<run>-<thread>.txt, for the script to look
-- for in the database afterwards. nginx tags each answer with the request's method (X-Method), so
-- a failed answer counts as a failed read or a failed write.
package.path = package.path .. ";" .. (os.getenv("PLANDEV_LOAD_DIR") or ".") .. "/?.lua"
require "common"

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  reads_ok, reads_failed, writes_ok, writes_failed = 0, 0, 0, 0
  n = 0
  run = os.getenv("SCALEOUT_RUN") or "run"
  acked = io.open(string.format("%s/acked-%s-%d.txt",
    os.getenv("SCALEOUT_ACKED_DIR") or ".", run, id), "a")
  acked:setvbuf("line") -- wrk exits without closing it
end

request = function()
  n = n + 1
  if math.random() < 0.7 then
    return wrk.format("GET", resolve_path(), auth_headers())
  end
  local body = string.format('{"key":"scaleout.%s.t%d.n%d","value":"v%d"}', run, id, n, n)
  return wrk.format("POST", "/api/v1/defaults", auth_headers(), body)
end

response = function(status, headers, body)
  local method = headers["X-Method"] or headers["x-method"]
  local ok = status >= 200 and status < 300
  if method == "GET" then
    if ok then reads_ok = reads_ok + 1 else reads_failed = reads_failed + 1 end
  elseif ok then
    local key = body:match('"key"%s*:%s*"(scaleout%.[^"]+)"')
    if key then acked:write(key, "\n") end
    writes_ok = writes_ok + 1
  else
    writes_failed = writes_failed + 1
  end
end

done = function(summary, latency, requests)
  local ro, rf, wo, wf = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    ro = ro + t:get("reads_ok")
    rf = rf + t:get("reads_failed")
    wo = wo + t:get("writes_ok")
    wf = wf + t:get("writes_failed")
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format(
    "RESULT %s rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f requests=%d reads_ok=%d"
      .. " reads_failed=%d writes_ok=%d writes_failed=%d socket_errors=%d\n",
    os.getenv("SCALEOUT_RUN") or "run", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, ro, rf, wo, wf, socket))
end
