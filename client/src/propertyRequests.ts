// The two custom requests, plus applying the server's minimal edit as an ordinary, undoable workspace edit.
import * as vscode from 'vscode';
import type { WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageclient/node';
import {
  EffectivePropertiesRequest, SetPropertyValueRequest,
  type EffectiveProperties, type EffectivePropertiesParams, type Position, type SetPropertyValueParams,
} from './protocol';
import type { ServerConnection } from './serverConnection';

/** The sheet of the key at `location`, or of the key whose element holds a position; null when there is none. */
export async function fetchEffectiveProperties(server: ServerConnection, uri: vscode.Uri, key: string | Position): Promise<EffectiveProperties | null> {
  const client = server.client;
  if (!client) throw new Error('the SmtpLsp server is not running');
  const textDocument = { uri: uri.toString() };
  const params: EffectivePropertiesParams = typeof key === 'string' ? { textDocument, location: key } : { textDocument, position: key };
  return await client.sendRequest<EffectiveProperties | null>(EffectivePropertiesRequest, params);
}

/**
 * Asks the server for the edit that stores `value` and applies it. Resolves false when VS Code refused the edit.
 * `version` is the one the value was chosen from (a sheet shown earlier): the server refuses the edit with
 * ContentModified when the text has changed since, rather than undo what was typed meanwhile.
 */
export async function setPropertyValue(server: ServerConnection, document: vscode.TextDocument, location: string, property: string, value: string,
  version: number = document.version): Promise<boolean> {
  const client = server.client;
  if (!client) throw new Error('the SmtpLsp server is not running');
  // Checked here too, before and after asking: the server may not have the latest keystroke yet, and the edit it
  // sends is placed by offsets in the text it had.
  const stale = () => Object.assign(new Error('the text changed since the value was chosen; nothing was written: run the command again'), { code: contentModified });
  if (document.version !== version) throw stale();
  const params: SetPropertyValueParams = { textDocument: { uri: document.uri.toString(), version }, location, property, value };
  const edit = await client.sendRequest<LspWorkspaceEdit | null>(SetPropertyValueRequest, params);
  if (!edit) return false;
  if (document.version !== version) throw stale();
  // Through the document's editor when one shows it: VS Code then applies the edit only if the text in the editor is
  // still the version the extension saw, whereas a keystroke still on its way to the extension would be overwritten.
  const editor = vscode.window.visibleTextEditors.find(e => e.document === document);
  const edits = edit.changes?.[document.uri.toString()];
  if (editor && edits && Object.keys(edit.changes ?? {}).length === 1 && !edit.documentChanges) {
    const converted = await client.protocol2CodeConverter.asTextEdits(edits);
    if (await editor.edit(builder => { for (const e of converted ?? []) builder.replace(e.range, e.newText); })) return true;
    if (document.version !== version) throw stale();
    return false;
  }
  return await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
}

/** LSP's ContentModified: the text changed after the request's version. */
export const contentModified = -32801;

export function errorCode(error: unknown): number | undefined {
  return typeof error === 'object' && error && 'code' in error && typeof (error as { code: unknown }).code === 'number' ? (error as { code: number }).code : undefined;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'object' && error && 'message' in error ? String((error as { message: unknown }).message) : String(error);
}
