/** The one IPC channel the preload bridges; kept apart from the contract so the preload stays tiny. */
export const IPC_CHANNEL = 'arshif:call'
