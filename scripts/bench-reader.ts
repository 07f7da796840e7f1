// Figure for `npm run bench`: how many spellings of the shared table (test/fixtures/number-spellings.ts)
// every path reads as the table says, in a Polish and an English setting. In process and cheap: a cell as
// Sheets takes typing (the local spreadsheet's reading in the locale), read as the custom functions read it
// (OKR_SCORE) and as the add-on reads the OKR sheet's Current cell; a CSV field as `okr checkin` reads it;
// a field of the New quarter sidebar; a plan's number as the server validates it. The end-to-end version of
// the same table is test/local/one-reader.test.ts.

import { readCsvNumber } from '../cli/checkin';
import { decimalMarkOfCsv } from '../cli/csv';
import { enterValue } from '../local/spreadsheet/values';
import { readTyping } from '../local/typing';
import { readField } from '../src/client/draft';
import { decimalMarkOf, readNumber } from '../src/core/cell-values';
import { OKR_SCORE } from '../src/core/formulas';
import { parseSubmitPayload } from '../src/server/sidebar-api';
import { expectedOf, SPELLINGS, type Spelling } from '../test/fixtures/number-spellings';

const SETTINGS = [
  { lang: 'pl', locale: 'pl_PL', separator: ';' },
  { lang: 'en', locale: 'en_US', separator: ',' },
] as const;

function plan(lang: 'pl' | 'en', current: string) {
  const keyResult = { title: 'K', kind: 'increase', unit: 'count', start: 0, target: 1000, weight: 1 };
  return {
    plan: {
      quarter: { kind: 'quarter', year: 2027, quarter: 1 },
      fiscalStartMonth: 1,
      team: 'T',
      language: lang,
      levels: ['team'],
      currency: 'PLN',
      formulaStyle: 'portable',
      objectives: [
        {
          level: 'team',
          title: 'O',
          keyResults: [{ ...keyResult, current, owner: '', committed: false, notes: '' }],
        },
      ],
    },
  };
}

/** What each path reads for one spelling in one setting. */
function readings(spelling: Spelling, setting: (typeof SETTINGS)[number]): unknown[] {
  const { lang, locale, separator } = setting;
  const typed = readTyping(spelling.text, locale, 'UTC').input;
  const cell = enterValue(typed, locale, false).value;
  const score = OKR_SCORE.evaluate([[[cell]]]);
  const ref = { fn: 'bench', arg: 'value' };
  const parsed = parseSubmitPayload(plan(lang, spelling.text), lang);
  return [
    score === '' ? null : score,
    readNumber(cell, ref),
    readCsvNumber(spelling.text, decimalMarkOfCsv(separator, decimalMarkOf(locale))),
    readField(spelling.text, 'count', lang === 'pl' ? ',' : '.'),
    parsed.ok ? (parsed.value.plan.objectives[0]?.keyResults[0]?.current ?? null) : undefined,
  ];
}

/** Spellings every path reads as the table says in both settings, and the table's size. */
export function measureSpellings(): { same: number; total: number } {
  const same = SPELLINGS.filter((spelling) =>
    SETTINGS.every((setting) => {
      const expected = expectedOf(spelling, setting.lang);
      try {
        return readings(spelling, setting).every((read) => read === expected);
      } catch {
        return false;
      }
    }),
  ).length;
  return { same, total: SPELLINGS.length };
}
