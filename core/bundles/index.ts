// Config bundles (D4): read, check, serialize, encrypt, import and export. Plain Node.
export { BundlesService, type ImportInput } from './service'
export { checkBundle, type BundleCheck, type CheckedWorkspace, type ContextFor } from './check'
export { readBundleText, decodeText, type Position } from './read'
export { buildBundle, serializeBundle, bundleFileName, type BundleEntry } from './serialize'
export { encryptSecrets, decryptSecrets, PASSPHRASE_MIN, type SecretMap } from './crypto'
export { localizeProblems, formatProblemLine, hintFor, type RawProblem } from './problems'
export { offlineContext } from './offline'
