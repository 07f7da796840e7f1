// Team feeds for the roll-up tests, as IMPORTRANGE or a workbook file gives them: the contract's header row,
// then one row per key result.

import { FEED_KEYS, type FeedColumnKey } from '../../src/core/rollup/feed-schema';

export type FeedRowInput = Partial<Record<FeedColumnKey, unknown>> & { objective_id: string; kr_id: string };

/** A team's feed rows: header first; unset columns take plain defaults. */
export function feedRows(team: string, keyResults: readonly FeedRowInput[]): unknown[][] {
  const rows = keyResults.map((kr) => {
    const full: Record<FeedColumnKey, unknown> = {
      schema_version: 1,
      team,
      quarter: 'Q1 2027',
      level: 'team',
      objective: `Objective ${kr.objective_id}`,
      company_objective: 'C1',
      key_result: `Key result ${kr.kr_id}`,
      owner: 'Anna',
      kind: 'increase',
      unit: 'count',
      start: 0,
      target: 10,
      current: '',
      score: '',
      status: '',
      confidence: '',
      last_recorded: '',
      type: 'aspirational',
      weight: 1,
      ...kr,
    };
    return FEED_KEYS.map((key) => full[key]);
  });
  return [[...FEED_KEYS], ...rows];
}

/** A team of `objectives` × `keyResults`, every KR scored `score`, aligned to company objective `parent`. */
export function sizedFeed(team: string, objectives: number, keyResults: number, score = 0.5, parent = 'C1') {
  const rows: FeedRowInput[] = [];
  for (let o = 1; o <= objectives; o++) {
    for (let k = 1; k <= keyResults; k++) {
      rows.push({ objective_id: `O${o}`, kr_id: `O${o}.${k}`, score, company_objective: parent });
    }
  }
  return feedRows(team, rows);
}
