// Types of scripts/build.mjs for the TypeScript tests that import it.
export const GLOBAL_NAME: string;
export const browserScriptOptions: import('esbuild').BuildOptions & { write: false };
export function buildBundle(): Promise<string>;
export function buildSidebar(): Promise<string>;
export function build(): Promise<{ code: string; bytes: number; sidebarBytes: number }>;
