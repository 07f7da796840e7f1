// The two languages the add-on speaks, and the choice between them. Every text a user reads is a key here,
// so a missing Polish translation is a compile error, not a blank label.

export type Lang = 'en' | 'pl';

/** Picks the language from a spreadsheet or user locale such as `pl_PL`, `pl` or `en_US`; English otherwise. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === 'string' && /^pl\b|^pl[_-]/i.test(locale.trim()) ? 'pl' : 'en';
}

// The messages of the custom functions and the number reader, built on the first one shown.
const messages = defineTexts(() => [
  {
    notANumber: '{fn}: {arg} "{value}" is not a number',
    notADate: '{fn}: {arg} "{value}" is not a date',
    notYesNo: '{fn}: {arg} "{value}" is not done / not done (use TRUE/FALSE, yes/no, done or 1/0)',
    unknownKind: '{fn}: kind "{value}" is not one of: increase, decrease, at least, at most, milestone',
    shapeMismatch:
      '{fn}: {arg} has {rows}×{cols} cells but {other} has {otherRows}×{otherCols}; give ranges of the same size or a single cell',
    mustBePositive: '{fn}: {arg} must be greater than 0 (got {value})',
    mustNotBeNegative: '{fn}: {arg} must not be negative (got {value})',
    outOfRange: '{fn}: {arg} must be between {min} and {max} (got {value})',
    datesOutOfOrder: '{fn}: quarter_end {end} is before quarter_start {start}',
    unknownScenario: '{fn}: scenario "{value}" is not one of: pessimistic, standard, optimistic (or min, max)',
    unknownUnit: '{fn}: unit "{value}" is not one of: count, currency (zł, €, $, £, PLN…), %, days, hours, points',
    notThreshold: '{fn}: {arg} "{value}" is neither a number nor a KR type (committed, aspirational)',
    tooLarge: '{fn}: the result is too large to compute; check the inputs for extreme values',
    atCell: '{message} (row {row} of the range)',
    atCellColumn: '{message} (row {row}, column {column} of the range)',
    unknownType: '{fn}: type "{value}" is not one of: committed, aspirational',
    unknownOutcome: '{fn}: outcome "{value}" is not one of: won, lost, open (wygrana, przegrana, otwarta)',
    unknownCategory:
      '{fn}: {arg} "{value}" is not one of: pipeline, best case, commit, closed, omitted (lejek, najlepszy scenariusz, pewne, zamknięte, pominięte)',
    closedBeforeCreated: '{fn}: closed {closed} is before created {created}',
    periodOutOfOrder: '{fn}: to {end} is before from {start}',
  },
  {
    notANumber: '{fn}: {arg} „{value}” nie jest liczbą',
    notADate: '{fn}: {arg} „{value}” nie jest datą',
    notYesNo: '{fn}: {arg} „{value}” nie mówi, czy zrobione (użyj PRAWDA/FAŁSZ, tak/nie, zrobione albo 1/0)',
    unknownKind: '{fn}: rodzaj „{value}” nie jest jednym z: wzrost, spadek, co najmniej, co najwyżej, kamień milowy',
    shapeMismatch:
      '{fn}: {arg} ma {rows}×{cols} komórek, a {other} ma {otherRows}×{otherCols}; podaj zakresy tej samej wielkości albo jedną komórkę',
    mustBePositive: '{fn}: {arg} musi być większe od 0 (jest {value})',
    mustNotBeNegative: '{fn}: {arg} nie może być ujemne (jest {value})',
    outOfRange: '{fn}: {arg} musi być między {min} a {max} (jest {value})',
    datesOutOfOrder: '{fn}: quarter_end {end} jest przed quarter_start {start}',
    unknownScenario:
      '{fn}: scenariusz „{value}” nie jest jednym z: pesymistyczny, standardowy, optymistyczny (albo min, max)',
    unknownUnit:
      '{fn}: jednostka „{value}” nie jest jedną z: liczba, waluta (zł, €, $, £, PLN…), %, dni, godziny, punkty',
    notThreshold: '{fn}: {arg} „{value}” nie jest ani liczbą, ani typem KR (zobowiązujący, ambitny)',
    tooLarge: '{fn}: wynik jest zbyt duży, by go policzyć; sprawdź, czy dane nie mają skrajnych wartości',
    atCell: '{message} (wiersz {row} zakresu)',
    atCellColumn: '{message} (wiersz {row}, kolumna {column} zakresu)',
    unknownType: '{fn}: typ „{value}” nie jest jednym z: zobowiązujący, ambitny',
    unknownOutcome: '{fn}: wynik „{value}” nie jest jednym z: wygrana, przegrana, otwarta (won, lost, open)',
    unknownCategory:
      '{fn}: {arg} „{value}” nie jest jedną z: lejek, najlepszy scenariusz, pewne, zamknięte, pominięte (pipeline, best case, commit, closed, omitted)',
    closedBeforeCreated: '{fn}: data zamknięcia {closed} jest przed datą utworzenia {created}',
    periodOutOfOrder: '{fn}: to {end} jest przed from {start}',
  },
]);

export type MessageKey = Parameters<typeof messages>[1];

export type MessageParams = Readonly<Record<string, string | number>>;

/** Renders a message in the given language; `{name}` placeholders take their values from `params`. */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return messages(lang, key, params);
}

/**
 * A bilingual catalog of texts for one area of the add-on (sidebar, sheet labels, menu), given as a function
 * returning the English and the Polish catalog. The English texts define the keys; the Polish catalog must
 * have every one of them. The function runs on the first text asked for, not when the module loads: Apps
 * Script loads the whole bundle before every custom-function call, and a catalog it does not show would be
 * parsed and built for nothing (house rule 4, as schemas with lazySchema).
 */
export function defineTexts<const Keys extends string>(
  catalogs: () => readonly [en: Record<Keys, string>, pl: Record<Keys, string>],
): (lang: Lang, key: Keys, params?: MessageParams) => string {
  let texts: Record<Lang, Record<Keys, string>> | undefined;
  return (lang, key, params = {}) => {
    if (!texts) {
      const [en, pl] = catalogs();
      texts = { en, pl };
    }
    return texts[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}
