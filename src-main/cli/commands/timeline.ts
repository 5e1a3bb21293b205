// `arshif timeline`: not built yet.
import { UsageError, type Options } from '../common'

export async function timelineCommand(_values: Options, _args: string[]): Promise<number> {
  throw new UsageError('timeline is not available yet')
}
