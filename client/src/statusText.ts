// The status bar item's text and tooltip from the server state and the catalog it logged at start.

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

const catalogPrefix = /^catalog:\s*(.+)$/;

/** The catalog description from a server log line "catalog: <description>", else undefined. */
export function catalogFromLog(message: string): string | undefined {
  const match = catalogPrefix.exec(message.trim());
  return match ? match[1].trim() : undefined;
}

export function statusText(state: ServerState, catalog: string | undefined): { text: string; tooltip: string } {
  const icon = { starting: '$(sync~spin)', running: '$(check)', stopped: '$(circle-slash)', failed: '$(error)' }[state];
  const tooltip = `SmtpLsp server: ${state}` + (catalog ? `\nCatalog: ${catalog}` : '') + '\nClick to show the output.';
  const shortCatalog = catalog && catalog.length > 32 ? `${catalog.slice(0, 31)}…` : catalog;
  return { text: `${icon} Metabase` + (shortCatalog ? `: ${shortCatalog}` : ''), tooltip };
}

/**
 * What the status bar says before the server names its catalog. The server logs "catalog: …" only when it loads
 * one, and with no schemaPath it may serve the embedded catalog without saying so.
 */
export function expectedCatalog(schemaPath: string): string {
  if (schemaPath === '') return 'embedded IIS 6 catalog';
  const name = schemaPath.split(/[\\/]/).pop() || schemaPath;
  return `${name} (loading)`;
}
