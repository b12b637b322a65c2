import type { Static, TSchema } from '@sinclair/typebox'
import { Check } from '@sinclair/typebox/value'

// Checks by interpretation (Value.Check), never TypeCompiler: the weapp runtime has no `new Function`.

/** Whether a value (an answer, a restored record) has the shape of its schema. */
export function matches<T extends TSchema>(schema: T, value: unknown): value is Static<T> {
  return Check(schema, value)
}

/**
 * The entries of a restored map that match their schema; the others are dropped one by one, so one damaged
 * record (say, one article's progress) does not cost the reader all the others.
 */
export function matchingEntries<T extends TSchema>(schema: T, value: unknown): Record<string, Static<T>> {
  const out: Record<string, Static<T>> = {}
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out
  for (const [key, entry] of Object.entries(value)) if (Check(schema, entry)) out[key] = entry
  return out
}

/** The items of a restored list that match their schema. */
export function matchingItems<T extends TSchema>(schema: T, value: unknown): Static<T>[] {
  return Array.isArray(value) ? value.filter((item): item is Static<T> => Check(schema, item)) : []
}
