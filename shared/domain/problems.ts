import type { DomainCode } from '../messages/domain'
import type { Problem, ProblemParams } from './context'

/** JSON pointer (RFC 6901) for a path: `['members', 3, 'roles']` -> `/members/3/roles`. */
export function pointerOf(path: ReadonlyArray<string | number | symbol>): string {
  let out = ''
  for (const seg of path) out += '/' + String(seg).replace(/~/g, '~0').replace(/\//g, '~1')
  return out
}

/** A problem the domain produces: its code always has a message (type-checked). */
export interface DomainProblem extends Problem {
  code: DomainCode
}

/** Collects problems and counts the checks that ran. */
export class Collector {
  readonly problems: DomainProblem[] = []
  checks = 0

  /** Counts one check; returns true when it failed (so: `if (c.fails(ok)) c.error(...)`). */
  fails(ok: boolean): boolean {
    this.checks++
    return !ok
  }

  error(pointer: string, ruleId: string, code: DomainCode, params: ProblemParams = {}): void {
    this.problems.push({ ruleId, pointer, severity: 'error', code, params })
  }

  warn(pointer: string, ruleId: string, code: DomainCode, params: ProblemParams = {}): void {
    this.problems.push({ ruleId, pointer, severity: 'warning', code, params })
  }
}

/** Shortens a value for a message parameter so a huge input can't flood the UI. */
export function clip(value: string, max = 80): string {
  return value.length <= max ? value : value.slice(0, max) + '…'
}
