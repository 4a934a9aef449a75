-- Byline: colours for the semantic tokens of the Byline language server (people,
-- organisations, places, role titles; unknown names in italics, variant spellings
-- undercurled) and the :Byline command. Enable the server with vim.lsp.enable('byline').
if vim.g.loaded_byline then
  return
end
vim.g.loaded_byline = true

local byline = require('byline')
byline.setup_highlights()
vim.api.nvim_create_autocmd('ColorScheme', {
  group = vim.api.nvim_create_augroup('byline.highlights', { clear = true }),
  callback = function()
    byline.setup_highlights()
  end,
})

vim.api.nvim_create_user_command('Byline', byline.command, {
  nargs = '*',
  complete = byline.complete,
  desc = 'Byline: status | fixall | export {jsonl|brat|conll} [path] | kb | restart',
})
