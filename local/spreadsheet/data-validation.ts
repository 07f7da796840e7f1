// Data validation: `SpreadsheetApp.newDataValidation()` and the rules it builds. A rule is an immutable
// value (criteria, its arguments, allow-invalid, help text) stored per cell by `Range.setDataValidation`.
// When a rule rejects invalid input (`setAllowInvalid(false)`), writes that break it throw the error Sheets
// throws; the common criteria are checked (lists, ranges, numbers, text, dates, checkboxes), custom
// formulas are not evaluated and always pass.

import { DataValidationCriteria as Criteria, enumName } from './enums';
import { type FakeEnv, ServiceObject } from './env';
import type { FakeRange } from './range';
import type { Fake } from './types';
import { isDate } from './values';

type DVC = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

interface ValidationSpec {
  criteria: DVC | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

type BuilderMethods =
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateBetween'
  | 'requireDateEqualTo'
  | 'requireDateNotBetween'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireNumberNotBetween'
  | 'requireNumberNotEqualTo'
  | 'requireTextContains'
  | 'requireTextDoesNotContain'
  | 'requireTextEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria';

export class FakeDataValidationBuilder
  extends ServiceObject
  implements Fake<GoogleAppsScript.Spreadsheet.DataValidationBuilder, BuilderMethods>
{
  private spec: ValidationSpec;

  constructor(env: FakeEnv, from?: ValidationSpec) {
    super(env, 'DataValidationBuilder');
    this.spec = from
      ? { ...from, values: [...from.values] }
      : { criteria: null, values: [], allowInvalid: true, helpText: null };
  }

  build(): FakeDataValidation {
    this.track('build');
    if (this.spec.criteria === null) throw this.env.exception('The data validation rule has no criteria.');
    return new FakeDataValidation(this.env, { ...this.spec, values: [...this.spec.values] });
  }

  copy(): FakeDataValidationBuilder {
    this.track('copy');
    return new FakeDataValidationBuilder(this.env, this.spec);
  }

  getAllowInvalid(): boolean {
    this.track('getAllowInvalid');
    return this.spec.allowInvalid;
  }

  getCriteriaType(): DVC {
    this.track('getCriteriaType');
    if (this.spec.criteria === null) throw this.env.exception('The data validation rule has no criteria.');
    return this.spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    this.track('getCriteriaValues');
    return [...this.spec.values];
  }

  getHelpText(): string | null {
    this.track('getHelpText');
    return this.spec.helpText;
  }

  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this.track('setAllowInvalid');
    this.spec.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): FakeDataValidationBuilder {
    this.track('setHelpText');
    this.spec.helpText = helpText;
    return this;
  }

  withCriteria(criteria: DVC, args: unknown[]): FakeDataValidationBuilder {
    this.track('withCriteria');
    return this.set(criteria, [...args]);
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): FakeDataValidationBuilder {
    this.track('requireCheckbox');
    const values =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this.set(Criteria.CHECKBOX, values);
  }

  requireDate(): FakeDataValidationBuilder {
    this.track('requireDate');
    return this.set(Criteria.DATE_IS_VALID_DATE, []);
  }

  requireDateAfter(date: Date): FakeDataValidationBuilder {
    this.track('requireDateAfter');
    return this.set(Criteria.DATE_AFTER, [date]);
  }

  requireDateBefore(date: Date): FakeDataValidationBuilder {
    this.track('requireDateBefore');
    return this.set(Criteria.DATE_BEFORE, [date]);
  }

  requireDateBetween(start: Date, end: Date): FakeDataValidationBuilder {
    this.track('requireDateBetween');
    return this.set(Criteria.DATE_BETWEEN, [start, end]);
  }

  requireDateEqualTo(date: Date): FakeDataValidationBuilder {
    this.track('requireDateEqualTo');
    return this.set(Criteria.DATE_EQUAL_TO, [date]);
  }

  requireDateNotBetween(start: Date, end: Date): FakeDataValidationBuilder {
    this.track('requireDateNotBetween');
    return this.set(Criteria.DATE_NOT_BETWEEN, [start, end]);
  }

  requireDateOnOrAfter(date: Date): FakeDataValidationBuilder {
    this.track('requireDateOnOrAfter');
    return this.set(Criteria.DATE_ON_OR_AFTER, [date]);
  }

  requireDateOnOrBefore(date: Date): FakeDataValidationBuilder {
    this.track('requireDateOnOrBefore');
    return this.set(Criteria.DATE_ON_OR_BEFORE, [date]);
  }

  requireFormulaSatisfied(formula: string): FakeDataValidationBuilder {
    this.track('requireFormulaSatisfied');
    return this.set(Criteria.CUSTOM_FORMULA, [formula]);
  }

  requireNumberBetween(start: number, end: number): FakeDataValidationBuilder {
    this.track('requireNumberBetween');
    return this.set(Criteria.NUMBER_BETWEEN, [start, end]);
  }

  requireNumberEqualTo(number: number): FakeDataValidationBuilder {
    this.track('requireNumberEqualTo');
    return this.set(Criteria.NUMBER_EQUAL_TO, [number]);
  }

  requireNumberGreaterThan(number: number): FakeDataValidationBuilder {
    this.track('requireNumberGreaterThan');
    return this.set(Criteria.NUMBER_GREATER_THAN, [number]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): FakeDataValidationBuilder {
    this.track('requireNumberGreaterThanOrEqualTo');
    return this.set(Criteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [number]);
  }

  requireNumberLessThan(number: number): FakeDataValidationBuilder {
    this.track('requireNumberLessThan');
    return this.set(Criteria.NUMBER_LESS_THAN, [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): FakeDataValidationBuilder {
    this.track('requireNumberLessThanOrEqualTo');
    return this.set(Criteria.NUMBER_LESS_THAN_OR_EQUAL_TO, [number]);
  }

  requireNumberNotBetween(start: number, end: number): FakeDataValidationBuilder {
    this.track('requireNumberNotBetween');
    return this.set(Criteria.NUMBER_NOT_BETWEEN, [start, end]);
  }

  requireNumberNotEqualTo(number: number): FakeDataValidationBuilder {
    this.track('requireNumberNotEqualTo');
    return this.set(Criteria.NUMBER_NOT_EQUAL_TO, [number]);
  }

  requireTextContains(text: string): FakeDataValidationBuilder {
    this.track('requireTextContains');
    return this.set(Criteria.TEXT_CONTAINS, [text]);
  }

  requireTextDoesNotContain(text: string): FakeDataValidationBuilder {
    this.track('requireTextDoesNotContain');
    return this.set(Criteria.TEXT_DOES_NOT_CONTAIN, [text]);
  }

  requireTextEqualTo(text: string): FakeDataValidationBuilder {
    this.track('requireTextEqualTo');
    return this.set(Criteria.TEXT_EQUAL_TO, [text]);
  }

  requireTextIsEmail(): FakeDataValidationBuilder {
    this.track('requireTextIsEmail');
    return this.set(Criteria.TEXT_IS_VALID_EMAIL, []);
  }

  requireTextIsUrl(): FakeDataValidationBuilder {
    this.track('requireTextIsUrl');
    return this.set(Criteria.TEXT_IS_VALID_URL, []);
  }

  requireValueInList(values: string[], showDropdown = true): FakeDataValidationBuilder {
    this.track('requireValueInList');
    return this.set(Criteria.VALUE_IN_LIST, [[...values], showDropdown]);
  }

  requireValueInRange(range: FakeRange, showDropdown = true): FakeDataValidationBuilder {
    this.track('requireValueInRange');
    return this.set(Criteria.VALUE_IN_RANGE, [range, showDropdown]);
  }

  private set(criteria: DVC, values: unknown[]): FakeDataValidationBuilder {
    this.spec.criteria = criteria;
    this.spec.values = values;
    return this;
  }
}

type RuleMethods = 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText';

export class FakeDataValidation
  extends ServiceObject
  implements Fake<GoogleAppsScript.Spreadsheet.DataValidation, RuleMethods>
{
  constructor(
    env: FakeEnv,
    /** Fake internals: what the rule says. */
    readonly spec: Readonly<ValidationSpec>,
  ) {
    super(env, 'DataValidation');
  }

  copy(): FakeDataValidationBuilder {
    this.track('copy');
    return new FakeDataValidationBuilder(this.env, this.spec);
  }

  getAllowInvalid(): boolean {
    this.track('getAllowInvalid');
    return this.spec.allowInvalid;
  }

  getCriteriaType(): DVC {
    this.track('getCriteriaType');
    return this.spec.criteria as DVC; // build() refuses a rule without criteria
  }

  getCriteriaValues(): unknown[] {
    this.track('getCriteriaValues');
    return [...this.spec.values];
  }

  /** The help text; `''` when none was set (the declared type is `string`). */
  getHelpText(): string {
    this.track('getHelpText');
    return this.spec.helpText ?? '';
  }
}

/** True when `value` may go into a cell with this rule (always, unless the rule rejects invalid input). */
export function accepts(rule: FakeDataValidation, value: unknown): boolean {
  const { criteria, values, allowInvalid } = rule.spec;
  if (allowInvalid || criteria === null || value === '') return true;
  const [a, b] = values;
  const num = typeof value === 'number' ? value : null;
  const time = isDate(value) ? value.getTime() : null;
  const at = (d: unknown) => (isDate(d) ? d.getTime() : Number.NaN);
  const text = String(value);
  switch (enumName(criteria)) {
    case 'VALUE_IN_LIST':
      return (Array.isArray(a) ? a : []).some((item) => String(item) === text);
    case 'VALUE_IN_RANGE': {
      const range = a as FakeRange;
      return range.mapCells((r, c) => range.sheet.valueAt(r, c)).some((line) => line.some((v) => String(v) === text));
    }
    case 'CHECKBOX':
      return values.length === 0 ? typeof value === 'boolean' : values.some((v) => v === value);
    case 'NUMBER_BETWEEN':
      return num !== null && num >= Number(a) && num <= Number(b);
    case 'NUMBER_NOT_BETWEEN':
      return num !== null && (num < Number(a) || num > Number(b));
    case 'NUMBER_EQUAL_TO':
      return num === Number(a);
    case 'NUMBER_NOT_EQUAL_TO':
      return num !== null && num !== Number(a);
    case 'NUMBER_GREATER_THAN':
      return num !== null && num > Number(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== null && num >= Number(a);
    case 'NUMBER_LESS_THAN':
      return num !== null && num < Number(a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== null && num <= Number(a);
    case 'TEXT_EQUAL_TO':
      return text === String(a);
    case 'TEXT_CONTAINS':
      return text.includes(String(a));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(String(a));
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
    case 'TEXT_IS_VALID_URL':
      return /^https?:\/\/\S+$/i.test(text);
    case 'DATE_IS_VALID_DATE':
      return time !== null;
    case 'DATE_AFTER':
      return time !== null && time > at(a);
    case 'DATE_BEFORE':
      return time !== null && time < at(a);
    case 'DATE_ON_OR_AFTER':
      return time !== null && time >= at(a);
    case 'DATE_ON_OR_BEFORE':
      return time !== null && time <= at(a);
    case 'DATE_EQUAL_TO':
      return time !== null && time === at(a);
    case 'DATE_BETWEEN':
      return time !== null && time >= at(a) && time <= at(b);
    case 'DATE_NOT_BETWEEN':
      return time !== null && (time < at(a) || time > at(b));
    default:
      return true;
  }
}
