// Large metabases the editor shows but does not share with extensions (over 50 MiB characters, see diskReads.ts): the
// server reads them from disk (smtpLsp/openFromDisk), again whenever the file changes on disk, and forgets them when
// their tab closes. Diagnostics, the Metabase Explorer and the property sheet (read-only) work for them.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { filesToConsider, filesToForget, mayBeOverSyncLimit, type ShownFile } from './diskReads';
import { OpenFromDiskRequest, type OpenFromDiskParams, type OpenFromDiskResult } from './protocol';
import { errorText } from './propertyRequests';
import type { ServerConnection } from './serverConnection';

export class DiskDocuments implements vscode.Disposable {
  private readonly read = new Map<string, { uri: vscode.Uri; watcher: vscode.FileSystemWatcher; timer?: NodeJS.Timeout }>();
  // Files being looked at, so two scans close together do not read one twice.
  private readonly pending = new Set<string>();
  // Files found not to be metabases, or that could not be read: not read again while a tab shows them.
  private readonly passed = new Set<string>();
  // Told once per file and session why only some features work.
  private readonly told = new Set<string>();
  private readonly didRead = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private scanTimer: NodeJS.Timeout | undefined;

  /** Fires after the server (re)read a file from disk. */
  readonly onDidRead = this.didRead.event;
  private readonly didClose = new vscode.EventEmitter<vscode.Uri>();
  /** A file read from disk is no longer: its tab closed, or the file went. */
  readonly onDidClose = this.didClose.event;

  constructor(private readonly server: ServerConnection) {
    this.disposables.push(
      vscode.window.tabGroups.onDidChangeTabs(() => this.scheduleScan()),
      vscode.window.tabGroups.onDidChangeTabGroups(() => this.scheduleScan()),
      vscode.workspace.onDidOpenTextDocument(() => this.scheduleScan()),
      // A restarted server has forgotten them.
      server.onReady(() => { for (const { uri } of this.read.values()) void this.open(uri); this.scheduleScan(); }),
    );
    this.scheduleScan();
  }

  /** True for a file the server reads from disk rather than from the editor: read-only. */
  isFromDisk(uri: vscode.Uri): boolean {
    return this.read.has(uri.toString());
  }

  /** The file of the active tab when the server reads it from disk (no text editor is active then). */
  activeFromDisk(): vscode.Uri | undefined {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    return input instanceof vscode.TabInputText && this.isFromDisk(input.uri) ? input.uri : undefined;
  }

  private scheduleScan(): void {
    clearTimeout(this.scanTimer);
    // After the tab change, once VS Code had the time to sync the document if it does.
    this.scanTimer = setTimeout(() => void this.scan(), 300);
  }

  private async scan(): Promise<void> {
    if (!this.server.client) return;
    const shown: ShownFile[] = [];
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        if (tab.input instanceof vscode.TabInputText) shown.push({ uri: tab.input.uri.toString(), isFile: tab.input.uri.scheme === 'file', active: tab.isActive });
      }
    }
    const synced = new Set(vscode.workspace.textDocuments.map(document => document.uri.toString()));
    const readNow = new Set(this.read.keys());
    const { close, synced: handedOver } = filesToForget(shown, synced, readNow);
    // The language client opened it itself and will close it: only stop watching.
    for (const uri of handedOver) this.forget(uri);
    for (const uri of close) this.close(uri);
    const inTabs = new Set(shown.map(file => file.uri));
    for (const uri of [...this.passed]) if (!inTabs.has(uri)) this.passed.delete(uri);
    for (const uri of filesToConsider(shown, synced, new Set([...readNow, ...this.pending, ...this.passed]))) {
      this.pending.add(uri);
      try {
        const file = vscode.Uri.parse(uri);
        const { size } = await vscode.workspace.fs.stat(file);
        if (mayBeOverSyncLimit(size)) await this.open(file);
        else this.passed.add(uri);
      } catch (error) {
        this.passed.add(uri);
        this.server.output.warn(`${uri}: ${errorText(error)}`);
      } finally {
        this.pending.delete(uri);
      }
    }
  }

  private async open(uri: vscode.Uri): Promise<void> {
    const client = this.server.client;
    if (!client) return;
    const key = uri.toString();
    let result: OpenFromDiskResult;
    try {
      const params: OpenFromDiskParams = { textDocument: { uri: key } };
      result = await client.sendRequest<OpenFromDiskResult>(OpenFromDiskRequest, params);
    } catch (error) {
      this.server.output.warn(`reading ${uri.fsPath} from disk: ${errorText(error)}`);
      void vscode.window.showWarningMessage(`SmtpLsp cannot read ${path.basename(uri.fsPath)}: ${errorText(error)}`);
      this.passed.add(key);
      return;
    }
    // Not a metabase (the server keeps none), or VS Code syncs it after all.
    if (!result.isMetabase || !result.readFromDisk) {
      if (!result.isMetabase) this.passed.add(key);
      this.forget(key);
      return;
    }
    if (!this.read.has(key)) this.read.set(key, { uri, watcher: this.watch(uri) });
    this.server.output.info(`${uri.fsPath}: ${result.length.toLocaleString('en')} characters, over the 50 MiB VS Code shares with extensions: read from disk (version ${result.version})`);
    if (!this.told.has(key)) {
      this.told.add(key);
      void vscode.window.showInformationMessage(`${path.basename(uri.fsPath)} is larger than the 50 MB VS Code shares with extensions, ` +
        'so SmtpLsp reads it from disk, again each time it is saved: its problems, the Metabase Explorer and the property sheet ' +
        '(read-only) follow the saved file; hover, completion and quick fixes are not available for it.');
    }
    this.didRead.fire(uri);
  }

  private watch(uri: vscode.Uri): vscode.FileSystemWatcher {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(uri.fsPath)), path.basename(uri.fsPath)));
    const again = () => {
      const entry = this.read.get(uri.toString());
      if (!entry) return;
      clearTimeout(entry.timer);
      // A save, or a copy over the file (a delete then a create), comes as several events.
      entry.timer = setTimeout(() => void vscode.workspace.fs.stat(uri).then(() => this.open(uri), () => this.close(uri.toString())), 500);
    };
    watcher.onDidChange(again);
    watcher.onDidCreate(again);
    watcher.onDidDelete(again);
    return watcher;
  }

  private close(uri: string): void {
    if (!this.read.has(uri)) return;
    this.forget(uri);
    void this.server.client?.sendNotification('textDocument/didClose', { textDocument: { uri } });
    this.didClose.fire(vscode.Uri.parse(uri));
  }

  private forget(uri: string): void {
    const entry = this.read.get(uri);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.watcher.dispose();
    this.read.delete(uri);
  }

  dispose(): void {
    clearTimeout(this.scanTimer);
    for (const uri of [...this.read.keys()]) this.forget(uri);
    this.didRead.dispose();
    this.didClose.dispose();
    this.disposables.forEach(d => d.dispose());
  }
}
