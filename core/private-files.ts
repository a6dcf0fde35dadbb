import fs from 'node:fs'

/**
 * The data directory holds AccessKey IDs, webhook tokens, drafts and logs: only its owner may read it. Folders are
 * 0700 and files 0600 whatever the umask, and existing ones are tightened when opened.
 *
 * POSIX only: on Windows, modes are not permissions (Node's chmod only toggles the read-only flag); there the data
 * lives under the user's profile (%APPDATA%), whose ACL already gives access to that user (and SYSTEM and
 * administrators) only, and new files inherit it.
 */
const POSIX = process.platform !== 'win32'
export const DIR_MODE = 0o700
export const FILE_MODE = 0o600

/** Creates the folder (and its parents) if needed, and makes it 0700. */
export function privateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE })
  if (POSIX && (fs.statSync(dir).mode & 0o777) !== DIR_MODE) fs.chmodSync(dir, DIR_MODE)
}

/** Creates the file empty if it does not exist (0600 from the start), else makes it 0600. */
export function privateFile(file: string): void {
  const fd = fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_RDWR, FILE_MODE)
  try {
    if (POSIX && (fs.fstatSync(fd).mode & 0o777) !== FILE_MODE) fs.fchmodSync(fd, FILE_MODE)
  } finally {
    fs.closeSync(fd)
  }
}

/** Makes an existing file 0600 (a missing one is left missing). */
export function tightenFile(file: string): void {
  if (!POSIX) return
  try {
    if ((fs.statSync(file).mode & 0o777) !== FILE_MODE) fs.chmodSync(file, FILE_MODE)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
}
