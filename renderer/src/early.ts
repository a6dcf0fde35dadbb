import { startEarly } from './bridge/early'
import { DEFAULT_FILTERS, FIRST_SIZE, listRequest } from './stores/list-request'

// The first module the page evaluates (index.html lists it before ./main.ts; the bundler keeps the order): asks
// for the settings and the landing list's first page before the app's modules (Vue, vue-i18n, the router, the
// stores, the messages) are evaluated, so the core answers meanwhile (./main.ts takes the answers: bridge/early.ts).
startEarly('settings.get', {})
startEarly('workspaces.list', listRequest(DEFAULT_FILTERS, 0, FIRST_SIZE))
