// Navigation rules for the window: our page only; http(s) links open in the system browser.
export function isOwnPage(url: string, devServerUrl: string | undefined): boolean {
  if (devServerUrl) return url.startsWith(devServerUrl);
  return url.startsWith('file://') && url.includes('/renderer/index.html');
}

export function isExternalWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: true,
} as const;
