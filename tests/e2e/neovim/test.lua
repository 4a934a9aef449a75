-- End-to-end test of the Byline language server in real Neovim 0.11 (headless), set up
-- with the project's own editors/neovim config as a user would.
--
--   nvim --headless --clean -n -i NONE -l test.lua EDITORS_NEOVIM BYLINE_BIN CORPUS RESULT_JSON
--
-- CORPUS is a throwaway copy of examples/corpus (the test edits it). Prints one line per
-- check and "N passed, N failed"; exits 1 if any check failed.

local editors_neovim, byline_bin, corpus, result_path = arg[1], arg[2], arg[3], arg[4]
assert(editors_neovim and byline_bin and corpus, 'usage: test.lua EDITORS_NEOVIM BYLINE_BIN CORPUS [RESULT_JSON]')

local ARTICLE = '2025-06-25-hague-nato-summit-wi-rutte.txt'
local OTHERS = { -- other articles that spell Wi Sung-lac's name, one way or another
  '2025-06-04-lee-jae-myung-inauguration.txt',
  '2025-07-31-korea-us-tariff-deal.txt',
  'analysis-seoul-new-diplomatic-team.txt',
}
local NEW_NAME = 'Wi Sung-rak'

local results = {}
local passed, failed = 0, 0
local function check(name, ok, detail)
  ok = not not ok
  if ok then
    passed = passed + 1
  else
    failed = failed + 1
  end
  results[#results + 1] = { name = name, ok = ok, detail = detail }
  io.stdout:write(('%s %s%s\n'):format(ok and 'PASS' or 'FAIL', name, (not ok and detail) and ('\n     ' .. tostring(detail):gsub('\n', '\n     ')) or ''))
  io.stdout:flush()
end

local function finish()
  for _, client in ipairs(vim.lsp.get_clients()) do
    client:stop()
  end
  vim.wait(3000, function()
    return #vim.lsp.get_clients() == 0
  end, 50)
  for _, client in ipairs(vim.lsp.get_clients()) do
    client:stop(true)
  end
  io.stdout:write(('neovim: %d passed, %d failed\n'):format(passed, failed))
  if result_path then
    local f = io.open(result_path, 'w')
    if f then
      f:write(vim.json.encode({ passed = passed, failed = failed, results = results }))
      f:close()
    end
  end
  os.exit(failed == 0 and 0 or 1)
end

-- Bounded overall: a stuck step still ends with a report (the shell adds `timeout` too).
local t0 = vim.uv.hrtime()
local function elapsed()
  return (vim.uv.hrtime() - t0) / 1e9
end

-- The user's setup: the plugin on 'runtimepath', the server enabled for text files.
vim.cmd('filetype on')
vim.lsp.log.set_level(os.getenv('BYLINE_E2E_LSP_LOG_LEVEL') or 'INFO')
vim.opt.runtimepath:prepend(editors_neovim)
vim.cmd.runtime('plugin/byline.lua')
vim.lsp.config('byline', { cmd = { byline_bin, 'lsp' } })
vim.lsp.enable('byline')

local function find(buf, needle, from_line)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i = (from_line or 0) + 1, #lines do
    local col = lines[i]:find(needle, 1, true)
    if col then
      return i - 1, col - 1 -- 0-based line, byte column
    end
  end
end

--- Semantic token highlight groups without the filetype suffix Neovim adds (.text).
local function base_group(g)
  return (type(g) == 'string' and g:gsub('%.text$', '')) or g
end

local function buf_text(buf)
  return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
end

local path = vim.fs.joinpath(corpus, ARTICLE)
vim.cmd.edit(vim.fn.fnameescape(path))
local buf = vim.api.nvim_get_current_buf()
check('the article has filetype text', vim.bo[buf].filetype == 'text', 'filetype=' .. vim.bo[buf].filetype)

-- 1. The client attaches, with the corpus folder (byline.toml) as root.
local client
vim.wait(15000, function()
  client = vim.lsp.get_clients({ bufnr = buf, name = 'byline' })[1]
  return client ~= nil and client.initialized
end, 50)
check('client attaches', client ~= nil and client.initialized, 'no initialized byline client after 15 s; see lsp.log')
if not client then
  finish()
end
check('root is the corpus folder', vim.fs.normalize(client.root_dir or '') == vim.fs.normalize(vim.uv.fs_realpath(corpus) or corpus)
  or vim.fs.normalize(client.root_dir or '') == vim.fs.normalize(corpus), 'root_dir=' .. tostring(client.root_dir))
local enc = client.offset_encoding

-- 2. Diagnostics appear on the variant spellings.
local function byline_diags()
  return vim.tbl_filter(function(d)
    return d.source == 'byline'
  end, vim.diagnostic.get(buf))
end
vim.wait(15000, function()
  return #byline_diags() > 0
end, 50)
local diags = byline_diags()
local function diag_on(text)
  for _, d in ipairs(diags) do
    local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1] or ''
    if line:sub(d.col + 1, d.end_col) == text then
      return d
    end
  end
end
local summary = vim.inspect(vim.tbl_map(function(d)
  return ('%d:%d %s %s'):format(d.lnum + 1, d.col + 1, tostring(d.code), d.message)
end, diags))
check('diagnostics appear (source byline)', #diags > 0, 'no byline diagnostics after 15 s')
local d_lee = diag_on('Lee Jaemyung')
check('“Lee Jaemyung” is flagged as inconsistent-spelling with preferred “Lee Jae-myung”',
  d_lee and d_lee.code == 'inconsistent-spelling' and d_lee.message:find('Lee Jae-myung', 1, true)
  and vim.tbl_get(d_lee, 'user_data', 'lsp', 'data', 'preferred') == 'Lee Jae-myung', summary)
local d_wi = diag_on('Seongrak Wi')
check('“Seongrak Wi” is flagged with preferred “Wi Sung-lac”',
  d_wi and d_wi.message:find('Wi Sung-lac', 1, true) and d_wi.severity == vim.diagnostic.severity.WARN, summary)

-- 2b. Settings: workspace/didChangeConfiguration with { byline = { checks = ... } } changes
--     the severity (and the server asks Neovim to pull again). run.sh took that key out of
--     the copy's byline.toml, which wins over editor settings.
do
  local function severity_of(found)
    for _, d in ipairs(byline_diags()) do
      if vim.tbl_get(d, 'user_data', 'lsp', 'data', 'found') == found then
        return d.severity
      end
    end
  end
  local function set_level(level)
    client.settings = vim.tbl_deep_extend('force', client.settings or {}, { byline = { checks = { inconsistentSpelling = level } } })
    client:notify('workspace/didChangeConfiguration', { settings = client.settings })
  end
  set_level('error')
  vim.wait(10000, function()
    return severity_of('Seongrak Wi') == vim.diagnostic.severity.ERROR
  end, 50)
  check('settings: checks.inconsistentSpelling = "error" makes the finding an error', severity_of('Seongrak Wi') == vim.diagnostic.severity.ERROR,
    'severity ' .. tostring(severity_of('Seongrak Wi')))
  set_level('warning')
  vim.wait(10000, function()
    return severity_of('Seongrak Wi') == vim.diagnostic.severity.WARN
  end, 50)
  check('settings: back to "warning"', severity_of('Seongrak Wi') == vim.diagnostic.severity.WARN, 'severity ' .. tostring(severity_of('Seongrak Wi')))
  diags = byline_diags()
end

-- 3. Hover on a person: canonical name, role and affiliation.
do
  local line, col = find(buf, 'Seongrak Wi')
  local hover
  if line then
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = line, character = vim.str_utfindex(vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1], enc, col + 2) },
    }
    local r = client:request_sync('textDocument/hover', params, 5000, buf)
    local contents = r and r.result and r.result.contents
    if type(contents) == 'table' then
      hover = contents.value or table.concat(vim.tbl_map(function(c)
        return type(c) == 'string' and c or c.value
      end, contents), '\n')
    end
    hover = hover or vim.inspect(r)
  end
  hover = hover or 'no “Seongrak Wi” in the article'
  check('hover on “Seongrak Wi” names Wi Sung-lac', hover:find('Wi Sung-lac', 1, true), hover)
  check('hover shows the role and affiliation (National Security Adviser · South Korea)',
    hover:find('National Security Adviser', 1, true) and hover:find('South Korea', 1, true), hover)
  check('hover is markdown with the name in bold', hover:find('**Wi Sung-lac**', 1, true), hover)
end

-- 4. Semantic tokens: person names carry @lsp.type.person, which has a colour.
do
  local line, col = find(buf, 'Mark Rutte')
  local function token_groups()
    local groups = {}
    if line then
      for _, t in ipairs(vim.inspect_pos(buf, line, col + 1, { semantic_tokens = true, syntax = false, treesitter = false, extmarks = false }).semantic_tokens) do
        groups[#groups + 1] = base_group(t.opts.hl_group)
      end
    end
    return groups
  end
  vim.wait(10000, function()
    return vim.tbl_contains(token_groups(), '@lsp.type.person')
  end, 50)
  local groups = token_groups()
  check('“Mark Rutte” is highlighted @lsp.type.person', vim.tbl_contains(groups, '@lsp.type.person'), vim.inspect(groups))
  local hl = vim.api.nvim_get_hl(0, { name = '@lsp.type.person', link = false })
  local normal = vim.api.nvim_get_hl(0, { name = 'Normal' })
  check('@lsp.type.person resolves to a colour of its own', hl.fg ~= nil and hl.fg ~= normal.fg, vim.inspect(hl))
  -- Every type of the legend shows up somewhere in the article.
  local seen = {}
  local marks = vim.api.nvim_buf_get_extmarks(buf, -1, 0, -1, { details = true, type = 'highlight' })
  for _, m in ipairs(marks) do
    local g = base_group(m[4].hl_group)
    if type(g) == 'string' and g:match('^@lsp%.') then
      seen[g] = true
    end
  end
  for _, g in ipairs({ '@lsp.type.person', '@lsp.type.organization', '@lsp.type.location', '@lsp.type.role' }) do
    check('the article has ' .. g .. ' extmarks', seen[g], vim.inspect(vim.tbl_keys(seen)))
  end
  local line2, col2 = find(buf, 'Seongrak Wi')
  local mods = {}
  if line2 then
    for _, t in ipairs(vim.inspect_pos(buf, line2, col2 + 1).semantic_tokens) do
      mods[#mods + 1] = base_group(t.opts.hl_group)
    end
  end
  check('“Seongrak Wi” carries the variant modifier (@lsp.mod.variant)', vim.tbl_contains(mods, '@lsp.mod.variant'), vim.inspect(mods))
end

-- 5. A code action fixes a variant: "Replace with “Lee Jae-myung”", applied as a user would.
do
  local line, col = find(buf, 'Lee Jaemyung')
  if line then
    vim.api.nvim_win_set_cursor(0, { line + 1, col + 1 })
    local titles = {}
    vim.lsp.buf.code_action({
      apply = true,
      filter = function(action)
        titles[#titles + 1] = action.title
        return action.title == 'Replace with “Lee Jae-myung”'
      end,
    })
    vim.wait(10000, function()
      local l = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
      return l:find('Lee Jae-myung', 1, true) ~= nil and l:find('Lee Jaemyung', 1, true) == nil
    end, 50)
    local l = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
    check('the quick fix “Replace with “Lee Jae-myung”” is offered', vim.tbl_contains(titles, 'Replace with “Lee Jae-myung”'), vim.inspect(titles))
    check('applying it replaces “Lee Jaemyung” in the buffer', l:find('President Lee Jae-myung', 1, true) and not l:find('Lee Jaemyung', 1, true), l)
    -- The diagnostic goes away after the edit (pull or push).
    local function stale()
      for _, d in ipairs(byline_diags()) do
        if vim.tbl_get(d, 'user_data', 'lsp', 'data', 'found') == 'Lee Jaemyung' then
          return true
        end
      end
      return false
    end
    vim.wait(10000, function()
      return not stale()
    end, 50)
    local still = stale()
    check('the fixed mention is no longer flagged', not still, vim.inspect(byline_diags()))
  else
    check('“Lee Jaemyung” is in the article', false)
  end
end

-- 6. Rename across the corpus: renaming “Seongrak Wi” renames every spelling of Wi Sung-lac
--    in the other articles' buffers (one WorkspaceEdit, applied to unopened files too).
do
  local line, col = find(buf, 'Seongrak Wi')
  if line then
    vim.api.nvim_win_set_cursor(0, { line + 1, col + 1 })
    vim.lsp.buf.rename(NEW_NAME)
    local function other_bufs()
      local out = {}
      for _, name in ipairs(OTHERS) do
        local b = vim.fn.bufnr(vim.fs.joinpath(corpus, name))
        out[name] = b
      end
      return out
    end
    vim.wait(10000, function()
      for _, b in pairs(other_bufs()) do
        if b > 0 and vim.api.nvim_buf_is_loaded(b) and buf_text(b):find(NEW_NAME, 1, true) then
          return true
        end
      end
      return false
    end, 50)
    local here = vim.api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
    check('rename changes the mention under the cursor', here:find(NEW_NAME, 1, true) and not here:find('Seongrak Wi', 1, true), here)
    local changed, detail = 0, {}
    for name, b in pairs(other_bufs()) do
      local ok = b > 0 and vim.api.nvim_buf_is_loaded(b) and buf_text(b):find(NEW_NAME, 1, true) ~= nil
      local old = b > 0 and vim.api.nvim_buf_is_loaded(b) and (buf_text(b):find('Wi Sung-lac', 1, true) or buf_text(b):find('Wi Seong-rak', 1, true))
      if ok and not old then
        changed = changed + 1
      end
      detail[#detail + 1] = ('%s: buffer %d, new name %s, old spelling left %s'):format(name, b, tostring(ok), tostring(old ~= nil and old ~= false))
    end
    check('rename changes the other articles’ buffers (' .. #OTHERS .. ' files)', changed == #OTHERS, table.concat(detail, '\n'))
    check('rename leaves no old spelling in this article', not buf_text(buf):find('Seongrak Wi', 1, true), buf_text(buf):sub(1, 200))
  else
    check('“Seongrak Wi” is in the article', false)
  end
end

-- 7. The plugin's extras: statusline component (byline/status), :Byline export, fixall, kb.
do
  local line = require('byline').statusline()
  check('the statusline component shows the entity count', line:match('^Byline: %d+ entities') ~= nil, line)
  -- The findings it shows are the server's one count (the `byline check` summary's and
  -- the "Fix all … in the corpus" action's, tested in tests/lsp.rs), pluralised.
  local bl = require('byline')
  local sc = bl.client(0)
  local want
  vim.wait(10000, function()
    local r = sc and sc:request_sync('byline/status', vim.NIL, 5000, 0)
    want = nil
    if r and r.result and r.result.quiescent then
      want = bl.findings_text(r.result)
    end
    line = bl.statusline()
    return type(want) == 'string' and line:find(want, 1, true) ~= nil
  end, 200)
  check('the statusline shows the server’s finding count (“N findings (M fixable)”)',
    type(want) == 'string' and line:find(want, 1, true) ~= nil and line:match('%d+ findings?') ~= nil, line .. ' / server: ' .. tostring(want))

  local out = vim.fs.joinpath(vim.fs.dirname(corpus), 'export.jsonl')
  os.remove(out)
  vim.cmd('Byline export jsonl ' .. vim.fn.fnameescape(out))
  local lines
  vim.wait(15000, function()
    local f = io.open(out, 'r')
    if not f then
      return false
    end
    lines = vim.split(vim.trim(f:read('*a')), '\n')
    f:close()
    return #lines == 14
  end, 100)
  local ok, first = pcall(vim.json.decode, lines and lines[1] or '')
  check(':Byline export jsonl writes one JSON line per article, with spans', lines and #lines == 14 and ok and type(first.spans) == 'table',
    lines and (#lines .. ' lines') or 'no file')

  local other = vim.fs.joinpath(corpus, '2024-05-01-australia-korea-2plus2-melbourne.txt')
  vim.cmd('Byline fixall')
  local function unquoted_defence()
    local b = vim.fn.bufnr(other)
    if b <= 0 or not vim.api.nvim_buf_is_loaded(b) then
      return true
    end
    local text = buf_text(b):gsub('"[^"]*"', ''):gsub('“[^”]*”', '')
    return text:find('%f[%a]defence%f[%A]') ~= nil
  end
  vim.wait(15000, function()
    return not unquoted_defence()
  end, 100)
  check(':Byline fixall fixes the corpus (defence → defense in another article)', not unquoted_defence(),
    vim.fn.bufnr(other) > 0 and buf_text(vim.fn.bufnr(other)):sub(1, 300) or 'the other article was not loaded')

  vim.cmd('Byline kb')
  check(':Byline kb opens entities.toml', vim.api.nvim_buf_get_name(0):match('entities%.toml$') ~= nil, vim.api.nvim_buf_get_name(0))
end

io.stdout:write(('neovim checks took %.1f s\n'):format(elapsed()))
finish()
