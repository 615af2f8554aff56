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

/** Asks the server for the edit that stores `value` and applies it. Resolves false when VS Code refused the edit. */
export async function setPropertyValue(server: ServerConnection, document: vscode.TextDocument, location: string, property: string, value: string): Promise<boolean> {
  const client = server.client;
  if (!client) throw new Error('the SmtpLsp server is not running');
  const params: SetPropertyValueParams = { textDocument: { uri: document.uri.toString(), version: document.version }, location, property, value };
  const edit = await client.sendRequest<LspWorkspaceEdit | null>(SetPropertyValueRequest, params);
  if (!edit) return false;
  return await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'object' && error && 'message' in error ? String((error as { message: unknown }).message) : String(error);
}
