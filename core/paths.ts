import os from 'node:os'
import path from 'node:path'

export const APP_DIR_NAME = 'pai-workspace-admin'

/**
 * Where the data lives: `--data-dir`, else PAI_ADMIN_DATA_DIR, else the OS app-data folder
 * (the same folder Electron's app.getPath('userData') gives for this app).
 */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return path.resolve(explicit)
  if (env.PAI_ADMIN_DATA_DIR) return path.resolve(env.PAI_ADMIN_DATA_DIR)
  const home = os.homedir()
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME)
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_DIR_NAME)
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME)
  }
}

/**
 * The keychain service name the front doors use: PAI_ADMIN_KEYCHAIN_SERVICE when set (the tests set it, so a
 * CLI or harness they start never touches the app's entries), else undefined (the app's own name).
 */
export function resolveKeychainService(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.PAI_ADMIN_KEYCHAIN_SERVICE || undefined
}

export function logDirFor(dataDir: string): string {
  return path.join(dataDir, 'logs')
}
