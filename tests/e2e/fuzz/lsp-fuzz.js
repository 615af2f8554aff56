// Random edits interleaved with every request the server serves, on a real metabase, over stdio: reports internal
// errors (-32603), requests not answered within 15 s, a server that exits, and final diagnostics that differ from a
// fresh server's on the final text. Not part of the test run (the C# soak in ProtocolAbuseTests is).
// Usage: node tests/e2e/fuzz/lsp-fuzz.js SERVER FILE [seed] [steps]; FUZZ_TAIL=0.12 keeps the edits in the last 12%.
const { spawn } = require('child_process');
const fs = require('fs');
const [server, fixture, seedArg, stepsArg] = process.argv.slice(2);
let seed = Number(seedArg || 1);
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const proc = spawn(server, ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
let stderr = ''; proc.stderr.on('data', (d) => { stderr += d; });
let buf = Buffer.alloc(0); const pending = new Map(); let nextId = 1;
proc.stdout.on('data', (c) => {
  buf = Buffer.concat([buf, c]);
  for (;;) {
    const h = buf.indexOf('\r\n\r\n'); if (h < 0) return;
    const len = +/Content-Length: *(\d+)/i.exec(buf.subarray(0, h).toString())[1];
    if (buf.length < h + 4 + len) return;
    const msg = JSON.parse(buf.subarray(h + 4, h + 4 + len).toString()); buf = buf.subarray(h + 4 + len);
    if (msg.id !== undefined && msg.method === undefined && pending.has(msg.id)) { pending.get(msg.id)(msg); pending.delete(msg.id); }
    else if (msg.id !== undefined && msg.method) send({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? [null] : null });
  }
});
let exited = null; proc.on('exit', (code, sig) => { exited = `${code} ${sig}`; });
function send(m) { const b = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m })); proc.stdin.write(`Content-Length: ${b.length}\r\n\r\n`); proc.stdin.write(b); }
function request(method, params, ms = 15000) {
  const id = nextId++;
  return new Promise((resolve) => {
    const t = setTimeout(() => { pending.delete(id); resolve({ timeout: true }); }, ms);
    pending.set(id, (m) => { clearTimeout(t); resolve(m); });
    send({ id, method, params });
  });
}
const notify = (method, params) => send({ method, params });
function positionAt(text, o) { let line = 0, last = 0; for (let i = 0; i < o; i++) if (text[i] === '\n') { line++; last = i + 1; } return { line, character: o - last }; }
const fragments = ['<', '>', '</', '/>', '"', '=', '|', ' ', '\n', '\t', '&amp;', '&x;', '<!--', '-->', '<![CDATA[', ']]>', '<?x ', '?>', 'AuthNTML', 'AuthBasic',
  '7697601', 'TRUE', 'Location ="/LM/W3SVC/1/ROOT"', 'Location ="/LM/SmtpSvc/1"', '<IIsWebVirtualDir Location ="/LM/W3SVC/1/ROOT/x" >', '</IIsWebVirtualDir>',
  '<IIsSmtpServer Location="/LM/SmtpSvc/2">', '</IIsSmtpServer>', '<Custom Name="X" ID="1" Value="1" Type="DWORD" UserType="IIS_MD_UT_SERVER" Attributes="INHERIT"/>',
  'SmtpInboundCommandSupportOptions="', '</MBProperty>', '<MBProperty>', '\u00e9', '\ud83d\ude00', 'x', '/', '0', ''];
(async () => {
  let text = fs.readFileSync(fixture, 'utf8').replace(/\r\n/g, '\n');
  const uri = 'file:///fuzz/MetaBase.xml';
  await request('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: { diagnosticsDebounceMs: 0 } });
  notify('initialized', {});
  notify('textDocument/didOpen', { textDocument: { uri, languageId: 'xml', version: 1, text } });
  let version = 1; const problems = []; const head = text.indexOf('<MBProperty>') + 12;
  const steps = Number(stepsArg || 2000);
  const methods = ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references', 'textDocument/documentSymbol',
    'textDocument/foldingRange', 'textDocument/selectionRange', 'textDocument/codeAction', 'textDocument/formatting', 'textDocument/rangeFormatting',
    'textDocument/inlayHint', 'workspace/symbol', 'smtpLsp/keyChildren', 'smtpLsp/effectiveProperties', 'smtpLsp/documentDiagnostics', 'smtpLsp/setPropertyValue'];
  for (let step = 0; step < steps; step++) {
    const edits = Math.floor(rnd() * 3);
    for (let e = 0; e < edits; e++) {
      const from = process.env.FUZZ_TAIL ? Math.max(head, Math.floor(text.length * (1 - Number(process.env.FUZZ_TAIL)))) : head;
      const start = from + Math.floor(rnd() * (text.length - from + 1));
      const end = Math.min(text.length, start + (rnd() < 0.25 ? Math.floor(rnd() * 200) : 0));
      let s = start, en = end;
      if (s > 0 && s < text.length && /[\udc00-\udfff]/.test(text[s])) s--;
      if (en > 0 && en < text.length && /[\udc00-\udfff]/.test(text[en])) en++;
      const inserted = rnd() < 0.2 ? '' : pick(fragments);
      version++;
      notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: positionAt(text, s), end: positionAt(text, en) }, text: inserted }] });
      text = text.slice(0, s) + inserted + text.slice(en);
    }
    const method = pick(methods);
    const o = Math.floor(rnd() * (text.length + 1));
    const position = positionAt(text, o);
    const o2 = Math.min(text.length, o + Math.floor(rnd() * 400));
    const range = { start: position, end: positionAt(text, o2) };
    const td = { uri };
    const params = {
      'textDocument/references': { textDocument: td, position, context: { includeDeclaration: rnd() < 0.5 } },
      'textDocument/documentSymbol': { textDocument: td },
      'textDocument/foldingRange': { textDocument: td },
      'textDocument/selectionRange': { textDocument: td, positions: [position, positionAt(text, o2)] },
      'textDocument/codeAction': { textDocument: td, range, context: { diagnostics: [] } },
      'textDocument/formatting': { textDocument: td, options: { tabSize: 4, insertSpaces: false } },
      'textDocument/rangeFormatting': { textDocument: td, range, options: { tabSize: 4, insertSpaces: false } },
      'textDocument/inlayHint': { textDocument: td, range },
      'workspace/symbol': { query: pick(['', '/LM', 'SmtpSvc/1', 'ROOT', 'x']) },
      'smtpLsp/keyChildren': { textDocument: td, location: pick([null, '/LM', '/LM/W3SVC', '/LM/SmtpSvc', '/LM/SmtpSvc/1', '/nope']), start: pick([0, 0, 1, 5000]) },
      'smtpLsp/effectiveProperties': rnd() < 0.5 ? { textDocument: td, position } : { textDocument: td, location: pick(['/LM/SmtpSvc/1', '/LM/W3SVC/1/ROOT', '/x']) },
      'smtpLsp/documentDiagnostics': { textDocument: td },
      'smtpLsp/setPropertyValue': { textDocument: { uri, version }, location: pick(['/LM/SmtpSvc/1', '/LM/W3SVC/1/ROOT', '/x']), property: pick(['SmtpInboundCommandSupportOptions', 'AuthFlags', 'ServerComment', 'Nope']), value: pick(['3503297', 'AuthNTLM', 'x', '']) },
    }[method] || { textDocument: td, position };
    const answer = await request(method, params);
    if (answer.timeout) problems.push(`step ${step} v${version} ${method}: no answer in 15 s`);
    else if (answer.error && answer.error.code === -32603) problems.push(`step ${step} v${version} ${method}: ${answer.error.message}`);
    if (exited) { problems.push(`server exited ${exited} at step ${step}`); break; }
    if (problems.length > 10) break;
  }
  const final = await request('smtpLsp/documentDiagnostics', { textDocument: { uri } });
  // A fresh server on the final text: the incremental result must be the same list.
  {
    const fresh = spawn(server, ['--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let fb = Buffer.alloc(0); let resolveFresh; const freshAnswer = new Promise((r) => { resolveFresh = r; });
    fresh.stdout.on('data', (c) => { fb = Buffer.concat([fb, c]); for (;;) { const h = fb.indexOf('\r\n\r\n'); if (h < 0) return; const len = +/Content-Length: *(\d+)/i.exec(fb.subarray(0, h))[1]; if (fb.length < h + 4 + len) return; const m = JSON.parse(fb.subarray(h + 4, h + 4 + len)); fb = fb.subarray(h + 4 + len); if (m.id === 2) resolveFresh(m); } });
    const fsend = (m) => { const b = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m })); fresh.stdin.write(`Content-Length: ${b.length}\r\n\r\n`); fresh.stdin.write(b); };
    fsend({ id: 1, method: 'initialize', params: { capabilities: {}, initializationOptions: { diagnosticsDebounceMs: 0 } } });
    fsend({ method: 'initialized', params: {} });
    fsend({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'xml', version: 1, text } } });
    fsend({ id: 2, method: 'smtpLsp/documentDiagnostics', params: { textDocument: { uri } } });
    const f = await freshAnswer; fresh.kill();
    const show = (d) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;
    const a = final.result.diagnostics.map(show), b = f.result.diagnostics.map(show);
    if (a.join('\n') !== b.join('\n')) {
      const onlyA = a.filter((x) => !b.includes(x)), onlyB = b.filter((x) => !a.includes(x));
      problems.push(`final diagnostics differ from a fresh parse: ${a.length} vs ${b.length}; incremental only: ${onlyA.slice(0, 3).join(' | ')}; fresh only: ${onlyB.slice(0, 3).join(' | ')}`);
    }
  }
  console.log(`seed ${seedArg} steps ${steps} version ${version}; final diagnostics ${final.result ? final.result.diagnostics.length : JSON.stringify(final)}`);
  // Errors answered on purpose leave no trace in the log; an exception there is a failure the client did not see.
  if (/Unhandled|Exception/.test(stderr)) { problems.push('exception in the server log'); console.log('STDERR', stderr.slice(0, 3000)); }
  for (const p of problems) console.log('PROBLEM', p);
  proc.kill();
  process.exit(problems.length ? 1 : 0);
})();
