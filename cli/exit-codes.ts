/**
 * Exit codes of pai-admin (documented in docs/cli.md):
 * 0 success; 1 invalid input or a plan with refused actions; 2 usage error;
 * 3 cloud, authentication, permission or keychain error; 4 conflict.
 */
export const EXIT = { ok: 0, invalid: 1, usage: 2, cloud: 3, conflict: 4 } as const
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** The exit code for an error code of the core. */
export function exitCodeFor(code: string): ExitCode {
  if (/CONFLICT|STALE|ALREADY_EXISTS/.test(code)) return EXIT.conflict
  if (code === 'CLI_USAGE' || code === 'VALIDATION') return EXIT.usage
  if (/^(CLOUD_|KEYCHAIN|DINGTALK_|SYNC_OFFLINE|SYNC_AUTH)/.test(code) || code === 'PROFILE_NO_SECRET')
    return EXIT.cloud
  return EXIT.invalid
}

/** An error the CLI raises itself, with its exit code. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, unknown> = {},
    readonly exitCode: ExitCode = exitCodeFor(code),
    /** The rule the input breaks, when there is one (shown as `[D2]`). */
    readonly ruleId?: string,
  ) {
    super(code)
    this.name = 'CliError'
  }
}

/** The result was printed already; only the exit code is left to set. */
export class ExitWith extends Error {
  constructor(readonly exitCode: ExitCode) {
    super(`exit ${exitCode}`)
    this.name = 'ExitWith'
  }
}
