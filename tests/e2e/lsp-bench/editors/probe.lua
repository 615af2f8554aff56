-- Headless Neovim on a large metabase, timed from Neovim's side (what its user waits for). Env: SMTPLSP_SNIPPET
-- (the README's snippet), LSP_FILE, LSP_OUT (JSON lines), LSP_KEYSTROKES (default 5). Exits 0 when every step ran.
local E = vim.env
local out = assert(io.open(E.LSP_OUT, 'w'))
local function emit(kind, val) out:write(vim.fn.json_encode({ kind = kind, value = val }), '\n'); out:flush() end
local function now() return vim.loop.hrtime() / 1e6 end
dofile(E.SMTPLSP_SNIPPET)
local client_id
local ok, err = pcall(function()
  local t0 = now()
  vim.cmd('edit ' .. vim.fn.fnameescape(E.LSP_FILE))
  local buf = vim.api.nvim_get_current_buf()
  emit('lines', vim.api.nvim_buf_line_count(buf))
  assert(vim.wait(120000, function()
    for _, c in ipairs(vim.lsp.get_active_clients()) do if c.name == 'smtplsp' then client_id = c.id end end
    local c = client_id and vim.lsp.get_client_by_id(client_id); return c and c.initialized end, 10), 'no server')
  assert(vim.wait(300000, function() return #vim.diagnostic.get(buf) > 0 end, 10), 'no diagnostics')
  emit('open-to-first-diagnostics-ms', now() - t0)
  emit('diagnostics', #vim.diagnostic.get(buf))
  -- The first SMTP server's ESMTP verbs: a value a user edits.
  local lnum = vim.fn.search('SmtpInboundCommandSupportOptions="') - 1
  local col = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1]:find('="', 1, true) + 1
  local uri = vim.uri_from_bufnr(buf)
  local function ask(method, c)
    local t = now()
    local res = vim.lsp.buf_request_sync(buf, method, { textDocument = { uri = uri }, position = { line = lnum, character = c } }, 20000)
    assert(res and res[client_id] and res[client_id].result, method .. ' gave no result')
    return now() - t
  end
  local function flagged()
    for _, d in ipairs(vim.diagnostic.get(buf, { lnum = lnum })) do if d.message:find('not a number', 1, true) then return true end end
    return false
  end
  for _ = 1, tonumber(E.LSP_KEYSTROKES or '5') do
    -- An 'x' typed into the number (a new error), then taken out again: each until Neovim shows the change.
    local t = now()
    vim.api.nvim_buf_set_text(buf, lnum, col, lnum, col, { 'x' })
    assert(vim.wait(60000, flagged, 2), 'the error never showed')
    emit('keystroke-to-diagnostic-shown-ms', now() - t)
    emit('hover-right-after-ms', ask('textDocument/hover', col + 2))
    emit('completion-right-after-ms', ask('textDocument/completion', col))
    t = now()
    vim.api.nvim_buf_set_text(buf, lnum, col, lnum, col + 1, { '' })
    assert(vim.wait(60000, function() return not flagged() end, 2), 'the error never went')
    emit('undo-to-diagnostic-gone-ms', now() - t)
  end
end)
if not ok then emit('error', tostring(err)) end
if client_id then vim.lsp.stop_client(client_id); vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 20) end
out:close()
vim.cmd(ok and 'qall!' or 'cquit! 1')
