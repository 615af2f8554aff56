import test from 'node:test';
import assert from 'node:assert/strict';
import { levelItems, moreLabel, rootId, type KeyItem, type MoreItem } from '../src/keyLevels';
import type { KeyTreeEntry as KeyEntry } from '../src/protocol';
import { defaultKeyIcon } from '../src/keyIcons';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const entry = (name: string, location: string | null, childCount = 0, keyType = 'IIsWebServer'): KeyEntry =>
  ({ name, location, keyType, range, selectionRange: range, childCount });

test('LevelItems_PartOfALevel_KeysThenOneItemForTheRest', () => {
  const items = levelItems('/lm/w3svc', 2, { keys: [entry('1', '/LM/W3SVC/1', 2), entry('2', '/LM/W3SVC/2')], total: 30000 });
  assert.deepEqual(items.map(i => i.id), ['/lm/w3svc/1', '/lm/w3svc/2', '/lm/w3svc#more']);
  const more = items[2] as MoreItem;
  assert.equal(more.parentId, '/lm/w3svc');
  assert.equal(moreLabel(more), '29,998 more keys…');
  const first = items[0] as KeyItem;
  assert.equal(first.location, '/LM/W3SVC/1');
  assert.equal(first.icon, 'server-environment');
  // A level of thousands stays closed: opening it would load every key's children.
  assert.equal(first.expanded, false);
});

test('LevelItems_WholeSmallLevelAtTheTop_OpenNoMoreItem', () => {
  const items = levelItems(rootId, 0, { keys: [entry('/LM', '/LM', 3, 'IIsComputer')], total: 1 }) as KeyItem[];
  assert.equal(items.length, 1);
  assert.equal(items[0].id, '//lm');
  assert.equal(items[0].expanded, true);
  assert.equal(levelItems('/lm/smtpsvc/1', 3, { keys: [entry('Root', '/LM/SmtpSvc/1/Root')], total: 1 }).every(i => i.kind === 'key' && !i.expanded), true);
});

test('LevelItems_KeyTypes_IconPerKeyTypeAndDefaultForUnknown', () => {
  const items = levelItems(rootId, 0, { keys: [entry('/LM/SmtpSvc', '/LM/SmtpSvc', 1, 'IIsSmtpService'),
    entry('/LM/SmtpSvc/1', '/LM/SmtpSvc/1', 1, 'IIsSmtpServer'), entry('/LM/Custom', '/LM/Custom', 0, 'IIsSomethingNew')], total: 3 }) as KeyItem[];
  assert.deepEqual(items.map(i => i.icon), ['mail', 'server', defaultKeyIcon]);
});

test('LevelItems_DuplicateBesideANameLikeItsId_DistinctIds', () => {
  // VS Code refuses a level whose items share an id: "a", "a" again, and a key named "a#1".
  const items = levelItems('/lm', 1, { keys: [entry('a', '/LM/a'), entry('a', '/LM/a'), entry('a#1', '/LM/a#1'), entry('more', '/LM/more')], total: 5 });
  const ids = items.map(i => i.id);
  assert.equal(new Set(ids).size, ids.length, ids.join(' '));
});

test('LevelItems_TwoKeysAtOneLocationAndKeysWithout_DistinctIds', () => {
  const items = levelItems(rootId, 0, { keys: [entry('/LM/x', '/LM/x'), entry('/LM/X', '/LM/X'), entry('(IIsConfigObject without Location)', null)], total: 3 }) as KeyItem[];
  assert.deepEqual(items.map(i => i.id), ['//lm/x', '//lm/x#1', '/(iisconfigobject without location)']);
  assert.equal(items[2].location, '');
  assert.equal(moreLabel({ kind: 'more', id: 'm', parentId: '', remaining: 1 }), '1 more key…');
});
