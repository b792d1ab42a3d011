-- GET of one page as a browser asks for it: HTML, compressed, with the session cookie when
-- one is given. Usage: wrk ... -s page.lua URL -- [COOKIE [ACCEPT_ENCODING]]
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

function init(args)
  wrk.headers["accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
  -- Chromium's; the server answers with the best it has (brotli).
  wrk.headers["accept-encoding"] = args[2] or "gzip, deflate, br, zstd"
  wrk.headers["accept-language"] = "fr-BE,fr;q=0.9,nl;q=0.8,en;q=0.7"
  if args[1] and args[1] ~= "" then
    wrk.headers["cookie"] = args[1]
  end
end
