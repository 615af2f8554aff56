// Wires the pieces together; the logic lives in the modules it imports.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
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
  const sheet = new PropertySheetPanel(context.extensionUri, server);
  context.subscriptions.push(output, explorer, sheet, ...registerCommands(server, explorer, sheet),
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
