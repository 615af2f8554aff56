-- Headless Neovim 0.7 LSP driver (recipe: ../shared/research/real-clients.md). Configured by env vars:
--   SMTPLSP_SNIPPET (the README's init.lua snippet), LSP_FILE, LSP_OUT, LSP_HOVER / LSP_COMPLETE "line:col" (0-based), LSP_TIMEOUT (ms).
-- Writes one JSON object per line to LSP_OUT; exits 0 when every step ran, 1 otherwise.
local E = vim.env
local timeout = tonumber(E.LSP_TIMEOUT or '20000')
local out = assert(io.open(E.LSP_OUT, 'w'))
local function emit(kind, val)
  out:write(vim.fn.json_encode({ kind = kind, value = val }), '\n'); out:flush()
end
-- The user-facing snippet from the README, loaded as a user would (with `smtplsp` on the PATH).
dofile(E.SMTPLSP_SNIPPET)
local function smtplsp_id()
  for _, c in ipairs(vim.lsp.get_active_clients()) do
    if c.name == 'smtplsp' then return c.id end
  end
end
local client_id
local function pos(spec)
  local l, c = spec:match('(%d+):(%d+)')
  return { line = tonumber(l), character = tonumber(c) }
end
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(E.LSP_FILE))
  local buf = vim.api.nvim_get_current_buf()
  emit('filetype', vim.bo[buf].filetype)
  assert(vim.wait(timeout, function()
    client_id = client_id or smtplsp_id()
    local c = client_id and vim.lsp.get_client_by_id(client_id)
    return c and c.initialized
  end, 20), 'server did not initialize')
  emit('initialized', true)
  local got = vim.wait(timeout, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  emit('diagnostics', got and vim.tbl_map(function(d)
    return { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message, source = d.source,
             code = d.user_data and d.user_data.lsp and d.user_data.lsp.code }
  end, vim.diagnostic.get(buf)) or 'none within timeout')
  local uri = vim.uri_from_bufnr(buf)
  local function ask(method, spec)
    local res = vim.lsp.buf_request_sync(buf, method, { textDocument = { uri = uri }, position = pos(spec) }, timeout)
    local r = res and res[client_id]
    return r and (r.result or { error = r.err }) or 'no response'
  end
  if E.LSP_HOVER then emit('hover', ask('textDocument/hover', E.LSP_HOVER)) end
  if E.LSP_COMPLETE then
    local r = ask('textDocument/completion', E.LSP_COMPLETE)
    local items = type(r) == 'table' and (r.items or r) or {}
    emit('completion-labels', vim.tbl_map(function(i) return i.label end, items))
  end
  if E.LSP_REOPEN then
    -- The server stopped (as :LspStop or a crash leaves it), then another XML file opened: the snippet starts it again.
    vim.lsp.stop_client(client_id)
    vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
    vim.cmd('edit ' .. vim.fn.fnameescape(E.LSP_REOPEN))
    local buf2 = vim.api.nvim_get_current_buf()
    local restarted = vim.wait(timeout, function()
      local id = smtplsp_id()
      local c = id and id ~= client_id and vim.lsp.get_client_by_id(id)
      return c and c.initialized and vim.lsp.buf_is_attached(buf2, id)
    end, 20)
    emit('restarted', restarted and true or false)
    client_id = smtplsp_id() or client_id
  end
end)
if not ok then emit('error', tostring(err)) end
if client_id then
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
end
out:close()
vim.cmd(ok and 'qall!' or 'cquit! 1')
