import test from 'node:test';
import assert from 'node:assert/strict';
import { filesToConsider, filesToForget, isXmlName, mayBeOverSyncLimit, syncLimitChars } from '../src/diskReads';

const tab = (uri: string, active = true, isFile = true) => ({ uri, active, isFile });

test('FilesToConsider_ActiveXmlTabNotSynced_Considered', () => {
  const shown = [tab('file:///srv/MetaBase.xml'), tab('file:///srv/Other.xml', false), tab('file:///srv/notes.txt'),
    tab('untitled:Untitled-1.xml', true, false), tab('file:///srv/Synced.xml'), tab('file:///srv/Read.xml')];
  const considered = filesToConsider(shown, new Set(['file:///srv/Synced.xml']), new Set(['file:///srv/Read.xml']));
  assert.deepEqual(considered, ['file:///srv/MetaBase.xml']);
});

test('FilesToConsider_SameFileInTwoGroups_ConsideredOnce', () => {
  assert.deepEqual(filesToConsider([tab('file:///a/MetaBase.xml'), tab('file:///a/MetaBase.xml')], new Set(), new Set()), ['file:///a/MetaBase.xml']);
});

test('IsXmlName_CaseAndQuery_ByThePathOnly', () => {
  assert.equal(isXmlName('file:///srv/METABASE.XML'), true);
  assert.equal(isXmlName('file:///srv/MetaBase.xml.bak'), false);
  assert.equal(isXmlName('file:///srv/a.txt?x.xml'), false);
});

test('MayBeOverSyncLimit_AroundFiftyMebibytes_OnlyAbove', () => {
  assert.equal(syncLimitChars, 52428800);
  assert.equal(mayBeOverSyncLimit(52428800), false);
  assert.equal(mayBeOverSyncLimit(52429742), true); // the generated 50 MiB metabase: 52,429,739 characters
  assert.equal(mayBeOverSyncLimit(1_000_000), false);
});

test('FilesToForget_TabClosedOrNowSynced_ClosedOrHandedOver', () => {
  const read = new Set(['file:///a/Closed.xml', 'file:///a/Shown.xml', 'file:///a/Synced.xml']);
  const result = filesToForget([tab('file:///a/Shown.xml', false), tab('file:///a/Synced.xml')], new Set(['file:///a/Synced.xml']), read);
  assert.deepEqual(result, { close: ['file:///a/Closed.xml'], synced: ['file:///a/Synced.xml'] });
});
