// The Apps Script enums at run time. `@types/google-apps-script` declares them as ambient enums, which
// exist only for the compiler: there is no `GoogleAppsScript` object to read them from. As in Apps Script,
// each member here is an object whose `toString()` is its name, compared by identity
// (`type === SpreadsheetApp.ProtectionType.RANGE`); being objects and not strings also lets the fake tell
// `addDeveloperMetadata(key, visibility)` from `addDeveloperMetadata(key, value)`.

type SS = typeof GoogleAppsScript.Spreadsheet;

export class EnumValue {
  constructor(
    readonly enumName: string,
    readonly name: string,
  ) {}

  toString(): string {
    return this.name;
  }

  toJSON(): string {
    return this.name;
  }
}

/** The name of an enum member (`'RANGE'`), or `String(value)` for anything else. */
export function enumName(value: unknown): string {
  return value instanceof EnumValue ? value.name : String(value);
}

/** True when `value` is a member of the enum called `enumName`. */
export function isEnum(value: unknown, enumName: string): value is EnumValue {
  return value instanceof EnumValue && value.enumName === enumName;
}

function enumOf<E>(name: string, members: readonly (keyof E & string)[]): E {
  const object: Record<string, EnumValue> = {};
  for (const member of members) object[member] = new EnumValue(name, member);
  // Boundary cast: the declared type says "numeric enum"; the run-time members are EnumValue objects, which
  // is what Apps Script hands out too. Code only compares members by identity and prints them.
  return Object.freeze(object) as unknown as E;
}

export const ProtectionType = enumOf<SS['ProtectionType']>('ProtectionType', ['RANGE', 'SHEET']);
export const DeveloperMetadataLocationType = enumOf<SS['DeveloperMetadataLocationType']>(
  'DeveloperMetadataLocationType',
  ['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'],
);
export const DeveloperMetadataVisibility = enumOf<SS['DeveloperMetadataVisibility']>('DeveloperMetadataVisibility', [
  'DOCUMENT',
  'PROJECT',
]);
export const Dimension = enumOf<SS['Dimension']>('Dimension', ['COLUMNS', 'ROWS']);
export const RelativeDate = enumOf<SS['RelativeDate']>('RelativeDate', [
  'TODAY',
  'TOMORROW',
  'YESTERDAY',
  'PAST_WEEK',
  'PAST_MONTH',
  'PAST_YEAR',
]);
export const BooleanCriteria = enumOf<SS['BooleanCriteria']>('BooleanCriteria', [
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);
export const DataValidationCriteria = enumOf<SS['DataValidationCriteria']>('DataValidationCriteria', [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
]);

export const Button = enumOf<typeof GoogleAppsScript.Base.Button>('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const ButtonSet = enumOf<typeof GoogleAppsScript.Base.ButtonSet>('ButtonSet', [
  'OK',
  'OK_CANCEL',
  'YES_NO',
  'YES_NO_CANCEL',
]);

export const SandboxMode = enumOf<typeof GoogleAppsScript.HTML.SandboxMode>('SandboxMode', [
  'EMULATED',
  'IFRAME',
  'NATIVE',
]);
export const XFrameOptionsMode = enumOf<typeof GoogleAppsScript.HTML.XFrameOptionsMode>('XFrameOptionsMode', [
  'ALLOWALL',
  'DEFAULT',
]);

export const ChartType = enumOf<typeof GoogleAppsScript.Charts.ChartType>('ChartType', [
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
]);
