import type { ConfigChange } from '../bundle/diff'
import type { Locale } from '../locale'
import {
  ENV_NAMES,
  LEVEL_NAMES,
  MODULE_NAMES,
  RESOURCE_KIND_NAMES,
  TARGET_TYPE_NAMES,
  TIMEOUT_KIND_NAMES,
  nameOf,
} from './names'
import { fieldName, formatValue, listOf, roleName } from './values'

/**
 * One difference of the bundle import preview (`members[2788…].roles`, `storage.defaultPath`…) as a row in the
 * user's language with the console's names, like the plan's rows: "修改 成员 2788… 的角色:访客 → 算法开发".
 */

type Step = string | { key: string }

function stepsOf(path: string): Step[] {
  const out: Step[] = []
  for (const m of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) out.push(m[2] !== undefined ? { key: m[2] } : m[1]!)
  return out
}

const W = {
  'zh-CN': {
    add: '新增',
    remove: '删除',
    change: '修改',
    member: (id: string) => `成员 ${id}`,
    roles: (s: string) => `${s} 的角色`,
    customRole: (n: string) => `自定义角色「${n}」`,
    rule: (n: string) => `事件规则「${n}」`,
    of: (a: string, b: string) => `${a}的${b}`,
    passthrough: (k: string) => `控制台中设置的配置项「${k}」`,
    foreign: (n: string) => `控制台中创建的事件规则「${n}」`,
    workspace: '工作空间',
  },
  en: {
    add: 'add',
    remove: 'remove',
    change: 'change',
    member: (id: string) => `member ${id}`,
    roles: (s: string) => `roles of ${s}`,
    customRole: (n: string) => `custom role ${n}`,
    rule: (n: string) => `event rule ${n}`,
    of: (a: string, b: string) => `${b} of ${a}`,
    passthrough: (k: string) => `setting ${k} made in the console`,
    foreign: (n: string) => `event rule ${n} made in the console`,
    workspace: 'workspace',
  },
} as const

function targetOf(key: string, locale: Locale): string {
  const i = key.indexOf(':')
  const type = i < 0 ? key : key.slice(0, i)
  const to = i < 0 ? '' : key.slice(i + 1).replace(/(access_token=[^&]{4})[^&]*/, '$1…')
  return `${nameOf(TARGET_TYPE_NAMES, locale, type)} ${to}`.trim()
}

/** The changed thing named, and the field whose value formatting applies to before and after. */
function subjectOf(steps: Step[], locale: Locale): { subject: string; field: string } {
  const w = W[locale]
  const [head, second, ...rest] = steps
  const key = (s: Step | undefined): string => (typeof s === 'object' ? s.key : (s ?? ''))
  const last = rest.length ? key(rest[rest.length - 1]) : typeof second === 'string' ? second : ''
  switch (head) {
    case 'members': {
      const m = w.member(key(second))
      return last === 'roles' ? { subject: w.roles(m), field: 'roles' } : { subject: m, field: last }
    }
    case 'customRoles': {
      const r = w.customRole(key(second))
      const mod = rest[0] === 'permissions' && rest[1] ? key(rest[1]) : ''
      return mod ? { subject: w.of(r, nameOf(MODULE_NAMES, locale, mod)), field: 'level' } : { subject: r, field: last }
    }
    case 'resources': {
      const [kind = '', env = '', ...name] = key(second).split('/')
      const r = `${nameOf(RESOURCE_KIND_NAMES, locale, kind)} ${name.join('/')} (${nameOf(ENV_NAMES, locale, env)})`
      return rest.length ? { subject: w.of(r, fieldName(last, locale)), field: last } : { subject: r, field: '' }
    }
    case 'notifications': {
      if (second === 'rules' || second === 'foreignRules') {
        const name = key(rest[0])
        const rule = second === 'rules' ? w.rule(name) : w.foreign(name)
        if (rest[1] === 'targets' && rest[2]) return { subject: w.of(rule, targetOf(key(rest[2]), locale)), field: '' }
        const f = rest.length > 1 ? key(rest[rest.length - 1]) : ''
        return f ? { subject: w.of(rule, fieldName(f, locale)), field: f } : { subject: rule, field: '' }
      }
      return { subject: fieldName(last, locale), field: last }
    }
    case 'storage':
      return { subject: fieldName(second === 'defaultPath' ? 'defaultStorage' : 'designerPath', locale), field: '' }
    case 'scheduling': {
      const f = typeof second === 'string' ? second : ''
      if (f === 'timeouts' && rest[0]) {
        const unit = key(rest[1]) === 'minutes' ? 'maxRuntimeMinutes' : key(rest[1])
        return { subject: nameOf(TIMEOUT_KIND_NAMES, locale, key(rest[0])), field: unit }
      }
      return { subject: fieldName(f, locale), field: f }
    }
    case 'passthrough':
      return { subject: w.passthrough(key(rest[0])), field: '' }
    case 'basic':
    case 'switches':
    case 'sls':
      return { subject: fieldName(key(second), locale), field: key(second) }
    case undefined:
      return { subject: w.workspace, field: '' }
  }
  return { subject: steps.map(key).join('.'), field: '' }
}

function valueOf(field: string, v: unknown, locale: Locale): string {
  if (field === 'roles' && Array.isArray(v))
    return listOf(
      v.map((r) => roleName(String(r), locale)),
      locale,
    )
  if (field === 'level') return nameOf(LEVEL_NAMES, locale, String(v))
  return formatValue(field, v, locale)
}

export function describeConfigChange(c: ConfigChange, locale: Locale): string {
  const w = W[locale]
  const { subject, field } = subjectOf(stepsOf(c.path), locale)
  const colon = locale === 'zh-CN' ? ':' : ': '
  const scalar = (v: unknown): boolean => v === null || typeof v !== 'object' || (field !== '' && v !== undefined)
  const sp = locale === 'zh-CN' && !/^[A-Za-z]/.test(subject) ? '' : ' '
  if (c.op === 'change')
    return `${w.change}${sp}${subject}${colon}${valueOf(field, c.before, locale)} → ${valueOf(field, c.after, locale)}`
  const v = c.op === 'add' ? c.after : c.before
  const roles = v && typeof v === 'object' && Array.isArray((v as { roles?: unknown }).roles)
  if (roles) return `${w[c.op]}${sp}${subject}${colon}${valueOf('roles', (v as { roles: unknown[] }).roles, locale)}`
  const shown = c.path === '' ? String(v) : scalar(v) && v !== undefined ? `${colon}${valueOf(field, v, locale)}` : ''
  return c.path === '' ? `${w.add}${sp}${subject} ${shown}` : `${w[c.op]}${sp}${subject}${shown}`
}
