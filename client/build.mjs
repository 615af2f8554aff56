// Bundles the extension (node, vscode external) and the webview page (browser) with esbuild.
// --tests also bundles client/test/*.test.ts into out-test/ for `node --test`.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', absWorkingDir: root };

rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'), { recursive: true });
await esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js',
  platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] });
await esbuild.build({ ...common, entryPoints: ['client/src/sheet/page.ts'], outfile: 'dist/webview.js',
  platform: 'browser', format: 'iife', target: 'es2022' });
cpSync(join(root, 'client/src/sheet/sheet.css'), join(root, 'dist/webview.css'));

if (tests) {
  rmSync(join(root, 'out-test'), { recursive: true, force: true });
  const entryPoints = readdirSync(join(root, 'client/test')).filter(f => f.endsWith('.test.ts')).map(f => `client/test/${f}`);
  await esbuild.build({ ...common, entryPoints, outdir: 'out-test', platform: 'node', format: 'cjs', target: 'node20',
    external: ['vscode'], sourcemap: true });
}
