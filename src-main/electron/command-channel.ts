/** The IPC channel on which main sends menu commands (find, import, export, backup) to the page. */
export const COMMAND_CHANNEL = 'arshif:command'
