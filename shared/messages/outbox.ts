import type { Catalog } from './catalog'

/** Messages of the outbox's safety rules: one sender per data folder, held ops, retry and cancel. */
export const outboxMessages = {
  SYNC_OP_RESTORED: {
    'zh-CN':
      '此操作来自恢复的备份,不会自动发送:云端或草稿可能已经变化。请刷新后重新生成计划(上方计划显示它现在会改变什么),或取消它',
    en: 'This operation came back with a restored backup and is not sent on its own: the cloud or the draft may have moved on. Refresh and make a new plan (the plan shows what it would change now), or cancel it',
  },
  SYNC_OP_WAL_DAMAGED: {
    'zh-CN': '上次未正常关闭,数据库日志已损坏,部分已提交的记录丢失;此操作不会自动发送。请刷新后重新生成计划,或取消它',
    en: 'The last session did not close cleanly and the database log was damaged, so some committed changes were lost; this operation is not sent on its own. Refresh and make a new plan, or cancel it',
  },
  SYNC_OP_HELD: {
    'zh-CN': '操作 {opId} 来自恢复的备份或损坏的日志,不能重试:请刷新后重新生成计划并执行',
    en: 'Operation {opId} came back with a restored backup or a damaged log and cannot be retried: refresh, make a new plan and apply it',
  },
  SYNC_RETRY_NOT_NEEDED: {
    'zh-CN': '操作 {opId} 当前为「{status}」,只有失败、受阻或已取消的操作可以重试',
    en: 'Operation {opId} is {status}: only failed, blocked or cancelled operations can be retried',
  },
  SYNC_CANCEL_IN_FLIGHT: {
    'zh-CN': '操作 {opId} 的请求已经发出,不能取消;它的结果到达后会被记录',
    en: 'The request of operation {opId} is already out and cannot be called back; its outcome is recorded when it arrives',
  },
  SYNC_CANCEL_NOT_OPEN: {
    'zh-CN': '操作 {opId} 当前为「{status}」,只有待发送或受阻的操作可以取消',
    en: 'Operation {opId} is {status}: only pending or blocked operations can be cancelled',
  },
  SYNC_RUN_NOT_FOUND: {
    'zh-CN': '未找到同步任务 {runId}',
    en: 'No apply run {runId}',
  },
  SYNC_SENDER_ELSEWHERE: {
    'zh-CN': '{who}(进程 {pid})正在发送此数据目录的变更:本次任务已排入它的队列,由它发送,进度显示如下',
    en: '{who} (pid {pid}) is sending the changes of this data folder: this run is queued there and sent by it; its progress follows',
  },
  SYNC_SENDER_NONE: {
    'zh-CN': '当前没有进程在发送此数据目录的变更:任务已排队,等待发送进程接手',
    en: 'No process is sending the changes of this data folder right now: the run is queued until one takes over',
  },
  STORE_WAL_DAMAGED: {
    'zh-CN':
      '上次未正常关闭,数据库的预写日志已损坏:{detail}。这些更改已丢失,损坏的日志已保留在 {damaged};其余数据完好(已完整检查)。',
    en: 'The last session did not close cleanly and the database log is damaged: {detail}. Those changes are lost; the damaged log is kept at {damaged}. The rest of the data is sound (fully checked).',
  },
  STORE_OPS_HELD: {
    'zh-CN':
      '有 {count} 个待发送操作来自此前的状态,不会自动发送:请在「待同步变更」中查看,重新生成计划后执行,或取消它们。',
    en: '{count} queued {count:operation comes|operations come} from that earlier state and are not sent on their own: see Pending changes, make a new plan and apply it, or cancel them.',
  },
  // ---- pai-admin status, cancel, retry (cli/commands/runs.ts) ----
  CLI_RUNS_NONE: { 'zh-CN': '没有同步任务。', en: 'No runs.' },
  CLI_RUNS_RUN: {
    'zh-CN': '任务 {runId}({workspace},{createdAt}):{counts}',
    en: 'run {runId} ({workspace}, {createdAt}): {counts}',
  },
  CLI_RUNS_OPEN: { 'zh-CN': '(进行中)', en: ' (open)' },
  CLI_RUNS_HELD: {
    'zh-CN': '已暂停,未发送。对照云端现状,重新生成此草稿的计划将会:',
    en: 'Held back, not sent. Against the cloud now, a new plan of this draft would:',
  },
  CLI_RUNS_HELD_NOTHING: {
    'zh-CN': '不做任何更改(云端已是此状态)',
    en: 'change nothing (the cloud already has it)',
  },
  CLI_RUNS_HELD_NEXT: {
    'zh-CN': '请重新生成计划(pai-admin plan / apply),或取消:pai-admin cancel {runId}',
    en: 'Make a new plan (pai-admin plan / apply), or: pai-admin cancel {runId}',
  },
  CLI_RUNS_CANCELLED: {
    'zh-CN': '已取消 {count} 个操作。',
    en: '{count} {count:operation|operations} cancelled.',
  },
  CLI_RUNS_RETRIED: {
    'zh-CN': '已重新排队 {count} 个操作。',
    en: '{count} {count:operation|operations} queued again.',
  },
  CLI_RUNS_APPLYING: { 'zh-CN': '正在执行:{done}/{total}', en: 'Applying: {done}/{total}' },
  CLI_RUNS_WHO_ELECTRON: { 'zh-CN': '桌面应用', en: 'The desktop app' },
  CLI_RUNS_WHO_WEB: { 'zh-CN': '浏览器版', en: 'The browser harness' },
  CLI_RUNS_WHO_CLI: { 'zh-CN': '另一个 pai-admin 命令', en: 'Another pai-admin command' },
  CLI_OP_STATUS_PENDING: { 'zh-CN': '等待中', en: 'pending' },
  CLI_OP_STATUS_IN_FLIGHT: { 'zh-CN': '执行中', en: 'in flight' },
  CLI_OP_STATUS_DONE: { 'zh-CN': '已完成', en: 'done' },
  CLI_OP_STATUS_FAILED: { 'zh-CN': '失败', en: 'failed' },
  CLI_OP_STATUS_BLOCKED: { 'zh-CN': '被阻塞', en: 'blocked' },
  CLI_OP_STATUS_CANCELLED: { 'zh-CN': '已取消', en: 'cancelled' },
} satisfies Catalog
