import type { BundleFormat, ConfigChange, EncryptedSecrets } from '@shared/bundle'
import type { CheckedWorkspace, WorkspaceMeta, WorkspaceTarget } from '../check'
import type { Position } from '../positions'
import type { RawProblem } from '../problems'

/**
 * Messages between the core and the bundle worker thread. A job reads one file in phases: `parse` (the file
 * and its envelope), `check` (each workspace in the context the core gives, which needs the store, so the
 * core answers between the phases), `positions` (of problems the core adds), `close`.
 */

/** Where a workspace goes, and what it is compared with for the preview (plain data). */
export type TargetWithDiff = WorkspaceTarget & { draft?: CheckedWorkspace['config'] }

export type ToWorker =
  | { type: 'parse'; job: number; fileName: string; text: string }
  | { type: 'check'; job: number; targets: Array<[number, TargetWithDiff]>; diff: boolean }
  | { type: 'positions'; job: number; pointers: string[] }
  | { type: 'close'; job: number }

export interface ParsedSummary {
  format?: BundleFormat
  migratedFrom?: string
  secrets?: EncryptedSecrets
  workspaces: WorkspaceMeta[]
}

export interface CheckedSummary {
  workspaces: Array<CheckedWorkspace & { changesFromDraft?: ConfigChange[]; changesFromCloud?: ConfigChange[] }>
  /** Every problem of the file and its workspaces, bounded, each with its position. */
  problems: RawProblem[]
}

export type FromWorker =
  | { type: 'ready'; job: 0 }
  | { type: 'parsed'; job: number; summary: ParsedSummary }
  | { type: 'checked'; job: number; summary: CheckedSummary }
  | { type: 'positions'; job: number; positions: Array<[string, Position]> }
  | { type: 'failed'; job: number; detail: string }
