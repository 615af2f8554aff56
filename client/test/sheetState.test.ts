import test from 'node:test';
import assert from 'node:assert/strict';
import type { EffectiveProperties } from '../src/protocol';
import { flagPropertiesInOrder, numberFromItems, applyMessage, createState, currentNumber, formatHex, isDirty, isItemSet, originText, revert, toggleFlag, updateSheet } from '../src/sheet/sheetState';
import fixture from './fixtures/smtp-server-sheet.json';

const sheet = fixture as EffectiveProperties;
const inbound = 'SmtpInboundCommandSupportOptions';

test('SheetState_Untick8BITMIMEOn7697601_Gives3503297', () => {
  const state = toggleFlag(createState(sheet), inbound, '8BITMIME');
  assert.equal(currentNumber(state, inbound), 3503297);
  assert.equal(formatHex(3503297), '0x3574C1');
  assert.ok(isDirty(state, inbound));
  assert.deepEqual(applyMessage(state, inbound), { type: 'apply', document: undefined, version: undefined, location: '/LM/SmtpSvc/1', property: inbound, value: '3503297' });
  // The document travels with the message: the extension writes nothing into another file the sheet moved to.
  const inA = toggleFlag(createState(sheet, 'file:///a/MetaBase.xml'), inbound, '8BITMIME');
  const message = applyMessage(inA, inbound);
  assert.equal(message?.type === 'apply' ? message.document : undefined, 'file:///a/MetaBase.xml');
  // And the version of the text the sheet was read from, which the server checks the edit against.
  const seven = applyMessage(toggleFlag(createState({ ...sheet, version: 7 }), inbound, '8BITMIME'), inbound);
  assert.equal(seven?.type === 'apply' ? seven.version : undefined, 7);
});

test('SheetState_ToggleTwice_BackToOriginalAndNotDirty', () => {
  const state = toggleFlag(toggleFlag(createState(sheet), inbound, 'DSN'), inbound, 'DSN');
  assert.equal(currentNumber(state, inbound), 7697601);
  assert.equal(isDirty(state, inbound), false);
  assert.equal(applyMessage(state, inbound), undefined);
});

test('SheetState_TickUnsetVerb_AddsItsBit', () => {
  const off = { ...sheet, properties: sheet.properties.map(p => p.name === inbound ? { ...p, flags: { ...p.flags!, number: 0 } } : p) };
  const state = toggleFlag(createState(off), inbound, 'ETRN');
  assert.equal(currentNumber(state, inbound), 128);
});

test('SheetState_UndocumentedBit_ToggledLikeAnyOther', () => {
  const state = toggleFlag(createState(sheet), inbound, 'undocumented 0x40000');
  assert.equal(currentNumber(state, inbound), 7697601 - 0x40000);
});

test('SheetState_SymbolicFlags_SendsNumber', () => {
  const state = toggleFlag(createState(sheet), 'AuthFlags', 'AuthBasic');
  assert.equal(currentNumber(state, 'AuthFlags'), 7);
  assert.equal(applyMessage(state, 'AuthFlags')?.type, 'apply');
  assert.equal((applyMessage(state, 'AuthFlags') as { value: string }).value, '7');
});

test('SheetState_HighBit_StaysUnsigned', () => {
  const high = { ...sheet, properties: sheet.properties.map(p => p.name === inbound
    ? { ...p, flags: { ...p.flags!, number: 0, items: [...p.flags!.items, { name: 'top', value: 0x80000000, set: false, undocumented: true }] } } : p) };
  const state = toggleFlag(createState(high), inbound, 'top');
  assert.equal(currentNumber(state, inbound), 2147483648);
  assert.equal(formatHex(2147483648), '0x80000000');
});

test('SheetState_Revert_DropsPendingEdit', () => {
  const state = revert(toggleFlag(createState(sheet), inbound, '8BITMIME'), inbound);
  assert.equal(currentNumber(state, inbound), 7697601);
  assert.equal(isDirty(state, inbound), false);
});

test('SheetState_UnparsableValue_NotEditable', () => {
  const bad = { ...sheet, properties: sheet.properties.map(p => p.name === inbound ? { ...p, value: 'abc', flags: { ...p.flags!, number: null } } : p) };
  const state = toggleFlag(createState(bad), inbound, 'DSN');
  assert.equal(currentNumber(state, inbound), null);
  assert.equal(applyMessage(state, inbound), undefined);
});

test('SheetState_UnknownPropertyOrItem_StateUnchanged', () => {
  const state = createState(sheet);
  assert.equal(toggleFlag(state, 'NoSuchProperty', 'DSN'), state);
  assert.equal(toggleFlag(state, inbound, 'NOSUCHVERB'), state);
});

test('SheetState_SheetAfterApply_PendingCleared', () => {
  const edited = toggleFlag(createState(sheet), inbound, '8BITMIME');
  const applied = { ...sheet, properties: sheet.properties.map(p => p.name === inbound ? { ...p, value: '3503297', flags: { ...p.flags!, number: 3503297 } } : p) };
  const state = updateSheet(edited, applied);
  assert.equal(isDirty(state, inbound), false);
  assert.equal(currentNumber(state, inbound), 3503297);
});

test('SheetState_UnrelatedTextEdit_PendingKept', () => {
  const edited = toggleFlag(createState(sheet), inbound, '8BITMIME');
  const other = { ...sheet, properties: sheet.properties.map(p => p.name === 'ConnectionTimeout' ? { ...p, value: '900' } : p) };
  assert.equal(currentNumber(updateSheet(edited, other), inbound), 3503297);
});

test('SheetState_ValueChangedInText_PendingDropped', () => {
  const edited = toggleFlag(createState(sheet), inbound, '8BITMIME');
  const changed = { ...sheet, properties: sheet.properties.map(p => p.name === inbound ? { ...p, value: '7', flags: { ...p.flags!, number: 7 } } : p) };
  assert.equal(currentNumber(updateSheet(edited, changed), inbound), 7);
});

test('SheetState_OtherKey_PendingDropped', () => {
  const edited = toggleFlag(createState(sheet), inbound, '8BITMIME');
  const state = updateSheet(edited, { ...sheet, location: '/LM/SmtpSvc/2' });
  assert.deepEqual(state.pending, {});
});

test('SheetState_SameKeyOfAnotherDocument_PendingDroppedAndNamed', () => {
  // Two servers' metabases with the same Location: an edit not applied in one never follows the sheet to the other.
  const edited = toggleFlag(createState(sheet, 'file:///a/MetaBase.xml', 'a/MetaBase.xml'), inbound, '8BITMIME');
  const same = updateSheet(edited, sheet, 'file:///a/MetaBase.xml', 'a/MetaBase.xml');
  assert.equal(currentNumber(same, inbound), 3503297);
  const other = updateSheet(edited, sheet, 'file:///b/MetaBase.xml', 'b/MetaBase.xml');
  assert.deepEqual(other.pending, {});
  assert.equal(other.documentName, 'b/MetaBase.xml');
});

test('SheetState_EveryVerbToggle_MatchesXorOfItsBit', () => {
  // Property over the whole table and a spread of starting values: toggling flips exactly that item's bits.
  const items = sheet.properties.find(p => p.name === inbound)!.flags!.items;
  for (let start = 0; start < 0x800000; start += 0x1357B) {
    const base = { ...sheet, properties: sheet.properties.map(p => p.name === inbound ? { ...p, flags: { ...p.flags!, number: start } } : p) };
    for (const item of items) {
      const after = currentNumber(toggleFlag(createState(base), inbound, item.name), inbound)!;
      assert.equal(after, (start ^ item.value) >>> 0, `${item.name} on ${start}`);
      assert.equal(isItemSet(item, after), !isItemSet(item, start));
    }
  }
});

test('OriginText_EachOrigin_SaysWhere', () => {
  const [auth, timeout, , , max] = sheet.properties;
  assert.equal(originText(auth), 'inherited from /LM/SmtpSvc');
  assert.equal(originText(timeout), 'set here');
  assert.equal(originText(max), 'default');
});

test('NumberFromItems_AllButEightBitMime_Gives3503297', () => {
  const items = sheet.properties.find(p => p.name === inbound)!.flags!.items;
  assert.equal(numberFromItems(items, items.filter(i => i.set && i.name !== '8BITMIME').map(i => i.name)), 3503297);
  assert.equal(numberFromItems(items, []), 0);
});

test('FlagPropertiesInOrder_SetHereFirstThenInheritedThenDefault', () => {
  const withDefault = { ...sheet, properties: [...sheet.properties,
    { name: 'LogExtFileFlags', id: 4013, type: 'DWORD', value: '0', origin: 'default' as const, flags: { kind: 'symbolic' as const, number: 0, default: 0, items: [] } }] };
  assert.deepEqual(flagPropertiesInOrder(withDefault).map(p => p.name), [inbound, 'AuthFlags', 'LogExtFileFlags']);
});
