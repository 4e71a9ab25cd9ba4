-- xxgk in Neovim: diagnostics as you type, quick fixes and cell hovers from `xxgk lsp`.
-- Copy this file to ~/.config/nvim/plugin/xxgk.lua (or paste it into init.lua). Then, in a
-- report: ]d / [d move between diagnostics, K describes the table cell under the cursor, and
-- :lua vim.lsp.buf.code_action() applies a fix.
local function start_xxgk(args)
  local config = {
    name = 'xxgk',
    cmd = { 'xxgk', 'lsp' },  -- add '--lang', 'zh' (or 'en') to fix the message language
    root_dir = vim.fn.getcwd(),
  }
  if vim.lsp.start then  -- Neovim 0.8 and later: one server, reused for every report
    vim.lsp.start(config)
  else                   -- Neovim 0.7
    vim.g.xxgk_client = vim.g.xxgk_client or vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(args.buf, vim.g.xxgk_client)
  end
end

vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  pattern = { '*.txt', '*.md' },  -- the files that are reports
  callback = start_xxgk,
})
