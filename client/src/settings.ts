// Maps the user's smtpLsp.* settings to what the server reads (initializationOptions and didChangeConfiguration).

export type ForceMetabase = boolean | string[];
export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface ClientSettings {
  serverPath: string;
  trace: TraceLevel;
  schemaPath: string;
  inlayHints: boolean;
  exchangeHints: boolean;
  diagnosticsDebounceMs: number;
  forceMetabase: ForceMetabase;
  maxDocumentSizeForFullAnalysis: number;
}

/** The section the server reads; its keys are the server's own (ServerSettingsReader). */
export interface ServerSettingsPayload {
  schemaPath: string | null;
  exchangeHints: boolean;
  inlayHints: boolean;
  diagnosticsDebounceMs: number;
  forceMetabase: ForceMetabase;
  maxDocumentSizeForFullAnalysis: number;
}

export const defaultSettings: ClientSettings = {
  serverPath: '',
  trace: 'off',
  schemaPath: '',
  inlayHints: true,
  exchangeHints: true,
  diagnosticsDebounceMs: 300,
  forceMetabase: false,
  maxDocumentSizeForFullAnalysis: 64 * 1024 * 1024, // the server's own default
};

/** Reads settings through a getter (VS Code's configuration, or a plain object in tests); bad values fall back. */
export function readSettings(get: (key: string) => unknown): ClientSettings {
  const str = (key: string, fallback: string) => { const v = get(key); return typeof v === 'string' ? v.trim() : fallback; };
  const bool = (key: string, fallback: boolean) => { const v = get(key); return typeof v === 'boolean' ? v : fallback; };
  const trace = get('trace.server');
  const debounce = get('diagnosticsDebounceMs');
  const force = get('forceMetabase');
  const maxSize = get('maxDocumentSizeForFullAnalysis');
  return {
    serverPath: str('server.path', defaultSettings.serverPath),
    trace: trace === 'messages' || trace === 'verbose' ? trace : 'off',
    schemaPath: str('schemaPath', defaultSettings.schemaPath),
    inlayHints: bool('inlayHints', defaultSettings.inlayHints),
    exchangeHints: bool('exchangeHints', defaultSettings.exchangeHints),
    diagnosticsDebounceMs: typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0
      ? Math.min(Math.round(debounce), 60000) : defaultSettings.diagnosticsDebounceMs,
    forceMetabase: typeof force === 'boolean' ? force
      : Array.isArray(force) ? force.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : false,
    maxDocumentSizeForFullAnalysis: typeof maxSize === 'number' && Number.isInteger(maxSize) && maxSize > 0
      ? Math.min(maxSize, 2 ** 31 - 1) : defaultSettings.maxDocumentSizeForFullAnalysis,
  };
}

export function toServerSettings(settings: ClientSettings): ServerSettingsPayload {
  return {
    schemaPath: settings.schemaPath === '' ? null : settings.schemaPath,
    exchangeHints: settings.exchangeHints,
    inlayHints: settings.inlayHints,
    diagnosticsDebounceMs: settings.diagnosticsDebounceMs,
    forceMetabase: settings.forceMetabase,
    maxDocumentSizeForFullAnalysis: settings.maxDocumentSizeForFullAnalysis,
  };
}

/** Settings whose change needs a new server process rather than a didChangeConfiguration. */
export function needsRestart(before: ClientSettings, after: ClientSettings): boolean {
  return before.serverPath !== after.serverPath;
}

/**
 * The forceMetabase value after "Treat this file as a metabase". `true` already covers every file. VS Code's
 * Uri.toString() percent-encodes `*` and `?`, so the URI is a glob that matches only itself.
 */
export function addForcedUri(current: ForceMetabase, uri: string): ForceMetabase {
  if (current === true) return true;
  const list = Array.isArray(current) ? current : [];
  return list.includes(uri) ? list : [...list, uri];
}
