import { Value } from '@sinclair/typebox/value'
import { BankSchema, type Bank } from './schema'

// Apart from schema.ts so that the API contracts (src/domain/api/quiz.ts), which the app's main package loads, do
// not pull in TypeBox's Value module (BigInt constants old iOS lacks, and 14 KB).

/** True when `value` is a well-formed bank (e.g. a bank JSON fetched from the server or read from disk). */
export function isBank(value: unknown): value is Bank {
  return Value.Check(BankSchema, value)
}
