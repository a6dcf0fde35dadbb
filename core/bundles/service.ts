import type { BundlePreview } from '@shared/ipc/channels/bundles'
import type { Locale } from '@shared/locale'
import type { EventHub } from '../ipc/events'
import type { SettingsService } from '../services/settings'
import type { WorkspacesService } from '../services/workspaces'
import type { Store } from '../store'
import type { Vault } from '../vault'
import type { BundlesDeps } from './deps'
import { exportBundle, type ExportRequest, type ExportResult } from './export'
import { importBundle, type ImportResult } from './import'
import { prepareImport, type ImportInput } from './prepare'
import { previewOf } from './preview'
import { BundleChecker, type CheckerOptions } from './worker/checker'

export type { ImportInput } from './prepare'

/**
 * Config bundles (D4): export workspaces to a file's content, preview an import (every problem at once,
 * the difference from draft and cloud), import as drafts. Files are read and checked in a worker thread;
 * import never calls the cloud.
 */
export class BundlesService {
  private readonly deps: BundlesDeps

  constructor(
    store: Store,
    vault: Vault,
    settings: SettingsService,
    workspaces: WorkspacesService,
    events: EventHub,
    checker: CheckerOptions = {},
  ) {
    this.deps = { store, vault, settings, workspaces, events, checker: new BundleChecker(checker) }
  }

  export(req: ExportRequest): Promise<ExportResult> {
    return exportBundle(this.deps, req)
  }

  /** Everything the import would do, and every problem; changes nothing. */
  async preview(input: ImportInput, locale: Locale): Promise<BundlePreview> {
    return previewOf(await prepareImport(this.deps, input, true), input.fileName, locale)
  }

  /** Imports a valid bundle as drafts (and its encrypted secrets into the keychain); any error, nothing changes. */
  async import(input: ImportInput & { expectRevisions?: Record<string, number> }): Promise<ImportResult> {
    return importBundle(this.deps, await prepareImport(this.deps, input, false), input)
  }

  /** Stops the bundle worker thread. */
  close(): Promise<void> {
    return this.deps.checker.close()
  }
}
