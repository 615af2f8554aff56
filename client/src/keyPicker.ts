// A key of one document picked by its Location, searched by the server as the user types (workspace/symbol): the
// outline a fixed list would come from stops at 5000 keys, and a large metabase has hundreds of thousands.
import * as vscode from 'vscode';
import { WorkspaceSymbolRequest, type LanguageClient, type SymbolInformation } from 'vscode-languageclient/node';

interface KeyPick extends vscode.QuickPickItem { location: string }

/** The Location picked, or undefined when the user dismissed the list. */
export function pickKey(client: LanguageClient, uri: vscode.Uri): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick<KeyPick>();
  picker.placeholder = 'Key to show: type part of its Location';
  let asked = 0;
  let timer: NodeJS.Timeout | undefined;
  const search = async (query: string) => {
    const mine = ++asked;
    picker.busy = true;
    try {
      const found = await client.sendRequest(WorkspaceSymbolRequest.type, { query }) as SymbolInformation[] | null;
      if (mine !== asked) return;
      picker.items = (found ?? []).filter(s => s.location.uri === uri.toString())
        .map(s => ({ label: s.name, description: s.containerName, location: s.name }));
    } finally {
      if (mine === asked) picker.busy = false;
    }
  };
  return new Promise(resolve => {
    picker.onDidChangeValue(value => { clearTimeout(timer); timer = setTimeout(() => void search(value), 150); });
    picker.onDidAccept(() => { resolve(picker.selectedItems[0]?.location); picker.hide(); });
    picker.onDidHide(() => { clearTimeout(timer); resolve(undefined); picker.dispose(); });
    picker.show();
    void search('');
  });
}
