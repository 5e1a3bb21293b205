// `arshif compare`: not built yet.
import { UsageError, type Options } from '../common'

export async function compareCommand(_values: Options, _args: string[]): Promise<number> {
  throw new UsageError('compare is not available yet')
}
