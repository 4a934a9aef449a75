-- Init file for the Neovim screen capture (tests/e2e/neovim/run.sh): a user's setup of
-- editors/neovim, the article open with entities highlighted, diagnostics shown, and the
-- hover of a person open. Writes READY_FILE when the screen is ready to capture.
vim.o.termguicolors = true
vim.o.number = true
vim.o.signcolumn = 'yes'
vim.o.wrap = true
vim.o.linebreak = true
vim.o.breakindent = true
vim.o.laststatus = 2
vim.o.showmode = false
vim.o.shortmess = vim.o.shortmess .. 'IF'
vim.cmd('filetype on')
vim.diagnostic.config({ virtual_text = { prefix = '●', spacing = 2 }, underline = true, signs = true, severity_sort = true })

function _G.BylineShot(editors_neovim, byline_bin, ready_file)
  local function fail(msg)
    local f = io.open(ready_file:gsub('shot%-ready$', 'shot-error'), 'w')
    if f then
      f:write(msg)
      f:close()
    end
  end
  vim.opt.runtimepath:prepend(editors_neovim)
  vim.cmd.runtime('plugin/byline.lua')
  vim.lsp.config('byline', { cmd = { byline_bin, 'lsp' } })
  vim.lsp.enable('byline')
  vim.o.statusline = " %f %= %{v:lua.require'byline'.statusline()}  %l:%c "
  vim.cmd.edit()
  local buf = vim.api.nvim_get_current_buf()
  local function tokens_ready()
    for _, m in ipairs(vim.api.nvim_buf_get_extmarks(buf, -1, 0, -1, { details = true, type = 'highlight' })) do
      if tostring(m[4].hl_group):match('^@lsp%.type%.person') then
        return true
      end
    end
    return false
  end
  local deadline = vim.uv.now() + 20000
  local function step()
    local client = vim.lsp.get_clients({ bufnr = buf, name = 'byline' })[1]
    local have_diags = #vim.diagnostic.get(buf) > 0
    if not (client and client.initialized and tokens_ready() and have_diags) then
      if vim.uv.now() > deadline then
        fail(('not ready: client=%s tokens=%s diagnostics=%s'):format(tostring(client ~= nil), tostring(tokens_ready()), tostring(have_diags)))
        return
      end
      vim.defer_fn(step, 100)
      return
    end
    -- Show the paragraph with Seongrak Wi / Lee Jaemyung and hover the person.
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    for i, l in ipairs(lines) do
      local col = l:find('Seongrak Wi', 1, true)
      if col then
        vim.cmd('normal! gg')
        vim.api.nvim_win_set_cursor(0, { i, col })
        vim.cmd('normal! zt')
        vim.fn.winrestview({ topline = math.max(1, i - 4) })
        break
      end
    end
    vim.lsp.buf.hover({ border = 'rounded', max_width = 70 })
    local t = vim.uv.now() + 5000
    local function wait_float()
      for _, w in ipairs(vim.api.nvim_list_wins()) do
        if vim.api.nvim_win_get_config(w).relative ~= '' then
          vim.cmd.redraw()
          local f = io.open(ready_file, 'w')
          f:write('ok')
          f:close()
          return
        end
      end
      if vim.uv.now() > t then
        fail('no hover window')
        return
      end
      vim.defer_fn(wait_float, 100)
    end
    wait_float()
  end
  step()
end
