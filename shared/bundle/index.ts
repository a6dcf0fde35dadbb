// Config bundles (D4): the file format (zod), migrations, canonical order, diff. Pure: zod only.
export * from './schema'
export * from './migrate'
export * from './canonical'
export * from './diff'
export * from './unknown-keys'
export * from './json-schema'
export * from './merge'
