-- Mixed traffic for wrk (scripts/bench-api.sh): readers listing, reading, searching and
-- being counted, and editors publishing, in one run. Every acknowledged write (201) is
-- written to the file WRITES_FILE names, one "lang slug" a line, so the script can check
-- afterwards that each is readable; the counts of statuses by kind are printed at the end.
--
--   wrk -t4 -c4 -s scripts/mixed-load.lua http://127.0.0.1:PORT   (env: TOKEN, WRITES_FILE)
--
-- Answers are counted by kind and status; the kind is read from the answer's body.

local token = os.getenv("TOKEN") or "bench-token"
local writes_file = os.getenv("WRITES_FILE") or "/tmp/gazette-mixed-writes.txt"
local slug = "mexico-and-azerbaijan-mark-33-years-of-diplomatic-relations"
local threads = {}
local counter = 0

-- What each of 100 requests is: 40 lists, 25 articles, 10 searches, 20 views, 5 writes.
local plan = {}
for i = 1, 100 do
  if i <= 40 then plan[i] = "list"
  elseif i <= 65 then plan[i] = "article"
  elseif i <= 75 then plan[i] = "search"
  elseif i <= 95 then plan[i] = "view"
  else plan[i] = "write" end
end
local langs = { "en", "ru", "hy" }
local categories = { "politics", "economy", "world", "society", "sport" }
local words = { "baku", "port", "economy", "mexico", "gas", "talks" }

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  statuses, created = {}, {}
  math.randomseed(os.time() + (id or 0) * 7919)
end

local function article_body(new_slug)
  return string.format(
    '{"lang":"en","slug":"%s","category":"economy","title":"Mixed load %s",' ..
    '"lead":"Written under load.","body_html":"<p>Written under load.</p>",' ..
    '"author":"Bench","published_at":"2020-01-01T10:00:00Z"}', new_slug, new_slug)
end

function request()
  counter = counter + 1
  local kind = plan[math.random(1, 100)]
  local lang = langs[math.random(1, 3)]
  local req
  if kind == "list" then
    local category = ""
    if math.random(1, 2) == 1 then category = "&category=" .. categories[math.random(1, 5)] end
    req = wrk.format("GET", "/api/v1/articles?lang=" .. lang .. category)
  elseif kind == "article" then
    req = wrk.format("GET", "/api/v1/articles/" .. slug .. "?lang=en")
  elseif kind == "search" then
    req = wrk.format("GET", "/api/v1/search?lang=en&q=" .. words[math.random(1, #words)])
  elseif kind == "view" then
    req = wrk.format("POST", "/api/v1/articles/" .. slug .. "/views?lang=en",
      { ["x-gazette-visitor"] = "mixed-" .. id .. "-" .. counter })
  else
    local new_slug = "mixed-load-" .. id .. "-" .. counter
    req = wrk.format("POST", "/api/v1/admin/articles",
      { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token },
      article_body(new_slug))
  end
  return req
end

-- What an answer was, told by its body (wrk does not say which request it answers).
local function kind_of(status, body)
  if status == 201 then return "write" end
  if string.sub(body, 1, 9) == '{"error":' then return "error" end
  if string.sub(body, 1, 9) == '{"views":' then return "view" end
  if string.find(body, '"snippet":', 1, true) then return "search" end
  if string.find(body, '"body":[', 1, true) then return "article" end
  if string.sub(body, 1, 9) == '{"items":' then return "list" end
  return "other"
end

function response(status, headers, body)
  if status == 201 then
    local written = string.match(body, '"slug":"(mixed%-load%-[%d%-]+)"')
    if written then table.insert(created, written) end
  end
  local key = kind_of(status, body) .. " " .. status
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  local file = io.open(writes_file, "w")
  for _, thread in ipairs(threads) do
    local thread_statuses = thread:get("statuses")
    for key, count in pairs(thread_statuses) do
      totals[key] = (totals[key] or 0) + count
    end
    local thread_created = thread:get("created")
    for _, written in ipairs(thread_created) do
      file:write("en " .. written .. "\n")
    end
  end
  file:close()
  local keys = {}
  for key in pairs(totals) do table.insert(keys, key) end
  table.sort(keys)
  for _, key in ipairs(keys) do
    io.write(string.format("  answers %-20s %8d\n", key, totals[key]))
  end
  io.write(string.format("  p50 %.2f ms  p99 %.2f ms  requests %d  socket errors %d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
