import test from 'node:test';
import assert from 'node:assert/strict';
import { RestartPolicy } from '../src/restartPolicy';
import { catalogFromLog, expectedCatalog, statusText } from '../src/statusText';

test('RestartPolicy_CrashesWithinWindow_GivesUpAfterLimit', () => {
  const policy = new RestartPolicy(3, 60_000);
  assert.deepEqual([0, 1000, 2000].map(t => policy.recordCrash(t)), ['restart', 'restart', 'restart']);
  assert.equal(policy.recordCrash(3000), 'giveUp');
});

test('RestartPolicy_CrashesSpreadOut_KeepsRestarting', () => {
  const policy = new RestartPolicy(2, 60_000);
  for (let i = 0; i < 10; i++) assert.equal(policy.recordCrash(i * 61_000), 'restart');
});

test('RestartPolicy_Reset_FreshBudget', () => {
  const policy = new RestartPolicy(1, 60_000);
  policy.recordCrash(0);
  assert.equal(policy.recordCrash(1), 'giveUp');
  policy.reset();
  assert.equal(policy.recordCrash(2), 'restart');
});

test('CatalogFromLog_CatalogLine_Description', () => {
  assert.equal(catalogFromLog('catalog: embedded IIS 6 catalog (MBSchema.xml + overlay)'), 'embedded IIS 6 catalog (MBSchema.xml + overlay)');
  assert.equal(catalogFromLog('server started'), undefined);
});

test('StatusText_RunningWithCatalog_ShowsBoth', () => {
  const s = statusText('running', 'embedded IIS 6');
  assert.equal(s.text, '$(check) Metabase: embedded IIS 6');
  assert.match(s.tooltip, /running/);
  assert.match(s.tooltip, /Catalog: embedded IIS 6/);
  assert.match(statusText('failed', undefined).text, /\$\(error\)/);
  assert.equal(statusText('running', 'x'.repeat(80)).text, '$(check) Metabase: ' + 'x'.repeat(31) + '…');
});

test('ExpectedCatalog_NoSchemaPathOrAFile_SaysWhichUntilTheServerDoes', () => {
  assert.equal(expectedCatalog(''), 'embedded IIS 6 catalog');
  assert.equal(expectedCatalog('C:\\inetsrv\\MBSchema.xml'), 'MBSchema.xml (loading)');
  assert.equal(expectedCatalog('/srv/iis/MBSchema.xml'), 'MBSchema.xml (loading)');
});
