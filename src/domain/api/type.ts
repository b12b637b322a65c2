import {
  Array as ArrayType,
  Boolean as BooleanType,
  Integer,
  Literal,
  Null,
  Number as NumberType,
  Object as ObjectType,
  Optional,
  Record as RecordType,
  String as StringType,
  Tuple,
  Union,
  Unknown
} from '@sinclair/typebox'

/**
 * The TypeBox builders the contracts use, under TypeBox's own names (`Type.Object(...)`). TypeBox's `Type`
 * namespace would pull every builder into the app bundle (about 40 KB more in the weapp main package); these
 * are the ones we need. Add a builder here when a schema needs it.
 */
export const Type = {
  Array: ArrayType,
  Boolean: BooleanType,
  Integer,
  Literal,
  Null,
  Number: NumberType,
  Object: ObjectType,
  Optional,
  Record: RecordType,
  String: StringType,
  Tuple,
  Union,
  Unknown
}
