// Drives the property sheet page in headless Chromium from a sample payload, with a fake acquireVsCodeApi that
// records posted messages. Prints "E2E PASS name" / "E2E FAIL name" lines; exit code 1 on any failure.
// Usage: node drive-webview.js <repo root> <screenshot dir>
const path = require('node:path');
const fs = require('node:fs');
const [root, shots] = process.argv.slice(2);
const { chromium } = require(path.join(root, 'node_modules', 'playwright-core'));
const sheet = JSON.parse(fs.readFileSync(path.join(root, 'client/test/fixtures/smtp-server-sheet.json'), 'utf8'));
const P = 'SmtpInboundCommandSupportOptions';

// Theme variables as VS Code's Dark Modern sets them, so the screenshot looks like the real panel.
const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>:root{
--vscode-font-family:system-ui,sans-serif;--vscode-font-size:13px;--vscode-editor-font-family:monospace;
--vscode-foreground:#cccccc;--vscode-editor-background:#1f1f1f;--vscode-descriptionForeground:#9d9d9d;
--vscode-button-background:#0078d4;--vscode-button-foreground:#ffffff;--vscode-button-hoverBackground:#026ec1;
--vscode-button-secondaryBackground:#313131;--vscode-button-secondaryForeground:#cccccc;--vscode-focusBorder:#0078d4;
--vscode-badge-background:#616161;--vscode-badge-foreground:#f8f8f8;--vscode-panel-border:#2b2b2b;
--vscode-textLink-foreground:#4daafc;--vscode-errorForeground:#f85149;--vscode-editorWarning-foreground:#cca700}</style>
<script>window.__posted=[];window.acquireVsCodeApi=()=>({postMessage:m=>window.__posted.push(m)});</script>
</head><body><main id="app"></main></body></html>`;

let failures = 0;
const result = (ok, name, detail = '') => { if (!ok) failures++; console.log(`E2E ${ok ? 'PASS' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`); };

async function openSheet(browser) {
  const page = await browser.newPage({ viewport: { width: 900, height: 760 } });
  await page.setContent(html);
  await page.addStyleTag({ path: path.join(root, 'dist/webview.css') });
  await page.addScriptTag({ path: path.join(root, 'dist/webview.js') });
  await page.evaluate(m => window.postMessage(m, '*'), { type: 'show', sheet });
  await page.locator(`[data-testid="dec-${P}"]`).waitFor({ timeout: 5000 });
  return page;
}
const dec = page => page.locator(`[data-testid="dec-${P}"]`).innerText();
const hex = page => page.locator(`[data-testid="hex-${P}"]`).innerText();
const posted = page => page.evaluate(() => window.__posted);
const expectedApply = { type: 'apply', location: '/LM/SmtpSvc/1', property: P, value: '3503297' };

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    // 1. Rendered from the payload.
    let page = await openSheet(browser);
    const group = page.locator(`fieldset[data-property="${P}"]`);
    const undocumented = await group.locator('.tag').count();
    const eightBit = group.locator('input[data-item="8BITMIME"]');
    const first = await posted(page);
    result(await dec(page) === '7697601' && await hex(page) === '0x7574C1' && await eightBit.isChecked() && undocumented === 5
      && (await page.locator('h1').innerText()) === '/LM/SmtpSvc/1' && first.length === 1 && first[0].type === 'ready',
      'webview-renders-payload', `value ${await dec(page)} ${await hex(page)}, undocumented bits ${undocumented}, messages ${JSON.stringify(first)}`);
    const inherited = await page.locator('tr', { hasText: 'AuthFlags' }).locator('td.origin').innerText();
    result(inherited === 'inherited from /LM/SmtpSvc', 'webview-shows-origin', inherited);

    // 2. Untick 8BITMIME with the mouse, Apply posts the message.
    await eightBit.click();
    const afterClick = `${await dec(page)} ${await hex(page)}`;
    await page.screenshot({ path: path.join(shots, 'property-sheet.png') });
    await group.locator('button.apply').click();
    const applied = (await posted(page)).at(-1);
    result(afterClick === '3503297 0x3574C1' && JSON.stringify(applied) === JSON.stringify(expectedApply),
      'webview-untick-8bitmime-applies-3503297', `${afterClick}, posted ${JSON.stringify(applied)}`);

    // 3. The text changed underneath (the server answers with the applied value): the sheet follows, nothing pending.
    const changed = JSON.parse(JSON.stringify(sheet));
    const prop = changed.properties.find(p => p.name === P);
    prop.value = '3503297'; prop.flags.number = 3503297; prop.flags.items.find(i => i.name === '8BITMIME').set = false;
    await page.evaluate(m => window.postMessage(m, '*'), { type: 'show', sheet: changed });
    await page.waitForFunction(p => document.querySelector(`[data-testid="dec-${p}"]`)?.textContent === '3503297', P);
    result(!(await eightBit.isChecked()) && await group.locator('button.apply').isDisabled(), 'webview-follows-text-changes');

    // 4. Revert puts the effective value back.
    await group.locator('input[data-item="DSN"]').click();
    const toggled = await dec(page);
    await group.locator('button.revert').click();
    result(toggled === String(3503297 - 64) && await dec(page) === '3503297', 'webview-revert', `${toggled} -> ${await dec(page)}`);
    await page.close();

    // 5. Keyboard only: Tab to the 8BITMIME box, Space, Tab to Apply, Enter.
    page = await openSheet(browser);
    const focused = () => page.evaluate(() => { const e = document.activeElement; return e ? (e.dataset.item || e.className || e.tagName) : ''; });
    let found = false;
    for (let i = 0; i < 60 && !found; i++) { await page.keyboard.press('Tab'); found = (await focused()) === '8BITMIME'; }
    await page.keyboard.press('Space');
    const focusKept = (await focused()) === '8BITMIME';
    const keyValue = await dec(page);
    let onApply = false;
    for (let i = 0; i < 20 && !onApply; i++) { await page.keyboard.press('Tab'); onApply = (await focused()) === 'apply'; }
    await page.keyboard.press('Enter');
    const keyPosted = (await posted(page)).at(-1);
    result(found && focusKept && keyValue === '3503297' && onApply && JSON.stringify(keyPosted) === JSON.stringify(expectedApply),
      'webview-keyboard-only', `reached box ${found}, focus kept ${focusKept}, value ${keyValue}, reached Apply ${onApply}, posted ${JSON.stringify(keyPosted)}`);
    await page.close();
  } catch (error) {
    result(false, 'webview', String(error).split('\n')[0]);
  } finally {
    await browser.close();
  }
  process.exit(failures > 0 ? 1 : 0);
})();
