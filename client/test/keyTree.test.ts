import test from 'node:test';
import assert from 'node:assert/strict';
import { buildKeyTree, findKeyByLocation, flattenKeys, joinLocation } from '../src/keyTree';
import { defaultKeyIcon } from '../src/keyIcons';
import symbols from './fixtures/document-symbols.json';

test('KeyTree_HierarchicalSymbols_FullLocationsJoinedFromRelativeNames', () => {
  const tree = buildKeyTree(symbols);
  assert.deepEqual(flattenKeys(tree).map(k => k.location),
    ['.', '/', '/LM', '/LM/SmtpSvc', '/LM/SmtpSvc/1', '/LM/SmtpSvc/1/Root', '/LM/SmtpSvc/1/Domain/example.com']);
  assert.equal(tree[1].children[0].children[0].children[0].label, '1');
});

test('KeyTree_KeyTypes_IconPerKeyTypeAndDefaultForUnknown', () => {
  const keys = flattenKeys(buildKeyTree(symbols));
  const icon = (loc: string) => keys.find(k => k.location === loc)!.icon;
  assert.equal(icon('/LM/SmtpSvc'), 'mail');
  assert.equal(icon('/LM/SmtpSvc/1'), 'server');
  assert.equal(icon('/LM/SmtpSvc/1/Root'), 'folder');
  const custom = buildKeyTree([{ name: '/LM/Custom', detail: 'IIsSomethingNew', kind: 3, range: symbols[0].range, selectionRange: symbols[0].selectionRange }]);
  assert.equal(custom[0].icon, defaultKeyIcon);
});

test('KeyTree_NullOrGarbageAnswer_EmptyTree', () => {
  assert.deepEqual(buildKeyTree(null), []);
  assert.deepEqual(buildKeyTree(undefined), []);
  assert.deepEqual(buildKeyTree({} as never), []);
});

test('KeyTree_FlatSymbolInformation_OneNodePerKey', () => {
  const range = { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } };
  const tree = buildKeyTree([{ name: '/LM/SmtpSvc/1', kind: 3, containerName: 'IIsSmtpServer', location: { uri: 'file:///m.xml', range } }]);
  assert.equal(tree.length, 1);
  assert.equal(tree[0].location, '/LM/SmtpSvc/1');
  assert.equal(tree[0].icon, 'server');
});

test('KeyTree_LocationLookup_CaseInsensitive', () => {
  assert.equal(findKeyByLocation(buildKeyTree(symbols), '/lm/smtpsvc/1')?.keyType, 'IIsSmtpServer');
});

test('JoinLocation_RootParent_NoDoubleSlash', () => {
  assert.equal(joinLocation('/', 'LM'), '/LM');
  assert.equal(joinLocation('/LM', 'W3SVC/1'), '/LM/W3SVC/1');
  assert.equal(joinLocation(undefined, '/LM'), '/LM');
});
