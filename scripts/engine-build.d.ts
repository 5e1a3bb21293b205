// Types of ./engine-build.js (plain JavaScript: bin/arshif.js loads it before any TypeScript loader).
export declare const ENGINE_BUILD_DIR: string
/** `root`: the repository (default: this one). */
export declare function freshEngineBuild(root?: string): string | null
