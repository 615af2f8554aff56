// Reads the Neovim driver's JSON lines and prints one E2E PASS/FAIL line per user-visible behaviour.
const fs = require('node:fs');
const [file, flavour, rc] = process.argv.slice(2);
const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(l => JSON.parse(l)) : [];
const get = kind => lines.find(l => l.kind === kind)?.value;
let failed = 0;
function check(name, ok, detail) {
  console.log(`E2E ${ok ? 'PASS' : 'FAIL'} neovim-${flavour} ${name}${ok ? '' : ': ' + detail}`);
  if (!ok) failed++;
}
check('driver exits cleanly', rc === '0', `nvim exit code ${rc}; ${JSON.stringify(get('error'))}`);
check('server initializes', get('initialized') === true, JSON.stringify(lines));
const diags = get('diagnostics');
check('diagnostics arrive with code and source',
  Array.isArray(diags) && diags.some(d => /AuthNTML/.test(d.message) && d.lnum === 7 && d.source === 'smtplsp'),
  JSON.stringify(diags));
const hover = get('hover');
const hoverText = hover && hover.contents ? (typeof hover.contents === 'string' ? hover.contents : hover.contents.value ?? JSON.stringify(hover.contents)) : '';
check('hover decodes 7697601 and names 8BITMIME with 4194304',
  /8BITMIME/.test(hoverText) && /4194304/.test(hoverText) && /0x0*56001/i.test(hoverText), JSON.stringify(hover));
const labels = get('completion-labels');
check('completion inside IIsSmtpServer offers SMTP properties it does not yet set',
  Array.isArray(labels) && labels.includes('MaxMessageSize') && !labels.includes('AuthFlags') && !labels.includes('SmtpInboundCommandSupportOptions'),
  JSON.stringify(labels)?.slice(0, 400));
if (process.env.LSP_REOPEN)
  check('a stopped server starts again for the next XML file', get('restarted') === true, JSON.stringify(get('restarted')));
process.exit(failed ? 1 : 0);
