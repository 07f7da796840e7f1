// Issue 10's bad input through the CLI, in both languages, table-driven: each case is refused with exit code 1
// and the add-on's message in the workbook's (or plan's) language naming the line or field and the value, and
// nothing is written: the workbook file keeps its bytes and no other file appears. The same refusals are
// held on the fake by test/deals/deal.test.ts, test/deals/server.test.ts, test/initiatives/sheet.test.ts and
// test/review/; closing twice and an override without a reason are not refusals (test/close/, test/cli/close).

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runInProcess, tempFolder } from './run-cli';

const temp = tempFolder();
afterAll(temp.remove);
type Lang = 'en' | 'pl';
const workbookOf = (lang: Lang) => join(temp.folder, `${lang}.okr.json`);
const examplePlan = () => JSON.parse(readFileSync(join(ROOT, 'examples/plan.json'), 'utf8'));

beforeAll(async () => {
  for (const lang of ['en', 'pl'] as const) {
    const plan = join(temp.folder, `${lang}-plan.json`);
    writeFileSync(plan, JSON.stringify({ ...examplePlan(), language: lang }));
    const built = await runInProcess(['build', '--plan', plan, '--workbook', workbookOf(lang)]);
    expect(built.code).toBe(0);
  }
}, 120_000);

const HEADER = 'Deal ID,Deal Name,Amount,Probability,Created,Close Date,Outcome';

/** A deals export refused, what each language says of it. */
const DEALS: { name: string; csv: string; en: string; pl: string }[] = [
  {
    name: 'a missing required column, naming the columns matched',
    csv: 'Deal Name,Stage,Net value\nAcme,Negotiation,10',
    en: 'the header row has no column for Amount (matched: Deal Name, Stage)',
    pl: 'w wierszu nagłówków brak kolumny Kwota (rozpoznane: Deal Name, Stage)',
  },
  {
    name: 'a duplicate deal id',
    csv: `${HEADER}\nD-1,Acme,10,,,,\nD-1,Beta,20,,,,`,
    en: 'row 3: deal “D-1” is already on row 2',
    pl: 'wiersz 3: transakcja „D-1” jest już w wierszu 2',
  },
  {
    name: 'an amount no reader understands',
    csv: `${HEADER}\nD-1,Acme,lots,,,,`,
    en: 'row 2: Amount “lots” is not a number',
    pl: 'wiersz 2: Kwota „lots” nie jest liczbą',
  },
  {
    name: 'a date no reader understands',
    csv: `${HEADER}\nD-1,Acme,10,,31.02.2027,,`,
    en: '“31.02.2027” is not a date (use 2027-01-15 or 15.01.2027)',
    pl: '„31.02.2027” nie jest datą (użyj 2027-01-15 albo 15.01.2027)',
  },
  {
    name: 'a close date before the created date',
    csv: `${HEADER}\nD-1,Acme,10,,2027-02-01,2027-01-01,won`,
    en: 'row 2: the close date 2027-01-01 is before the created date 2027-02-01',
    pl: 'wiersz 2: data zamknięcia 2027-01-01 jest przed datą utworzenia 2027-02-01',
  },
  {
    name: 'a probability above 100 %',
    csv: `${HEADER}\nD-1,Acme,10,150%,,,`,
    en: 'row 2: probability “150%” is not between 0 and 100%',
    pl: 'wiersz 2: prawdopodobieństwo „150%” nie mieści się między 0 a 100%',
  },
];

/** The files of the folder and the workbook's bytes, to show nothing was written. */
function state(lang: Lang) {
  return { files: readdirSync(temp.folder).sort(), workbook: readFileSync(workbookOf(lang), 'utf8') };
}

describe.each(['en', 'pl'] as const)('bad input through the CLI (%s)', (lang) => {
  it.each(DEALS)('okr deals refuses $name, all rows or none', async ({ csv, en, pl }) => {
    const file = join(temp.folder, `bad-${lang}.csv`);
    writeFileSync(file, csv);
    const before = state(lang);
    const run = await runInProcess(['deals', '--workbook', workbookOf(lang), '--csv', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(lang === 'en' ? en : pl);
    expect(run.stderr).toContain('nothing was imported or saved');
    expect(state(lang)).toEqual(before);
  });

  it('okr build refuses initiatives and tasks naming ids that do not exist', async () => {
    const plan = { ...examplePlan(), language: lang };
    plan.initiatives.push({ hypothesis: 'We believe that…', keyResultId: 'O9.9', status: 'idea' });
    plan.tasks.push({ title: 'Call', initiativeId: 'I42' });
    const path = join(temp.folder, `bad-plan-${lang}.json`);
    writeFileSync(path, JSON.stringify(plan, null, 2));
    const before = state(lang);
    const run = await runInProcess(['build', '--plan', path, '--workbook', workbookOf(lang)]);
    expect(run.code).toBe(1);
    const said =
      lang === 'en'
        ? ['O9.9 is not a key result of this quarter', 'I42 is not an initiative of this plan']
        : ['O9.9 nie jest kluczowym rezultatem tego kwartału', 'I42 nie jest inicjatywą tego planu'];
    for (const text of said) expect(run.stderr).toContain(text);
    expect(run.stderr).toMatch(/bad-plan-\w+\.json:\d+ {2}initiatives\[4\]\.keyResultId: /);
    expect(run.stderr).toContain('Nothing was written.');
    expect(state(lang)).toEqual(before);
  });

  it('okr review refuses a month outside the quarter, naming its months', async () => {
    const before = state(lang);
    const run = await runInProcess(['review', '--workbook', workbookOf(lang), '--month', '2027-05']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      lang === 'en'
        ? '2027-05 is not a month of Q1 2027: its months are 2027-01, 2027-02, 2027-03.'
        : '2027-05 nie jest miesiącem kwartału Q1 2027: jego miesiące to 2027-01, 2027-02, 2027-03.',
    );
    expect(state(lang)).toEqual(before);
    expect(existsSync(`${workbookOf(lang)}.lock`)).toBe(false);
  });
});
