import type { PlanAction, PlanChange } from '../ipc/channels/sync'
import type { Locale } from '../locale'
import { ENV_NAMES, LEVEL_NAMES, MODULE_NAMES, RESOURCE_KIND_NAMES, TARGET_TYPE_NAMES, nameOf } from './names'
import { fieldChanges, formatValue, listOf, roleName } from './values'

/** What describeAction reads of an action. */
export type Describable = Pick<PlanAction, 'kind' | 'area' | 'target' | 'verb' | 'label' | 'change'>

type Target = NonNullable<PlanChange['targetsAdded']>[number]

/** A DingTalk webhook without most of its access token (the token lets anyone post to the robot). */
const masked = (url: string): string => url.replace(/(access_token=[^&]{4})[^&]*/, '$1…')

function targetPhrase(t: Target, locale: Locale): string {
  const type = nameOf(TARGET_TYPE_NAMES, locale, t.type)
  const to = t.to.map(masked)
  const plural = locale === 'en' && to.length > 1 && ['sms', 'voice', 'email'].includes(t.type) ? 's' : ''
  const resent = t.resent ? (locale === 'zh-CN' ? '(更换加签密钥)' : ' (new signing secret)') : ''
  return `${type}${plural} ${listOf(to, locale)}${resent}`
}

const targets = (ts: Target[] | undefined, locale: Locale): string =>
  listOf(
    (ts ?? []).map((t) => targetPhrase(t, locale)),
    locale,
  )

const roles = (rs: string[] | undefined, locale: Locale): string =>
  listOf(
    (rs ?? []).map((r) => roleName(r, locale)),
    locale,
  )

function permissions(c: PlanChange | undefined, locale: Locale, withBefore: boolean): string {
  const level = (l: string | null): string => nameOf(LEVEL_NAMES, locale, l ?? 'NoPrivilege')
  const ps = (c?.permissions ?? []).map(
    (p) => `${nameOf(MODULE_NAMES, locale, p.module)} ${withBefore ? `${level(p.before)} → ` : ''}${level(p.after)}`,
  )
  return ps.join(locale === 'zh-CN' ? ',' : ', ') || level(null)
}

/** `kind/env/name` of a resource key, named. */
function resourceOf(key: string, locale: Locale): { kind: string; env: string; name: string } {
  const [kind = '', env = '', ...rest] = key.split('/')
  return {
    kind: nameOf(RESOURCE_KIND_NAMES, locale, kind),
    env: nameOf(ENV_NAMES, locale, env),
    name: rest.join('/') || key,
  }
}

/** `: a → b` for a value the app does not model (shown exactly as the cloud holds it). */
const arrows = (fs: NonNullable<PlanChange['fields']>, locale: Locale, lead: string): string =>
  fs.map((f) => `${lead}${formatValue('', f.before, locale)} → ${formatValue('', f.after, locale)}`).join('')

const field = (c: PlanChange | undefined, name: string): { before: unknown; after: unknown } | undefined =>
  c?.fields?.find((f) => f.field === name)

/**
 * One plan action as a sentence in the user's language, in the console's words: "grant 算法开发 and 访客 to carol",
 * "从规则「ops」移除短信联系人 Tony", "set default storage oss://a/ → oss://b/". Pure: the CLI and the screen
 * say the same. The raw key (`area · verb · target`) is for hover only.
 */
export function describeAction(a: Describable, locale: Locale): string {
  return (locale === 'zh-CN' ? zh : en)(a, a.change)
}

/** `修改<field>:a → b`, with a space before a Latin field name (`修改 DLC「…」`), as Chinese text spaces them. */
function change(fields: NonNullable<PlanChange['fields']>): string {
  const text = fieldChanges(fields, 'zh-CN')
  return /^[A-Za-z]/.test(text) ? `修改 ${text}` : `修改${text}`
}

function zh(a: Describable, c: PlanChange | undefined): string {
  const L = 'zh-CN'
  const who = a.label ?? a.target
  const fields = c?.fields ?? []
  if (a.kind === 'conflict') return `${who}:本地与云端都修改了`
  switch (a.area) {
    case 'workspace':
      if (a.verb === 'create') return `创建工作空间「${a.target}」(${formatValue('mode', field(c, 'mode')?.after, L)})`
      if (a.verb === 'rename') return `将工作空间「${a.target}」重命名为「${String(field(c, 'name')?.after ?? '')}」`
      if (a.verb === 'changeMode')
        return `将工作空间「${a.target}」从${formatValue('mode', field(c, 'mode')?.before, L)}改为${formatValue('mode', field(c, 'mode')?.after, L)}`
      if (a.verb === 'manual') return `将工作空间移到资源组 ${formatValue('', field(c, 'resourceGroupId')?.after, L)}`
      return `修改工作空间「${a.target}」:${fieldChanges(fields, L)}`
    case 'customRole':
      if (a.verb === 'create') return `创建自定义角色「${a.target}」:${permissions(c, L, false)}`
      if (a.verb === 'delete') return `删除自定义角色「${a.target}」`
      return `修改自定义角色「${a.target}」:${permissions(c, L, true)}`
    case 'member':
      if (a.verb === 'create') return `添加成员 ${who},角色 ${roles(c?.rolesAdded, L)}`
      if (a.verb === 'delete') return `移除成员 ${who}`
      if (a.verb.startsWith('addRole')) return `授予 ${who} 角色 ${roles(c?.rolesAdded, L)}`
      if (a.verb.startsWith('removeRole')) return `移除 ${who} 的角色 ${roles(c?.rolesRemoved, L)}`
      return `修改 ${who} 的角色:${[
        c?.rolesAdded?.length ? `授予 ${roles(c.rolesAdded, L)}` : '',
        c?.rolesRemoved?.length ? `移除 ${roles(c.rolesRemoved, L)}` : '',
      ]
        .filter(Boolean)
        .join(';')}`
    case 'resource': {
      const r = resourceOf(a.target, L)
      if (a.verb === 'create')
        return `关联${r.kind}「${r.name}」(${r.env})${field(c, 'isDefault')?.after === true ? ',设为默认' : ''}`
      if (a.verb === 'detach') return `解除关联${r.kind}「${r.name}」(${r.env})`
      const parts = fields.filter((f) => f.field !== 'isDefault')
      return `修改${r.kind}「${r.name}」(${r.env}):${[
        field(c, 'isDefault') ? '设为默认' : '',
        parts.length ? fieldChanges(parts, L) : '',
      ]
        .filter(Boolean)
        .join(';')}`
    }
    case 'config':
      if (a.verb === 'readOnly')
        return `修改在控制台中设置的配置项「${a.target}」${arrows(fields, L, ':')}(保持原样,不会写入)`
      return change(fields)
    case 'eventBus':
      return `准备事件总线 ${a.target}`
    case 'rule':
      if (a.verb === 'readOnly') return `修改在控制台中创建的事件规则「${a.target}」(保持原样)`
      if (a.verb === 'create') {
        const off = field(c, 'enabled')?.after === false ? '(停用)' : ''
        return `创建事件规则「${a.target}」${off},事件类型:${formatValue('eventTypes', field(c, 'eventTypes')?.after, L)}`
      }
      if (a.verb === 'delete') return `删除事件规则「${a.target}」`
      return `修改事件规则「${a.target}」:${fieldChanges(fields, L)}`
    case 'targets':
      if (a.verb === 'delete') return `从规则「${a.target}」移除${targets(c?.targetsRemoved, L)}`
      return `为规则「${a.target}」添加${targets(c?.targetsAdded, L)}`
    case 'sls':
    case 'switches':
    case 'scheduling':
    case 'storage':
    case 'notifications':
      return change(fields)
  }
  return `${a.verb} ${who}`
}

function en(a: Describable, c: PlanChange | undefined): string {
  const L = 'en'
  const who = a.label ?? a.target
  const fields = c?.fields ?? []
  if (a.kind === 'conflict') return `${who}: changed both here and in the cloud`
  switch (a.area) {
    case 'workspace':
      if (a.verb === 'create')
        return `create workspace ${a.target} (${formatValue('mode', field(c, 'mode')?.after, L)})`
      if (a.verb === 'rename') return `rename workspace ${a.target} to ${String(field(c, 'name')?.after ?? '')}`
      if (a.verb === 'changeMode')
        return `change workspace ${a.target} from ${formatValue('mode', field(c, 'mode')?.before, L)} to ${formatValue('mode', field(c, 'mode')?.after, L)}`
      if (a.verb === 'manual')
        return `move the workspace to resource group ${formatValue('', field(c, 'resourceGroupId')?.after, L)}`
      return `change workspace ${a.target}: ${fieldChanges(fields, L)}`
    case 'customRole':
      if (a.verb === 'create') return `create custom role ${a.target} with ${permissions(c, L, false)}`
      if (a.verb === 'delete') return `delete custom role ${a.target}`
      return `change custom role ${a.target}: ${permissions(c, L, true)}`
    case 'member':
      if (a.verb === 'create') return `add member ${who} as ${roles(c?.rolesAdded, L)}`
      if (a.verb === 'delete') return `remove member ${who}`
      if (a.verb.startsWith('addRole')) return `grant ${roles(c?.rolesAdded, L)} to ${who}`
      if (a.verb.startsWith('removeRole')) return `revoke ${roles(c?.rolesRemoved, L)} from ${who}`
      return `change the roles of ${who}: ${[
        c?.rolesAdded?.length ? `grant ${roles(c.rolesAdded, L)}` : '',
        c?.rolesRemoved?.length ? `revoke ${roles(c.rolesRemoved, L)}` : '',
      ]
        .filter(Boolean)
        .join('; ')}`
    case 'resource': {
      const r = resourceOf(a.target, L)
      if (a.verb === 'create')
        return `associate ${r.kind} resource ${r.name} (${r.env})${field(c, 'isDefault')?.after === true ? ' as the default' : ''}`
      if (a.verb === 'detach') return `detach ${r.kind} resource ${r.name} (${r.env})`
      const parts = fields.filter((f) => f.field !== 'isDefault')
      return `change ${r.kind} resource ${r.name} (${r.env}): ${[
        field(c, 'isDefault') ? 'make it the default' : '',
        parts.length ? fieldChanges(parts, L) : '',
      ]
        .filter(Boolean)
        .join('; ')}`
    }
    case 'config':
      if (a.verb === 'readOnly')
        return `change ${a.target}, set in the console${arrows(fields, L, ' ')}: kept as is, not written`
      return `set ${fieldChanges(fields, L)}`
    case 'eventBus':
      return `prepare the event bus ${a.target}`
    case 'rule':
      if (a.verb === 'readOnly') return `change event rule ${a.target}, made in the console (kept as is)`
      if (a.verb === 'create') {
        const off = field(c, 'enabled')?.after === false ? ', off' : ''
        return `create event rule ${a.target} for ${formatValue('eventTypes', field(c, 'eventTypes')?.after, L)}${off}`
      }
      if (a.verb === 'delete') return `delete event rule ${a.target}`
      return `change event rule ${a.target}: ${fieldChanges(fields, L)}`
    case 'targets':
      if (a.verb === 'delete') return `remove ${targets(c?.targetsRemoved, L)} from rule ${a.target}`
      return `add ${targets(c?.targetsAdded, L)} to rule ${a.target}`
    case 'sls':
    case 'switches':
    case 'scheduling':
    case 'storage':
    case 'notifications':
      return `set ${fieldChanges(fields, L)}`
  }
  return `${a.verb} ${who}`
}
