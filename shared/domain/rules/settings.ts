import type { DomainCode } from '../../messages/domain'
import { checkSlsLogstore, checkSlsProject, parseOssPath, sameOssPath } from '../fields'
import type { Switches } from '../model'
import type { Rule } from './env'

/** ST1 (default storage recommended, OSS path), ST2 (Designer workflow storage wins). */
export const checkStorage: Rule = (cfg, _env, c) => {
  const s = cfg.storage
  let defaultOk = false
  if (c.fails(s.defaultPath !== undefined && s.defaultPath !== ''))
    c.warn('/storage/defaultPath', 'ST1', 'DOMAIN_STORAGE_RECOMMENDED')
  else {
    const r = parseOssPath(s.defaultPath!)
    if (c.fails(r.ok))
      c.error('/storage/defaultPath', 'ST1', r.ok ? 'DOMAIN_OSS_PATH' : r.issue.code, r.ok ? {} : r.issue.params)
    defaultOk = r.ok
  }
  if (s.designerPath !== undefined && s.designerPath !== '') {
    const r = parseOssPath(s.designerPath)
    if (c.fails(r.ok))
      c.error('/storage/designerPath', 'ST2', r.ok ? 'DOMAIN_OSS_PATH' : r.issue.code, r.ok ? {} : r.issue.params)
    else if (defaultOk && c.fails(sameOssPath(s.designerPath, s.defaultPath)))
      c.warn('/storage/designerPath', 'ST2', 'DOMAIN_STORAGE_DESIGNER_WINS', { designerPath: s.designerPath })
  }
}

/** L1: forwarding DSW / DLC logs needs a valid SLS Project and LogStore. */
export const checkSls: Rule = (cfg, _env, c) => {
  const s = cfg.sls
  for (let i = 0; i < s.modules.length; i++) {
    const m = s.modules[i]
    if (m === undefined) continue
    if (c.fails(s.modules.indexOf(m) === i))
      c.error(`/sls/modules/${i}`, 'L1', 'DOMAIN_SLS_DUPLICATE_MODULE', { module: m })
  }
  const forwarding = s.modules.length > 0
  const project = s.project ?? ''
  const logstore = s.logstore ?? ''
  if (project !== '') {
    const p = checkSlsProject(project)
    if (c.fails(!p)) c.error('/sls/project', 'L1', p!.code, p!.params)
  } else if (c.fails(!forwarding)) c.error('/sls/project', 'L1', 'DOMAIN_SLS_PROJECT_REQUIRED')
  if (logstore !== '') {
    const l = checkSlsLogstore(logstore)
    if (c.fails(!l)) c.error('/sls/logstore', 'L1', l!.code, l!.params)
  } else if (c.fails(!forwarding)) c.error('/sls/logstore', 'L1', 'DOMAIN_SLS_LOGSTORE_REQUIRED')
  if (project !== '' && logstore !== '' && c.fails(forwarding)) c.warn('/sls/modules', 'L1', 'DOMAIN_SLS_NO_MODULES')
}

const SWITCH_RULES: ReadonlyArray<[keyof Switches, string, DomainCode]> = [
  ['dlcContainerAccess', 'G1', 'DOMAIN_SWITCH_RESTART_DLC_CONTAINER'],
  ['dswSsh', 'G2', 'DOMAIN_SWITCH_RESTART_DSW_SSH'],
  ['dswPublicAccess', 'G3', 'DOMAIN_SWITCH_RESTART_DSW_PUBLIC'],
]

/** G1-G3: a changed switch takes effect only after the affected instances restart. */
export const checkSwitches: Rule = (cfg, env, c) => {
  const prev = env.previous?.switches
  if (!prev) return
  for (const [key, ruleId, code] of SWITCH_RULES)
    if (c.fails(cfg.switches[key] === prev[key])) c.warn(`/switches/${key}`, ruleId, code)
}
