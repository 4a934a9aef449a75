-- Byline language server for Neovim 0.11+ (`:help lsp-config`).
--
--   vim.lsp.enable('byline')            -- with this directory on 'runtimepath'
--   vim.lsp.config('byline', { settings = { byline = { style = { spelling = 'british' } } } })
--
-- Also usable with nvim-lspconfig (whose own configs are lsp/*.lua files too): this file
-- is what `vim.lsp.config.byline` starts from.
--
-- Settings (all optional; byline.toml at the corpus root stays in force for anything
-- not set here) mirror byline.toml with camelCase keys:
--   corpus = { include = { '**/*.txt' }, exclude = {}, knowledgeBase = { 'entities.toml' } }
--   style  = { spelling = 'auto'|'american'|'british',
--              koreanGivenNames = 'auto'|'hyphenated'|'spaced'|'joined',
--              quotations = 'preserve'|'check' }
--   checks = { inconsistentSpelling = 'warning', possibleVariant = 'information',
--              houseStyle = 'warning', possibleTypo = 'information' }
--              -- error | warning | information | hint | off
-- They are sent as initializationOptions, in workspace/didChangeConfiguration (as
-- { byline = ... }) and in answers to workspace/configuration (section "byline").

---@type vim.lsp.Config
return {
  cmd = { 'byline', 'lsp' },
  filetypes = { 'text' },
  root_markers = { 'byline.toml', '.git' },
  settings = {
    byline = vim.empty_dict(),
  },
  before_init = function(params, config)
    -- The same object as initializationOptions, unless init_options were given explicitly.
    local settings = config.settings and config.settings.byline or {}
    local init = vim.tbl_deep_extend('force', {}, settings, config.init_options or {})
    params.initializationOptions = next(init) == nil and vim.empty_dict() or init
  end,
  handlers = {
    -- {"documents": N, "entities": N, "findings": N, "indexing": bool}
    ['byline/status'] = function(_, params, ctx)
      local ok, byline = pcall(require, 'byline')
      if ok then
        byline._on_status(ctx.client_id, params)
      end
    end,
  },
}
