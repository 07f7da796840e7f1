// The check-in as plain text in the guide's own form, ready to paste into an email or a chat. The wording
// follows the guide's template in each language, but for one line: the Polish template's "Okazje w final
// stage" is half English, and it reads "Okazje w końcowym etapie" here, as on the check-in tab, so the team
// reads one Polish name for the deals about to close.

import { defineTexts, type Lang } from '../i18n';
import { formatPercent, formatValue } from '../number-format';
import { sheetText } from '../okr-sheet/texts';
import { STATUS_EMOJI } from '../pace';
import { assessKeyResult, type CheckIn } from './check-in';

const text = defineTexts(() => [
  {
    title: '=== Sales Check-in – Week {week} ===',
    pipeline: 'PIPELINE:',
    pipelineValue: '- Value: {value} / goal {goal} = {share}',
    finalStage: '- Deals in the final stage: {deals}',
    forecast: '- Forecast for the next 2 weeks: {value}',
    okrStatus: 'OKR STATUS:',
    keyResult: '- {id} {title}: {value} / {target} = {share} {status}',
    blockers: 'BLOCKERS:',
    blocker: '- {description} — {who}',
    plan: 'PLAN FOR THE WEEK:',
    planItem: '{number}. {action} → supports KR {id}',
    none: '—',
  },
  {
    title: '=== Sales Check-in – Tydzień {week} ===',
    pipeline: 'PIPELINE:',
    pipelineValue: '- Wartość: {value} / cel {goal} = {share}',
    finalStage: '- Okazje w końcowym etapie: {deals}',
    forecast: '- Prognoza na 2 tygodnie: {value}',
    okrStatus: 'OKR STATUS:',
    keyResult: '- {id} {title}: {value} / {target} = {share} {status}',
    blockers: 'BLOKERY:',
    blocker: '- {description} — {who}',
    plan: 'PLAN NA TYDZIEŃ:',
    planItem: '{number}. {action} → wspiera KR {id}',
    none: '—',
  },
]);

/** The check-in in the guide's plain-text form, in Polish or English. */
export function renderCheckInText(checkIn: CheckIn, lang: Lang): string {
  const none = text(lang, 'none');
  const money = (value: number | null) =>
    value === null ? none : formatValue(value, 'currency', lang, checkIn.pipeline.currency);
  const { pipeline } = checkIn;
  const lines = [
    text(lang, 'title', { week: checkIn.week }),
    text(lang, 'pipeline'),
    text(lang, 'pipelineValue', {
      value: money(pipeline.value),
      goal: money(pipeline.goal),
      share: pipeline.value !== null && pipeline.goal ? formatPercent(pipeline.value / pipeline.goal, lang) : none,
    }),
    text(lang, 'finalStage', { deals: pipeline.finalStageDeals.filter(Boolean).join(', ') || none }),
    text(lang, 'forecast', { value: money(pipeline.forecastTwoWeeks) }),
    text(lang, 'okrStatus'),
  ];
  for (const keyResult of checkIn.keyResults) {
    const assessment = assessKeyResult(keyResult, checkIn.expected, checkIn.asOfDay);
    const show = (value: number | null) =>
      value === null ? none : formatValue(value, keyResult.unit, lang, keyResult.currency ?? pipeline.currency);
    // A milestone is done or not: "no / yes" says it, where "0 / —" would not.
    const milestone = keyResult.kind === 'milestone';
    const done = (value: number | null) => (value === null ? none : sheetText(lang, value >= 1 ? 'yes' : 'no'));
    lines.push(
      text(lang, 'keyResult', {
        id: keyResult.id,
        title: keyResult.title,
        value: milestone ? done(keyResult.value) : show(keyResult.value),
        target: milestone ? sheetText(lang, 'yes') : show(keyResult.target),
        share: assessment.shareOfTarget === null ? none : formatPercent(assessment.shareOfTarget, lang),
        status: assessment.status === null ? '⚪' : STATUS_EMOJI[assessment.status],
      }).trimEnd(),
    );
  }
  lines.push(text(lang, 'blockers'));
  const blockers = checkIn.blockers.filter((blocker) => blocker.description.trim());
  if (blockers.length === 0) lines.push(`- ${none}`);
  for (const blocker of blockers) {
    lines.push(
      blocker.whoCanHelp.trim()
        ? text(lang, 'blocker', { description: blocker.description, who: blocker.whoCanHelp })
        : `- ${blocker.description}`,
    );
  }
  lines.push(text(lang, 'plan'));
  checkIn.plan
    .filter((item) => item.action.trim())
    .forEach((item, index) => {
      lines.push(
        item.keyResultId
          ? text(lang, 'planItem', { number: index + 1, action: item.action, id: item.keyResultId })
          : `${index + 1}. ${item.action}`,
      );
    });
  return `${lines.join('\n')}\n`;
}
