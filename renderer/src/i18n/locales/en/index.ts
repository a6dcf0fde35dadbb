import type zhCN from '../zh-CN'
import type { Shape } from '../shape'
import shell from './shell'

/** English UI strings, one file per area; typed against zh-CN so a missing key is a compile error. */
const en: Shape<typeof zhCN> = {
  ...shell,
}
export default en
