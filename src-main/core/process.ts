// Whether another process on this machine is still running: how leftovers of a crashed process
// (a temporary index file, a half-made backup, an import batch) are told from work in progress.
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0) // signal 0: only asks whether the process exists
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' // alive, but someone else's
  }
}
