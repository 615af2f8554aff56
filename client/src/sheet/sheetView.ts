// Renders the property sheet into a DOM element. Built with createElement/textContent only, so values from the
// document can never become markup.
import type { EffectiveProperty } from '../protocol';
import { currentNumber, flagPropertiesInOrder, formatHex, isDirty, isItemSet, originText, type SheetState } from './sheetState';

type Attrs = Record<string, string | boolean | undefined>;

function el(tag: string, attrs: Attrs = {}, ...children: (Node | string | null)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

function flagGroup(state: SheetState, property: EffectiveProperty): HTMLElement {
  const flags = property.flags!;
  const value = currentNumber(state, property.name);
  const dirty = isDirty(state, property.name);
  const groupId = `flags-${property.name}`;
  const valueLine = el('div', { class: 'value-line' },
    el('span', {}, 'Value '),
    el('output', { class: 'dec', 'data-testid': `dec-${property.name}`, 'aria-live': 'polite' }, value === null ? '(not a number)' : String(value)),
    ' ',
    el('output', { class: 'hex', 'data-testid': `hex-${property.name}` }, value === null ? '' : formatHex(value)),
    el('span', { class: 'origin' }, ` · ${originText(property)}`),
    flags.default !== null ? el('span', { class: 'default' }, ` · default ${flags.default} (${formatHex(flags.default)})`) : null,
    dirty ? el('span', { class: 'dirty' }, ' · not applied') : null);
  const items = el('div', { class: 'items', role: 'group', 'aria-labelledby': `${groupId}-legend` });
  for (const item of flags.items) {
    const id = `${groupId}-${item.name}`;
    const checked = value !== null && isItemSet(item, value);
    items.append(el('label', { class: item.undocumented ? 'item undocumented' : 'item', for: id },
      el('input', {
        type: 'checkbox', id, checked, disabled: value === null,
        'data-property': property.name, 'data-item': item.name, 'data-focus': id,
      }),
      el('span', { class: 'item-name' }, item.name),
      el('span', { class: 'bit' }, formatHex(item.value)),
      item.undocumented ? el('span', { class: 'tag' }, 'undocumented') : null));
  }
  const buttons = el('div', { class: 'buttons' },
    el('button', { class: 'apply', 'data-property': property.name, 'data-focus': `${groupId}-apply`, disabled: !dirty }, 'Apply'),
    el('button', { class: 'revert secondary', 'data-property': property.name, 'data-focus': `${groupId}-revert`, disabled: !dirty }, 'Revert'));
  return el('fieldset', { class: 'flag-group', 'data-property': property.name },
    el('legend', { id: `${groupId}-legend` }, property.name),
    property.description ? el('p', { class: 'description' }, property.description) : null,
    valueLine, items, buttons);
}

function propertyTable(state: SheetState): HTMLElement {
  const rows = state.sheet!.properties.map(p => el('tr', { class: `origin-${p.origin}` },
    el('th', { scope: 'row' },
      p.origin === 'here'
        ? el('button', { class: 'link reveal', 'data-property': p.name, 'data-focus': `reveal-${p.name}`, title: 'Show in the editor' }, p.name)
        : el('span', {}, p.name)),
    el('td', { class: 'type' }, p.type),
    el('td', { class: 'value' }, p.value),
    el('td', { class: 'origin' }, originText(p))));
  return el('table', { class: 'properties' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Property'), el('th', { scope: 'col' }, 'Type'),
      el('th', { scope: 'col' }, 'Value'), el('th', { scope: 'col' }, 'From'))),
    el('tbody', {}, ...rows));
}

export function renderSheet(root: HTMLElement, state: SheetState, status: { text: string; error?: boolean } | null): void {
  // Re-rendering replaces the nodes; put the keyboard focus back where it was.
  const focused = (document.activeElement as HTMLElement | null)?.getAttribute('data-focus') ?? null;
  root.replaceChildren();
  const statusLine = el('div', { class: status?.error ? 'status error' : 'status', role: 'status', 'data-testid': 'status' }, status?.text ?? '');
  if (!state.sheet) {
    root.append(el('p', { class: 'empty' }, 'Select a key in the Metabase Explorer, or put the cursor inside a key, to see its properties.'), statusLine);
    return;
  }
  const sheet = state.sheet;
  root.append(el('header', {},
    el('h1', {}, sheet.location),
    el('span', { class: 'key-type' }, sheet.keyType),
    state.documentName ? el('span', { class: 'document', 'data-testid': 'document' }, ` · ${state.documentName}`) : null), statusLine);
  const flagProps = flagPropertiesInOrder(sheet);
  if (flagProps.length > 0) root.append(el('section', { class: 'flags' }, ...flagProps.map(p => flagGroup(state, p))));
  root.append(el('section', {}, el('h2', {}, 'Effective properties'), propertyTable(state)));
  if (focused) (root.querySelector(`[data-focus="${CSS.escape(focused)}"]`) as HTMLElement | null)?.focus();
}
