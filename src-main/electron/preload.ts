// The only bridge between the sandboxed page and the main process: one function that sends a
// named call to the engine. Everything the page may do is listed in src-main/api/contract.ts.
import { contextBridge, ipcRenderer } from 'electron'
import { IPC_CHANNEL } from '../api/channel'

contextBridge.exposeInMainWorld('arshif', {
  call: (method: string, args: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, args),
})
