import type { Type as TypeBoxBuilders } from './type'

// The weapp build's stand-in for TypeBox's builders (Taro picks `.weapp.ts` over `.ts`): the mini-program only reads
// the schemas' JSON Schema keywords (src/domain/api/check.ts), never TypeBox's own symbols, so plain objects with
// the same keywords do, and TypeBox's builder library stays out of its main package. type.weapp.test.ts holds every
// contract built this way to the TypeBox one, keyword for keyword.

type Schema = Record<string, unknown>
type Options = Record<string, unknown> | undefined

const OPTIONAL = '__optional'

const schema = (base: Schema, options: Options): Schema => ({ ...options, ...base })

const builders = {
  Array: (items: Schema, options?: Options) => schema({ type: 'array', items }, options),
  Boolean: (options?: Options) => schema({ type: 'boolean' }, options),
  Integer: (options?: Options) => schema({ type: 'integer' }, options),
  Literal: (value: string | number | boolean, options?: Options) =>
    schema({ const: value, type: typeof value }, options),
  Null: (options?: Options) => schema({ type: 'null' }, options),
  Number: (options?: Options) => schema({ type: 'number' }, options),
  Object(properties: Record<string, Schema>, options?: Options) {
    const props: Record<string, Schema> = {}
    const required: string[] = []
    for (const key of Object.keys(properties)) {
      // Copy and delete rather than a rest pattern with a computed key (four Babel helpers in the main package).
      const rest = { ...properties[key] }
      const optional = rest[OPTIONAL]
      delete rest[OPTIONAL]
      props[key] = rest
      if (!optional) required.push(key)
    }
    return schema(
      required.length ? { type: 'object', required, properties: props } : { type: 'object', properties: props },
      options
    )
  },
  Optional: (s: Schema) => ({ ...s, [OPTIONAL]: true }),
  Record: (_key: Schema, value: Schema, options?: Options) =>
    schema({ type: 'object', patternProperties: { '^(.*)$': value } }, options),
  String: (options?: Options) => schema({ type: 'string' }, options),
  Tuple: (items: Schema[], options?: Options) =>
    schema({ type: 'array', items, additionalItems: false, minItems: items.length, maxItems: items.length }, options),
  Union: (anyOf: Schema[], options?: Options) =>
    anyOf.length === 1 ? schema(anyOf[0], options) : schema({ anyOf }, options),
  Unknown: (options?: Options) => schema({}, options)
}

export const Type = builders as unknown as typeof TypeBoxBuilders
