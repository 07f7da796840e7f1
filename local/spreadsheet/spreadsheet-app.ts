// The fake `SpreadsheetApp`: the entry point of the Spreadsheet service. It returns the one open
// spreadsheet (an editor add-on only ever sees the document it runs in), the Ui, the rule builders and the
// enums. `flush()` does nothing but is counted, so a test can assert where the code forces a write.

import { FakeDataValidationBuilder } from './data-validation';
import {
  BooleanCriteria,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  Dimension,
  ProtectionType,
  RelativeDate,
} from './enums';
import { type FakeEnv, ServiceObject } from './env';
import type { FakeRange } from './range';
import { FakeConditionalFormatRuleBuilder } from './rules';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import type { Fake } from './types';
import type { FakeUi } from './ui';

type AppMembers =
  | 'BooleanCriteria'
  | 'DataValidationCriteria'
  | 'DeveloperMetadataLocationType'
  | 'DeveloperMetadataVisibility'
  | 'Dimension'
  | 'ProtectionType'
  | 'RelativeDate'
  | 'flush'
  | 'getActive'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newConditionalFormatRule'
  | 'newDataValidation'
  | 'openById'
  | 'setActiveSheet';

export class FakeSpreadsheetApp
  extends ServiceObject
  implements Fake<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMembers>
{
  readonly BooleanCriteria = BooleanCriteria;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly Dimension = Dimension;
  readonly ProtectionType = ProtectionType;
  readonly RelativeDate = RelativeDate;

  constructor(
    env: FakeEnv,
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly ui: FakeUi,
  ) {
    super(env, 'SpreadsheetApp');
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.track('getActiveSpreadsheet');
    return this.spreadsheet;
  }

  getActive(): FakeSpreadsheet {
    this.track('getActive');
    return this.spreadsheet;
  }

  getActiveSheet(): FakeSheet {
    this.track('getActiveSheet');
    return this.spreadsheet.activeSheet();
  }

  setActiveSheet(sheet: FakeSheet, _restoreSelection?: boolean): FakeSheet {
    this.track('setActiveSheet');
    this.spreadsheet.activate(sheet);
    return sheet;
  }

  /** The active range; A1 of the active sheet when nothing was activated (Sheets always has a selection). */
  getActiveRange(): FakeRange {
    this.track('getActiveRange');
    return this.spreadsheet.activeRangeOrCursor();
  }

  openById(id: string): FakeSpreadsheet {
    this.track('openById');
    if (id !== this.spreadsheet.id) throw this.env.unsupported('opening a spreadsheet other than the active one');
    return this.spreadsheet;
  }

  getUi(): FakeUi {
    this.track('getUi');
    return this.ui;
  }

  flush(): void {
    this.track('flush');
  }

  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    this.track('newConditionalFormatRule');
    return new FakeConditionalFormatRuleBuilder(this.env);
  }

  newDataValidation(): FakeDataValidationBuilder {
    this.track('newDataValidation');
    return new FakeDataValidationBuilder(this.env);
  }
}
