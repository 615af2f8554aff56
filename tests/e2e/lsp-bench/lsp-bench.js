#!/usr/bin/env node
// LSP-level benchmark: drives the server over stdio the way an editor does and prints medians with min and max.
// Usage: node lsp-bench.js <server-binary> <20mb-file> <50mb-file> [more files to open] [--runs N]
// Every request loop is bounded in count and each wait has a timeout, so the run always ends by itself.
// LSP_BENCH_RAW=1 also prints every time of each row in the order measured.
// Other language servers are compared on the 20 MB didOpen when they are installed (never required, never in CI):
//   efm-langserver + xmllint (Debian: apt-get install efm-langserver libxml2-utils): a generic server running
//     `xmllint --noout -` on the text, so well-formedness only;
//   LemMinX (Eclipse XML language server, Java): set LEMMINX_JAR to its uber jar, e.g. fetched with
//     `mvn dependency:get -Dartifact=org.eclipse.lemminx:org.eclipse.lemminx:0.29.0:jar:uber
//      -DremoteRepositories=https://repo.eclipse.org/content/repositories/lemminx-releases/`.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const [serverPath, file20, file50, ...moreOpens] = process.argv.slice(2).filter((a, i, all) => a !== '--runs' && all[i - 1] !== '--runs');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
if (!serverPath || !file20 || !file50) {
  console.error('usage: node lsp-bench.js <server-binary> <20mb-file> <50mb-file> [--runs N]');
  process.exit(2);
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Peak and current resident memory of a process, in MB, from /proc (Linux); null elsewhere. */
function memoryOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
    return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
  } catch { return null; }
}

const onPath = (name) => (process.env.PATH || '').split(path.delimiter).some((dir) => fs.existsSync(path.join(dir, name)));

const SMTPLSP = { name: 'smtplsp', command: serverPath, args: ['--stdio'] };

/** Other XML-capable language servers found on this machine, and why the missing ones are skipped. */
function otherServers() {
  const found = [];
  if (onPath('efm-langserver') && onPath('xmllint')) {
    const config = path.join(fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'lsp-bench-efm-')), 'config.yaml');
    fs.writeFileSync(config, [
      'version: 2', 'lint-debounce: 0ms', 'languages:', '  xml:',
      "    - lint-command: 'xmllint --noout -'", '      lint-stdin: true', '      lint-after-open: true',
      '      lint-ignore-exit-code: true', '      lint-formats:', "        - '-:%l: %m'", ''].join('\n'));
    found.push({ name: 'efm-langserver + xmllint', command: 'efm-langserver', args: ['-c', config] });
  } else {
    console.log('  (efm-langserver + xmllint: not installed, skipped; apt-get install efm-langserver libxml2-utils)');
  }
  const jar = process.env.LEMMINX_JAR;
  if (jar && fs.existsSync(jar) && onPath('java')) {
    found.push({ name: 'LemMinX', command: 'java', args: ['-jar', jar] });
  } else {
    console.log('  (LemMinX: LEMMINX_JAR not set to its uber jar, or no java; skipped)');
  }
  return found;
}

function stats(name, times, extra = '') {
  const s = [...times].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  console.log(`  ${name.padEnd(52)} n=${String(s.length).padStart(4)}  median ${q(0.5).toFixed(2).padStart(9)} ms` +
    `  p99 ${q(0.99).toFixed(2).padStart(9)}  min ${s[0].toFixed(2).padStart(9)}  max ${s[s.length - 1].toFixed(2).padStart(9)}${extra}`);
  // In the order they came, to see whether an outlier is the first of a series or a pause in the middle.
  if (process.env.LSP_BENCH_RAW) console.log(`    ${times.map((t) => t.toFixed(1)).join(' ')}`);
}

class Client {
  constructor(command, args) {
    this.proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.waiters = [];
    this.proc.stdout.on('data', (chunk) => this.onData(chunk));
  }

  onData(chunk) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: *(\d+)/i.exec(header)[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(JSON.parse(body), now());
    }
  }

  onMessage(message, at) {
    if (message.id !== undefined && this.pending.has(message.id) && message.method === undefined) {
      const { resolve } = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve({ message, at });
      return;
    }
    if (message.id !== undefined && message.method !== undefined) {
      // Server-to-client requests (configuration, registration): answer with nothing.
      this.send({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? [null] : null });
      return;
    }
    this.waiters = this.waiters.filter((w) => !(w.match(message) && (w.resolve({ message, at }), true)));
  }

  send(message) { this.proc.stdin.write(Client.frame(message)); }

  /** One LSP frame; built ahead when the client's own JSON.stringify must stay out of a measurement. */
  static frame(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
  }

  request(method, params, timeoutMs = 60000) {
    const id = this.nextId++;
    const sent = now();
    // The timer stays referenced until the answer comes: an unreferenced one let node exit silently, mid-run, when a
    // server never answered and nothing else was pending.
    const promise = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} timed out`)), timeoutMs);
      this.pending.set(id, { resolve: (r) => { clearTimeout(timer); resolve(r); } });
    });
    this.send({ jsonrpc: '2.0', id, method, params });
    return promise.then((r) => ({ ...r, ms: r.at - sent }));
  }

  notify(method, params) { this.send({ jsonrpc: '2.0', method, params }); }

  waitFor(match, timeoutMs = 60000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('notification timed out')), timeoutMs);
      this.waiters.push({ match, resolve: (r) => { clearTimeout(timer); resolve(r); } });
    });
  }

  async initialize() {
    const r = await this.request('initialize', {
      processId: process.pid, rootUri: null,
      capabilities: { general: { positionEncodings: ['utf-16'] }, textDocument: { hover: { contentFormat: ['markdown'] } } },
      initializationOptions: { smtpLsp: { diagnosticsDebounceMs: 0 } },
    });
    this.notify('initialized', {});
    return r;
  }

  async stop() {
    try { await this.request('shutdown', null, 5000); } catch { /* exiting anyway */ }
    this.notify('exit', null);
    // Some servers exit on shutdown already; waiting for an 'exit' event that has passed would hang (or, with an
    // unreferenced timer, let node end the whole run silently).
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    await new Promise((resolve) => {
      const timer = setTimeout(() => { this.proc.kill(); resolve(); }, 3000);
      this.proc.once('exit', () => { clearTimeout(timer); resolve(); });
    });
  }
}

const isDiagnosticsFor = (uri, version) => (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri &&
  (version === undefined || m.params.version === undefined || m.params.version === version);

function positionAt(text, offset) {
  let line = 0, lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; lineStart = i + 1; }
  return { line, character: offset - lineStart };
}

// Mid-value offsets of properties (not Location), spread over the file with a fixed step.
function valueOffsets(text, count) {
  const out = [];
  for (let k = 1; out.length < count && k < count * 4; k++) {
    const eq = text.indexOf('="', Math.floor((text.length * k) / (count * 4 + 1)));
    if (eq < 0) continue;
    const close = text.indexOf('"', eq + 2);
    if (close - eq - 2 < 2 || text.slice(eq - 9, eq) === 'Location ') continue;
    out.push(eq + 2 + Math.floor((close - eq - 2) / 2));
  }
  return out;
}

// The ends of Location values that contain `marker`, spread over the file: web keys ('Location ="/LM/W3SVC/'), or
// SMTP remote domains ('/Domain/relay', near the end of the file, hence a finer spread).
function locationEnds(text, marker, count, spread = 4) {
  const out = [];
  for (let k = 1; out.length < count && k < count * spread; k++) {
    const at = text.indexOf(marker, Math.floor((text.length * k) / (count * spread + 1)));
    if (at < 0) continue;
    const end = text.indexOf('"', at + marker.length);
    if (!out.includes(end)) out.push(end);
  }
  return out;
}

async function coldStart() {
  const times = [];
  for (let i = 0; i < RUNS * 3; i++) {
    const started = now();
    const client = new Client(serverPath, ['--stdio']);
    const r = await client.initialize();
    times.push(r.at - started);
    await client.stop();
  }
  stats('cold start: spawn -> initialize result', times);
}

async function stdioFloor(text) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen',
    params: { textDocument: { uri: 'file:///floor.xml', languageId: 'xml', version: 1, text } } }), 'utf8');
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const proc = spawn('bash', ['-c', `head -c ${body.length} > /dev/null; echo done`], { stdio: ['pipe', 'pipe', 'ignore'] });
    await new Promise((r) => setTimeout(r, 50));
    const started = now();
    const done = new Promise((resolve) => proc.stdout.once('data', () => resolve(now())));
    proc.stdin.write(body);
    times.push((await done) - started);
    proc.kill();
  }
  stats(`floor: pipe ${(body.length / 1e6).toFixed(1)} MB into a reader that only receives it`, times);
}

async function didOpenFirstDiagnostics(file, server = SMTPLSP, floor = true) {
  const text = fs.readFileSync(file, 'utf8');
  if (floor) await stdioFloor(text);
  const times = [];
  const clientSide = [];
  let count = 0;
  let peak = 0;
  for (let i = 0; i < RUNS; i++) {
    const client = new Client(server.command, server.args);
    await client.initialize();
    // The file's real URI: a generic server may run its linter in the document's directory.
    const uri = require('node:url').pathToFileURL(path.resolve(file)).href;
    // Serialised before the clock starts, as the floor is: Node's JSON.stringify of 21 MB takes about 200 ms here,
    // which is the client's cost, not the server's.
    const serialising = now();
    const frame = Client.frame({ jsonrpc: '2.0', method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'xml', version: 1, text } } });
    clientSide.push(now() - serialising);
    const started = now();
    const published = client.waitFor(isDiagnosticsFor(uri), 120000);
    client.proc.stdin.write(frame);
    const { message, at } = await published;
    times.push(at - started);
    count = message.params.diagnostics.length;
    peak = Math.max(peak, memoryOf(client.proc.pid)?.peak ?? 0);
    await client.stop();
  }
  const who = server === SMTPLSP ? '' : ` [${server.name}]`;
  if (floor) stats(`client: JSON.stringify of that didOpen (outside the next row)`, clientSide);
  stats(`didOpen ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB -> first publishDiagnostics${who}`, times,
    `  (${count} diagnostics; peak RSS ${peak.toFixed(0)} MB)`);
}

async function openDocument(file) {
  let text = fs.readFileSync(file, 'utf8');
  const client = new Client(serverPath, ['--stdio']);
  const init = await client.initialize();
  const uri = `file:///bench/${path.basename(file)}`;
  const published = client.waitFor(isDiagnosticsFor(uri), 120000);
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'xml', version: 1, text } });
  await published;
  return { client, uri, text, capabilities: init.message.result.capabilities };
}

async function onLargeDocument(file) {
  const { client, uri, text, capabilities } = await openDocument(file);
  const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
  const memory = memoryOf(client.proc.pid);
  if (memory) {
    console.log(`  server memory after didOpen of ${mb} MB and its diagnostics: peak RSS (VmHWM) ${memory.peak.toFixed(0)} MB` +
      ` (${(memory.peak / Number(mb)).toFixed(2)}x the file), RSS now ${memory.now.toFixed(0)} MB`);
  }
  // What an editor asks as soon as a document opens: the outline, before the server's idle build has made its key tree.
  stats(`first documentSymbol right after didOpen's diagnostics, round trip`,
    [(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).ms]);
  const offsets = valueOffsets(text, 200);
  const positions = offsets.map((o) => positionAt(text, o));

  const hover = [];
  for (const position of positions) hover.push((await client.request('textDocument/hover', { textDocument: { uri }, position })).ms);
  stats(`hover on ${mb} MB, client round trip`, hover.slice(5));

  const completion = [];
  for (const position of positions) completion.push((await client.request('textDocument/completion', { textDocument: { uri }, position })).ms);
  stats(`completion in values on ${mb} MB, client round trip`, completion.slice(5));

  for (const [method, label] of [['textDocument/documentSymbol', 'documentSymbol'], ['textDocument/inlayHint', 'inlayHint']]) {
    const provider = method.endsWith('documentSymbol') ? capabilities.documentSymbolProvider : capabilities.inlayHintProvider;
    if (!provider) { console.log(`  ${label}: not served by this server build (capability absent)`); continue; }
    const times = [];
    for (let i = 0; i < RUNS * 2; i++) {
      const params = { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: positionAt(text, text.length) } };
      times.push((await client.request(method, params)).ms);
    }
    stats(`${label} on ${mb} MB, client round trip`, times);
  }

  const typeAt = typist(client, uri);

  const keystrokes = [];
  for (const position of positions.slice(0, RUNS * 4)) {
    const started = now();
    keystrokes.push((await typeAt(position)).at - started);
  }
  stats(`keystroke in a value of ${mb} MB -> publishDiagnostics`, keystrokes);

  // The first hover after a keystroke: asked at once, and after a 2 s pause (the server prepares features when idle).
  for (const pause of [0, 2000]) {
    const hovers = [];
    for (const position of positions.slice(RUNS * 4, RUNS * 4 + RUNS)) {
      await typeAt(position);
      if (pause) await new Promise((resolve) => setTimeout(resolve, pause));
      hovers.push((await client.request('textDocument/hover', { textDocument: { uri }, position })).ms);
    }
    stats(`first hover after a keystroke, ${pause} ms pause`, hovers);
  }

  await explorerLevels(client, uri, text);
  await aboutTheEditedKey(client, uri, text, offsets.slice(RUNS * 5, RUNS * 10), typeAt);

  // A request sent right after each keystroke, before its diagnostics: what a user feels while typing.
  const rightAfterKeystrokes = async (method, paramsAt) => {
    const times = [];
    for (const [k, position] of positions.slice(0, RUNS * 4).entries()) {
      const published = typeAt(position);
      times.push((await client.request(method, { textDocument: { uri }, ...paramsAt(position, k) })).ms);
      await published;
    }
    return times;
  };
  // Pointing at something else after typing.
  stats(`keystroke then hover at once on ${mb} MB, hover round trip`, await rightAfterKeystrokes('textDocument/hover',
    (position, k) => ({ position: positions[(k + 50) % positions.length] })));
  // Completion at the cursor, as an editor asks while the user types.
  stats(`keystroke then completion at the cursor on ${mb} MB, round trip`, await rightAfterKeystrokes('textDocument/completion',
    (position) => ({ position: { line: position.line, character: position.character + 1 } })));
  // The inlay hints of the screen around the edit, which an editor asks for again after every change.
  if (capabilities.inlayHintProvider) {
    stats(`keystroke then inlay hints of 60 lines around it on ${mb} MB, round trip`, await rightAfterKeystrokes('textDocument/inlayHint',
      (position) => ({ range: { start: { line: Math.max(0, position.line - 30), character: 0 }, end: { line: position.line + 30, character: 0 } } })));
  }
  // What an editor asks again after every change whatever the cursor does: the outline (breadcrumbs, outline view),
  // the folding ranges, and the code actions of the cursor's line (the light bulb).
  stats(`keystroke then documentSymbol on ${mb} MB, round trip`, await rightAfterKeystrokes('textDocument/documentSymbol', () => ({})));
  stats(`keystroke then foldingRange on ${mb} MB, round trip`, await rightAfterKeystrokes('textDocument/foldingRange', () => ({})));
  stats(`keystroke then codeAction at the cursor on ${mb} MB, round trip`, await rightAfterKeystrokes('textDocument/codeAction',
    (position) => ({ range: { start: position, end: position }, context: { diagnostics: [] } })));
  // A new property typed on a line of its own after a value, completion asked at the cursor after each keystroke:
  // until its value is quoted the key holds a syntax error. Lines no earlier row touched, last first, so each new
  // line leaves the positions of the ones still to come where they were.
  // Enter is one change, as editors send it.
  const typed = ['\r\n', ...'\t\tMaxBandwidth="7"'];
  const newProperty = [];
  const ends = offsets.slice(150, 150 + RUNS).map((o) => text.indexOf('\r\n', o)).sort((a, b) => b - a);
  // Where the text of later rows now is: each new property is a line more above what follows it.
  const nowAt = (offset) => {
    const { line, character } = positionAt(text, offset);
    return { line: line + ends.filter((end) => end < offset).length, character };
  };
  for (const end of ends) {
    let { line, character } = positionAt(text, end);
    for (const ch of typed) {
      version++;
      const published = client.waitFor(isDiagnosticsFor(uri, version), 120000);
      client.notify('textDocument/didChange', { textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }] });
      if (ch === '\r\n') { line++; character = 0; } else character++;
      newProperty.push((await client.request('textDocument/completion', { textDocument: { uri }, position: { line, character } })).ms);
      await published;
    }
  }
  stats(`typing a new property on ${mb} MB, completion at each keystroke`, newProperty);
  // Renaming paths: a keystroke at the end of a Location value, each in another key (web sites, their ROOTs and the
  // directories below them), the outline asked right after as editors do.
  const locationKeystrokes = [];
  const locationOutlines = [];
  for (const position of locationEnds(text, 'Location ="/LM/W3SVC/', RUNS * 4).map((end) => positionAt(text, end))) {
    const started = now();
    locationKeystrokes.push((await typeAt(position)).at - started);
    locationOutlines.push((await client.request('textDocument/documentSymbol', { textDocument: { uri } })).ms);
  }
  stats(`keystroke in a Location of ${mb} MB -> publishDiagnostics`, locationKeystrokes);
  stats(`  then documentSymbol, round trip`, locationOutlines);
  // Five characters at the end of each of five Locations, the outline asked right after each keystroke as editors do.
  const typeFiveAtLocationEnds = async (marker, what) => {
    const keystrokes = [];
    const outlines = [];
    for (const end of locationEnds(text, marker, RUNS, 40)) {
      const { line, character } = nowAt(end);
      for (let c = 0; c < 5; c++) {
        const started = now();
        const published = typeAt({ line, character: character + c });
        outlines.push((await client.request('textDocument/documentSymbol', { textDocument: { uri } })).ms);
        keystrokes.push((await published).at - started);
      }
    }
    stats(`keystroke in ${what} of ${mb} MB -> publishDiagnostics`, keystrokes);
    stats(`  then documentSymbol, round trip`, outlines);
  };
  // Renaming SMTP remote domains: a domain has no keys below it, so the outline is moved and renamed.
  await typeFiveAtLocationEnds('/Domain/relay', "an SMTP domain's Location");
  // Renumbering SMTP virtual servers: their directories and domains lose their parent key. Exchange detection reads
  // servers.
  await typeFiveAtLocationEnds('<IIsSmtpServer\tLocation ="/LM/SmtpSvc/', "an SMTP server's Location");
  // A new key typed by hand on a line of its own after an end tag (Enter first), its start tag and attributes a
  // character at a time, completion asked at the cursor after each keystroke; timed from its '<' up to its '>', then
  // from its '>' to its end tag's '>' (the key ends before the next key until its end tag is typed).
  const keyText = '<IIsWebVirtualDir\tLocation ="/LM/W3SVC/1/ROOT/typed"\r\n\t\tAccessFlags="AccessRead | AccessScript"\r\n\t\tPath="C:\\web"\r\n\t>\r\n</IIsWebVirtualDir>';
  const afterEndTag = text.indexOf('</IIsWebVirtualDir>\r\n', Math.floor(text.length / 5)) + '</IIsWebVirtualDir>'.length;
  let { line: keyLine, character: keyCharacter } = positionAt(text, afterEndTag);
  const keyDiagnostics = [];
  const keyCompletion = [];
  const endTagDiagnostics = [];
  const keyStrokes = ['\r\n', ...keyText.match(/\r\n|[^]/g)];
  const closed = keyStrokes.indexOf('>');
  for (const [k, ch] of keyStrokes.entries()) {
    version++;
    const started = now();
    const published = client.waitFor(isDiagnosticsFor(uri, version), 120000);
    client.notify('textDocument/didChange', { textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: keyLine, character: keyCharacter }, end: { line: keyLine, character: keyCharacter } }, text: ch }] });
    if (ch === '\r\n') { keyLine++; keyCharacter = 0; } else keyCharacter++;
    const completion = (await client.request('textDocument/completion', { textDocument: { uri }, position: { line: keyLine, character: keyCharacter } })).ms;
    const diagnostics = (await published).at - started;
    if (k >= closed) endTagDiagnostics.push(diagnostics);
    else if (k >= 1) { keyCompletion.push(completion); keyDiagnostics.push(diagnostics); }
  }
  stats(`typing a new key's start tag on ${mb} MB -> publishDiagnostics`, keyDiagnostics);
  stats(`  completion at each keystroke, round trip`, keyCompletion);
  stats(`  then from its '>' to its end tag's '>' -> publishDiagnostics`, endTagDiagnostics);
  // A virtual directory pasted at the start of a key's line (five lines), the outline asked right after as editors do,
  // then the lines deleted again; in the first fifth of the file, above the key typed above.
  const pastedKey = '<IIsWebVirtualDir\tLocation ="/LM/W3SVC/1/ROOT/pasted"\r\n\t\tAccessFlags="AccessRead | AccessScript"\r\n\t\tPath="C:\\web"\r\n\t>\r\n</IIsWebVirtualDir>\r\n';
  const pastes = [];
  const pasteOutlines = [];
  const deletions = [];
  for (let i = 1; i <= RUNS; i++) {
    const lineStart = text.indexOf('\n<IIsWeb', Math.floor(text.length / 5 * i / (RUNS + 1))) + 1;
    const { line } = nowAt(lineStart);
    for (const [times, change] of [[pastes, { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: pastedKey }],
      [deletions, { range: { start: { line, character: 0 }, end: { line: line + 5, character: 0 } }, text: '' }]]) {
      version++;
      const started = now();
      const published = client.waitFor(isDiagnosticsFor(uri, version), 120000);
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      times.push((await published).at - started);
      if (times === pastes) pasteOutlines.push((await client.request('textDocument/documentSymbol', { textDocument: { uri } })).ms);
    }
  }
  stats(`a key pasted between keys of ${mb} MB -> publishDiagnostics`, pastes);
  stats(`  then documentSymbol, round trip`, pasteOutlines);
  stats(`  then the key deleted -> publishDiagnostics`, deletions);
  await client.stop();
}

// A replace-all over the whole file, as an editor sends it: one didChange with a change per match, the last match first
// (every "AccessRead" becomes "AccessRead | AccessScript"), on a freshly opened document; then a hover at once.
async function replaceAll(file) {
  const { client, uri, text } = await openDocument(file);
  const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const at = (offset) => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1; }
    return { line: lo, character: offset - lineStarts[lo] };
  };
  const contentChanges = [];
  for (let i = text.lastIndexOf('AccessRead'); i >= 0; i = i === 0 ? -1 : text.lastIndexOf('AccessRead', i - 1)) {
    contentChanges.push({ range: { start: at(i), end: at(i + 'AccessRead'.length) }, text: 'AccessRead | AccessScript' });
  }
  const started = now();
  const published = client.waitFor(isDiagnosticsFor(uri, 2), 120000);
  client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges });
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: at(valueOffsets(text, 1)[0]) });
  const diagnostics = (await published).at - started;
  stats(`replace-all on ${mb} MB: ${contentChanges.length} changes in one didChange -> publishDiagnostics`, [diagnostics]);
  stats(`  a hover sent right after it, round trip`, [hover.ms]);
  await client.stop();
}

// One character inserted mid-value as the next version; resolves when that version's diagnostics are published.
function typist(client, uri) {
  let version = 1;
  return (position) => {
    version++;
    const published = client.waitFor(isDiagnosticsFor(uri, version), 120000);
    client.notify('textDocument/didChange', { textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text: '7' }] });
    return published;
  };
}

// What a user asks about the key being edited, right after a keystroke in it: its parent (definition on its
// Location), its children (references), the hover on its name, a search for it (workspace symbols) and expanding the
// selection at the cursor, each after its own keystroke (in values below the key's Location line, so the client's text still gives the Location's position).
async function aboutTheEditedKey(client, uri, text, offsets, typeAt) {
  const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
  const asked = { definition: [], references: [], 'hover on the key name': [], 'workspace/symbol for its Location': [], 'selectionRange at the cursor': [] };
  for (const [i, offset] of offsets.entries()) {
    const location = text.lastIndexOf('Location ="', offset) + 'Location ="'.length + 1;
    const name = text.lastIndexOf('<', location) + 2;
    const query = text.slice(location - 1, text.indexOf('"', location));
    await typeAt(positionAt(text, offset));
    const textDocument = { uri };
    const [label, request] = [
      ['definition', () => client.request('textDocument/definition', { textDocument, position: positionAt(text, location) })],
      ['references', () => client.request('textDocument/references', { textDocument, position: positionAt(text, location), context: { includeDeclaration: false } })],
      ['hover on the key name', () => client.request('textDocument/hover', { textDocument, position: positionAt(text, name) })],
      ['workspace/symbol for its Location', () => client.request('workspace/symbol', { query })],
      ['selectionRange at the cursor', () => client.request('textDocument/selectionRange', { textDocument, positions: [positionAt(text, offset)] })],
    ][i % 5];
    const answer = await request();
    if (answer.message.error || answer.message.result == null) throw new Error(`${label}: no answer on ${mb} MB`);
    asked[label].push(answer.ms);
  }
  for (const [label, times] of Object.entries(asked)) stats(`${label} right after a keystroke in the key on ${mb} MB, round trip`, times);
}

// Format selection (or format on paste) of the lines around the cursor, right after a keystroke there.
async function rangeFormattingAfterKeystrokes(client, uri, text, offsets, typeAt) {
  const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
  const times = [];
  for (const offset of offsets) {
    await typeAt(positionAt(text, offset));
    const { line } = positionAt(text, offset);
    const range = { start: { line: Math.max(0, line - 3), character: 0 }, end: { line: line + 3, character: 0 } };
    const answer = await client.request('textDocument/rangeFormatting', { textDocument: { uri }, range, options: { tabSize: 4, insertSpaces: false } });
    if (answer.message.error || answer.message.result == null) throw new Error(`rangeFormatting: no answer on ${mb} MB`);
    times.push(answer.ms);
  }
  stats(`rangeFormatting of 6 lines right after a keystroke there on ${mb} MB, round trip`, times);
}

// What the Metabase Explorer asks as the user expands it (smtpLsp/keyChildren): the top, then the web service's
// sites, 2000 at a time, first page and a later one.
async function explorerLevels(client, uri, text) {
  const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
  const ask = (location, start) => client.request('smtpLsp/keyChildren', { textDocument: { uri }, location, start });
  const rows = { 'the top': [], '/LM/W3SVC, first 2000': [], '/LM/W3SVC, from 20000': [] };
  // A file with fewer sites (20 MB has about 13,000) has no page from the 20,000th.
  const sites = (await ask('/LM/W3SVC', 0)).message.result?.total ?? 0;
  const pages = [['the top', null, 0], ['/LM/W3SVC, first 2000', '/LM/W3SVC', 0], ['/LM/W3SVC, from 20000', '/LM/W3SVC', 20000]]
    .filter(([, , start]) => start < sites || start === 0);
  for (let i = 0; i < RUNS * 2; i++) {
    for (const [label, location, start] of pages) {
      const answer = await ask(location, start);
      if (answer.message.error || !answer.message.result?.keys?.length) throw new Error(`keyChildren ${label}: no keys on ${mb} MB`);
      rows[label].push(answer.ms);
    }
  }
  for (const [label, times] of Object.entries(rows)) if (times.length) stats(`explorer level on ${mb} MB (keyChildren), ${label}, round trip`, times);
}

// The property sheet of an SMTP virtual server as the VS Code client drives it: a checkbox clicked asks for the edit
// (smtpLsp/setPropertyValue), applies it as the next version, and the sheet asks again 300 ms after the change
// (smtpLsp/effectiveProperties). Then clicks 100 ms apart, each asked before the sheet's refresh.
async function propertySheet(file) {
  const { client, uri, text } = await openDocument(file);
  const mb = (Buffer.byteLength(text) / 1e6).toFixed(1);
  const location = '/LM/SmtpSvc/1';
  const property = 'SmtpInboundCommandSupportOptions';
  let version = 1;
  const sheet = () => client.request('smtpLsp/effectiveProperties', { textDocument: { uri }, location });
  const click = async (value) => {
    const set = await client.request('smtpLsp/setPropertyValue', { textDocument: { uri, version }, location, property, value });
    if (set.message.error) throw new Error(`setPropertyValue: ${set.message.error.message}`);
    const edits = set.message.result.documentChanges?.[0]?.edits ?? set.message.result.changes[uri];
    version++;
    const published = client.waitFor(isDiagnosticsFor(uri, version), 120000);
    client.notify('textDocument/didChange', { textDocument: { uri, version },
      contentChanges: [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
        .map((e) => ({ range: e.range, text: e.newText })) });
    return { set: set.ms, published };
  };
  const first = await sheet();
  if (!first.message.result?.properties?.some((p) => p.name === property)) throw new Error(`no ${property} on the sheet of ${location}`);
  const sets = [];
  const refreshes = [];
  for (let i = 0; i < RUNS * 2; i++) {
    const { set, published } = await click(i % 2 === 0 ? '3503297' : '7697601');
    sets.push(set);
    await published;
    await new Promise((resolve) => setTimeout(resolve, 300));
    refreshes.push((await sheet()).ms);
  }
  stats(`property sheet on ${mb} MB: a click, setPropertyValue round trip`, sets);
  stats(`  the sheet asked 300 ms after the edit, round trip`, refreshes);
  const quick = [];
  for (let i = 0; i < RUNS * 2; i++) {
    const { set, published } = await click(i % 2 === 0 ? '3503297' : '7697601');
    quick.push(set);
    await published;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stats(`  clicks 100 ms apart, setPropertyValue round trip`, quick);
  await client.stop();
}

(async () => {
  console.log(`server: ${serverPath}`);
  if (process.env.LSP_BENCH_ONLY === 'sheet') { await propertySheet(file50); return; }
  if (process.env.LSP_BENCH_ONLY === 'large') { await onLargeDocument(file50); return; }
  if (process.env.LSP_BENCH_ONLY === 'navigation') {
    const { client, uri, text } = await openDocument(file50);
    await explorerLevels(client, uri, text);
    const typeAt = typist(client, uri);
    await aboutTheEditedKey(client, uri, text, valueOffsets(text, 200).slice(RUNS * 5, RUNS * 10), typeAt);
    await rangeFormattingAfterKeystrokes(client, uri, text, valueOffsets(text, 200).slice(RUNS * 10, RUNS * 12), typeAt);
    await client.stop();
    return;
  }
  await coldStart();
  for (const file of moreOpens) await didOpenFirstDiagnostics(file);
  await didOpenFirstDiagnostics(file20);
  for (const other of otherServers()) await didOpenFirstDiagnostics(file20, other, false);
  await onLargeDocument(file50);
  await replaceAll(file50);
  await propertySheet(file50);
})().catch((error) => { console.error(error); process.exit(1); });
