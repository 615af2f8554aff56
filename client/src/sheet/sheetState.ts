// The property sheet's logic with no DOM and no VS Code: state in, new state or a message out.
import type { EffectiveProperties, EffectiveProperty, FlagItem } from '../protocol';

/** Messages the page posts to the extension. */
export type PageMessage =
  | { type: 'ready' }
  | { type: 'apply'; document?: string; version?: number; location: string; property: string; value: string }
  | { type: 'reveal'; location: string; property: string };

/** Messages the extension posts to the page. */
export type HostMessage =
  | { type: 'show'; sheet: EffectiveProperties | null; document?: string; documentName?: string }
  | { type: 'status'; text: string; error?: boolean };

export interface SheetState {
  sheet: EffectiveProperties | null;
  /** The URI of the document the sheet shows a key of, and its name for the user. */
  document?: string;
  documentName?: string;
  /** Edited but not applied flag values, by property name. */
  pending: Record<string, number>;
}

export function createState(sheet: EffectiveProperties | null, document?: string, documentName?: string): SheetState {
  return { sheet, document, documentName, pending: {} };
}

function findProperty(state: SheetState, name: string): EffectiveProperty | undefined {
  return state.sheet?.properties.find(p => p.name === name);
}

/** The value the sheet shows: the pending edit, else the effective number (null when it does not parse). */
export function currentNumber(state: SheetState, property: string): number | null {
  if (Object.prototype.hasOwnProperty.call(state.pending, property)) return state.pending[property];
  return findProperty(state, property)?.flags?.number ?? null;
}

/** An item is ticked when all its bits are set ("unknown bits" may carry several). */
export function isItemSet(item: FlagItem, value: number): boolean {
  return item.value !== 0 && ((value & item.value) >>> 0) === item.value >>> 0;
}

export function isDirty(state: SheetState, property: string): boolean {
  const base = findProperty(state, property)?.flags?.number ?? null;
  return Object.prototype.hasOwnProperty.call(state.pending, property) && state.pending[property] !== base;
}

/** Toggles one flag item; a value that does not parse cannot be edited bit by bit. */
export function toggleFlag(state: SheetState, property: string, itemName: string): SheetState {
  const prop = findProperty(state, property);
  const item = prop?.flags?.items.find(i => i.name === itemName);
  const value = currentNumber(state, property);
  if (!prop || !item || value === null) return state;
  const next = isItemSet(item, value) ? (value & ~item.value) >>> 0 : (value | item.value) >>> 0;
  return { ...state, pending: { ...state.pending, [property]: next } };
}

export function revert(state: SheetState, property: string): SheetState {
  const pending = { ...state.pending };
  delete pending[property];
  return { ...state, pending };
}

/** The apply message for a dirty property; flags are always sent as a decimal number (the server keeps the form). */
export function applyMessage(state: SheetState, property: string): PageMessage | undefined {
  if (!state.sheet || !isDirty(state, property)) return undefined;
  // The sheet's own version travels back: the value was chosen on that text, whatever the extension has heard since.
  return { type: 'apply', document: state.document, version: state.sheet.version, location: state.sheet.location, property, value: String(state.pending[property]) };
}

/**
 * A fresh sheet from the server (after Apply or an edit in the text). Pending edits survive only for the same key
 * of the same document and only while the property's value underneath them has not changed; an applied edit
 * therefore clears itself, and one made for another file never follows the sheet there.
 */
export function updateSheet(state: SheetState, sheet: EffectiveProperties | null, document?: string, documentName?: string): SheetState {
  const pending: Record<string, number> = {};
  if (sheet && state.sheet && document === state.document && sheet.location.toLowerCase() === state.sheet.location.toLowerCase()) {
    for (const [name, value] of Object.entries(state.pending)) {
      const before = findProperty(state, name)?.flags?.number ?? null;
      const after = sheet.properties.find(p => p.name === name)?.flags?.number ?? null;
      if (before === after && value !== after) pending[name] = value;
    }
  }
  return { sheet, document, documentName, pending };
}

export function formatHex(value: number): string {
  return '0x' + (value >>> 0).toString(16).toUpperCase();
}

/** Where a value comes from, in words. */
export function originText(property: EffectiveProperty): string {
  switch (property.origin) {
    case 'here': return 'set here';
    case 'inherited': return property.inheritedFrom ? `inherited from ${property.inheritedFrom}` : 'inherited';
    default: return 'default';
  }
}

/** The number a set of ticked items stands for (the quick pick's answer); every bit of the value has an item. */
export function numberFromItems(items: readonly FlagItem[], picked: readonly string[]): number {
  return items.filter(i => picked.includes(i.name)).reduce((acc, i) => (acc | i.value) >>> 0, 0);
}

/** Flag properties for the sheet: those set on this key first, then inherited ones, then defaults; stable within each. */
export function flagPropertiesInOrder(sheet: EffectiveProperties): EffectiveProperty[] {
  const rank = { here: 0, inherited: 1, default: 2 } as const;
  return sheet.properties.filter(p => p.flags).map((p, i) => ({ p, i }))
    .sort((a, b) => (rank[a.p.origin] ?? 3) - (rank[b.p.origin] ?? 3) || a.i - b.i).map(x => x.p);
}
