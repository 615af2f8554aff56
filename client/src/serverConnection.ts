// Owns the language client: starts the server found by the locator, restarts it a bounded number of times after
// crashes, feeds the status bar, and logs the server's messages (noting the catalog it announces).
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  CloseAction, DidChangeConfigurationNotification, ErrorAction, LanguageClient, LogMessageNotification, MessageType, State,
  type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';
import { isLaunchError, locateServer } from './serverLocator';
import { toServerSettings, type ClientSettings } from './settings';
import { catalogFromLog, expectedCatalog, statusText, type ServerState } from './statusText';

export class ServerConnection implements vscode.Disposable {
  private languageClient: LanguageClient | undefined;
  private readonly policy = new RestartPolicy();
  private readonly status: vscode.StatusBarItem;
  private readonly ready = new vscode.EventEmitter<LanguageClient>();
  private catalog: string | undefined;
  private state: ServerState = 'stopped';

  /** Fires each time a (re)started server is ready for requests. */
  readonly onReady = this.ready.event;

  constructor(
    private readonly extensionPath: string,
    readonly output: vscode.LogOutputChannel,
    private settings: ClientSettings,
  ) {
    this.status = vscode.window.createStatusBarItem('smtpLsp.status', vscode.StatusBarAlignment.Right, 100);
    this.status.name = 'SmtpLsp';
    this.status.command = 'smtpLsp.showOutput';
    // Shown once the server starts: the extension is active in every window (see extension.ts), most without XML.
  }

  get client(): LanguageClient | undefined {
    return this.languageClient?.state === State.Running ? this.languageClient : undefined;
  }

  private setState(state: ServerState): void {
    this.state = state;
    const { text, tooltip } = statusText(state, this.catalog);
    this.status.text = text;
    this.status.tooltip = tooltip;
    this.status.show();
  }

  async start(): Promise<void> {
    const launch = locateServer({
      configuredPath: this.settings.serverPath, extensionPath: this.extensionPath,
      platform: process.platform, arch: process.arch, exists: file => fs.existsSync(file),
    });
    if (isLaunchError(launch)) {
      this.output.error(launch.error);
      this.setState('failed');
      void vscode.window.showErrorMessage(launch.error, 'Open Settings').then(choice => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'smtpLsp.server.path');
      });
      return;
    }
    this.output.info(`starting ${launch.description}`);
    this.catalog = expectedCatalog(this.settings.schemaPath);
    ensureExecutable(launch.command);
    const serverOptions: ServerOptions = { command: launch.command, args: launch.args };
    const clientOptions: LanguageClientOptions = {
      // The server decides by content; these are the documents worth asking about.
      documentSelector: [
        { scheme: 'file', language: 'xml' }, { scheme: 'untitled', language: 'xml' },
        { scheme: 'file', pattern: '**/{MetaBase,metabase,Metabase}*.xml' },
      ],
      initializationOptions: toServerSettings(this.settings),
      outputChannel: this.output,
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => {
          if (this.policy.recordCrash(Date.now()) === 'restart') {
            this.output.warn('the server stopped; restarting it');
            return { action: CloseAction.Restart };
          }
          this.setState('failed');
          return {
            action: CloseAction.DoNotRestart,
            message: 'The SmtpLsp server stopped 5 times in 3 minutes and will not be restarted. See the "SmtpLsp" output, then run "Metabase: Restart server".',
          };
        },
      },
    };
    const client = new LanguageClient('smtpLsp', 'SmtpLsp', serverOptions, clientOptions);
    this.languageClient = client;
    client.onDidChangeState(e => {
      if (e.newState === State.Starting) this.setState('starting');
      else if (e.newState === State.Running) { this.setState('running'); this.ready.fire(client); }
      else if (this.state !== 'failed') this.setState('stopped');
    });
    // Replaces the client's own logMessage handler, so the catalog line can be read on the way to the output.
    client.onNotification(LogMessageNotification.type, message => {
      const catalog = catalogFromLog(message.message);
      if (catalog) { this.catalog = catalog; this.setState(this.state); }
      switch (message.type) {
        case MessageType.Error: this.output.error(message.message); break;
        case MessageType.Warning: this.output.warn(message.message); break;
        case MessageType.Info: this.output.info(message.message); break;
        default: this.output.debug(message.message);
      }
    });
    try {
      await client.start();
    } catch (error) {
      this.setState('failed');
      this.output.error(`the server did not start: ${String(error)}`);
      void vscode.window.showErrorMessage(`SmtpLsp: the server did not start (${launch.description}). See the "SmtpLsp" output.`);
    }
  }

  async restart(): Promise<void> {
    this.policy.reset();
    const old = this.languageClient;
    this.languageClient = undefined;
    this.catalog = undefined;
    if (old) await old.stop().catch(() => undefined);
    await this.start();
  }

  async updateSettings(settings: ClientSettings): Promise<void> {
    if (settings.schemaPath !== this.settings.schemaPath) { this.catalog = expectedCatalog(settings.schemaPath); if (this.languageClient) this.setState(this.state); }
    this.settings = settings;
    await this.client?.sendNotification(DidChangeConfigurationNotification.type, { settings: { smtpLsp: toServerSettings(settings) } });
  }

  async dispose(): Promise<void> {
    this.status.dispose();
    this.ready.dispose();
    await this.languageClient?.stop().catch(() => undefined);
  }
}

/** A .vsix is a zip, and not every installer keeps the executable bit of the bundled binary. */
function ensureExecutable(command: string): void {
  if (process.platform === 'win32' || !command.includes('server-bin')) return;
  try { fs.accessSync(command, fs.constants.X_OK); } catch { try { fs.chmodSync(command, 0o755); } catch { /* the spawn error says more */ } }
}
