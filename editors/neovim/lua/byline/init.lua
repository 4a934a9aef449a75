-- Byline for Neovim: highlight groups for the semantic token types, the `:Byline` command
-- and a statusline component. The language server config itself is lsp/byline.lua.

local M = {}

--- Semantic token types and modifiers of the Byline server, and the groups tried for each,
--- first to last: the first one the colour scheme gives a colour (other than the normal
--- text colour) is used, so that entities stand out under any scheme, including Neovim's
--- default one (which colours only a few groups).
M.candidates = {
  BylinePerson = { '@function', 'Function' },
  BylineOrganization = { '@type', 'Type', 'Identifier' },
  BylineLocation = { '@module', 'Include', 'String' },
  BylineRole = { '@keyword', 'Keyword', 'Statement' },
}

M.links = {
  ['@lsp.type.person'] = 'BylinePerson',
  ['@lsp.type.organization'] = 'BylineOrganization',
  ['@lsp.type.location'] = 'BylineLocation',
  ['@lsp.type.role'] = 'BylineRole',
  ['@lsp.mod.unknown'] = 'BylineUnknown',
  ['@lsp.mod.variant'] = 'BylineVariant',
}

local function fg_of(name)
  local ok, hl = pcall(vim.api.nvim_get_hl, 0, { name = name, link = false })
  return ok and hl and hl.fg or nil
end

--- Defines the Byline highlight groups (again after a colour scheme change). Every link
--- is made with `default = true`: a colour scheme or the user can override any of them.
function M.setup_highlights()
  local normal = fg_of('Normal')
  for group, candidates in pairs(M.candidates) do
    local chosen = candidates[#candidates]
    for _, c in ipairs(candidates) do
      local fg = fg_of(c)
      if fg and fg ~= normal then
        chosen = c
        break
      end
    end
    vim.api.nvim_set_hl(0, group, { link = chosen, default = true })
  end
  -- Names that no knowledge base knows: italic, in their kind's colour.
  vim.api.nvim_set_hl(0, 'BylineUnknown', { italic = true, default = true })
  -- Non-preferred spellings: undercurled in the warning colour (the diagnostic says why).
  vim.api.nvim_set_hl(0, 'BylineVariant', { undercurl = true, sp = fg_of('DiagnosticWarn') or 0xfce094, default = true })
  for from, to in pairs(M.links) do
    vim.api.nvim_set_hl(0, from, { link = to, default = true })
  end
end

-- Status from the server's `byline/status` notification, per client.
M.status = {}

function M._on_status(client_id, params)
  M.status[client_id] = params
  vim.api.nvim_exec_autocmds('User', { pattern = 'BylineStatus', modeline = false, data = { client_id = client_id, status = params } })
  pcall(vim.cmd.redrawstatus)
end

--- The Byline client of a buffer (default: the current one).
function M.client(bufnr)
  return vim.lsp.get_clients({ name = 'byline', bufnr = bufnr or 0 })[1] or vim.lsp.get_clients({ name = 'byline' })[1]
end

--- The noun for `n` of it: "finding" for 1, "findings" otherwise ("entity", "entities").
function M.plural(n, noun)
  if n == 1 then
    return noun
  end
  return noun:match('[^aeiou]y$') and (noun:sub(1, -2) .. 'ies') or (noun .. 's')
end

--- "1 finding", "2 findings", "1 entity", "3 entities".
function M.count(n, noun)
  n = tonumber(n) or 0
  return ('%d %s'):format(n, M.plural(n, noun))
end

--- The findings part of the status: "49 findings (42 fixable)", the counts of
--- `byline check` and of the "Fix all … in the corpus" code action, as the server
--- sends them; nil before the first count.
function M.findings_text(s)
  if type(s.findings) ~= 'number' then
    return nil
  end
  local text = M.count(s.findings, 'finding')
  if type(s.fixable) == 'number' and s.fixable ~= s.findings then
    text = text .. (' (%d fixable)'):format(s.fixable)
  end
  return text
end

--- A statusline component: "Byline: 245 entities · 49 findings (42 fixable)",
--- "Byline: indexing…" or "".
function M.statusline()
  local client = M.client(0)
  local s = client and M.status[client.id]
  if not client then
    return ''
  elseif not s then
    return 'Byline'
  elseif s.indexing == true then
    return ('Byline: indexing %s…'):format(M.count(s.documents, 'article'))
  end
  local text = 'Byline: ' .. M.count(s.entities, 'entity')
  local findings = M.findings_text(s)
  if findings then
    text = text .. ' · ' .. findings
  end
  return text
end

local TEMPLATE = [=[
# Byline knowledge base: the people, organisations and places of this corpus.
# Byline works without it (names are discovered in the articles); entries here fix
# the canonical spelling, the kind, the accepted and discouraged spellings, and the
# role and affiliation shown on hover.
#
# [[entity]]
# name = "Lee Jae-myung"            # canonical (preferred) spelling
# kind = "person"                   # person | organization | place
# aliases = ["Lee Jae Myung"]       # accepted spellings: no finding
# variants = ["Lee Jaemyung"]       # discouraged spellings: flagged and fixed to `name`
# role = "President"
# affiliation = "South Korea"
# notes = "Took office June 4, 2025."
#
# [[entity.history]]                # earlier roles, dated (YYYY-MM-DD)
# role = "Leader of the Democratic Party"
# affiliation = "Democratic Party of Korea"
# from = "2022-08-28"
# to = "2025-04-09"
]=]

local function root_of(client)
  return client and (client.root_dir or (client.config and client.config.root_dir)) or vim.fn.getcwd()
end

local function binary_of(client)
  local cmd = client and client.config and client.config.cmd
  return type(cmd) == 'table' and cmd[1] or 'byline'
end

local function knowledge_base(client)
  local root = root_of(client)
  local settings = client and client.settings and client.settings.byline or {}
  local files = settings.corpus and settings.corpus.knowledgeBase
  if not files then
    local f = io.open(vim.fs.joinpath(root, 'byline.toml'), 'r')
    if f then
      local text = f:read('*a')
      f:close()
      local list = text:match('\n%s*knowledge%-base%s*=%s*(%b[])') or text:match('^%s*knowledge%-base%s*=%s*(%b[])')
      if list then
        files = {}
        for name in list:gmatch('"([^"]+)"') do
          files[#files + 1] = name
        end
      end
    end
  end
  local first = files and files[1] or 'entities.toml'
  return first:sub(1, 1) == '/' and first or vim.fs.joinpath(root, first)
end

M.subcommands = {}

function M.subcommands.status()
  local client = M.client(0)
  if not client then
    vim.notify('Byline is not running for this buffer (vim.lsp.enable("byline")?)', vim.log.levels.WARN)
    return
  end
  local s = M.status[client.id] or {}
  local function n(v, noun)
    return type(v) == 'number' and M.count(v, noun) or ('? ' .. M.plural(2, noun))
  end
  vim.notify(
    ('Byline (%s): %s, %s, %s%s'):format(
      root_of(client),
      n(s.documents, 'article'),
      n(s.entities, 'entity'),
      M.findings_text(s) or '? findings',
      s.indexing == true and ', indexing' or ''
    )
  )
end

--- Fixes every inconsistent spelling of the corpus (the server sends one workspace edit).
function M.subcommands.fixall()
  local client = M.client(0)
  if not client then
    vim.notify('Byline is not running for this buffer', vim.log.levels.WARN)
    return
  end
  client:exec_cmd({ title = 'Fix all spellings in the corpus', command = 'byline.fixAllInCorpus', arguments = {} }, { bufnr = 0 })
end

--- :Byline export {jsonl|brat|conll} {path}: runs `byline export` (the server never writes files).
function M.subcommands.export(format, out)
  format = format or 'jsonl'
  if not vim.tbl_contains({ 'jsonl', 'brat', 'conll' }, format) then
    vim.notify('Byline: export format must be jsonl, brat or conll', vim.log.levels.ERROR)
    return
  end
  local client = M.client(0)
  local root = root_of(client)
  out = out or vim.fs.joinpath(vim.fs.dirname(root), format == 'brat' and 'annotations-brat' or ('annotations.' .. format))
  out = vim.fn.fnamemodify(vim.fn.expand(out), ':p')
  vim.system({ binary_of(client), 'export', '--format', format, '--out', out, root }, { text = true }, function(r)
    vim.schedule(function()
      if r.code == 0 then
        vim.notify('Byline: annotations exported to ' .. out)
      else
        vim.notify('Byline export failed: ' .. vim.trim(r.stderr or ''), vim.log.levels.ERROR)
      end
    end)
  end)
end

--- :Byline kb: opens the knowledge base, creating it with a commented template if missing.
function M.subcommands.kb()
  local path = knowledge_base(M.client(0))
  if not vim.uv.fs_stat(path) then
    local f = assert(io.open(path, 'w'))
    f:write(TEMPLATE)
    f:close()
  end
  vim.cmd.edit(vim.fn.fnameescape(path))
end

--- :Byline restart: restarts the Byline server(s), reattaching their buffers.
function M.subcommands.restart()
  for _, client in ipairs(vim.lsp.get_clients({ name = 'byline' })) do
    local bufs = vim.tbl_keys(client.attached_buffers)
    local config = client.config
    client:stop()
    vim.wait(5000, function()
      return client:is_stopped()
    end, 50)
    for _, buf in ipairs(bufs) do
      if vim.api.nvim_buf_is_valid(buf) then
        vim.lsp.start(config, { bufnr = buf })
      end
    end
  end
end

function M.command(opts)
  local args = opts.fargs
  local sub = M.subcommands[args[1] or 'status']
  if not sub then
    vim.notify('Byline: unknown subcommand ' .. args[1] .. ' (status, fixall, export, kb, restart)', vim.log.levels.ERROR)
    return
  end
  sub(unpack(args, 2))
end

function M.complete(arglead, cmdline)
  local words = vim.split(cmdline, '%s+', { trimempty = false })
  local list = #words <= 2 and vim.tbl_keys(M.subcommands) or (words[2] == 'export' and #words == 3) and { 'jsonl', 'brat', 'conll' } or {}
  table.sort(list)
  return vim.tbl_filter(function(w)
    return vim.startswith(w, arglead)
  end, list)
end

return M
