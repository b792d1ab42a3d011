-- POST /api/log_meeting as the mentor's phone sends it: JSON, the session cookie, same-origin
-- headers, and a key no other request has, so that every request stores a new meeting.
-- Usage: wrk ... -s log_meeting.lua URL -- COOKIE ORIGIN DUO_ID HELD_ON RUN_TAG
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

local headers, duo_id, held_on, tag
local sent = 0

function init(args)
  headers = {
    ["content-type"] = "application/json",
    ["accept"] = "application/json",
    ["cookie"] = args[1],
    ["origin"] = args[2],
    ["sec-fetch-site"] = "same-origin",
    ["sec-fetch-mode"] = "cors",
  }
  duo_id, held_on, tag = tonumber(args[3]), args[4], args[5]
end

function request()
  sent = sent + 1
  -- `id` is the thread's number, set by report.lua's setup().
  local key = string.format("%s-%d-%d", tag, id, sent)
  local body = string.format(
    '{"log": {"duo_id": %d, "held_on": "%s", "minutes": "120", "topics": ["cv"], '
      .. '"note": "", "next_steps": "", "idempotency_key": "%s"}}',
    duo_id, held_on, key)
  return wrk.format("POST", "/api/log_meeting", headers, body)
end
