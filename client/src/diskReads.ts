// Which files shown in the editor the server reads from disk. VS Code shares no document over 50 MiB characters with
// extensions (TextModel._MODEL_SYNC_LIMIT, VS Code 1.100), so a language client never sends didOpen for a large
// MetaBase.xml open in a tab, and the server would never hear of it (docs/protocol.md, smtpLsp/openFromDisk).

/** VS Code's limit in UTF-16 characters. A file holds at least one byte per character (UTF-8) or two (UTF-16). */
export const syncLimitChars = 50 * 1024 * 1024;

/** A text tab: its document's URI (as a string), whether that is a file: URI, and whether it is its group's active tab. */
export interface ShownFile {
  uri: string;
  isFile: boolean;
  active: boolean;
}

/** XML by name, as the extension's document selector has it (MetaBase.xml, metabase-backup.xml, …). */
export function isXmlName(uri: string): boolean {
  return /\.xml$/i.test(uri.split(/[?#]/)[0]);
}

/**
 * The files worth a look: XML files in the active tab of a group that VS Code does not sync and that were not read
 * yet. A tab in the background may just not be loaded yet, as VS Code loads a document when its tab is shown.
 */
export function filesToConsider(shown: readonly ShownFile[], synced: ReadonlySet<string>, read: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const file of shown) {
    if (file.active && file.isFile && isXmlName(file.uri) && !synced.has(file.uri) && !read.has(file.uri)) found.add(file.uri);
  }
  return [...found];
}

/** True when a file of this many bytes may hold more characters than VS Code syncs; smaller ones it syncs once shown. */
export function mayBeOverSyncLimit(bytes: number): boolean {
  return bytes > syncLimitChars;
}

/** The files read earlier that no tab shows any more, or that VS Code now syncs itself: the server forgets those. */
export function filesToForget(shown: readonly ShownFile[], synced: ReadonlySet<string>, read: ReadonlySet<string>): { close: string[]; synced: string[] } {
  const inTabs = new Set(shown.map(file => file.uri));
  const close: string[] = [];
  const nowSynced: string[] = [];
  for (const uri of read) {
    if (synced.has(uri)) nowSynced.push(uri);
    else if (!inTabs.has(uri)) close.push(uri);
  }
  return { close, synced: nowSynced };
}
