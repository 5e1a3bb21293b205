// `arshif backup`, `arshif restore`: not built yet.
import { UsageError, type Options } from '../common'

export async function backupCommand(_values: Options, _args: string[]): Promise<number> {
  throw new UsageError('backup is not available yet')
}

export async function restoreCommand(_values: Options, _args: string[]): Promise<number> {
  throw new UsageError('restore is not available yet')
}
