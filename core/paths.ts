import os from 'node:os'
import path from 'node:path'

/** The data folder's name under the OS's application-data folder, for the app and the CLI alike. */
export const APP_DIR_NAME = 'pai-workspace-admin'

/** What the data folder depends on: nothing else (a pure function, tested for the three OSes). */
export interface DataDirInput {
  /** `--data-dir` (the CLI, the harness, the app). */
  explicit?: string | undefined
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
  /** The user's home folder. */
  home: string
  /** The working folder a relative `--data-dir` or PAI_ADMIN_DATA_DIR is taken from. */
  cwd: string
}

/**
 * THE data folder of the app and the CLI (one function for both: the Electron shell sets its `userData` from it
 * before anything opens): `--data-dir`, else PAI_ADMIN_DATA_DIR, else `pai-workspace-admin` in the OS's
 * application-data folder: %APPDATA% on Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME (else
 * ~/.config) elsewhere, the folders Electron uses for `appData`.
 */
export function dataDirFor(i: DataDirInput): string {
  const p = i.platform === 'win32' ? path.win32 : path.posix
  const given = i.explicit || i.env.PAI_ADMIN_DATA_DIR
  if (given) return p.resolve(i.cwd, given)
  switch (i.platform) {
    case 'win32':
      return p.join(i.env.APPDATA || p.join(i.home, 'AppData', 'Roaming'), APP_DIR_NAME)
    case 'darwin':
      return p.join(i.home, 'Library', 'Application Support', APP_DIR_NAME)
    default:
      return p.join(
        i.env.XDG_CONFIG_HOME && p.isAbsolute(i.env.XDG_CONFIG_HOME)
          ? i.env.XDG_CONFIG_HOME
          : p.join(i.home, '.config'),
        APP_DIR_NAME,
      )
  }
}

/**
 * The keychain service name the front doors use: PAI_ADMIN_KEYCHAIN_SERVICE when set (the tests set it, so a
 * CLI or harness they start never touches the app's entries), else undefined (the app's own name).
 */
export function resolveKeychainService(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.PAI_ADMIN_KEYCHAIN_SERVICE || undefined
}

/** The data folder of this process (see dataDirFor). */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return dataDirFor({ explicit, env, platform: process.platform, home: os.homedir(), cwd: process.cwd() })
}

export function logDirFor(dataDir: string): string {
  return path.join(dataDir, 'logs')
}
