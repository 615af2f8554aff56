import test from 'node:test';
import assert from 'node:assert/strict';
import { addForcedUri, defaultSettings, needsRestart, readSettings, toServerSettings } from '../src/settings';

const from = (values: Record<string, unknown>) => (key: string) => values[key];

test('Settings_Nothing_Defaults', () => {
  assert.deepEqual(readSettings(from({})), defaultSettings);
});

test('Settings_UserValues_MappedToServerKeys', () => {
  const s = readSettings(from({
    'server.path': ' /opt/smtplsp ', 'trace.server': 'verbose', schemaPath: '/srv/MBSchema.xml', inlayHints: false,
    exchangeHints: false, diagnosticsDebounceMs: 120, forceMetabase: ['**/*.mb.xml'], maxDocumentSizeForFullAnalysis: 1000000,
  }));
  assert.equal(s.serverPath, '/opt/smtplsp');
  assert.equal(s.trace, 'verbose');
  assert.deepEqual(toServerSettings(s), {
    schemaPath: '/srv/MBSchema.xml', exchangeHints: false, inlayHints: false, diagnosticsDebounceMs: 120, forceMetabase: ['**/*.mb.xml'],
    maxDocumentSizeForFullAnalysis: 1000000,
  });
});

test('Settings_EmptySchemaPath_SentAsNull', () => {
  assert.equal(toServerSettings(readSettings(from({ schemaPath: '' }))).schemaPath, null);
});

test('Settings_WrongTypes_FallBackToDefaults', () => {
  const s = readSettings(from({ 'trace.server': 'loud', inlayHints: 'yes', diagnosticsDebounceMs: -5, forceMetabase: 3 }));
  assert.equal(s.trace, 'off');
  assert.equal(s.inlayHints, true);
  assert.equal(s.diagnosticsDebounceMs, 300);
  assert.equal(s.forceMetabase, false);
});

test('Settings_BadMaxDocumentSize_FallsBackToServerDefault', () => {
  for (const bad of [0, -1, 1.5, '10']) {
    assert.equal(readSettings(from({ maxDocumentSizeForFullAnalysis: bad })).maxDocumentSizeForFullAnalysis, 64 * 1024 * 1024);
  }
});

test('Settings_HugeDebounce_Capped', () => {
  assert.equal(readSettings(from({ diagnosticsDebounceMs: 1e9 })).diagnosticsDebounceMs, 60000);
});

test('Settings_ForceMetabaseList_DropsEmptyEntries', () => {
  assert.deepEqual(readSettings(from({ forceMetabase: ['a', '', 7, ' '] })).forceMetabase, ['a']);
});

test('AddForcedUri_FalseOrList_AppendsOnce', () => {
  const uri = 'file:///work/export%20one.xml';
  assert.deepEqual(addForcedUri(false, uri), [uri]);
  assert.deepEqual(addForcedUri(['x'], uri), ['x', uri]);
  assert.deepEqual(addForcedUri([uri], uri), [uri]);
  assert.equal(addForcedUri(true, uri), true);
});

test('NeedsRestart_OnlyServerPath_RestartsServer', () => {
  assert.equal(needsRestart(defaultSettings, { ...defaultSettings, inlayHints: false }), false);
  assert.equal(needsRestart(defaultSettings, { ...defaultSettings, serverPath: '/x/smtplsp' }), true);
});
