import { Type, type Static } from '@sinclair/typebox'

/** Body of every 4xx/5xx answer. */
export const ErrorBody = Type.Object({ error: Type.String(), message: Type.String() })

/** Error answers a route can give, by status, for its response schema. */
export function errors(...statuses: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBody]))
}

export const Ok = Type.Object({ ok: Type.Literal(true) })

/** A device name as a client reports it (e.g. "iPhone Safari"). */
export const DeviceName = Type.String({ minLength: 1, maxLength: 40 })

export type ErrorBodyType = Static<typeof ErrorBody>
