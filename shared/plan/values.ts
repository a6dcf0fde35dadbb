import type { Locale } from '../locale'
import { EVENT_TYPE_NAMES, FIELD_NAMES, ROLE_NAMES, TIMEOUT_KIND_NAMES, nameOf } from './names'

/** How a plan's values read for a person: the console's words and units, never JSON. */

const WORDS = {
  'zh-CN': {
    on: '开启',
    off: '关闭',
    none: '(未设置)',
    empty: '(空)',
    unlimited: '不限制',
    minutes: (n: unknown) => `${String(n)} 分钟`,
    simple: '简易模式',
    standard: '标准模式',
    all: '工作空间内全部',
    mine: '我创建的',
    disabled: '(停用)',
    member: '成员',
    sls: (p: string, l: string, m: string) => `Project ${p},LogStore ${l},转发模块 ${m}`,
    slsOff: '不转发',
    nonMembers: {
      allowed: '允许非成员使用资源',
      maxJobPriority: '任务最高优先级',
      maxInstancePriority: '实例最高优先级',
      maxRuntimeMinutes: '最长运行时长',
    },
  },
  en: {
    on: 'on',
    off: 'off',
    none: '(none)',
    empty: '(empty)',
    unlimited: 'no limit',
    minutes: (n: unknown) => `${String(n)} minutes`,
    simple: 'simple mode',
    standard: 'standard mode',
    all: 'everything in the workspace',
    mine: 'created by me',
    disabled: ' (off)',
    member: 'member',
    sls: (p: string, l: string, m: string) => `project ${p}, Logstore ${l}, modules ${m}`,
    slsOff: 'not forwarded',
    nonMembers: {
      allowed: 'non-members may use resources',
      maxJobPriority: 'highest job priority',
      maxInstancePriority: 'highest instance priority',
      maxRuntimeMinutes: 'maximum runtime',
    },
  },
} as const

/** A list for a sentence: `A、B` in Chinese, `A, B and C` in English. */
export function listOf(items: string[], locale: Locale): string {
  if (locale === 'zh-CN') return items.join('、')
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** A role by the console's name: built-in roles by name, `name:<custom role>` by the role's name, else as given. */
export function roleName(role: string, locale: Locale): string {
  return role.startsWith('name:') ? role.slice(5) : nameOf(ROLE_NAMES, locale, role)
}

const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}

/** One value of a field, for a person. */
export function formatValue(field: string, value: unknown, locale: Locale): string {
  const w = WORDS[locale]
  const list = (xs: unknown): string[] => (Array.isArray(xs) ? xs : [])
  if (value === null || value === undefined) return field === 'maxRuntimeMinutes' ? w.unlimited : w.none
  switch (field) {
    case 'maxRuntimeMinutes':
      return w.minutes(value)
    case 'mode':
      return value === 'standard' ? w.standard : w.simple
    case 'scope':
      return value === 'mine' ? w.mine : w.all
    case 'eventTypes':
      return (
        listOf(
          list(value).map((t) => nameOf(EVENT_TYPE_NAMES, locale, String(t))),
          locale,
        ) || w.none
      )
    case 'timeouts':
      return (
        listOf(
          list(value).map((t) => {
            const r = rec(t)
            return `${nameOf(TIMEOUT_KIND_NAMES, locale, String(r.kind))} ${w.minutes(r.minutes)}${r.enabled === false ? w.disabled : ''}`
          }),
          locale,
        ) || w.none
      )
    case 'jobPriorityLimits':
    case 'instancePriorityLimits':
      return (
        listOf(
          list(value).map((p) => {
            const r = rec(p)
            const who =
              r.subjectType === 'role' ? roleName(String(r.subjectId), locale) : `${w.member} ${String(r.subjectId)}`
            return `${who} ≤ ${String(r.maxPriority)}`
          }),
          locale,
        ) || w.none
      )
    case 'nonMembers': {
      const r = rec(value)
      const parts: string[] = []
      for (const k of ['allowed', 'maxJobPriority', 'maxInstancePriority', 'maxRuntimeMinutes'] as const)
        if (r[k] !== undefined)
          parts.push(`${w.nonMembers[k]} ${formatValue(k === 'allowed' ? 'enabled' : k, r[k], locale)}`)
      return parts.join(locale === 'zh-CN' ? ',' : ', ') || w.none
    }
    case 'sls': {
      const r = rec(value)
      const modules = list(r.modules).map(String)
      if (modules.length === 0 && !r.project) return w.slsOff
      return w.sls(String(r.project ?? '-'), String(r.logstore ?? '-'), listOf(modules, locale) || '-')
    }
  }
  if (typeof value === 'boolean') return value ? w.on : w.off
  if (typeof value === 'string') return value === '' ? w.empty : value
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value))
    return listOf(
      value.map((v) => formatValue('', v, locale)),
      locale,
    )
  return JSON.stringify(value)
}

/** A field's console label. */
export const fieldName = (field: string, locale: Locale): string => nameOf(FIELD_NAMES, locale, field)

/** `label before → after` for each field, joined (`;` in Chinese, `; ` in English). */
export function fieldChanges(
  fields: ReadonlyArray<{ field: string; before: unknown; after: unknown }>,
  locale: Locale,
): string {
  const sep = locale === 'zh-CN' ? ';' : '; '
  const colon = locale === 'zh-CN' ? ':' : ' '
  return fields
    .map(
      (f) =>
        `${fieldName(f.field, locale)}${colon}${formatValue(f.field, f.before, locale)} → ${formatValue(f.field, f.after, locale)}`,
    )
    .join(sep)
}

/** The value a console step asks for: the new value alone, or `label: value` for each of several fields. */
export function valueToChoose(fields: ReadonlyArray<{ field: string; after: unknown }>, locale: Locale): string {
  if (fields.length === 1) return formatValue(fields[0]!.field, fields[0]!.after, locale)
  const colon = locale === 'zh-CN' ? ':' : ': '
  return fields
    .map((f) => `${fieldName(f.field, locale)}${colon}${formatValue(f.field, f.after, locale)}`)
    .join(locale === 'zh-CN' ? ';' : '; ')
}
