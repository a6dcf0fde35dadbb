// Config bundles (D4): read, check, serialize, encrypt, import and export. Plain Node.
export { BundlesService } from './service'
