-- Byline language server for Neovim 0.11+ (`:help lsp-config`).
--
--   vim.lsp.enable('byline')            -- with this directory on 'runtimepath'
--   vim.lsp.config('byline', { settings = { byline = { style = { spelling = 'british' } } } })
--
-- Also usable with nvim-lspconfig (whose own configs are lsp/*.lua files too): this file
-- is what `vim.lsp.config.byline` starts from.
--
-- Settings (all optional; byline.toml at the corpus root wins for every key it sets,
-- these apply to the keys it leaves out) mirror byline.toml with camelCase keys; here
-- with their defaults:
-- BEGIN GENERATED settings (src/config/schema.rs; BYLINE_UPDATE_SCHEMA=1 cargo test --release --test settings_schema)
--   corpus = {
--     include = { '**/*.txt' },
--     exclude = {},
--     knowledgeBase = { 'entities.toml' },
--   },
--   style = {
--     spelling = 'auto',                 -- auto | american | british
--     koreanGivenNames = 'auto',         -- auto | hyphenated | spaced | joined
--     acronyms = 'majority',             -- majority | upper | title
--     quotations = 'preserve',           -- preserve | check
--   },
--   checks = {
--     inconsistentSpelling = 'warning',  -- error | warning | information | hint | off
--     possibleVariant = 'information',   -- error | warning | information | hint | off
--     houseStyle = 'warning',            -- error | warning | information | hint | off
--     possibleTypo = 'information',      -- error | warning | information | hint | off
--     staleTitle = 'information',        -- error | warning | information | hint | off
--   },
--   ignore = {
--     spellings = {},
--   },
-- END GENERATED settings
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
  -- Neovim 0.11 pulls diagnostics on its own edits only. Byline's findings depend on the
  -- whole corpus (a fix in one article changes what is flagged in another; the first
  -- pull may come before the corpus is indexed), so accept the server's
  -- workspace/diagnostic/refresh and pull again for every attached buffer.
  capabilities = {
    workspace = { diagnostics = { refreshSupport = true } },
  },
  before_init = function(params, config)
    -- The same object as initializationOptions, unless init_options were given explicitly.
    local settings = config.settings and config.settings.byline or {}
    local init = vim.tbl_deep_extend('force', {}, settings, config.init_options or {})
    params.initializationOptions = next(init) == nil and vim.empty_dict() or init
  end,
  handlers = {
    ['workspace/diagnostic/refresh'] = function(_, _, ctx)
      local client = vim.lsp.get_client_by_id(ctx.client_id)
      if client then
        for bufnr in pairs(client.attached_buffers) do
          if vim.api.nvim_buf_is_loaded(bufnr) then
            -- nil handler: the default textDocument/diagnostic handler stores the result.
            client:request('textDocument/diagnostic', { textDocument = vim.lsp.util.make_text_document_params(bufnr) }, nil, bufnr)
          end
        end
      end
      return vim.NIL
    end,
    -- {"documents": N, "entities": N, "findings": N, "indexing": bool}
    ['byline/status'] = function(_, params, ctx)
      local ok, byline = pcall(require, 'byline')
      if ok then
        byline._on_status(ctx.client_id, params)
      end
    end,
  },
}
