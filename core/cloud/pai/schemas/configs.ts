import { z } from 'zod'
import { Str, Labels, Rid } from './common'

// ---- configs (§1.5)

/** The documented category of each documented key (docs/pai-api-facts.md §1.5.1). */
export const CONFIG_CATEGORIES: Record<string, string> = {
  tempStoragePath: 'CommonResourceConfig',
  isAutoRecycle: 'DLCAutoRecycle',
  quotaMaximumDuration: 'QuotaMaximumDuration',
  predefinedTags: 'CommonTagConfig',
}

export const ConfigSchema = z.object({
  ConfigId: Str.optional(),
  CategoryName: Str.optional(),
  ConfigKey: Str,
  ConfigValue: Str.default(''),
  GmtCreateTime: Str.optional(),
  GmtModifiedTime: Str.optional(),
  Labels: Labels.optional(),
})
export type Config = z.infer<typeof ConfigSchema>
export const ListConfigsResponse = z.object({
  ...Rid,
  TotalCount: z.coerce.number().default(0),
  Configs: z.array(ConfigSchema).default([]),
})

export const ListConfigsInput = z.object({
  ConfigKeys: Str.optional(),
  CategoryName: Str.optional(),
  Labels: Str.optional(),
  Verbose: z.boolean().optional(),
})
export type ListConfigsInput = z.infer<typeof ListConfigsInput>

export const UpdateConfigsInput = z.object({
  Configs: z
    .array(
      z.object({ ConfigKey: Str.min(1), ConfigValue: Str, CategoryName: Str.optional(), Labels: Labels.optional() }),
    )
    .min(1),
})
export type UpdateConfigsInput = z.infer<typeof UpdateConfigsInput>
