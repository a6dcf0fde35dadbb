import type { Ctx } from '../core'

/** One ROA operation: method + path pattern (named groups are path parameters) -> handler. */
export interface Route {
  method: string
  path: RegExp
  action: string
  /** Changes state (the state file is saved after it). */
  mutating: boolean
  /** Returns the answer body without RequestId. */
  handle(ctx: Ctx): unknown
}
