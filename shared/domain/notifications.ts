import { z } from 'zod'
import { DEFAULT_TARGET_QUOTA, EventTypeSchema } from './enums'

/**
 * Event notifications [事件通知配置] of a workspace configuration: the rules on its EventBridge bus, their targets,
 * and the rules the app cannot map (kept as the cloud holds them). Part of ./model (re-exported there).
 */

/** DingTalk robot [钉钉通知]: webhook plus a keychain reference to the `SEC…` signing secret [加签]. */
export const DingTalkTargetSchema = z.object({
  type: z.literal('dingtalk'),
  /** `https://oapi.dingtalk.com/robot/send?access_token=…` */
  webhook: z.string(),
  /** Name of the keychain entry holding the signing secret. NEVER the secret itself (D2). */
  secretRef: z.string().optional(),
})
/** HTTP/HTTPS endpoint (model events only, E4). */
export const HttpTargetSchema = z.object({
  type: z.literal('http'),
  /** An http:// or https:// URL. */
  url: z.string(),
})
const contactsShape = {
  /** Contacts [联系人]; each takes one quota unit, not de-duplicated (E6). */
  contacts: z.array(z.string()).default([]),
}
/** Voice call [语音电话] (workflow / DLC events only, E4; three regions, E5). */
export const VoiceTargetSchema = z.object({ type: z.literal('voice'), ...contactsShape })
/** SMS [短信] (as voice). */
export const SmsTargetSchema = z.object({ type: z.literal('sms'), ...contactsShape })
/** Email [邮件] (as voice). */
export const EmailTargetSchema = z.object({ type: z.literal('email'), ...contactsShape })

/** One target of a notification rule, by `type` (E4). */
export const NotificationTargetSchema = z.discriminatedUnion('type', [
  DingTalkTargetSchema,
  HttpTargetSchema,
  VoiceTargetSchema,
  SmsTargetSchema,
  EmailTargetSchema,
])
export type NotificationTarget = z.infer<typeof NotificationTargetSchema>

/** An event rule [事件规则] on the workspace's bus `pai-system-<name>` (E2-E6). Natural key: `name`. */
export const NotificationRuleSchema = z.object({
  /** Rule name, unique in the workspace (EventBridge: letters, digits and `-`, at most 127). */
  name: z.string(),
  /** Whether the rule is on (EventBridge `Status` ENABLE / DISABLE). */
  enabled: z.boolean().default(true),
  /** Events that trigger the rule (E3); at least one. */
  eventTypes: z.array(EventTypeSchema).default([]),
  /** Whose events: created by me, or all in the workspace. */
  scope: z.enum(['mine', 'all']).default('all'),
  /** Where notifications go (E4); units counted against `quota` (E6). */
  targets: z.array(NotificationTargetSchema).default([]),
})
export type NotificationRule = z.infer<typeof NotificationRuleSchema>

/**
 * A rule on the workspace's bus that the app cannot map exactly (made in the console, another event
 * `source`/`type`, extra pattern keys, target types or parameters the app does not know): kept as the cloud
 * holds it, shown read-only, never rewritten. Natural key: `name`. Signing secrets in its targets' parameters
 * are replaced by `******` before it is stored (D2); the cloud's copy is never touched.
 */
export const ForeignRuleSchema = z.object({
  /** `RuleName`. */
  name: z.string(),
  /** `Status` as the cloud has it (`ENABLE` / `DISABLE`). */
  status: z.string().optional(),
  /** `Description` as the cloud has it. */
  description: z.string().optional(),
  /** `FilterPattern`, the JSON text exactly as the cloud has it. */
  filterPattern: z.string(),
  /** The targets, each exactly as the cloud lists it (secret values masked). */
  targets: z.array(z.record(z.string(), z.unknown())).default([]),
  /** Set by the user's explicit delete of this rule: the plan deletes it (DeleteRule); nothing else ever does. */
  deleteRequested: z.boolean().optional(),
})
export type ForeignRule = z.infer<typeof ForeignRuleSchema>

/**
 * Event notifications [事件通知配置] (E1-E7). Whether EventBridge is activated and authorized (E1) is a
 * fact of the account, not configuration: it is `ValidationContext.eventBridgeAuthorized`.
 */
export const NotificationsSchema = z.object({
  /** The rules. */
  rules: z.array(NotificationRuleSchema).default([]),
  /** Read-only: the rules the app cannot map exactly, kept byte for byte (see ForeignRuleSchema). */
  foreignRules: z.array(ForeignRuleSchema).default([]),
  /** Target units allowed per rule: 5 by default, raised on request, at most 100 (E6). */
  quota: z.number().default(DEFAULT_TARGET_QUOTA),
})
