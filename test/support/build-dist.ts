// Vitest global setup: builds dist/ before any test runs, so the bundle tests never see a stale build.
import { build } from '../../scripts/build.mjs';

export default async function setup(): Promise<void> {
  await build();
}
