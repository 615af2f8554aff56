// Wires the pieces together; the logic lives in the modules it imports.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { DiskDocuments } from './diskDocuments';
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
  const explorer = new MetabaseExplorer(server);
  const disk = new DiskDocuments(server);
  const sheet = new PropertySheetPanel(context.extensionUri, server, uri => disk.isFromDisk(uri));
  context.subscriptions.push(output, explorer, disk, sheet, ...registerCommands(server, explorer, sheet, disk),
    // A file read from disk has no text editor to follow: the explorer and the sheet follow its tab and its reads.
    disk.onDidRead(uri => {
      if (disk.activeFromDisk()?.toString() === uri.toString() || explorer.currentUri?.toString() === uri.toString()) void explorer.followUri(uri);
      void sheet.refreshIfShowing(uri);
    }),
    vscode.window.tabGroups.onDidChangeTabs(() => { const uri = disk.activeFromDisk(); if (uri) void explorer.followUri(uri); }),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (!e.affectsConfiguration('smtpLsp')) return;
      const next = currentSettings();
      const restart = needsRestart(settings, next);
      settings = next;
      void (restart ? server.restart() : server.updateSettings(next));
    }));
  await server.start();
}

export async function deactivate(): Promise<void> {
  await connection?.dispose();
  connection = undefined;
}
