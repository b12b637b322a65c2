import type { Static, TSchema } from '@sinclair/typebox'
import { matches } from '../domain/api/check'
import type { KeyValueStore } from '../platform/kv'

/** A JSON value kept under `key`, if it is there and has the shape of `schema` (anything else reads as absent). */
export function readJson<S extends TSchema>(kv: KeyValueStore, key: string, schema: S): Static<S> | null {
  const raw = kv.getItem(key)
  if (raw === null) return null
  try {
    const value: unknown = JSON.parse(raw)
    return matches(schema, value) ? value : null
  } catch {
    return null
  }
}
