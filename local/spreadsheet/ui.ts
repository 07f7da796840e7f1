// The fake `Ui` of `SpreadsheetApp.getUi()`: it records what a script shows (menus added to the UI,
// sidebars and dialogs with their HtmlOutput, alerts, prompts) and answers dialogs from a queue the test
// fills with `reply(button, text?)`, since nobody is there to click. An alert with only an OK button is
// answered OK when nothing is queued; any other dialog without a queued answer fails the test loudly.

import { Button, ButtonSet, enumName } from './enums';
import { type FakeEnv, ServiceObject } from './env';
import type { FakeHtmlOutput } from './html';
import type { Fake } from './types';

type UiButton = GoogleAppsScript.Base.Button;
type UiButtonSet = GoogleAppsScript.Base.ButtonSet;

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; menu: FakeMenu };

/** A dialog the script showed: an alert or a prompt. */
export interface DialogRecord {
  kind: 'alert' | 'prompt';
  title: string | null;
  prompt: string;
  buttons: string;
  answer: string;
}

type UiMethods =
  | 'Button'
  | 'ButtonSet'
  | 'alert'
  | 'createAddonMenu'
  | 'createMenu'
  | 'prompt'
  | 'showModalDialog'
  | 'showModelessDialog'
  | 'showSidebar';

export class FakeUi extends ServiceObject implements Fake<GoogleAppsScript.Base.Ui, UiMethods> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  /** Test records: what the script put on screen, in order. */
  readonly menus: FakeMenu[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly modalDialogs: { html: FakeHtmlOutput; title: string }[] = [];
  readonly modelessDialogs: { html: FakeHtmlOutput; title: string }[] = [];
  readonly dialogs: DialogRecord[] = [];
  private readonly answers: { button: UiButton; text: string }[] = [];

  constructor(env: FakeEnv) {
    super(env, 'Ui');
  }

  createAddonMenu(): FakeMenu {
    this.track('createAddonMenu');
    return new FakeMenu(this.env, this, null);
  }

  createMenu(caption: string): FakeMenu {
    this.track('createMenu');
    return new FakeMenu(this.env, this, caption);
  }

  showSidebar(userInterface: FakeHtmlOutput): void {
    this.track('showSidebar');
    this.sidebars.push(userInterface);
  }

  showModalDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.track('showModalDialog');
    this.modalDialogs.push({ html: userInterface, title });
  }

  showModelessDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.track('showModelessDialog');
    this.modelessDialogs.push({ html: userInterface, title });
  }

  /** `alert(prompt)`, `alert(prompt, buttons)`, `alert(title, prompt, buttons)`. */
  alert(first: string, second?: string | UiButtonSet, third?: UiButtonSet): UiButton {
    this.track('alert');
    const { title, prompt, buttons } = dialogArgs(first, second, third);
    const answer = this.answers.shift() ?? this.defaultAnswer('alert', prompt, buttons);
    this.dialogs.push({ kind: 'alert', title, prompt, buttons: enumName(buttons), answer: enumName(answer.button) });
    return answer.button;
  }

  /** `prompt(prompt)`, `prompt(prompt, buttons)`, `prompt(title, prompt, buttons)`. */
  prompt(first: string, second?: string | UiButtonSet, third?: UiButtonSet): FakePromptResponse {
    this.track('prompt');
    const { title, prompt, buttons } = dialogArgs(first, second, third);
    const answer = this.answers.shift() ?? this.defaultAnswer('prompt', prompt, buttons);
    this.dialogs.push({ kind: 'prompt', title, prompt, buttons: enumName(buttons), answer: enumName(answer.button) });
    return new FakePromptResponse(this.env, answer.button, answer.text);
  }

  // --- Test helpers (not Apps Script, not counted) --------------------------------------------------------

  /** Queues the user's answer to the next alert or prompt. */
  reply(button: UiButton, text = ''): FakeUi {
    this.answers.push({ button, text });
    return this;
  }

  /** Answers queued but not used yet. */
  pendingReplies(): number {
    return this.answers.length;
  }

  /** Every menu item added to the UI, with the captions of the menus above it. */
  menuItems(): { path: (string | null)[]; caption: string; functionName: string }[] {
    const out: { path: (string | null)[]; caption: string; functionName: string }[] = [];
    const walk = (menu: FakeMenu, path: (string | null)[]) => {
      for (const entry of menu.entries) {
        if (entry.type === 'item') out.push({ path, caption: entry.caption, functionName: entry.functionName });
        if (entry.type === 'submenu') walk(entry.menu, [...path, entry.menu.caption]);
      }
    };
    for (const menu of this.menus) walk(menu, [menu.caption]);
    return out;
  }

  private defaultAnswer(kind: string, prompt: string, buttons: UiButtonSet): { button: UiButton; text: string } {
    if (kind === 'alert' && buttons === ButtonSet.OK) return { button: Button.OK, text: '' };
    throw new Error(`Ui.${kind}("${prompt}") has no scripted answer: call ui.reply(Button.X) before it is shown`);
  }
}

function dialogArgs(
  first: string,
  second: string | UiButtonSet | undefined,
  third: UiButtonSet | undefined,
): { title: string | null; prompt: string; buttons: UiButtonSet } {
  if (typeof second === 'string') return { title: first, prompt: second, buttons: third ?? ButtonSet.OK };
  return { title: null, prompt: first, buttons: second ?? ButtonSet.OK };
}

type MenuMethods = 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi';

export class FakeMenu extends ServiceObject implements Fake<GoogleAppsScript.Base.Menu, MenuMethods> {
  /** Test record: the menu's entries in order. */
  readonly entries: MenuEntry[] = [];

  constructor(
    env: FakeEnv,
    private readonly ui: FakeUi,
    /** The caption; `null` for the add-on menu, which Sheets names after the add-on. */
    readonly caption: string | null,
  ) {
    super(env, 'Menu');
  }

  addItem(caption: string, functionName: string): FakeMenu {
    this.track('addItem');
    this.entries.push({ type: 'item', caption, functionName });
    return this;
  }

  addSeparator(): FakeMenu {
    this.track('addSeparator');
    this.entries.push({ type: 'separator' });
    return this;
  }

  addSubMenu(menu: FakeMenu): FakeMenu {
    this.track('addSubMenu');
    this.entries.push({ type: 'submenu', menu });
    return this;
  }

  addToUi(): void {
    this.track('addToUi');
    this.ui.menus.push(this);
  }
}

type PromptResponseMethods = 'getResponseText' | 'getSelectedButton';

export class FakePromptResponse
  extends ServiceObject
  implements Fake<GoogleAppsScript.Base.PromptResponse, PromptResponseMethods>
{
  constructor(
    env: FakeEnv,
    private readonly button: UiButton,
    private readonly text: string,
  ) {
    super(env, 'PromptResponse');
  }

  getResponseText(): string {
    this.track('getResponseText');
    return this.text;
  }

  getSelectedButton(): UiButton {
    this.track('getSelectedButton');
    return this.button;
  }
}
