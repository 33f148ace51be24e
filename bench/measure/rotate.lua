-- wrk script for the hit path's working set: every request takes the next path of a list, so
-- a run cycles over all of them. The list is a file of paths (one a line, each starting with
-- '/'), named by the environment variable WRK_PATHS; bench/measure/hits.mjs writes it.
--   WRK_PATHS=/tmp/paths.txt wrk -t2 -c64 -d10s -s bench/measure/rotate.lua http://127.0.0.1:38400
local file = os.getenv("WRK_PATHS")
if not file then error("WRK_PATHS is not set: it names the file of paths to rotate over") end

local paths = {}
for line in io.lines(file) do
  if #line > 0 then paths[#paths + 1] = line end
end
if #paths == 0 then error("no paths in " .. file) end

-- Each wrk thread runs this script in its own Lua state; setup() (in the main state) numbers
-- them so that they start at different places in the list rather than in lockstep.
local threads = 0
function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

local requests = {}
local i = 0
function init(args)
  -- formatted once: building a request string per call would cost wrk time in the timed run
  for k, p in ipairs(paths) do requests[k] = wrk.format("GET", p) end
  i = ((offset or 0) * 251) % #requests
end

function request()
  i = i % #requests + 1
  return requests[i]
end
