-- wrk script of benchmarks/hotline.sh: POST /api/public/tips with a different valid tip each time.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local categories = { "trafficking", "child_welfare", "child_abuse", "other" }
local languages = { "ja", "en", "th", "zh", "vi" }
local n = 0
request = function()
  n = n + 1
  local body = string.format(
    '{"lang":"%s","category":"%s","prefecture":"JP-%02d","description":"Benchmark tip %d: two people kept in a flat above a bar, passports taken."}',
    languages[n % #languages + 1], categories[n % #categories + 1], n % 47 + 1, n)
  return wrk.format(nil, nil, nil, body)
end
