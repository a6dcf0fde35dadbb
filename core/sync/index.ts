// The sync engine: refresh (cloud -> cache), plan (three-way), apply through the durable outbox, drift.
export { SyncService, type SyncDeps } from './service'
export { OutboxWorker, RETRYABLE } from './worker'
export { buildPlan, emptyBase, withOverlay, type PlanInput, type ManualOverlay } from './plan/build'
export { diffConfigs } from './plan/drift'
export { configFromCloud, type CloudSnapshot } from './mapping/from-cloud'
export { fetchSnapshot, refreshProfile, refreshWorkspace, cacheSnapshot } from './refresh'
export { executeOp } from './ops/execute'
export { OP_KINDS, OP_API, type OpKind } from './ops/payloads'
