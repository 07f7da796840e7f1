// The type machinery that keeps the fake honest. Each fake class declares which methods of the real Apps
// Script interface it models, `class FakeRange implements Fake<Range, 'getValues' | 'setValues'>`, and the
// compiler checks every listed name against `@types/google-apps-script` (a misspelt name fails) and every
// method against all of the real overloads, with the real interfaces in parameters and results swapped for
// their fakes: where Apps Script returns a `Range`, the fake must return a `FakeRange`. Enums keep their
// real types; at run time they are the string-valued objects of enums.ts.

import type { FakeContainerInfo, FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts';
import type { FakeDataValidation, FakeDataValidationBuilder } from './data-validation';
import type { FakeHtmlOutput, FakeHtmlOutputMetaTag } from './html';
import type { FakeLock } from './lock';
import type { FakeDeveloperMetadata, FakeDeveloperMetadataFinder, FakeDeveloperMetadataLocation } from './metadata';
import type { FakeNamedRange } from './named-range';
import type { FakeProperties } from './properties';
import type { FakeProtection } from './protection';
import type { FakeRange } from './range';
import type { FakeRangeList } from './range-list';
import type { FakeBooleanCondition, FakeConditionalFormatRule, FakeConditionalFormatRuleBuilder } from './rules';
import type { FakeUser } from './session';
import type { FakeSheet } from './sheet';
import type { FakeSpreadsheet } from './spreadsheet';
import type { FakeMenu, FakePromptResponse, FakeUi } from './ui';

/** The members `Keys` of the real interface `Real`, with real service types swapped for their fakes. */
export type Fake<Real, Keys extends keyof Real> = { [K in Keys]: FakeMember<Real[K]> };

type FakeMember<M> = M extends (...args: never[]) => unknown ? FakeOverloads<M> : M;

// Up to eight overloads are read (Spreadsheet.insertSheet has eight); a function with fewer repeats its
// first one, which is harmless. The fake's single implementation must be assignable to every one of them.
type FakeOverloads<F> = F extends {
  (...a: infer A1): infer R1;
  (...a: infer A2): infer R2;
  (...a: infer A3): infer R3;
  (...a: infer A4): infer R4;
  (...a: infer A5): infer R5;
  (...a: infer A6): infer R6;
  (...a: infer A7): infer R7;
  (...a: infer A8): infer R8;
}
  ? {
      (...a: SwapAll<A1>): Swap<R1>;
      (...a: SwapAll<A2>): Swap<R2>;
      (...a: SwapAll<A3>): Swap<R3>;
      (...a: SwapAll<A4>): Swap<R4>;
      (...a: SwapAll<A5>): Swap<R5>;
      (...a: SwapAll<A6>): Swap<R6>;
      (...a: SwapAll<A7>): Swap<R7>;
      (...a: SwapAll<A8>): Swap<R8>;
    }
  : never;

type SwapAll<Args> = { [I in keyof Args]: Swap<Args[I]> };

type IsAny<T> = 0 extends 1 & T ? true : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** A real type with the real interfaces in it (also inside arrays and unions) replaced by the fakes. */
export type Swap<T> =
  IsAny<T> extends true
    ? T
    : T extends string | number | boolean | null | undefined
      ? T
      : T extends readonly (infer E)[]
        ? Swap<E>[]
        : Lookup<T, Pairs>;

// Exact matches only: a builder is structurally a superset of the thing it builds, so `extends` would
// confuse ConditionalFormatRuleBuilder with ConditionalFormatRule.
type Lookup<T, P> = P extends [[infer Real, infer Fake], ...infer Rest]
  ? Same<T, Real> extends true
    ? Fake
    : Lookup<T, Rest>
  : T;

type Pairs = [
  [GoogleAppsScript.Spreadsheet.Range, FakeRange],
  [GoogleAppsScript.Spreadsheet.RangeList, FakeRangeList],
  [GoogleAppsScript.Spreadsheet.Sheet, FakeSheet],
  [GoogleAppsScript.Spreadsheet.Spreadsheet, FakeSpreadsheet],
  [GoogleAppsScript.Spreadsheet.NamedRange, FakeNamedRange],
  [GoogleAppsScript.Spreadsheet.Protection, FakeProtection],
  [GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder, FakeConditionalFormatRuleBuilder],
  [GoogleAppsScript.Spreadsheet.ConditionalFormatRule, FakeConditionalFormatRule],
  [GoogleAppsScript.Spreadsheet.BooleanCondition, FakeBooleanCondition],
  [GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, FakeEmbeddedChartBuilder],
  [GoogleAppsScript.Spreadsheet.EmbeddedChart, FakeEmbeddedChart],
  [GoogleAppsScript.Spreadsheet.ContainerInfo, FakeContainerInfo],
  [GoogleAppsScript.Spreadsheet.DataValidationBuilder, FakeDataValidationBuilder],
  [GoogleAppsScript.Spreadsheet.DataValidation, FakeDataValidation],
  [GoogleAppsScript.Spreadsheet.DeveloperMetadata, FakeDeveloperMetadata],
  [GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, FakeDeveloperMetadataFinder],
  [GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation, FakeDeveloperMetadataLocation],
  [GoogleAppsScript.Base.Date, Date], // Apps Script's own Date declaration; at run time a plain Date
  [GoogleAppsScript.Base.Ui, FakeUi],
  [GoogleAppsScript.Base.Menu, FakeMenu],
  [GoogleAppsScript.Base.PromptResponse, FakePromptResponse],
  [GoogleAppsScript.Base.User, FakeUser],
  [GoogleAppsScript.HTML.HtmlOutput, FakeHtmlOutput],
  [GoogleAppsScript.HTML.HtmlOutputMetaTag, FakeHtmlOutputMetaTag],
  [GoogleAppsScript.Properties.Properties, FakeProperties],
  [GoogleAppsScript.Lock.Lock, FakeLock],
];
