import type { Command } from 'commander'
import type { Session } from '../session'

/**
 * Wraps a command's action: commander passes the arguments and options, then the command; the action gets the
 * session first and loads its module (and through it the core) only when it runs.
 */
export type Act = (
  load: (s: Session, ...args: never[]) => Promise<void>,
) => (this: Command, ...args: unknown[]) => Promise<void>
