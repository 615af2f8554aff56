// The Metabase Explorer's items: one level of the key tree at a time, as smtpLsp/keyChildren pages it
// (docs/protocol.md), so a metabase of any size can be walked like IIS Manager's scope pane.
import type { KeyChildrenResult, Range } from './protocol';
import { iconForKeyType } from './keyIcons';

/** A level loaded so far: the keys of the pages asked for, and how many the level has. */
export type KeyLevel = KeyChildrenResult;

export interface KeyItem {
  kind: 'key';
  /** Stable across refreshes, so VS Code keeps what the user expanded. */
  id: string;
  depth: number;
  label: string;
  /** Full Location; empty for a key without one. */
  location: string;
  keyType: string;
  icon: string;
  range: Range;
  selectionRange: Range;
  childCount: number;
  /** True when this key's own level is small enough to open by default. */
  expanded: boolean;
}

/** Stands for the keys of a level not loaded yet; choosing it loads the next page. */
export interface MoreItem {
  kind: 'more';
  id: string;
  parentId: string;
  remaining: number;
}

export type ExplorerItem = KeyItem | MoreItem;

/** The top (with few siblings) opens by default, to the depth IIS Manager shows; large levels stay closed. */
const openDepth = 3;
const openLevelMax = 50;

export const rootId = '';

/** The items of a level under `parentId` (at `depth`): its keys loaded so far, and one item for the rest. */
export function levelItems(parentId: string, depth: number, level: KeyLevel): ExplorerItem[] {
  const seen = new Map<string, number>();
  const items: ExplorerItem[] = level.keys.map(key => {
    // Two keys at one Location (an error the server reports) still need two ids: "#n" after the second, which no
    // name can end in once its '%' and '#' are escaped (a key named "a#1" beside two keys "a").
    const base = `${parentId}/${key.name.toLowerCase().replace(/%/g, '%25').replace(/#/g, '%23')}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return {
      kind: 'key',
      id: count === 0 ? base : `${base}#${count}`,
      depth,
      label: key.name,
      location: key.location ?? '',
      keyType: key.keyType,
      icon: iconForKeyType(key.keyType),
      range: key.range,
      selectionRange: key.selectionRange,
      childCount: key.childCount,
      expanded: depth < openDepth && level.total <= openLevelMax,
    };
  });
  const remaining = level.total - level.keys.length;
  if (remaining > 0) items.push({ kind: 'more', id: `${parentId}#more`, parentId, remaining });
  return items;
}

/** What the item for the rest of a level says. */
export function moreLabel(item: MoreItem): string {
  return `${item.remaining.toLocaleString('en-US')} more key${item.remaining === 1 ? '' : 's'}…`;
}
