// The duplicates operations of the contract (see ../contract.ts). Renderer-safe: zod and types only.
import { z } from 'zod'
import { op, id } from '../op'
import type { LinkedArticle } from '../../core/import/near-duplicates'

export type { LinkedArticle }

export const duplicatesContract = {
  /**
   * The articles linked to this one as near-duplicates (found at import), both ways: the earlier
   * article it reprints ('reprint_of') and the later ones that reprint it ('reprinted_by'), with
   * the estimated similarity (0..1), most similar first.
   */
  'duplicates.of': op<LinkedArticle[]>()(z.object({ id }).strict()),
} as const
