// Wires the pieces together; the logic lives in the modules it imports.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { DiskDocuments } from './diskDocuments';
import { isXmlName } from './diskReads';
import { MetabaseExplorer } from './explorer';
import { PropertySheetPanel } from './propertySheetPanel';
import { ServerConnection } from './serverConnection';
import { needsRestart, readSettings } from './settings';

let connection: ServerConnection | undefined;

function currentSettings() {
  const config = vscode.workspace.getConfiguration('smtpLsp');
  return readSettings(key => config.get(key));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('SmtpLsp', { log: true });
  let settings = currentSettings();
  const server = new ServerConnection(context.extensionPath, output, settings);
  connection = server;
  let started = false;
  const explorer = new MetabaseExplorer(server);
  const disk = new DiskDocuments(server);
  const sheet = new PropertySheetPanel(context.extensionUri, server, uri => disk.isFromDisk(uri));
  context.subscriptions.push(output, explorer, disk, sheet, ...registerCommands(server, explorer, sheet, disk),
    // A file read from disk has no text editor to follow: the explorer and the sheet follow its tab and its reads.
    disk.onDidRead(uri => {
      if (disk.activeFromDisk()?.toString() === uri.toString() || explorer.currentUri?.toString() === uri.toString()) void explorer.followUri(uri);
      void sheet.refreshIfShowing(uri);
    }),
    disk.onDidClose(uri => { explorer.closed(uri); sheet.documentClosed(uri); }),
    vscode.window.tabGroups.onDidChangeTabs(() => { const uri = disk.activeFromDisk(); if (uri) void explorer.followUri(uri); }),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (!e.affectsConfiguration('smtpLsp')) return;
      const next = currentSettings();
      const restart = needsRestart(settings, next);
      settings = next;
      // Before the server starts (no XML yet) the new settings are simply the ones it will start with.
      void (restart && started ? server.restart() : server.updateSettings(next));
    }));
  // A metabase over 50 MB opened on its own fires no "onLanguage:xml": VS Code makes no document of it for
  // extensions. So the extension also starts with the window (onStartupFinished), and starts the server once an XML
  // document or tab is there, or the workspace holds a MetaBase*.xml.
  const startOnce = async () => { if (!started) { started = true; await server.start(); } };
  if (xmlShown() || (await vscode.workspace.findFiles('**/{MetaBase,metabase,Metabase}*.xml', '**/node_modules/**', 1)).length > 0) {
    await startOnce();
    return;
  }
  const waiting: vscode.Disposable[] = [];
  const startWhenShown = () => {
    if (!xmlShown()) return;
    waiting.forEach(d => d.dispose());
    void startOnce();
  };
  waiting.push(vscode.workspace.onDidOpenTextDocument(startWhenShown), vscode.window.tabGroups.onDidChangeTabs(startWhenShown));
  context.subscriptions.push(...waiting);
}

/** True when an XML document, or a tab of an XML file (which VS Code may not share if it is large), is open. */
function xmlShown(): boolean {
  if (vscode.workspace.textDocuments.some(document => document.languageId === 'xml' || isXmlName(document.uri.toString()))) return true;
  return vscode.window.tabGroups.all.some(group => group.tabs.some(tab => tab.input instanceof vscode.TabInputText && isXmlName(tab.input.uri.toString())));
}

export async function deactivate(): Promise<void> {
  await connection?.dispose();
  connection = undefined;
}
