// Hosts the property sheet webview for one key of one document, and keeps it in step with the text.
import * as vscode from 'vscode';
import { contentModified, errorCode, errorText, fetchEffectiveProperties, setPropertyValue } from './propertyRequests';
import type { ServerConnection } from './serverConnection';
import type { HostMessage, PageMessage } from './sheet/sheetState';

export class PropertySheetPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private target: { uri: vscode.Uri; location: string } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** @param readOnly true for a file the server reads from disk, whose edits it cannot follow (see DiskDocuments). */
  constructor(private readonly extensionUri: vscode.Uri, private readonly server: ServerConnection,
    private readonly readOnly: (uri: vscode.Uri) => boolean = () => false) {
    this.disposables.push(vscode.workspace.onDidChangeTextDocument(e => {
      if (this.panel && e.document.uri.toString() === this.target?.uri.toString()) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), 300);
      }
    }), vscode.workspace.onDidCloseTextDocument(document => this.documentClosed(document.uri)));
  }

  /** The sheet's document was closed (its tab, or a file read from disk): say so; Apply then refuses. */
  documentClosed(uri: vscode.Uri): void {
    if (!this.panel || uri.toString() !== this.target?.uri.toString() || this.openDocument(uri)) return;
    this.post({ type: 'status', error: true, text: `${vscode.workspace.asRelativePath(uri)} was closed: open it again to change ${this.target.location}.` });
  }

  /** The document when the user still has it open in a tab; an Apply never opens one again behind their back. */
  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    const inTab = vscode.window.tabGroups.all.some(group => group.tabs.some(tab => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key));
    return inTab ? vscode.workspace.textDocuments.find(d => d.uri.toString() === key) : undefined;
  }

  get isOpen(): boolean { return this.panel !== undefined; }

  async show(uri: vscode.Uri, location: string): Promise<void> {
    this.target = { uri, location };
    if (!this.panel) this.panel = this.createPanel();
    else this.panel.reveal(undefined, true);
    this.panel.title = `Properties: ${location}`;
    await this.refresh();
  }

  private createPanel(): vscode.WebviewPanel {
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel('smtpLsp.propertySheet', 'Properties',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [dist], retainContextWhenHidden: true });
    const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
    const webview = panel.webview;
    webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css'))}">
<title>Properties</title></head>
<body><main id="app"></main><script nonce="${nonce}" src="${webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js'))}"></script></body></html>`;
    webview.onDidReceiveMessage((message: PageMessage) => void this.onMessage(message), undefined, this.disposables);
    panel.onDidDispose(() => { this.panel = undefined; clearTimeout(this.timer); }, undefined, this.disposables);
    return panel;
  }

  private post(message: HostMessage): void {
    void this.panel?.webview.postMessage(message);
  }

  async refresh(): Promise<void> {
    if (!this.target || !this.panel) return;
    const { uri, location } = this.target;
    try {
      const sheet = await fetchEffectiveProperties(this.server, uri, location);
      if (this.target?.uri.toString() !== uri.toString() || this.target.location !== location) return; // another key was shown meanwhile
      this.post({ type: 'show', sheet, document: uri.toString(), documentName: vscode.workspace.asRelativePath(uri) });
      if (!sheet) this.post({ type: 'status', text: `${location} is no longer in ${vscode.workspace.asRelativePath(uri)}.`, error: true });
    } catch (error) {
      this.server.output.warn(`${location}: effectiveProperties failed: ${errorText(error)}`);
      this.post({ type: 'status', text: `Could not read the properties of ${location}: ${errorText(error)}`, error: true });
    }
  }

  /** Refreshes the sheet when it shows a key of this document (a file read from disk again). */
  async refreshIfShowing(uri: vscode.Uri): Promise<void> {
    if (this.panel && this.target?.uri.toString() === uri.toString()) await this.refresh();
  }

  private async onMessage(message: PageMessage): Promise<void> {
    if (!this.target) return;
    if (message.type === 'ready') { await this.refresh(); return; }
    if (message.type === 'apply' && this.readOnly(this.target.uri)) {
      this.post({ type: 'status', error: true, text: `${vscode.workspace.asRelativePath(this.target.uri)} is larger than the 50 MB VS Code shares with ` +
        `extensions, so this sheet is read-only: change ${message.property} in the editor and save, or run \`smtplsp set\`.` });
      await this.refresh();
      return;
    }
    if (message.type === 'apply' && message.document !== this.target.uri.toString()) {
      // The page still shows another document's key (its new sheet has not come): nothing is written there.
      this.post({ type: 'status', error: true, text: `The sheet was showing another file; ${message.property} was not set: check the sheet and apply again.` });
      await this.refresh();
      return;
    }
    if (message.type === 'apply') {
      const document = this.openDocument(this.target.uri);
      if (!document) {
        this.post({ type: 'status', error: true, text: `${vscode.workspace.asRelativePath(this.target.uri)} is not open: open it again to change ${message.property}.` });
        return;
      }
      try {
        // The version of the sheet the page shows (the server's, which may lag behind the editor's last keystrokes).
        const applied = await setPropertyValue(this.server, document, message.location, message.property, message.value, message.version ?? document.version);
        this.post({ type: 'status', text: applied ? `${message.property} = ${message.value}`
          : `VS Code did not apply the edit to ${message.property} (the text may have changed meanwhile): check the sheet and apply again.`, error: !applied });
        await this.refresh();
      } catch (error) {
        const changed = errorCode(error) === contentModified;
        this.post({ type: 'status', error: true, text: changed
          ? `The text changed since the sheet was shown, so ${message.property} was not set: check the sheet and apply again.`
          : `Could not set ${message.property}: ${errorText(error)}` });
        if (changed) await this.refresh();
      }
    } else if (message.type === 'reveal') {
      await vscode.commands.executeCommand('smtpLsp.revealProperty', this.target.uri, message.location, message.property);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    this.disposables.forEach(d => d.dispose());
  }
}
