// The sync engine: refresh (cloud -> cache), plan (three-way), apply through the durable outbox, drift.
export { SyncService } from './service'
