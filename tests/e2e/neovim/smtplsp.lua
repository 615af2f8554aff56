-- SmtpLsp in Neovim 0.7+: put `smtplsp` on your PATH and this in init.lua.
-- The server recognises metabase files by content, so attaching it to every XML buffer is harmless.
-- One server for every XML buffer, started again if it was stopped (:lua vim.lsp.stop_client(...)) or died.
local smtplsp_client
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'xml',
  callback = function(args)
    local running = smtplsp_client and vim.lsp.get_client_by_id(smtplsp_client)
    if not running or running.is_stopped() then
      smtplsp_client = vim.lsp.start_client({
        name = 'smtplsp',
        cmd = { 'smtplsp', '--stdio' },
        root_dir = vim.fn.getcwd(),
        -- Settings (see above), e.g. no Exchange hints:
        -- init_options = { smtpLsp = { exchangeHints = false } },
      })
    end
    vim.lsp.buf_attach_client(args.buf, smtplsp_client)
  end,
})
