import type { z } from 'zod'

/** The parts of a zod schema's definition that the bundle's schema walkers (key order, unknown keys) read. */
export interface ZodDef {
  type: string
  innerType?: z.ZodType
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  keyType?: z.ZodType
  valueType?: z.ZodType
  options?: z.ZodType[]
  discriminator?: string
}

export const defOf = (s: z.ZodType): ZodDef => s._zod.def as unknown as ZodDef
