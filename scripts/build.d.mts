// Types of scripts/build.mjs for the TypeScript tests that import it.
export const GLOBAL_NAME: string;
export const browserScriptOptions: import('esbuild').BuildOptions & { write: false };
export function buildBundle(extra?: import('esbuild').BuildOptions): Promise<string>;
export function withStubs(bundle: string, registry: Record<string, unknown>): string;
export function loadRegistry(): Promise<{
  registry: Record<string, unknown>;
  formulaParams: Record<string, readonly string[]>;
}>;
export function buildSidebar(): Promise<string>;
export function build(): Promise<{ code: string; bytes: number; sidebarBytes: number }>;
