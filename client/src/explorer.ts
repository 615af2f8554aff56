// The Metabase Explorer: the active metabase's keys by Location, from the server's documentSymbol answer.
import * as vscode from 'vscode';
import { DocumentSymbolRequest } from 'vscode-languageclient/node';
import { buildKeyTree, type KeyNode } from './keyTree';
import type { ServerConnection } from './serverConnection';

export class MetabaseExplorer implements vscode.TreeDataProvider<KeyNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: KeyNode[] = [];
  private parents = new Map<KeyNode, KeyNode>();
  private documentUri: vscode.Uri | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  readonly view: vscode.TreeView<KeyNode>;

  constructor(private readonly server: ServerConnection) {
    this.view = vscode.window.createTreeView('smtpLsp.explorer', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      vscode.window.onDidChangeActiveTextEditor(editor => { if (editor) void this.follow(editor.document); }),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (e.document.uri.toString() === this.documentUri?.toString()) this.scheduleRefresh();
      }),
      vscode.workspace.onDidCloseTextDocument(doc => {
        if (doc.uri.toString() === this.documentUri?.toString()) this.show(undefined, []);
      }),
      server.onReady(() => { const doc = vscode.window.activeTextEditor?.document; if (doc) void this.follow(doc); }),
    );
  }

  get currentUri(): vscode.Uri | undefined { return this.documentUri; }
  get keys(): readonly KeyNode[] { return this.roots; }

  /** Shows the document's keys when it is a metabase; other documents leave the tree as it was. */
  async follow(document: vscode.TextDocument): Promise<void> {
    await this.followUri(document.uri);
  }

  /** The same by URI, for a file the server reads from disk (VS Code shares no text editor for it). */
  async followUri(uri: vscode.Uri): Promise<void> {
    const nodes = await this.request(uri);
    if (nodes.length > 0 || uri.toString() === this.documentUri?.toString()) this.show(uri, nodes);
  }

  async refresh(): Promise<void> {
    if (this.documentUri) this.show(this.documentUri, await this.request(this.documentUri));
    else { const doc = vscode.window.activeTextEditor?.document; if (doc) await this.follow(doc); }
  }

  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 500);
  }

  private async request(uri: vscode.Uri): Promise<KeyNode[]> {
    const client = this.server.client;
    if (!client) return [];
    try {
      const answer = await client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri.toString() } });
      return buildKeyTree(answer as never);
    } catch (error) {
      this.server.output.warn(`documentSymbol failed: ${String(error)}`);
      return [];
    }
  }

  private show(uri: vscode.Uri | undefined, nodes: KeyNode[]): void {
    this.documentUri = nodes.length > 0 ? uri : undefined;
    this.roots = nodes;
    this.parents = new Map();
    const index = (list: KeyNode[], parent?: KeyNode) => list.forEach(n => { if (parent) this.parents.set(n, parent); index(n.children, n); });
    index(nodes);
    void vscode.commands.executeCommand('setContext', 'smtpLsp.explorerVisible', nodes.length > 0);
    this.view.description = uri ? vscode.workspace.asRelativePath(uri) : undefined;
    this.changed.fire();
  }

  getTreeItem(node: KeyNode): vscode.TreeItem {
    const depth = this.depth(node);
    const item = new vscode.TreeItem(node.label,
      node.children.length === 0 ? vscode.TreeItemCollapsibleState.None
        : depth < 3 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.description = node.keyType;
    item.tooltip = `${node.location}\n${node.keyType}`;
    item.iconPath = new vscode.ThemeIcon(node.icon);
    item.accessibilityInformation = { label: `${node.location} (${node.keyType})` };
    item.contextValue = 'metabaseKey';
    item.command = { command: 'smtpLsp.revealKey', title: 'Show key', arguments: [node] };
    return item;
  }

  getChildren(node?: KeyNode): KeyNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: KeyNode): KeyNode | undefined {
    return this.parents.get(node);
  }

  private depth(node: KeyNode): number {
    let depth = 0;
    for (let p = this.parents.get(node); p; p = this.parents.get(p)) depth++;
    return depth;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
    this.disposables.forEach(d => d.dispose());
  }
}
