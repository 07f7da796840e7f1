// The one error type the core throws for bad input. It carries a message key and its parameters, not a
// finished sentence, so the edge can render it in the spreadsheet's language at the last moment.

import { type Lang, type MessageKey, type MessageParams, translate } from './i18n';

export class InputError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams,
    /** 1-based position inside a range argument, when the bad value came from one. */
    readonly cell?: { row: number; column: number; columns: number },
  ) {
    super(translate('en', key, params));
    this.name = 'InputError';
  }

  /** The same error, located at a cell of a range argument. */
  at(row: number, column: number, columns: number): InputError {
    return new InputError(this.key, this.params, { row, column, columns });
  }

  /** The message a user reads, in their language, with the cell position when there is one. */
  render(lang: Lang): string {
    const message = translate(lang, this.key, this.params);
    if (!this.cell) return message;
    const { row, column, columns } = this.cell;
    return columns > 1
      ? translate(lang, 'atCellColumn', { message, row, column })
      : translate(lang, 'atCell', { message, row });
  }
}

/** Shows a cell value inside an error message: short, and never `undefined` or `[object Object]`. */
export function describeValue(value: unknown): string {
  let text: string;
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const date = value as Date;
    text = Number.isNaN(date.getTime()) ? 'invalid date' : date.toISOString().slice(0, 10);
  } else if (value === null || value === undefined) text = '';
  else if (typeof value === 'object') text = Array.isArray(value) ? 'range' : 'object';
  else text = String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
