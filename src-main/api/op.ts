// Building blocks for the contract: how an operation is declared, and argument shapes that
// several features share. Renderer-safe: zod and types only.
import { z } from 'zod'

/** Declares an operation: its argument schema, and (as a type only) its result. */
export const op =
  <Result>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as Result | undefined })

export const none = z.object({}).strict()
export const id = z.number().int().positive()
/** YYYY, YYYY-MM or YYYY-MM-DD. */
export const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD')
