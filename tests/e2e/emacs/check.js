// Reads the Emacs driver's JSON lines and prints one E2E PASS/FAIL line per user-visible behaviour.
const fs = require('node:fs');
const [file, flavour, rc] = process.argv.slice(2);
const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(l => JSON.parse(l)) : [];
const get = kind => lines.find(l => l.kind === kind)?.value;
let failed = 0;
function check(name, ok, detail) {
  console.log(`E2E ${ok ? 'PASS' : 'FAIL'} emacs-${flavour} ${name}${ok ? '' : ': ' + detail}`);
  if (!ok) failed++;
}
check('driver exits cleanly and eglot connects', rc === '0' && get('initialized') === true, `rc ${rc}; ${JSON.stringify(lines)}`);
const diags = get('diagnostics');
check('diagnostics reach flymake', Array.isArray(diags) && diags.some(d => /AuthNTML/.test(d.text) && d.line === 7), JSON.stringify(diags));
const hover = get('hover');
const text = JSON.stringify(hover ?? '');
check('hover decodes 7697601 and names 8BITMIME with 4194304', /8BITMIME/.test(text) && /4194304/.test(text), text.slice(0, 400));
process.exit(failed ? 1 : 0);
