// Figures of issue 10 for `npm run bench`: the Initiatives generator (the menu item on a quarter with no
// Initiatives sheet yet) at 9 and 100 key results, and a quarter built with 100 initiatives and 300 tasks:
// service calls (they must not grow with KRs or initiatives) and milliseconds, on the typed fake. Compiled
// by esbuild and imported by scripts/bench.mjs.

import { createFakeServices } from '../local/spreadsheet/index';
import { withGlobalServices } from '../local/spreadsheet/scope';
import { openInitiatives } from '../src/server/initiatives-sheet';
import { buildQuarter } from '../src/server/quarter-builder';
import type { QuarterPlan } from '../src/shared/plan';
import { sizedPlan } from '../test/okr-sheet/plans';
import { quarterWithHistoryAndDeals } from './bench-review';

export interface InitiativesFigures {
  label: string;
  calls: number;
  ms: number;
}

function withServices<T>(work: (services: ReturnType<typeof createFakeServices>) => T): T {
  const services = createFakeServices({ locale: 'pl_PL' });
  return withGlobalServices(services, () => work(services));
}

/** The menu item creating the Initiatives sheet of a quarter of `objectives` × `keyResults`. */
export function measureInitiativesMenu(objectives: number, keyResults: number): InitiativesFigures {
  return withServices((services) => {
    buildQuarter(sizedPlan(objectives, keyResults));
    const started = performance.now();
    const measured = services.calls.measure(() => openInitiatives());
    return { label: `${objectives * keyResults} KRs`, calls: measured.total, ms: performance.now() - started };
  });
}

/** The menu item on Q2 2027 of `krCount` key results (9 or 100) with 12 weeks of History and `dealCount` deals. */
export function measureInitiativesWithHistory(krCount: number, dealCount: number): InitiativesFigures {
  return withServices((services) => {
    quarterWithHistoryAndDeals(services, krCount, dealCount);
    const started = performance.now();
    const measured = services.calls.measure(() => openInitiatives());
    return {
      label: `${krCount} KRs, 12 weeks of History, ${dealCount} deals`,
      calls: measured.total,
      ms: performance.now() - started,
    };
  });
}

/** A 9-KR quarter built with `count` initiatives and three tasks each: the whole build's calls. */
export function measureBuildWithInitiatives(count: number): InitiativesFigures {
  return withServices((services) => {
    const plan: QuarterPlan = sizedPlan(3, 3);
    plan.initiatives = Array.from({ length: count }, (_, i) => ({
      hypothesis: `We believe that change ${i + 1} will move the KR because of evidence ${i + 1}`,
      keyResultId: `O${1 + (i % 3)}.${1 + (i % 3)}`,
      owner: 'Owner',
      status: 'running' as const,
      impact: 1 + (i % 10),
      confidence: 5,
      ease: 5,
    }));
    plan.tasks = Array.from({ length: count * 3 }, (_, i) => ({
      title: `Task ${i + 1}`,
      initiativeId: `I${1 + (i % count)}`,
    }));
    const started = performance.now();
    const measured = services.calls.measure(() => buildQuarter(plan));
    return {
      label: `${count} initiatives, ${count * 3} tasks`,
      calls: measured.total,
      ms: performance.now() - started,
    };
  });
}
