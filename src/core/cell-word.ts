// A word a formula answers with, in both languages, rendered by the edge only when the cell is shown: like
// an InputError, it waits for the spreadsheet's language, which a custom function looks up only when it
// has something to put into words (a number needs no language, so a sheet of numbers never asks).

import type { Lang } from './i18n';

export class CellWord {
  constructor(readonly words: Readonly<Record<Lang, string>>) {}

  /** The word in the spreadsheet's language. */
  render(lang: Lang): string {
    return this.words[lang];
  }
}
