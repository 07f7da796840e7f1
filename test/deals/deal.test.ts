// The deal model: a CRM export's header row matched by name in Polish or English, rows read through the one
// reader, and every problem located at its row as a code the edge words in either language.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchDealColumns, readDeals } from '../../src/core/deals/deal';
import { dealProblemText } from '../../src/core/deals/deal-texts';

const HUBSPOT = ['Record ID', 'Deal Name', 'Deal owner', 'Amount', 'Deal Stage', 'Close Date', 'Create Date', 'Notes'];

describe('matching an export’s header row', () => {
  it('matches English CRM names, keeping a column it does not know', () => {
    const columns = matchDealColumns(HUBSPOT);
    expect(columns.matched.map((m) => m.field)).toEqual([
      'id',
      'deal',
      'owner',
      'amount',
      'stage',
      'closed',
      'created',
    ]);
    expect(columns.extra).toEqual([{ column: 7, header: 'Notes' }]);
    expect(columns.missing).toEqual([]);
  });

  it('matches Polish names with or without diacritics and a (%) suffix', () => {
    const columns = matchDealColumns(['Nazwa', 'Kwota', 'Prawdopodobienstwo (%)', 'Data zamknięcia', 'Wynik']);
    expect(columns.matched.map((m) => m.field)).toEqual(['deal', 'amount', 'probability', 'closed', 'outcome']);
  });

  it('says which required columns are missing and which were matched', () => {
    const reading = readDeals(['Deal Name', 'Stage', 'Wartość netto'], []);
    expect(reading.problems).toEqual([
      { code: 'missingColumns', missing: ['amount'], matched: ['Deal Name', 'Stage'] },
    ]);
    expect(dealProblemText('en', reading.problems[0] as never)).toBe(
      'the header row has no column for Amount (matched: Deal Name, Stage)',
    );
    expect(dealProblemText('pl', reading.problems[0] as never)).toBe(
      'w wierszu nagłówków brak kolumny Kwota (rozpoznane: Deal Name, Stage)',
    );
  });
});

describe('reading the rows of an export', () => {
  const header = ['Deal ID', 'Deal', 'Amount', 'Probability', 'Created', 'Close Date', 'Outcome', 'Forecast category'];

  it('reads amounts, percentages and dates as a person writes them', () => {
    const { deals, problems } = readDeals(
      header,
      [
        { row: 2, cells: ['D-1', 'Acme', '1 200 000 zł', '60%', '2027-01-04', '15.02.2027', 'wygrana', 'commit'] },
        { row: 3, cells: ['D-2', 'Beta', '45000,50', '25', '2027-01-10', '', '', 'najlepszy scenariusz'] },
      ],
      ',',
    );
    expect(problems).toEqual([]);
    expect(deals[0]).toMatchObject({
      id: 'D-1',
      amount: 1_200_000,
      probability: 0.6,
      outcome: 'won',
      category: 'commit',
    });
    expect((deals[0]?.closed ?? 0) - (deals[0]?.created ?? 0)).toBe(42);
    expect(deals[1]).toMatchObject({ amount: 45000.5, probability: 0.25, outcome: 'open', category: 'bestCase' });
  });

  it('uses the decimal-mark hint for an ambiguous amount', () => {
    const rows = [{ row: 2, cells: ['D', 'X', '1,200', '', '', '', '', ''] }];
    expect(readDeals(header, rows, '.').deals[0]?.amount).toBe(1200);
    expect(readDeals(header, rows, ',').deals[0]?.amount).toBe(1.2);
  });

  it('derives won and lost from the stage when the export has no outcome column', () => {
    const { deals } = readDeals(
      ['Deal Name', 'Amount', 'Deal Stage'],
      [
        { row: 2, cells: ['A', '10', 'Closed Won'] },
        { row: 3, cells: ['B', '10', 'Closed Lost'] },
        { row: 4, cells: ['C', '10', 'Negotiation'] },
      ],
    );
    expect(deals.map((deal) => deal.outcome)).toEqual(['won', 'lost', 'open']);
  });

  it('lists every problem with its row and value, and keeps no deal of a bad row', () => {
    const { deals, problems } = readDeals(header, [
      { row: 2, cells: ['D-1', 'Acme', 'dużo', '150%', '2027-02-01', '2027-01-01', 'maybe', 'soon'] },
      { row: 3, cells: ['D-1', 'Acme again', '10', '', '31.02.2027', '', '', ''] },
      { row: 4, cells: ['D-3', '', '10', '', '', '', '', ''] },
    ]);
    expect(deals).toEqual([]);
    expect(problems).toEqual([
      { code: 'notANumber', row: 2, field: 'amount', value: 'dużo' },
      { code: 'probabilityOutOfRange', row: 2, value: '150%' },
      { code: 'unknownCategory', row: 2, value: 'soon' },
      { code: 'closedBeforeCreated', row: 2, created: '2027-02-01', closed: '2027-01-01' },
      { code: 'unknownOutcome', row: 2, value: 'maybe' },
      { code: 'duplicateId', row: 3, id: 'D-1', earlier: 2 },
      { code: 'notADate', row: 3, field: 'created', value: '31.02.2027' },
      { code: 'noDealName', row: 4 },
    ]);
    const words = problems.map((problem) => dealProblemText('en', problem));
    expect(words[0]).toBe('row 2: Amount “dużo” is not a number');
    expect(words[5]).toBe('row 3: deal “D-1” is already on row 2');
    expect(dealProblemText('pl', problems[3] as never)).toBe(
      'wiersz 2: data zamknięcia 2027-01-01 jest przed datą utworzenia 2027-02-01',
    );
  });

  it('refuses an export with a header and no deals', () => {
    expect(readDeals(header, [{ row: 2, cells: ['', '', ''] }]).problems).toEqual([{ code: 'noRows' }]);
  });

  it('reads any whole amount the way it was written, in either convention (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom<'.' | ','>('.', ','), (amount, mark) => {
        const written = amount.toLocaleString(mark === ',' ? 'pl-PL' : 'en-US');
        const { deals, problems } = readDeals(['Deal', 'Amount'], [{ row: 2, cells: ['X', written] }], mark);
        return problems.length === 0 && deals[0]?.amount === amount;
      }),
    );
  });
});
