import type zhCN from '../zh-CN'
import type { Shape } from '../shape'
import shell from './shell'
import ui from './ui'
import profiles from './profiles'
import workspaces from './workspaces'
import wizard from './wizard'
import pending from './pending'
import bundles from './bundles'
import config from './config'
import credentials from './credentials'
import kept from './kept'
import access from './access'

/** English UI strings, one file per area; typed against zh-CN so a missing key is a compile error. */
const en: Shape<typeof zhCN> = {
  ...shell,
  ...ui,
  ...profiles,
  ...workspaces,
  ...wizard,
  ...pending,
  ...bundles,
  ...config,
  ...credentials,
  ...kept,
  ...access,
}
export default en
