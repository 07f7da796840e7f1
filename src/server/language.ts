// The language of the open spreadsheet: the user's explicit choice in Settings, else the spreadsheet
// locale. Read lazily and at most once per execution, and never at load time (onOpen may run in
// AuthMode.NONE, where the properties service is off limits).

import { type Lang, langFromLocale } from '../core/i18n';

/** The document property that overrides the locale: 'pl' or 'en'. */
export const LANGUAGE_PROPERTY = 'okr.language';

let cached: Lang | undefined;

/** The spreadsheet's language; English when no service can tell (a custom function with no access, say). */
export function spreadsheetLang(): Lang {
  if (cached) return cached;
  cached = readOverride() ?? readLocale() ?? 'en';
  return cached;
}

/** Forgets the cached language, after Settings change it (and between tests). */
export function forgetLang(): void {
  cached = undefined;
}

function readOverride(): Lang | null {
  try {
    const value = PropertiesService.getDocumentProperties().getProperty(LANGUAGE_PROPERTY);
    return value === 'pl' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

function readLocale(): Lang | null {
  try {
    return langFromLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    try {
      return langFromLocale(Session.getActiveUserLocale());
    } catch {
      return null;
    }
  }
}
