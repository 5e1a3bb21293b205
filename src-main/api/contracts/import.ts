// The import operations of the contract (see ../contract.ts). Renderer-safe: zod and types only.
// import { z } from 'zod'
// import { op, id, none } from '../op'

export const importContract = {} as const
