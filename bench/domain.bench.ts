import os from 'node:os'
import { validate, type WorkspaceConfigInput, type ValidationContextInput } from '../shared/domain'
import { median, percentile, type Bench } from './types'

/** A large, valid workspace: 5,000 members, 50 custom roles, 200 notification rules. */
export function bigWorkspace(): WorkspaceConfigInput {
  const roles = [
    'PAI.AlgoDeveloper',
    'PAI.AlgoOperator',
    'PAI.LabelManager',
    'PAI.WorkspaceGuest',
    'PAI.WorkspaceAdmin',
  ] as const
  const customRoles = Array.from({ length: 50 }, (_, i) => ({
    roleId: `role-bench${i}`,
    name: `custom_role_${i}`,
    permissions: { DSW: 'ReadWrite', DLC: 'ReadOnly', Model: i % 2 ? 'FullAccess' : 'NoPrivilege' } as const,
  }))
  const members = Array.from({ length: 5000 }, (_, i) => ({
    userId: `2151392600${String(i).padStart(6, '0')}`,
    userName: `user${i}`,
    roles: i % 7 === 0 ? [roles[i % roles.length]!, `role-bench${i % 50}`] : [roles[i % roles.length]!],
  }))
  const rules = Array.from({ length: 200 }, (_, i) => ({
    name: `rule-${i}`,
    eventTypes:
      i % 2 ? ['dlc.jobProgress' as const, 'dlc.faultTolerance' as const] : ['model.versionApproved' as const],
    targets:
      i % 2
        ? [
            {
              type: 'dingtalk' as const,
              webhook: `https://oapi.dingtalk.com/robot/send?access_token=${'a'.repeat(64)}`,
              secretRef: `dingtalk/rule-${i}`,
            },
            { type: 'sms' as const, contacts: ['Alice', 'Tony'] },
            { type: 'email' as const, contacts: ['Alice', 'Alan'] },
          ]
        : [{ type: 'http' as const, url: `https://hooks.example.com/model/${i}` }],
  }))
  return {
    basic: { name: 'bench_workspace', description: 'Benchmark workspace', mode: 'standard' },
    members,
    customRoles,
    resources: [
      { kind: 'general', envType: 'prod', name: 'general_prod', isDefault: true },
      { kind: 'maxcompute', envType: 'dev', name: 'mc_dev' },
    ],
    scheduling: {
      maxRuntimeMinutes: 1440,
      jobPriorityLimits: [{ subjectType: 'role', subjectId: 'PAI.AlgoDeveloper', maxPriority: 6 }],
      timeouts: [{ kind: 'queue', minutes: 60 }],
    },
    notifications: { rules },
    storage: { defaultPath: 'oss://bench-bucket/pai/tmp/' },
    sls: { project: 'bench-project', logstore: 'pai_logs', modules: ['DSW', 'DLC'] },
  }
}

const bench: Bench = {
  title: 'Domain validation',
  async run() {
    const config = bigWorkspace()
    const ctx: ValidationContextInput = {
      region: 'cn-hangzhou',
      identity: { kind: 'ram', userId: '215139260000000', hasPaiFullAccess: true },
      identityRoles: ['PAI.WorkspaceAdmin'],
      knownWorkspaces: Array.from({ length: 500 }, (_, i) => ({
        name: `ws_${i}`,
        source: i % 3 ? ('pai' as const) : ('dataworks' as const),
      })),
    }
    const first = validate(config, ctx)
    if (!first.ok) throw new Error(`bench workspace should be valid: ${JSON.stringify(first.problems.slice(0, 3))}`)
    for (let i = 0; i < 30; i++) validate(config, ctx) // warm-up
    const times: number[] = []
    const cpu: number[] = []
    for (let i = 0; i < 200; i++) {
      const c0 = process.cpuUsage()
      const t = performance.now()
      validate(config, ctx)
      times.push(performance.now() - t)
      const c = process.cpuUsage(c0)
      cpu.push((c.user + c.system) / 1000)
    }
    const med = median(times)
    // The same workspace checked against its own previous cloud state (immutability, C2, M6).
    const prevCtx: ValidationContextInput = { ...ctx, previous: config }
    const prevTimes: number[] = []
    for (let i = 0; i < 100; i++) {
      const t = performance.now()
      validate(config, prevCtx)
      prevTimes.push(performance.now() - t)
    }
    return [
      {
        name: 'validate 5,000 members / 50 roles / 200 rules (median)',
        value: med,
        unit: 'ms',
        target: '< 5 ms',
        ok: med < 5,
      },
      { name: 'same, p95', value: percentile(times, 95), unit: 'ms' },
      { name: 'same, fastest run (uncontended cost)', value: Math.min(...times), unit: 'ms' },
      {
        name: 'same, median CPU time of the process',
        value: median(cpu),
        unit: 'ms',
        note: `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
      },
      { name: 'checks run per validation', value: first.checks, unit: 'checks' },
      {
        name: 'same, with previous cloud state (median)',
        value: median(prevTimes),
        unit: 'ms',
        note: 'context parse includes the previous state',
      },
    ]
  },
}
export default bench
