import type { Catalog } from './catalog'

/** Messages for codes raised by the IPC layer and the app shell (not by a rule or the cloud). */
export const systemMessages = {
  VALIDATION: {
    'zh-CN': '请求参数无效:{summary}',
    en: 'Invalid request: {summary}',
  },
  UNKNOWN_CHANNEL: {
    'zh-CN': '未知的调用通道「{channel}」',
    en: 'Unknown channel "{channel}"',
  },
  FORBIDDEN_SENDER: {
    'zh-CN': '调用来源不受信任,已拒绝',
    en: 'The call came from an untrusted sender and was refused',
  },
  UNAUTHORIZED: {
    'zh-CN': '缺少或错误的访问令牌',
    en: 'Missing or wrong access token',
  },
  FORBIDDEN_ORIGIN: {
    'zh-CN': '请求的 Host 或 Origin 不是本机回环地址,已拒绝',
    en: 'The request Host or Origin is not the loopback address this server serves',
  },
  BAD_RESPONSE: {
    'zh-CN': '内部错误:返回数据不符合约定({summary})',
    en: 'Internal error: the response does not match the contract ({summary})',
  },
  INTERNAL: {
    'zh-CN': '内部错误:{detail}',
    en: 'Internal error: {detail}',
  },
  NOT_FOUND: {
    'zh-CN': '未找到 {what}',
    en: '{what} not found',
  },
  REQUEST_TOO_LARGE: {
    'zh-CN': '请求内容过大(上限 {max} 字节),未处理',
    en: 'The request is too large (the limit is {max} {max:byte|bytes}); it was not processed',
  },
  REQUEST_PATH_INVALID: {
    'zh-CN': '请求的路径无效(含有控制字符或错误的编码)',
    en: 'The requested path is invalid (a control character or a bad encoding)',
  },
} satisfies Catalog
