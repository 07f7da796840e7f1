// The short summaries the commands print: a quarter's objectives and key results with their scores and
// 🟢/🟡/🔴 as the OKR sheet computes them, and a check-in's rows as the week's tab shows them.

import { plural } from '../src/core/locale-format';
import type { Io } from './io';
import type { CheckInRow, QuarterView } from './workbook-view';

/** The status of a key result, or ⚪ when the sheet gives none (no value yet). */
export function statusMark(status: string): string {
  return /🟢|🟡|🔴/u.exec(status)?.[0] ?? '⚪';
}

/** Pads to a width counted in characters as a terminal shows them (emoji and Polish letters count once). */
function pad(text: string, width: number): string {
  const length = [...text].length;
  return length >= width ? text : text + ' '.repeat(width - length);
}

function clip(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

/** Counts of 🟢, 🟡, 🔴 and ⚪ over some statuses, as `🟢 3  🟡 4  🔴 2`. */
export function tally(statuses: readonly string[]): string {
  const marks = ['🟢', '🟡', '🔴', '⚪'];
  const counts = marks.map((mark) => statuses.filter((status) => statusMark(status) === mark).length);
  return marks
    .map((mark, index) => (counts[index] ? `${mark} ${counts[index]}` : ''))
    .filter(Boolean)
    .join('  ');
}

/** A count and its noun in English, the language of the CLI: `1 objective`, `3 key results`. */
function count(n: number, noun: string): string {
  return `${n} ${plural(n, 'en', { one: noun, other: `${noun}s` })}`;
}

/** A quarter: a title line, then each objective with its score and its key results. */
export function printQuarter(view: QuarterView, io: Io): void {
  const keyResults = view.objectives.flatMap((objective) => objective.keyResults);
  const team = view.team ? ` · ${view.team}` : '';
  io.out(
    `\n${view.sheetName}${team}: ${count(view.objectives.length, 'objective')}, ${count(keyResults.length, 'key result')}` +
      ` (as of ${view.asOf || '?'}, expected progress ${view.expected || '?'})`,
  );
  const idWidth = Math.max(4, ...keyResults.map((kr) => [...kr.id].length));
  for (const objective of view.objectives) {
    const score = objective.scoreText ? `  score ${objective.scoreText}` : '';
    io.out(`  ${pad(objective.id, idWidth)}  ${objective.title}${score}`);
    for (const kr of objective.keyResults) {
      const score = kr.scoreText ? `score ${kr.scoreText}` : 'no value yet';
      const progress = kr.current || kr.target ? `  ${kr.current || '–'} / ${kr.target || '–'}` : '';
      const line = `    ${statusMark(kr.status)} ${pad(kr.id, idWidth)}  ${pad(score, 14)}${pad(clip(kr.title, 44), 44)}${progress}`;
      io.out(line.trimEnd());
    }
  }
  io.out(`  ${tally(keyResults.map((kr) => kr.status))}`);
}

/** A check-in tab's key results: status, score, this week's value, confidence, comment and flags. */
export function printCheckIn(title: string, rows: readonly CheckInRow[], io: Io): void {
  io.out(`\n${title}`);
  const idWidth = Math.max(4, ...rows.map((row) => [...row.id].length));
  for (const row of rows) {
    const score = row.scoreText ? `score ${row.scoreText}` : 'no score';
    const confidence = row.confidence ? `  confidence ${row.confidence}` : '';
    // The confidence mismatch (⚠); "no value recorded for over a week" (⏳) only says the tab was made before
    // this recording.
    const mismatch = /⚠[^⏳]*/u.exec(row.flags)?.[0]?.trim() ?? '';
    const flags = mismatch ? `  ${mismatch}` : '';
    const line = `  ${statusMark(row.status)} ${pad(row.id, idWidth)}  ${pad(score, 12)}${pad(clip(row.title, 40), 40)}  ${pad(row.value || '–', 14)}${confidence}${flags}`;
    io.out(line.trimEnd());
  }
  io.out(`  ${tally(rows.map((row) => row.status))}`);
}
