-- wrk: POST /v1/decisions, each request the next application of $APPS (JSON Lines), round robin per thread.
-- With PACE_MS set, each connection waits that long between requests (a steady rate: connections / PACE_MS).
local apps = {}
for line in io.lines(os.getenv("APPS")) do
  if #line > 0 then apps[#apps + 1] = line end
end
local pace = tonumber(os.getenv("PACE_MS") or "0")
local i = 0
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  i = math.random(#apps)
end

function request()
  i = i % #apps + 1
  return wrk.format("POST", nil, headers, apps[i])
end

if pace > 0 then
  function delay()
    return pace
  end
end
