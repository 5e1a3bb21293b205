// The only bridge between the sandboxed page and the main process: one function that sends a
// named call to the engine, and one that receives the menu's commands. Everything the page may
// call is listed in src-main/api/contract.ts.
import { contextBridge, ipcRenderer } from 'electron'
import { IPC_CHANNEL } from '../api/channel'
import { COMMAND_CHANNEL } from './command-channel'

contextBridge.exposeInMainWorld('arshif', {
  call: (method: string, args: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, args),
  /** The menu's commands (find, import, export, backup), for src-renderer/src/shortcuts.ts. */
  onCommand: (callback: (command: string) => void) => {
    ipcRenderer.on(COMMAND_CHANNEL, (_event, command: unknown) => {
      if (typeof command === 'string') callback(command)
    })
  },
})
