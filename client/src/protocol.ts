// Shapes of SmtpLsp's own requests (docs/protocol.md). Plain types, so the webview page can share them.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export const EffectivePropertiesRequest = 'smtpLsp/effectiveProperties';
export const SetPropertyValueRequest = 'smtpLsp/setPropertyValue';
export const KeyChildrenRequest = 'smtpLsp/keyChildren';

/** A page of the keys at the top (`location` null) or below the first key at `location`, from the `start`th on. */
export interface KeyChildrenParams {
  textDocument: { uri: string };
  location: string | null;
  start: number;
}

export interface KeyTreeEntry {
  name: string;
  location: string | null;
  keyType: string;
  range: Range;
  selectionRange: Range;
  childCount: number;
}

export interface KeyChildrenResult {
  keys: KeyTreeEntry[];
  total: number;
}

/** The key by its Location, or the key whose element holds `position` (the commands at the cursor). */
export type EffectivePropertiesParams =
  | { textDocument: { uri: string }; location: string }
  | { textDocument: { uri: string }; position: Position };

export interface FlagItem {
  name: string;
  value: number;
  set: boolean;
  undocumented: boolean;
}

export interface FlagInfo {
  kind: 'numeric' | 'symbolic';
  number: number | null;
  default: number | null;
  items: FlagItem[];
}

export type PropertyOrigin = 'here' | 'inherited' | 'default';

export interface EffectiveProperty {
  name: string;
  id: number;
  type: string;
  value: string;
  origin: PropertyOrigin;
  inheritedFrom?: string | null;
  range?: Range | null;
  description?: string | null;
  flags?: FlagInfo | null;
}

export interface EffectiveProperties {
  /** The document version the sheet was read from (what an edit chosen on it is for). */
  version?: number;
  location: string;
  keyType: string;
  range: Range;
  selectionRange: Range;
  properties: EffectiveProperty[];
}

export interface SetPropertyValueParams {
  textDocument: { uri: string; version: number };
  location: string;
  property: string;
  value: string;
}

export const OpenFromDiskRequest = 'smtpLsp/openFromDisk';

export interface OpenFromDiskParams {
  textDocument: { uri: string };
}

export interface OpenFromDiskResult {
  uri: string;
  version: number;
  readFromDisk: boolean;
  isMetabase: boolean;
  length: number;
}
