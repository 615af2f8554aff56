// A metabase over the 50 MiB characters VS Code shares with extensions, for the code-server test: the errors sample
// with about 230,000 keys added below /LM/BigTest before its end, each valid, so its problems are the sample's.
// With "first", the keys go before the sample's instead, so its problems are at the end of the file.
// Usage: node large-metabase.js <sample> <output> [<characters>, 53,000,000 by default] [first]
const fs = require('node:fs');
const [sample, out, size, where] = process.argv.slice(2);
const target = Number(size || 53_000_000);
const text = fs.readFileSync(sample, 'utf8');
const end = text.lastIndexOf('</MBProperty>');
const keys = ['<IIsConfigObject\tLocation ="/LM/BigTest"\n\t>\n</IIsConfigObject>\n'];
let length = text.length + keys[0].length;
for (let i = 0; length <= target; i++) {
  const key = `<IIsConfigObject\tLocation ="/LM/BigTest/k${i}"\n\t\tServerComment="a key that makes this file larger than what VS Code shares with extensions"\n\t>\n</IIsConfigObject>\n`;
  keys.push(key);
  length += key.length;
}
const at = where === 'first' ? text.indexOf('\n', text.indexOf('<MBProperty>')) + 1 : end;
fs.writeFileSync(out, text.slice(0, at) + keys.join('') + text.slice(at));
