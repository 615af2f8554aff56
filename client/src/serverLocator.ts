// Decides how to start the server: the user's path, the native binary bundled for this platform, or the bundled
// framework-dependent dll under `dotnet`. Pure (file checks are passed in) so every branch is testable.
import * as path from 'node:path';

export interface ServerLaunch { command: string; args: string[]; description: string }
export interface ServerLaunchError { error: string }

export interface LocatorInput {
  configuredPath: string;
  extensionPath: string;
  platform: string; // process.platform
  arch: string;     // process.arch
  exists: (file: string) => boolean;
}

/** The .NET runtime identifier the bundled folder is named after, or undefined for an unknown platform. */
export function runtimeIdentifier(platform: string, arch: string): string | undefined {
  const os = platform === 'win32' ? 'win' : platform === 'darwin' ? 'osx' : platform === 'linux' ? 'linux' : undefined;
  const cpu = arch === 'x64' ? 'x64' : arch === 'arm64' ? 'arm64' : undefined;
  return os && cpu ? `${os}-${cpu}` : undefined;
}

function launchFor(file: string, description: string): ServerLaunch {
  return file.toLowerCase().endsWith('.dll')
    ? { command: 'dotnet', args: [file, '--stdio'], description: `${description} (dotnet ${file})` }
    : { command: file, args: ['--stdio'], description: `${description} (${file})` };
}

export function locateServer(input: LocatorInput): ServerLaunch | ServerLaunchError {
  if (input.configuredPath !== '') {
    if (!input.exists(input.configuredPath)) {
      return { error: `smtpLsp.server.path is "${input.configuredPath}", but no file is there. Point it at a native smtplsp executable or at smtplsp.dll.` };
    }
    return launchFor(input.configuredPath, 'configured server');
  }
  const rid = runtimeIdentifier(input.platform, input.arch);
  if (rid) {
    const exe = path.join(input.extensionPath, 'server-bin', rid, input.platform === 'win32' ? 'smtplsp.exe' : 'smtplsp');
    if (input.exists(exe)) return launchFor(exe, `bundled native server for ${rid}`);
  }
  const dll = path.join(input.extensionPath, 'server-bin', 'dotnet', 'smtplsp.dll');
  if (input.exists(dll)) return launchFor(dll, 'bundled framework-dependent server');
  return {
    error: `This extension has no SmtpLsp server for ${rid ?? `${input.platform}-${input.arch}`}: it bundles a native one for linux-x64 only, `
      + 'and the framework-dependent smtplsp.dll is missing too. Install the .NET 10 runtime and set smtpLsp.server.path to a smtplsp.dll '
      + '(dotnet publish server/SmtpLsp.Server -c Release), or build a native one (dotnet publish server/SmtpLsp.Server -c Release -r <rid> -p:PublishAot=true).',
  };
}

export function isLaunchError(x: ServerLaunch | ServerLaunchError): x is ServerLaunchError {
  return 'error' in x;
}
