// AIWorkSpace 2021-02-04 answers and inputs (zod), one file per API area; the same exports as before the split.
export { RequestIdOnly } from './common'
export * from './workspaces'
export * from './members'
export * from './resources'
export * from './configs'
export * from './roles'
