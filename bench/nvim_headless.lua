-- Neovim, headless, against `blamelint lsp`: open a file, print the diagnostics it gets,
-- edit the unsaved buffer, print the fresh diagnostics, apply the first quick fix.
--
--   BLAMELINT_FILE=draft.md nvim --headless -u NONE -c "luafile bench/nvim_headless.lua"
--
-- BLAMELINT_CMD overrides the server command (default: "blamelint lsp"). Written against
-- the API every Neovim from 0.7 has (vim.lsp.start_client); docs/editors.md shows the
-- 0.11 `vim.lsp.config` setup for everyday use.
local file = os.getenv("BLAMELINT_FILE") or error("set BLAMELINT_FILE")
local cmd = vim.split(os.getenv("BLAMELINT_CMD") or "blamelint lsp", " ", { trimempty = true })
local severity = { "error", "warning", "info", "hint" }

local function out(line) io.stdout:write(line .. "\n") end

local function show(label)
  out("-- " .. label)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local code = (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or d.code or ""
    out(string.format("%s:%d:%d: %s %s %s [%s]", vim.fn.fnamemodify(file, ":t"), d.lnum + 1, d.col + 1,
      severity[d.severity], code, d.message, d.source or ""))
  end
end

local published = 0
local handler = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  handler(err, result, ctx, config)
  published = published + 1
end

vim.cmd("filetype on")  -- -u NONE leaves detection off; the filetype is the languageId sent
vim.cmd("edit " .. vim.fn.fnameescape(file))
local client_id = vim.lsp.start_client({ name = "blamelint", cmd = cmd, root_dir = vim.fn.getcwd() })
vim.lsp.buf_attach_client(0, client_id)

if not vim.wait(120000, function() return published >= 1 end, 50) then
  out("no diagnostics within 120 s"); vim.cmd("cquit 1")
end
show("on open")

-- an unsaved edit: append a sentence to the last line
local last = vim.api.nvim_buf_line_count(0)
local line = vim.api.nvim_buf_get_lines(0, last - 1, last, false)[1]
vim.api.nvim_buf_set_lines(0, last - 1, last, false, { line .. " Maya forgot to page the on-call engineer." })
local seen = published
vim.wait(30000, function() return published > seen end, 20)
show("after an unsaved edit")

-- the first quick fix at the first blame finding, applied to the buffer
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ""
  if code:find("^blame%.") then
    local params = {
      textDocument = vim.lsp.util.make_text_document_params(),
      range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
      context = { diagnostics = {} },  -- 0.7 keeps only part of the LSP diagnostic; the range is enough
    }
    local response = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 30000)
    for _, r in pairs(response or {}) do
      local action = (r.result or {})[1]
      if action and action.edit then
        out("-- applying: " .. action.title)
        vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
        seen = published
        vim.wait(30000, function() return published > seen end, 20)
        show("after the quick fix")
      end
    end
    break
  end
end
vim.lsp.stop_client(client_id)
vim.cmd("qa!")
