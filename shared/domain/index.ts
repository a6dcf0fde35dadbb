// The workspace domain: model (zod schemas + types), natural keys, validation, permissions, derived facts.
export * from './enums'
export * from './model'
export * from './keys'
export * from './context'
