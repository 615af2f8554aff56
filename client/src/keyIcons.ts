// A codicon per IIS key type, so the explorer reads like the IIS Manager scope pane.

const byKeyType: Record<string, string> = {
  iis_global: 'settings-gear',
  iis_root: 'root-folder',
  iiscomputer: 'vm',
  iismimemap: 'file-media',
  iissmtpservice: 'mail',
  iissmtpserver: 'server',
  iissmtpvirtualdir: 'folder',
  iissmtpdomain: 'globe',
  iissmtpsessions: 'account',
  iissmtpalias: 'mention',
  iissmtproutingsource: 'type-hierarchy',
  iiswebservice: 'cloud',
  iiswebserver: 'server-environment',
  iiswebvirtualdir: 'folder-library',
  iiswebdirectory: 'folder',
  iiswebfile: 'file',
  iisfilters: 'filter',
  iisfilter: 'filter',
  iislogmodules: 'output',
  iislogmodule: 'output',
  iisapplicationpools: 'layers',
  iisapplicationpool: 'layers',
  iiscertmapper: 'key',
  iisftpservice: 'cloud-upload',
  iisftpserver: 'server-process',
  iisftpvirtualdir: 'folder',
  iisnntpservice: 'comment-discussion',
  iisnntpserver: 'server-process',
  iispop3service: 'inbox',
  iisimapservice: 'inbox',
};

export const defaultKeyIcon = 'symbol-namespace';

export function iconForKeyType(keyType: string): string {
  if (!keyType) return defaultKeyIcon;
  return byKeyType[keyType.toLowerCase()] ?? defaultKeyIcon;
}
