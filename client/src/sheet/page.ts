// The webview's entry point: holds the state, renders it, and talks to the extension by messages.
import { applyMessage, createState, revert, toggleFlag, updateSheet, type HostMessage, type PageMessage, type SheetState } from './sheetState';
import { renderSheet } from './sheetView';

interface VsCodeApi { postMessage(message: PageMessage): void }
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('app')!;
let state: SheetState = createState(null);
let status: { text: string; error?: boolean } | null = null;

function render(): void {
  renderSheet(root, state, status);
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message.type === 'show') state = updateSheet(state, message.sheet, message.document, message.documentName);
  else if (message.type === 'status') status = { text: message.text, error: message.error };
  render();
});

root.addEventListener('change', event => {
  const input = event.target as HTMLInputElement;
  const property = input.dataset.property, item = input.dataset.item;
  if (input.type !== 'checkbox' || !property || !item) return;
  state = toggleFlag(state, property, item);
  render();
});

root.addEventListener('click', event => {
  const button = (event.target as HTMLElement).closest('button');
  const property = button?.dataset.property;
  if (!button || !property || !state.sheet) return;
  if (button.classList.contains('apply')) {
    const message = applyMessage(state, property);
    if (message) { status = { text: `Applying ${property}…` }; vscode.postMessage(message); render(); }
  } else if (button.classList.contains('revert')) {
    state = revert(state, property);
    render();
  } else if (button.classList.contains('reveal')) {
    vscode.postMessage({ type: 'reveal', location: state.sheet.location, property });
  }
});

render();
vscode.postMessage({ type: 'ready' });
