import { bad, conflict, str } from '../http'
import { arn, bus, paged, type Handlers } from './request'

/** EventBridge custom event buses: created (at most 50 per region), read, listed, deleted. */

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,126}$/

export const busHandlers: Handlers = {
  CreateEventBus: {
    mutating: true,
    run(core, t, p, now) {
      const name = str(p.EventBusName, 'EventBusName', true)
      core.countCreate(`CreateEventBus:${t.uid}/${name}`)
      if (!NAME_RE.test(name) || name === 'default' || name.startsWith('eventbridge-reserved-'))
        throw bad('InvalidArgument', `The event bus name ${name} is invalid.`)
      if (t.buses[name]) throw conflict('EventBusAlreadyExist', `The event bus [${name}] already existed!`)
      if (Object.keys(t.buses).length >= 50)
        throw bad('EventBusExceedLimit', 'An account has at most 50 custom event buses per region.')
      t.buses[name] = {
        EventBusName: name,
        Description: str(p.Description, 'Description') ?? '',
        CreateTimestamp: now,
        rules: {},
      }
      return { EventBusARN: arn(core, t, name) }
    },
  },
  GetEventBus: {
    mutating: false,
    run(core, t, p) {
      const b = bus(t, str(p.EventBusName, 'EventBusName', true))
      return {
        EventBusName: b.EventBusName,
        Description: b.Description,
        EventBusARN: arn(core, t, b.EventBusName),
        CreateTimestamp: b.CreateTimestamp,
      }
    },
  },
  ListEventBuses: {
    mutating: false,
    run(core, t, p) {
      const all = Object.values(t.buses)
        .filter((b) => !p.NamePrefix || b.EventBusName.startsWith(p.NamePrefix))
        .sort((a, b) => a.EventBusName.localeCompare(b.EventBusName))
      const { page, next } = paged(all, p)
      return {
        EventBuses: page.map((b) => ({
          EventBusName: b.EventBusName,
          Description: b.Description,
          EventBusARN: arn(core, t, b.EventBusName),
          CreateTimestamp: b.CreateTimestamp,
        })),
        NextToken: next,
        Total: all.length,
      }
    },
  },
  DeleteEventBus: {
    mutating: true,
    run(_core, t, p) {
      const name = str(p.EventBusName, 'EventBusName', true)
      if (!t.buses[name]) return false
      delete t.buses[name]
      return true
    },
  },
}
