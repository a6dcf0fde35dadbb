import type zhCN from '../zh-CN'
import type { Shape } from '../shape'
import shell from './shell'
import config from './config'
import ui from './ui'
import profiles from './profiles'

/** English UI strings, one file per area; typed against zh-CN so a missing key is a compile error. */
const en: Shape<typeof zhCN> = {
  ...shell,
  ...config,
  ...ui,
  ...profiles,
}
export default en
