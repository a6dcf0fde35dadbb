import fs from 'node:fs'
import path from 'node:path'
import { ValidationContextSchema, type ValidationContext } from '@shared/domain'
import { checkBundle } from '../../../core/bundles/check'
import { localizeProblems } from '../../../core/bundles/problems'
import { offlineContext } from '../../../core/model/validation-context'
import type { BundleProblem } from '@shared/bundle'

export const FIXTURES = path.resolve(__dirname, '../../fixtures/bundles')

/** The context of a fixture: its `<name>.context.json` when there is one, else the offline context. */
export function fixtureContext(file: string): ValidationContext | undefined {
  const side = path.join(FIXTURES, file.replace(/\.[a-z]+$/, '.context.json'))
  return fs.existsSync(side) ? ValidationContextSchema.parse(JSON.parse(fs.readFileSync(side, 'utf8'))) : undefined
}

/** Validates text as a bundle named `file`, as `pai-admin validate` does; problems localized in English. */
export function validateText(
  file: string,
  text: string,
  context?: ValidationContext,
): { ok: boolean; problems: BundleProblem[] } {
  const check = checkBundle(file, text, (ws) => ({ context: context ?? offlineContext(ws.region) }))
  return { ok: check.ok, problems: localizeProblems(check.problems, file, 'en', check.positionOf) }
}

export function validateFixture(file: string): { ok: boolean; problems: BundleProblem[] } {
  return validateText(file, fs.readFileSync(path.join(FIXTURES, file), 'utf8'), fixtureContext(file))
}
