// Backups, restores, the daily schedule and the recovery of a damaged archive (see README: Backups).
export * from './backup'
export * from './settings'
export * from './scheduler'
export type { BackupManifest } from './manifest'
