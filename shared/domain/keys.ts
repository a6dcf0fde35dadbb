import type {
  CustomRole,
  Member,
  NotificationRule,
  NotificationTarget,
  PassthroughConfig,
  PriorityLimit,
  Resource,
  TimeoutRule,
} from './model'

/**
 * Stable natural keys of list items: the sync engine and bundle preview diff lists by these, never by
 * index or cloud ID (a draft item has no cloud ID yet).
 */

/** Members by user ID. */
export const memberKey = (m: Pick<Member, 'userId'>): string => m.userId
/** Custom roles by name (the role ID is assigned by the cloud). */
export const customRoleKey = (r: Pick<CustomRole, 'name'>): string => r.name
/** Resources by kind, environment and name: `maxcompute/prod/my_project`. */
export const resourceKey = (r: Pick<Resource, 'kind' | 'envType' | 'name'>): string =>
  `${r.kind}/${r.envType}/${r.name}`
/** Config keys the app does not model, by category and key: `CommonResourceConfig/tempStoragePath`. */
export const passthroughConfigKey = (c: Pick<PassthroughConfig, 'category' | 'key'>): string =>
  `${c.category ?? ''}/${c.key}`
/** Notification rules by name (foreign rules too). */
export const notificationRuleKey = (r: Pick<NotificationRule, 'name'>): string => r.name
/** Priority limits by subject: `role:PAI.AlgoDeveloper`, `member:2788…`. */
export const priorityLimitKey = (p: Pick<PriorityLimit, 'subjectType' | 'subjectId'>): string =>
  `${p.subjectType}:${p.subjectId}`
/** Timeout rules by kind. */
export const timeoutRuleKey = (t: Pick<TimeoutRule, 'kind'>): string => t.kind
/** Targets of one rule by type and address: `dingtalk:<webhook>`, `http:<url>`, `sms:<contacts, in order>`. */
export function notificationTargetKey(t: NotificationTarget): string {
  switch (t.type) {
    case 'dingtalk':
      return `dingtalk:${t.webhook}`
    case 'http':
      return `http:${t.url}`
    default:
      return `${t.type}:${t.contacts.join(',')}`
  }
}
