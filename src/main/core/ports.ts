// The side-effecting dependencies core is given: secrets, OS notifications, and the process's place.

/** Stores secrets (refresh tokens) encrypted at rest. */
export interface Vault {
  /** 'os' when the OS keychain protects the key; 'weak' when it does not (e.g. Linux basic_text). */
  readonly protection: 'os' | 'weak';
  get(key: string): Promise<string | null>;
  set(key: string, secret: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface Notification {
  title: string;
  body: string;
  /** What clicking it opens, e.g. { kind: 'queue-item', id: 12 }. */
  target?: { kind: string; id?: number };
}

/** OS notifications in the app; in-app toasts in the harness. */
export interface Notifier {
  notify(notification: Notification): void;
}

export interface Environment {
  appName: string;
  version: string;
  dataDir: string;
  transport: 'ipc' | 'http';
  /** Test-only controls (such as moving the clock) are refused unless this is set. */
  testMode: boolean;
  systemTimeZone: string;
  /**
   * The folder of the built worker entries (out/main: importWorker.js, checkpointWorker.js, indexWorker.js). Without
   * them imports read, normalise and build their indexes on the main thread, and SQLite checkpoints its log on the
   * committing connection.
   */
  workersDir?: string;
}

/** Hands a URI to the operating system (a call link such as tel:+14155550100); never used for web pages. */
export interface CallLauncher {
  openExternal(uri: string): Promise<void>;
  /** Test mode in the harness: every URI asked for, in order (nothing is opened for real). */
  requested?(): readonly string[];
}
