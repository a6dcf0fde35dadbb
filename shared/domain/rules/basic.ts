import { checkDescription, checkResourceGroupId, checkWorkspaceName } from '../fields'
import { canChangeMode, canRename } from '../permissions'
import type { Rule } from './env'

/** W1 (basic information, immutability of name and mode) and W4 (unique names, PAI and DataWorks). */
export const checkBasic: Rule = (cfg, env, c) => {
  const b = cfg.basic
  const prev = env.previous?.basic
  if (prev) {
    const rename = canRename(prev.name, b.name)
    if (c.fails(rename.allowed)) c.error('/basic/name', rename.ruleId, rename.code!, rename.params)
    const mode = canChangeMode(prev.mode, b.mode)
    if (c.fails(mode.allowed)) c.error('/basic/mode', mode.ruleId, mode.code!, mode.params)
  } else {
    const nameIssue = checkWorkspaceName(b.name)
    if (c.fails(!nameIssue)) c.error('/basic/name', 'W1', nameIssue!.code, nameIssue!.params)
    else {
      // W4: against every name in the cache; an exact PAI clash is named first, then an exact DataWorks one, then a
      // clash that differs only in case.
      let pai = false
      let dataworks = false
      let caseOnly: string | undefined
      // Case-insensitive comparison: OUR ASSUMPTION, no published source says how names compare (docs/emulator.md).
      const lower = b.name.toLowerCase()
      for (const k of env.knownWorkspaces) {
        c.checks++
        if (k.name === b.name) {
          if (k.source === 'pai') pai = true
          else dataworks = true
        } else if (caseOnly === undefined && k.name.toLowerCase() === lower) caseOnly = k.name
      }
      if (pai) c.error('/basic/name', 'W4', 'DOMAIN_NAME_TAKEN', { name: b.name })
      else if (dataworks) c.error('/basic/name', 'W4', 'DOMAIN_NAME_TAKEN_DATAWORKS', { name: b.name })
      else if (caseOnly !== undefined)
        c.error('/basic/name', 'W4', 'DOMAIN_NAME_TAKEN_CASE', { name: b.name, existing: caseOnly })
    }
  }
  const d = checkDescription(b.description)
  if (c.fails(!d)) c.error('/basic/description', 'W1', d!.code, d!.params)
  if (b.resourceGroupId !== undefined) {
    const r = checkResourceGroupId(b.resourceGroupId)
    if (c.fails(!r)) c.error('/basic/resourceGroupId', 'W1', r!.code, r!.params)
  }
}
