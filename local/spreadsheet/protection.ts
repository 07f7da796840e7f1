// Protections, of a range (`Range.protect()`) or of a whole sheet (`Sheet.protect()`). They are recorded,
// not enforced: the add-on runs as the owner, who may edit anything. A range protection's range is anchored
// and follows inserted and deleted rows; `remove()` takes it out of the spreadsheet. The editor list starts
// with the effective user, as in Apps Script.

import { ProtectionType } from './enums';
import { type FakeEnv, ServiceObject } from './env';
import type { GridRange } from './grid';
import type { FakeRange } from './range';
import { FakeUser } from './session';
import type { FakeSpreadsheet } from './spreadsheet';
import type { Fake } from './types';

type Type = GoogleAppsScript.Spreadsheet.ProtectionType;

type ProtectionMethods =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setRange'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

export class FakeProtection
  extends ServiceObject
  implements Fake<GoogleAppsScript.Spreadsheet.Protection, ProtectionMethods>
{
  /** Fake internals: the recorded settings. */
  description = '';
  warningOnly = false;
  domainEdit = true;
  editors: string[];
  unprotected: GridRange[] = [];

  constructor(
    env: FakeEnv,
    private readonly book: FakeSpreadsheet,
    readonly type: Type,
    public sheetId: number,
    /** The protected range; `null` for a sheet protection (the whole sheet). */
    public range: GridRange | null,
  ) {
    super(env, 'Protection');
    this.editors = [book.effectiveUser];
  }

  getProtectionType(): Type {
    this.track('getProtectionType');
    return this.type;
  }

  getRange(): FakeRange {
    this.track('getRange');
    const sheet = this.book.sheetById(this.sheetId);
    if (!sheet) throw this.env.exception('The protected sheet no longer exists.');
    return this.range ? sheet.rangeOf(this.range) : sheet.rangeAt(1, 1, sheet.grid.maxRows, sheet.grid.maxColumns);
  }

  setRange(range: FakeRange): FakeProtection {
    this.track('setRange');
    if (this.type === ProtectionType.SHEET) throw this.env.exception('A sheet protection covers the whole sheet.');
    this.sheetId = range.sheet.id;
    this.range = range.sheet.anchor(range.area);
    return this;
  }

  getDescription(): string {
    this.track('getDescription');
    return this.description;
  }

  setDescription(description: string): FakeProtection {
    this.track('setDescription');
    this.description = description;
    return this;
  }

  isWarningOnly(): boolean {
    this.track('isWarningOnly');
    return this.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.track('setWarningOnly');
    this.warningOnly = warningOnly;
    return this;
  }

  canEdit(): boolean {
    this.track('canEdit');
    return true;
  }

  canDomainEdit(): boolean {
    this.track('canDomainEdit');
    return this.domainEdit;
  }

  setDomainEdit(editable: boolean): FakeProtection {
    this.track('setDomainEdit');
    this.domainEdit = editable;
    return this;
  }

  getEditors(): FakeUser[] {
    this.track('getEditors');
    return this.editors.map((email) => new FakeUser(this.env, email));
  }

  addEditor(user: string | FakeUser): FakeProtection {
    this.track('addEditor');
    this.addEmails([emailOf(user)]);
    return this;
  }

  addEditors(emailAddresses: string[]): FakeProtection {
    this.track('addEditors');
    this.addEmails(emailAddresses);
    return this;
  }

  removeEditor(user: string | FakeUser): FakeProtection {
    this.track('removeEditor');
    const email = emailOf(user);
    this.editors = this.editors.filter((e) => e !== email);
    return this;
  }

  removeEditors(users: (string | FakeUser)[]): FakeProtection {
    this.track('removeEditors');
    const emails = users.map(emailOf);
    this.editors = this.editors.filter((e) => !emails.includes(e));
    return this;
  }

  getUnprotectedRanges(): FakeRange[] {
    this.track('getUnprotectedRanges');
    const sheet = this.book.sheetById(this.sheetId);
    return sheet ? this.unprotected.map((g) => sheet.rangeOf(g)) : [];
  }

  setUnprotectedRanges(ranges: FakeRange[]): FakeProtection {
    this.track('setUnprotectedRanges');
    if (this.type !== ProtectionType.SHEET) throw this.env.exception('Only a sheet protection has unprotected ranges.');
    this.unprotected = ranges.map((r) => r.sheet.anchor(r.area));
    return this;
  }

  remove(): void {
    this.track('remove');
    this.book.protections = this.book.protections.filter((p) => p !== this);
  }

  private addEmails(emails: string[]): void {
    for (const email of emails) if (!this.editors.includes(email)) this.editors.push(email);
  }
}

function emailOf(user: string | FakeUser): string {
  return typeof user === 'string' ? user : user.email;
}
