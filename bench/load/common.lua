-- Shared by the scenarios: the API key from the environment, and a report of rps and
-- p50/p95/p99 latency plus error counts (non-2xx and socket errors) in one line.
local key = os.getenv("PLANDEV_KEY") or ""
local keys = tonumber(os.getenv("PLANDEV_KEYS") or "10000")

function auth_headers(extra)
  local h = { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" }
  if extra then for k, v in pairs(extra) do h[k] = v end end
  return h
end

function random_key()
  return "svc.key" .. math.random(0, keys - 1)
end

-- The contexts seeded by run.sh beside each key's global entry.
envs = { "dev", "prod" }
projects = { "web", "api", "cli" }

function resolve_path_of(key, project, env)
  return "/api/v1/defaults/resolve?key=" .. key .. "&context[project]=" .. project
    .. "&context[env]=" .. env
end

function resolve_path()
  return resolve_path_of(random_key(), projects[math.random(1, 3)], envs[math.random(1, 2)])
end

-- One single-item upsert (the n-th), as the mix and the write scenario send it.
function write_request(n)
  local body = string.format(
    '{"items":[{"key":"load.w%d","value":"v%d","context":{"env":"prod"}}]}', math.random(0, 9999), n)
  return wrk.format("POST", "/api/v1/defaults/batch", auth_headers(), body)
end

function report(name, summary, latency)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    "RESULT %s rps=%.0f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f requests=%d errors=%d\n",
    name, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, errors))
end
