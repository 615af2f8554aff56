import test from 'node:test';
import assert from 'node:assert/strict';
import { isLaunchError, locateServer, runtimeIdentifier, type LocatorInput } from '../src/serverLocator';

const base = (files: string[], extra: Partial<LocatorInput> = {}): LocatorInput =>
  ({ configuredPath: '', extensionPath: '/ext', platform: 'linux', arch: 'x64', exists: f => files.includes(f), ...extra });

test('LocateServer_BundledNativeForPlatform_RunsIt', () => {
  const launch = locateServer(base(['/ext/server-bin/linux-x64/smtplsp', '/ext/server-bin/dotnet/smtplsp.dll']));
  assert.ok(!isLaunchError(launch));
  assert.equal(launch.command, '/ext/server-bin/linux-x64/smtplsp');
  assert.deepEqual(launch.args, ['--stdio']);
});

test('LocateServer_NoNativeForPlatform_FallsBackToBundledDll', () => {
  const launch = locateServer(base(['/ext/server-bin/linux-x64/smtplsp', '/ext/server-bin/dotnet/smtplsp.dll'], { platform: 'darwin', arch: 'arm64' }));
  assert.ok(!isLaunchError(launch));
  assert.equal(launch.command, 'dotnet');
  assert.deepEqual(launch.args, ['/ext/server-bin/dotnet/smtplsp.dll', '--stdio']);
});

test('LocateServer_ConfiguredDll_RunsWithDotnet', () => {
  const launch = locateServer(base(['/opt/smtplsp.dll'], { configuredPath: '/opt/smtplsp.dll' }));
  assert.ok(!isLaunchError(launch));
  assert.equal(launch.command, 'dotnet');
});

test('LocateServer_ConfiguredPathMissing_ErrorNamesTheSetting', () => {
  const launch = locateServer(base(['/ext/server-bin/linux-x64/smtplsp'], { configuredPath: '/nope/smtplsp' }));
  assert.ok(isLaunchError(launch));
  assert.match(launch.error, /smtpLsp\.server\.path/);
});

test('LocateServer_NothingFits_ErrorSaysWhatIsMissing', () => {
  const launch = locateServer(base([], { platform: 'win32', arch: 'x64' }));
  assert.ok(isLaunchError(launch));
  assert.match(launch.error, /win-x64/);
  assert.match(launch.error, /\.NET 10 runtime/);
});

test('RuntimeIdentifier_KnownAndUnknownPlatforms', () => {
  assert.equal(runtimeIdentifier('linux', 'x64'), 'linux-x64');
  assert.equal(runtimeIdentifier('win32', 'arm64'), 'win-arm64');
  assert.equal(runtimeIdentifier('darwin', 'x64'), 'osx-x64');
  assert.equal(runtimeIdentifier('aix', 'ppc64'), undefined);
});
