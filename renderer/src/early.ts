import { startEarly } from './bridge/early'
import { DEFAULT_FILTERS, FIRST_SIZE, listRequest } from './stores/list-request'

// The entry's first module (index.html lists it before ./main.ts; the bundler keeps the order): asks for the
// settings and the landing list's first page before the app's own modules (the router, the stores, the messages,
// the list screen) are evaluated, so the core answers meanwhile (./main.ts takes the answers: bridge/early.ts).
// The chunk the entry imports (Vue, vue-i18n and the bridge this needs) is evaluated before it.
startEarly('settings.get', {})
startEarly('workspaces.list', listRequest(DEFAULT_FILTERS, 0, FIRST_SIZE))
