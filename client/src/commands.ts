// The Metabase commands. Each works from the cursor (or an explorer node) and asks the server for everything.
import * as vscode from 'vscode';
import { HoverRequest } from 'vscode-languageclient/node';
import type { DiskDocuments } from './diskDocuments';
import type { MetabaseExplorer } from './explorer';
import type { KeyItem } from './keyLevels';
import { pickKey } from './keyPicker';
import { errorText, fetchEffectiveProperties, setPropertyValue } from './propertyRequests';
import type { EffectiveProperties, EffectiveProperty, Position, Range } from './protocol';
import type { PropertySheetPanel } from './propertySheetPanel';
import type { ServerConnection } from './serverConnection';
import { addForcedUri, readSettings } from './settings';
import { formatHex, numberFromItems } from './sheet/sheetState';

export function registerCommands(server: ServerConnection, explorer: MetabaseExplorer, sheet: PropertySheetPanel, disk: DiskDocuments): vscode.Disposable[] {
  const client = () => {
    const c = server.client;
    if (!c) throw new Error('The SmtpLsp server is not running. See the "SmtpLsp" output, or run "Metabase: Restart server".');
    return c;
  };

  // Asked of the server, not found in the outline: the outline of a large metabase stops at 5000 keys.
  async function sheetAtCursor(editor: vscode.TextEditor): Promise<EffectiveProperties | null> {
    const p = editor.selection.active;
    return await fetchEffectiveProperties(server, editor.document.uri, { line: p.line, character: p.character });
  }

  function guard(run: (...args: never[]) => Promise<unknown>) {
    return async (...args: never[]) => {
      try { await run(...args); } catch (error) { void vscode.window.showErrorMessage(`SmtpLsp: ${errorText(error)}`); }
    };
  }

  async function reveal(uri: vscode.Uri, range: vscode.Range): Promise<void> {
    // A file read from disk has no TextDocument for the extension: the editor opens it and selects the range itself.
    if (disk.isFromDisk(uri)) {
      await vscode.commands.executeCommand('vscode.open', uri, { selection: range, preview: false, viewColumn: vscode.ViewColumn.One });
      return;
    }
    const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false, preview: false, viewColumn: vscode.ViewColumn.One });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  const toRange = (r: KeyItem['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

  return [
    vscode.commands.registerCommand('smtpLsp.showOutput', () => server.output.show(true)),
    vscode.commands.registerCommand('smtpLsp.restartServer', guard(async () => { await server.restart(); })),
    vscode.commands.registerCommand('smtpLsp.explorer.refresh', guard(() => explorer.refresh())),

    vscode.commands.registerCommand('smtpLsp.treatAsMetabase', guard(async (uri?: vscode.Uri) => {
      const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!document) { void vscode.window.showInformationMessage('Open the file to treat as a metabase first.'); return; }
      const config = vscode.workspace.getConfiguration('smtpLsp');
      const current = readSettings(key => config.get(key)).forceMetabase;
      const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await config.update('forceMetabase', addForcedUri(current, document.uri.toString()), target);
      // The client only sends XML documents to the server.
      if (document.languageId !== 'xml') await vscode.languages.setTextDocumentLanguage(document, 'xml');
    })),

    vscode.commands.registerCommand('smtpLsp.revealKey', guard(async (node: KeyItem) => {
      const uri = explorer.currentUri;
      if (!uri) return;
      await reveal(uri, toRange(node.selectionRange));
      if (sheet.isOpen) await sheet.show(uri, node.location);
    })),

    vscode.commands.registerCommand('smtpLsp.revealProperty', guard(async (uri: vscode.Uri, location: string, property: string) => {
      const found = (await fetchEffectiveProperties(server, uri, location))?.properties.find(p => p.name === property);
      if (found?.range) await reveal(uri, toRange(found.range));
    })),

    vscode.commands.registerCommand('smtpLsp.showEffectiveProperties', guard(async (node?: KeyItem) => {
      // The editor's document when it is one the server reads (XML), else the one the Metabase Explorer shows.
      const active = vscode.window.activeTextEditor;
      const editor = active?.document.languageId === 'xml' ? active : undefined;
      if (node && explorer.currentUri) { await sheet.show(explorer.currentUri, node.location); return; }
      const uri = editor?.document.uri ?? explorer.currentUri;
      if (!uri) { void vscode.window.showInformationMessage('Open a metabase file first.'); return; }
      const location = (editor ? (await sheetAtCursor(editor))?.location : undefined) ?? await pickKey(client(), uri);
      if (location) await sheet.show(uri, location);
    })),

    vscode.commands.registerCommand('smtpLsp.decodeValue', guard(async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) { void vscode.window.showInformationMessage('Open a metabase file and put the cursor on a value first.'); return; }
      const p = editor.selection.active;
      const hover = await client().sendRequest(HoverRequest.type, { textDocument: { uri: editor.document.uri.toString() }, position: { line: p.line, character: p.character } });
      if (!hover) { void vscode.window.showInformationMessage('No metabase value at the cursor to decode.'); return; }
      // The hover is the value report; show it where the user is looking.
      await vscode.commands.executeCommand('editor.action.showHover');
    })),

    vscode.commands.registerCommand('smtpLsp.editFlags', guard(async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) { void vscode.window.showInformationMessage('Open a metabase file and put the cursor inside a key first.'); return; }
      const effective = await sheetAtCursor(editor);
      if (!effective) { void vscode.window.showInformationMessage('Put the cursor inside a metabase key that has a Location.'); return; }
      const flagProps = effective.properties.filter(p => p.flags && p.flags.number !== null);
      const cursor = { line: editor.selection.active.line, character: editor.selection.active.character };
      let property: EffectiveProperty | undefined = flagProps.find(p => p.range && (rangeContains(p.range, cursor) || p.range.start.line === cursor.line));
      if (!property) {
        if (flagProps.length === 0) { void vscode.window.showInformationMessage(`${effective.location} has no flag properties.`); return; }
        property = (await vscode.window.showQuickPick(flagProps.map(p => ({ label: p.name, description: p.value, p })), { placeHolder: 'Flag property to edit' }))?.p;
        if (!property) return;
      }
      const flags = property.flags!;
      const picks = await vscode.window.showQuickPick(
        flags.items.map(i => ({ label: i.name, description: formatHex(i.value) + (i.undocumented ? ' · undocumented' : ''), picked: i.set, name: i.name })),
        { canPickMany: true, title: `${property.name} at ${effective.location} (now ${flags.number})` });
      if (!picks) return;
      const value = numberFromItems(flags.items, picks.map(p => p.name));
      if (value === flags.number) return;
      const applied = await setPropertyValue(server, editor.document, effective.location, property.name, String(value), effective.version ?? editor.document.version);
      if (!applied) void vscode.window.showWarningMessage(`VS Code did not apply the edit to ${property.name}.`);
    })),
  ];
}

function rangeContains(range: Range, position: Position): boolean {
  const compare = (a: Position, b: Position) => a.line !== b.line ? a.line - b.line : a.character - b.character;
  return compare(range.start, position) <= 0 && compare(position, range.end) <= 0;
}
