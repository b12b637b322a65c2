import { fnv1a32 } from '../issue/hash'
import { foldWidth, squeeze } from './text'

/** The stem as compared for duplicates and ids: width-folded, whitespace removed. */
export function stemKey(stem: string): string {
  return squeeze(foldWidth(stem))
}

/** A question's stable id: `q` + FNV-1a of its stem key, so re-importing a bank (in any row order) keeps ids. */
export function questionId(stem: string): string {
  return 'q' + fnv1a32(stemKey(stem))
}
