// The Metabase Explorer: the active metabase's keys by Location, loaded a level and a page at a time as they are
// expanded (smtpLsp/keyChildren), like IIS Manager's scope pane: the outline stops at 5000 keys, and a large metabase
// has tens of thousands of web sites on one level.
import * as vscode from 'vscode';
import { levelItems, moreLabel, rootId, type ExplorerItem, type KeyLevel, type MoreItem } from './keyLevels';
import { KeyChildrenRequest, type KeyChildrenParams, type KeyChildrenResult } from './protocol';
import type { ServerConnection } from './serverConnection';

export class MetabaseExplorer implements vscode.TreeDataProvider<ExplorerItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private documentUri: vscode.Uri | undefined;
  // The levels loaded for the document shown, by the id of their parent item (rootId for the top).
  private levels = new Map<string, KeyLevel>();
  private locations = new Map<string, string | null>([[rootId, null]]);
  // How many keys of each level were loaded ("more" chosen), kept across refreshes of the same document.
  private loaded = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  readonly view: vscode.TreeView<ExplorerItem>;

  constructor(private readonly server: ServerConnection) {
    this.view = vscode.window.createTreeView('smtpLsp.explorer', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.view,
      vscode.window.onDidChangeActiveTextEditor(editor => { if (editor) void this.follow(editor.document); }),
      vscode.workspace.onDidChangeTextDocument(e => {
        if (e.document.uri.toString() === this.documentUri?.toString()) this.scheduleRefresh();
      }),
      vscode.workspace.onDidCloseTextDocument(doc => this.closed(doc.uri)),
      vscode.commands.registerCommand('smtpLsp.explorer.loadMore', (item: MoreItem) => this.loadMore(item)),
      server.onReady(() => { const doc = vscode.window.activeTextEditor?.document; if (doc) void this.follow(doc); }),
    );
  }

  get currentUri(): vscode.Uri | undefined { return this.documentUri; }

  /** The document shown was closed (a text document, or a file read from disk): the tree empties. */
  closed(uri: vscode.Uri): void {
    if (uri.toString() === this.documentUri?.toString()) this.show(undefined, undefined);
  }

  /** Shows the document's keys when it is a metabase; other documents leave the tree as it was. */
  async follow(document: vscode.TextDocument): Promise<void> {
    await this.followUri(document.uri);
  }

  /** The same by URI, for a file the server reads from disk (VS Code shares no text editor for it). */
  async followUri(uri: vscode.Uri): Promise<void> {
    const top = await this.request(uri, null, 0);
    if ((top && top.total > 0) || uri.toString() === this.documentUri?.toString()) this.show(uri, top);
  }

  /** Loads the top again; VS Code then asks again for the levels still expanded, which load again as asked. */
  async refresh(): Promise<void> {
    if (this.documentUri) this.show(this.documentUri, await this.request(this.documentUri, null, 0));
    else { const doc = vscode.window.activeTextEditor?.document; if (doc) await this.follow(doc); }
  }

  private scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 500);
  }

  private async request(uri: vscode.Uri, location: string | null, start: number): Promise<KeyLevel | undefined> {
    const client = this.server.client;
    if (!client) return undefined;
    try {
      const params: KeyChildrenParams = { textDocument: { uri: uri.toString() }, location, start };
      const answer = await client.sendRequest<KeyChildrenResult | null>(KeyChildrenRequest, params);
      return answer ?? undefined;
    } catch (error) {
      this.server.output.warn(`keyChildren failed: ${String(error)}`);
      return undefined;
    }
  }

  private show(uri: vscode.Uri | undefined, top: KeyLevel | undefined): void {
    const shown = top !== undefined && top.total > 0;
    if (uri?.toString() !== this.documentUri?.toString() || !shown) this.loaded = new Map();
    this.documentUri = shown ? uri : undefined;
    this.levels = new Map();
    this.locations = new Map([[rootId, null]]);
    if (shown) this.levels.set(rootId, top);
    void vscode.commands.executeCommand('setContext', 'smtpLsp.explorerVisible', shown);
    this.view.description = this.documentUri ? vscode.workspace.asRelativePath(this.documentUri) : undefined;
    this.changed.fire();
  }

  private async loadMore(item: MoreItem): Promise<void> {
    const level = this.levels.get(item.parentId);
    const uri = this.documentUri;
    if (!level || !uri) return;
    const next = await this.request(uri, this.locations.get(item.parentId) ?? null, level.keys.length);
    if (!next || uri !== this.documentUri || this.levels.get(item.parentId) !== level) return;
    this.levels.set(item.parentId, { keys: [...level.keys, ...next.keys], total: next.total });
    this.loaded.set(item.parentId, level.keys.length + next.keys.length);
    this.changed.fire();
  }

  getTreeItem(item: ExplorerItem): vscode.TreeItem {
    if (item.kind === 'more') {
      const more = new vscode.TreeItem(moreLabel(item), vscode.TreeItemCollapsibleState.None);
      more.id = item.id;
      more.tooltip = 'Load the next keys of this level (or find a key with Go to Symbol in Workspace, Ctrl+T)';
      more.iconPath = new vscode.ThemeIcon('ellipsis');
      more.command = { command: 'smtpLsp.explorer.loadMore', title: 'Load more keys', arguments: [item] };
      return more;
    }
    const tree = new vscode.TreeItem(item.label,
      item.childCount === 0 ? vscode.TreeItemCollapsibleState.None
        : item.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    tree.id = item.id;
    tree.description = item.keyType;
    tree.tooltip = `${item.location}\n${item.keyType}`;
    tree.iconPath = new vscode.ThemeIcon(item.icon);
    tree.accessibilityInformation = { label: `${item.location || item.label} (${item.keyType})` };
    tree.contextValue = 'metabaseKey';
    tree.command = { command: 'smtpLsp.revealKey', title: 'Show key', arguments: [item] };
    return tree;
  }

  async getChildren(item?: ExplorerItem): Promise<ExplorerItem[]> {
    const uri = this.documentUri;
    if (!uri || item?.kind === 'more') return [];
    const parentId = item ? item.id : rootId;
    let level = this.levels.get(parentId);
    if (!level) {
      const location = item ? item.location : null;
      this.locations.set(parentId, location);
      level = await this.request(uri, location, 0);
      // As many pages as the user had loaded before the refresh.
      while (level && level.keys.length < Math.min(level.total, this.loaded.get(parentId) ?? 0)) {
        const next = await this.request(uri, location, level.keys.length);
        if (!next || next.keys.length === 0) break;
        level = { keys: [...level.keys, ...next.keys], total: next.total };
      }
      if (!level || uri !== this.documentUri) return [];
      this.levels.set(parentId, level);
    }
    return levelItems(parentId, item ? item.depth + 1 : 0, level);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
    this.disposables.forEach(d => d.dispose());
  }
}
