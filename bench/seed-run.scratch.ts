import { openStore } from '../core/store'
import { seed } from './access-seed'
const store = openStore({ dataDir: '/tmp/acc16/data' })
seed(store)
store.close({ backup: false })
