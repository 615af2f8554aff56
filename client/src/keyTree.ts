// Keys by Location from the server's documentSymbol answer (the outline, at most 5000 keys): the key list the commands offer.
import type { DocumentSymbolLike, Position, Range, SymbolInformationLike } from './protocol';
import { iconForKeyType } from './keyIcons';

export interface KeyNode {
  /** Full Location, e.g. /LM/SmtpSvc/1. */
  location: string;
  /** What the tree shows: the path below the parent key (the server's symbol name). */
  label: string;
  keyType: string;
  icon: string;
  range: Range;
  selectionRange: Range;
  children: KeyNode[];
}

/** Joins a parent Location and a relative name the way the server splits them ("/" + "LM" is "/LM"). */
export function joinLocation(parent: string | undefined, name: string): string {
  if (parent === undefined || name.startsWith('/') || name === '.' || name.startsWith('(')) return name;
  return parent.endsWith('/') ? parent + name : `${parent}/${name}`;
}

function isSymbolInformation(item: unknown): item is SymbolInformationLike {
  return typeof item === 'object' && item !== null && 'location' in item;
}

function fromDocumentSymbol(symbol: DocumentSymbolLike, parent: string | undefined): KeyNode {
  const location = joinLocation(parent, symbol.name);
  const keyType = symbol.detail ?? '';
  return {
    location,
    label: symbol.name,
    keyType,
    icon: iconForKeyType(keyType),
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: (symbol.children ?? []).map(child => fromDocumentSymbol(child, location)),
  };
}

/** Builds the tree from a documentSymbol result (hierarchical, or flat SymbolInformation as a fallback). */
export function buildKeyTree(answer: readonly (DocumentSymbolLike | SymbolInformationLike)[] | null | undefined): KeyNode[] {
  if (!Array.isArray(answer)) return [];
  return answer.map(item => {
    if (isSymbolInformation(item)) {
      const keyType = item.containerName ?? '';
      return {
        location: item.name, label: item.name, keyType, icon: iconForKeyType(keyType),
        range: item.location.range, selectionRange: item.location.range, children: [],
      };
    }
    return fromDocumentSymbol(item, undefined);
  });
}

function compare(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function rangeContains(range: Range, position: Position): boolean {
  return compare(range.start, position) <= 0 && compare(position, range.end) <= 0;
}

export function findKeyByLocation(nodes: readonly KeyNode[], location: string): KeyNode | undefined {
  const wanted = location.toLowerCase();
  for (const node of nodes) {
    if (node.location.toLowerCase() === wanted) return node;
    const inner = findKeyByLocation(node.children, location);
    if (inner) return inner;
  }
  return undefined;
}

/** Every key, parents before children, for pickers. */
export function flattenKeys(nodes: readonly KeyNode[]): KeyNode[] {
  const result: KeyNode[] = [];
  const walk = (list: readonly KeyNode[]) => { for (const n of list) { result.push(n); walk(n.children); } };
  walk(nodes);
  return result;
}
