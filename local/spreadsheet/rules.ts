// Conditional formatting: `SpreadsheetApp.newConditionalFormatRule()`, the rules it builds and their
// boolean conditions, enough to write rules and read them back. A sheet stores its rules as `RuleRecord`s
// whose ranges are anchored (they follow inserted and deleted rows and columns); `getConditionalFormatRules`
// hands out fresh rule objects, and `setConditionalFormatRules` replaces every rule of the sheet, the user's
// own included, exactly as in Apps Script. Gradient rules are not modelled. Rules are stored, never applied.

import { BooleanCriteria as Criteria, isEnum } from './enums';
import { type FakeEnv, ServiceObject } from './env';
import type { GridRange } from './grid';
import type { FakeRange } from './range';
import type { Fake } from './types';

type BC = GoogleAppsScript.Spreadsheet.BooleanCriteria;

/** How a rule formats a matching cell; `null` leaves that part of the cell's own format. */
export interface RuleFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

/** What a rule says, apart from where it applies. */
export interface RuleSpec extends RuleFormat {
  criteria: BC | null;
  values: unknown[];
}

/**
 * The format fields alone, copied into a new object. The workbook file, its loader and the snapshot all
 * carry them over as they are, in this order (which the saved JSON keeps).
 */
export function ruleFormat(from: RuleFormat): RuleFormat {
  return {
    background: from.background,
    fontColor: from.fontColor,
    bold: from.bold,
    italic: from.italic,
    strikethrough: from.strikethrough,
    underline: from.underline,
  };
}

/** A rule as a sheet stores it: the spec and its anchored ranges. */
export interface RuleRecord {
  spec: RuleSpec;
  ranges: GridRange[];
}

const EMPTY_SPEC: RuleSpec = {
  criteria: null,
  values: [],
  background: null,
  fontColor: null,
  bold: null,
  italic: null,
  strikethrough: null,
  underline: null,
};

type BuilderMethods =
  | 'build'
  | 'copy'
  | 'getBooleanCondition'
  | 'getGradientCondition'
  | 'getRanges'
  | 'setBackground'
  | 'setBold'
  | 'setFontColor'
  | 'setItalic'
  | 'setRanges'
  | 'setStrikethrough'
  | 'setUnderline'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenDateAfter'
  | 'whenDateBefore'
  | 'whenDateEqualTo'
  | 'whenFormulaSatisfied'
  | 'whenNumberBetween'
  | 'whenNumberEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberLessThan'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenNumberNotBetween'
  | 'whenNumberNotEqualTo'
  | 'whenTextContains'
  | 'whenTextDoesNotContain'
  | 'whenTextEndsWith'
  | 'whenTextEqualTo'
  | 'whenTextStartsWith'
  | 'withCriteria';

export class FakeConditionalFormatRuleBuilder
  extends ServiceObject
  implements Fake<GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, BuilderMethods>
{
  private spec: RuleSpec;
  private ranges: FakeRange[];

  constructor(env: FakeEnv, spec: RuleSpec = EMPTY_SPEC, ranges: FakeRange[] = []) {
    super(env, 'ConditionalFormatRuleBuilder');
    this.spec = { ...spec, values: [...spec.values] };
    this.ranges = [...ranges];
  }

  build(): FakeConditionalFormatRule {
    this.track('build');
    if (this.spec.criteria === null) throw this.env.exception('The conditional format rule has no condition.');
    return new FakeConditionalFormatRule(this.env, { ...this.spec, values: [...this.spec.values] }, [...this.ranges]);
  }

  copy(): FakeConditionalFormatRuleBuilder {
    this.track('copy');
    return new FakeConditionalFormatRuleBuilder(this.env, this.spec, this.ranges);
  }

  getBooleanCondition(): FakeBooleanCondition | null {
    this.track('getBooleanCondition');
    return this.spec.criteria === null ? null : new FakeBooleanCondition(this.env, this.spec);
  }

  getGradientCondition(): null {
    this.track('getGradientCondition');
    return null;
  }

  getRanges(): FakeRange[] {
    this.track('getRanges');
    return [...this.ranges];
  }

  setRanges(ranges: FakeRange[]): FakeConditionalFormatRuleBuilder {
    this.track('setRanges');
    this.ranges = [...ranges];
    return this;
  }

  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    this.track('setBackground');
    this.spec.background = color;
    return this;
  }

  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    this.track('setFontColor');
    this.spec.fontColor = color;
    return this;
  }

  setBold(bold: boolean | null): FakeConditionalFormatRuleBuilder {
    this.track('setBold');
    this.spec.bold = bold;
    return this;
  }

  setItalic(italic: boolean | null): FakeConditionalFormatRuleBuilder {
    this.track('setItalic');
    this.spec.italic = italic;
    return this;
  }

  setStrikethrough(strikethrough: boolean | null): FakeConditionalFormatRuleBuilder {
    this.track('setStrikethrough');
    this.spec.strikethrough = strikethrough;
    return this;
  }

  setUnderline(underline: boolean | null): FakeConditionalFormatRuleBuilder {
    this.track('setUnderline');
    this.spec.underline = underline;
    return this;
  }

  withCriteria(criteria: BC, args: unknown[]): FakeConditionalFormatRuleBuilder {
    this.track('withCriteria');
    return this.when(criteria, [...args]);
  }

  whenCellEmpty(): FakeConditionalFormatRuleBuilder {
    this.track('whenCellEmpty');
    return this.when(Criteria.CELL_EMPTY, []);
  }

  whenCellNotEmpty(): FakeConditionalFormatRuleBuilder {
    this.track('whenCellNotEmpty');
    return this.when(Criteria.CELL_NOT_EMPTY, []);
  }

  // A Date gives DATE_*, a RelativeDate gives DATE_*_RELATIVE, as in Apps Script.
  whenDateAfter(date: unknown): FakeConditionalFormatRuleBuilder {
    this.track('whenDateAfter');
    return this.when(isRelative(date) ? Criteria.DATE_AFTER_RELATIVE : Criteria.DATE_AFTER, [date]);
  }

  whenDateBefore(date: unknown): FakeConditionalFormatRuleBuilder {
    this.track('whenDateBefore');
    return this.when(isRelative(date) ? Criteria.DATE_BEFORE_RELATIVE : Criteria.DATE_BEFORE, [date]);
  }

  whenDateEqualTo(date: unknown): FakeConditionalFormatRuleBuilder {
    this.track('whenDateEqualTo');
    return this.when(isRelative(date) ? Criteria.DATE_EQUAL_TO_RELATIVE : Criteria.DATE_EQUAL_TO, [date]);
  }

  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    this.track('whenFormulaSatisfied');
    return this.when(Criteria.CUSTOM_FORMULA, [formula]);
  }

  whenNumberBetween(start: number, end: number): FakeConditionalFormatRuleBuilder {
    this.track('whenNumberBetween');
    return this.when(Criteria.NUMBER_BETWEEN, [start, end]);
  }

  whenNumberNotBetween(start: number, end: number): FakeConditionalFormatRuleBuilder {
    this.track('whenNumberNotBetween');
    return this.when(Criteria.NUMBER_NOT_BETWEEN, [start, end]);
  }

  whenNumberEqualTo(number: number): FakeConditionalFormatRuleBuilder {
    this.track('whenNumberEqualTo');
    return this.when(Criteria.NUMBER_EQUAL_TO, [number]);
  }

  whenNumberNotEqualTo(number: number): FakeConditionalFormatRuleBuilder {
    this.track('whenNumberNotEqualTo');
    return this.when(Criteria.NUMBER_NOT_EQUAL_TO, [number]);
  }

  whenNumberGreaterThan(number: number): FakeConditionalFormatRuleBuilder {
    this.track('whenNumberGreaterThan');
    return this.when(Criteria.NUMBER_GREATER_THAN, [number]);
  }

  whenNumberGreaterThanOrEqualTo(number: number): FakeConditionalFormatRuleBuilder {
    this.track('whenNumberGreaterThanOrEqualTo');
    return this.when(Criteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [number]);
  }

  whenNumberLessThan(number: number): FakeConditionalFormatRuleBuilder {
    this.track('whenNumberLessThan');
    return this.when(Criteria.NUMBER_LESS_THAN, [number]);
  }

  whenNumberLessThanOrEqualTo(number: number): FakeConditionalFormatRuleBuilder {
    this.track('whenNumberLessThanOrEqualTo');
    return this.when(Criteria.NUMBER_LESS_THAN_OR_EQUAL_TO, [number]);
  }

  whenTextContains(text: string): FakeConditionalFormatRuleBuilder {
    this.track('whenTextContains');
    return this.when(Criteria.TEXT_CONTAINS, [text]);
  }

  whenTextDoesNotContain(text: string): FakeConditionalFormatRuleBuilder {
    this.track('whenTextDoesNotContain');
    return this.when(Criteria.TEXT_DOES_NOT_CONTAIN, [text]);
  }

  whenTextEndsWith(text: string): FakeConditionalFormatRuleBuilder {
    this.track('whenTextEndsWith');
    return this.when(Criteria.TEXT_ENDS_WITH, [text]);
  }

  whenTextEqualTo(text: string): FakeConditionalFormatRuleBuilder {
    this.track('whenTextEqualTo');
    return this.when(Criteria.TEXT_EQUAL_TO, [text]);
  }

  whenTextStartsWith(text: string): FakeConditionalFormatRuleBuilder {
    this.track('whenTextStartsWith');
    return this.when(Criteria.TEXT_STARTS_WITH, [text]);
  }

  private when(criteria: BC, values: unknown[]): FakeConditionalFormatRuleBuilder {
    this.spec.criteria = criteria;
    this.spec.values = values;
    return this;
  }
}

type RuleMethods = 'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges';

export class FakeConditionalFormatRule
  extends ServiceObject
  implements Fake<GoogleAppsScript.Spreadsheet.ConditionalFormatRule, RuleMethods>
{
  constructor(
    env: FakeEnv,
    /** Fake internals: what the rule says and where it applies. */
    readonly spec: Readonly<RuleSpec>,
    readonly ranges: readonly FakeRange[],
  ) {
    super(env, 'ConditionalFormatRule');
  }

  copy(): FakeConditionalFormatRuleBuilder {
    this.track('copy');
    return new FakeConditionalFormatRuleBuilder(this.env, this.spec, [...this.ranges]);
  }

  getBooleanCondition(): FakeBooleanCondition | null {
    this.track('getBooleanCondition');
    return new FakeBooleanCondition(this.env, this.spec);
  }

  getGradientCondition(): null {
    this.track('getGradientCondition');
    return null;
  }

  getRanges(): FakeRange[] {
    this.track('getRanges');
    return [...this.ranges];
  }
}

type ConditionMethods =
  | 'getBackground'
  | 'getBold'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getFontColor'
  | 'getItalic'
  | 'getStrikethrough'
  | 'getUnderline';

export class FakeBooleanCondition
  extends ServiceObject
  implements Fake<GoogleAppsScript.Spreadsheet.BooleanCondition, ConditionMethods>
{
  private readonly spec: RuleSpec;

  constructor(env: FakeEnv, spec: Readonly<RuleSpec>) {
    super(env, 'BooleanCondition');
    this.spec = { ...spec, values: [...spec.values] };
  }

  getBackground(): string | null {
    this.track('getBackground');
    return this.spec.background;
  }

  getBold(): boolean | null {
    this.track('getBold');
    return this.spec.bold;
  }

  getCriteriaType(): BC {
    this.track('getCriteriaType');
    return this.spec.criteria as BC; // a condition exists only for a rule with criteria
  }

  getCriteriaValues(): unknown[] {
    this.track('getCriteriaValues');
    return [...this.spec.values];
  }

  getFontColor(): string | null {
    this.track('getFontColor');
    return this.spec.fontColor;
  }

  getItalic(): boolean | null {
    this.track('getItalic');
    return this.spec.italic;
  }

  getStrikethrough(): boolean | null {
    this.track('getStrikethrough');
    return this.spec.strikethrough;
  }

  getUnderline(): boolean | null {
    this.track('getUnderline');
    return this.spec.underline;
  }
}

function isRelative(date: unknown): boolean {
  return isEnum(date, 'RelativeDate');
}
