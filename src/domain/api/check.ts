import type { Static, TSchema } from '@sinclair/typebox'

// A small interpreter of the JSON Schema keywords our TypeBox schemas use, with Value.Check's semantics
// (check.test.ts holds it to Value.Check on every schema of src/domain/api). Not Value.Check itself: its module
// computes BigInt constants on load, which old iOS JavaScriptCore lacks, and it adds 14 KB to the weapp bundle.
// Never TypeCompiler: the weapp runtime has no `new Function`.

/** The keywords `matches` understands; a schema with any other keyword is refused loudly. */
export const SUPPORTED_KEYWORDS = [
  'type',
  'const',
  'anyOf',
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'items',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'description',
  'default',
  'minItems',
  'maxItems',
  'uniqueItems',
  'additionalItems'
] as const

type Schema = {
  type?: string
  const?: unknown
  anyOf?: Schema[]
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean
  patternProperties?: Record<string, Schema>
  /** One schema for every item, or one per position (Type.Tuple, with additionalItems: false). */
  items?: Schema | Schema[]
  additionalItems?: boolean
  uniqueItems?: boolean
  minLength?: number
  maxLength?: number
  pattern?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  minItems?: number
  maxItems?: number
}

const patterns = new Map<string, RegExp>()
function regex(pattern: string): RegExp {
  let re = patterns.get(pattern)
  if (!re) patterns.set(pattern, (re = new RegExp(pattern)))
  return re
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const inRange = (s: Schema, n: number) =>
  (s.minimum === undefined || n >= s.minimum) &&
  (s.maximum === undefined || n <= s.maximum) &&
  (s.exclusiveMinimum === undefined || n > s.exclusiveMinimum)

/** Whether the items have the shape of `items`: one schema for all, or one per position (a tuple). */
function validItems(s: Schema, v: unknown[]): boolean {
  const items = s.items
  if (items === undefined) return true
  if (!Array.isArray(items)) return v.every((item) => valid(items, item))
  if (s.additionalItems === false && v.length > items.length) return false
  return items.every((schema, i) => i >= v.length || valid(schema, v[i]))
}

/** uniqueItems for the primitive items our schemas have (letters); anything else is compared by its JSON. */
function unique(v: unknown[]): boolean {
  const seen = new Set<string>()
  for (const item of v) {
    const key = `${typeof item}:${item !== null && typeof item === 'object' ? JSON.stringify(item) : String(item)}`
    if (seen.has(key)) return false
    seen.add(key)
  }
  return true
}

function valid(s: Schema, v: unknown): boolean {
  if (s.anyOf) return s.anyOf.some((branch) => valid(branch, v))
  if ('const' in s) return v === s.const
  switch (s.type) {
    case 'string':
      return (
        typeof v === 'string' &&
        (s.minLength === undefined || v.length >= s.minLength) &&
        (s.maxLength === undefined || v.length <= s.maxLength) &&
        (s.pattern === undefined || regex(s.pattern).test(v))
      )
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && inRange(s, v)
    case 'integer':
      return Number.isInteger(v) && inRange(s, v as number)
    case 'boolean':
      return typeof v === 'boolean'
    case 'null':
      return v === null
    case 'array':
      return (
        Array.isArray(v) &&
        (s.minItems === undefined || v.length >= s.minItems) &&
        (s.maxItems === undefined || v.length <= s.maxItems) &&
        validItems(s, v) &&
        (s.uniqueItems !== true || unique(v))
      )
    case 'object':
      return isObject(v) && (s.patternProperties ? validRecord(s, v) : validObject(s, v))
    case undefined:
      // Type.Unknown(): any value (only the keywords above, so an unknown keyword still fails loudly).
      if (Object.keys(s).every((k) => k === 'description')) return true
      throw new Error(`matches: unsupported schema ${JSON.stringify(s).slice(0, 80)}`)
    default:
      throw new Error(`matches: unsupported schema ${JSON.stringify(s).slice(0, 80)}`)
  }
}

function validObject(s: Schema, v: Record<string, unknown>): boolean {
  const properties = s.properties ?? {}
  const required = s.required ?? []
  for (const key of Object.keys(properties)) {
    // Optional properties may be absent or undefined, as in Value.Check's default policy.
    if ((required.includes(key) || v[key] !== undefined) && !valid(properties[key], v[key])) return false
  }
  return (
    s.additionalProperties !== false ||
    Object.getOwnPropertyNames(v).every((key) => Object.prototype.hasOwnProperty.call(properties, key))
  )
}

function validRecord(s: Schema, v: Record<string, unknown>): boolean {
  const [pattern, entry] = Object.entries(s.patternProperties as Record<string, Schema>)[0]
  const re = regex(pattern)
  return (
    Object.entries(v).every(([key, value]) => !re.test(key) || valid(entry, value)) &&
    (s.additionalProperties !== false || Object.getOwnPropertyNames(v).every((key) => re.test(key)))
  )
}

/** Whether a value (an answer, a restored record) has the shape of its schema. */
export function matches<T extends TSchema>(schema: T, value: unknown): value is Static<T> {
  return valid(schema as Schema, value)
}

/**
 * The entries of a restored map that match their schema; the others are dropped one by one, so one damaged
 * record (say, one article's progress) does not cost the reader all the others.
 */
export function matchingEntries<T extends TSchema>(schema: T, value: unknown): Record<string, Static<T>> {
  const out: Record<string, Static<T>> = {}
  if (!isObject(value)) return out
  for (const [key, entry] of Object.entries(value)) if (matches(schema, entry)) out[key] = entry
  return out
}

/** The items of a restored list that match their schema. */
export function matchingItems<T extends TSchema>(schema: T, value: unknown): Static<T>[] {
  return Array.isArray(value) ? value.filter((item): item is Static<T> => matches(schema, item)) : []
}
