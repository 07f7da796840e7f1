// The fake `HtmlService` and `HtmlOutput`. Pages come from a map of file names to HTML that the test
// provides (`htmlFiles`), the way `createHtmlOutputFromFile('Sidebar')` reads `Sidebar.html` from the
// script project; the output records title, size, sandbox mode and meta tags so a test can check what the
// sidebar would show. Templates (`createTemplateFromFile`) are not modelled.

import { SandboxMode, XFrameOptionsMode } from './enums';
import { type FakeEnv, ServiceObject } from './env';
import type { Fake } from './types';

type ServiceMethods = 'SandboxMode' | 'XFrameOptionsMode' | 'createHtmlOutput' | 'createHtmlOutputFromFile';

export class FakeHtmlService extends ServiceObject implements Fake<GoogleAppsScript.HTML.HtmlService, ServiceMethods> {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    env: FakeEnv,
    /** Test setting: the project's HTML files, by name with or without `.html`. */
    readonly files: Record<string, string>,
  ) {
    super(env, 'HtmlService');
  }

  createHtmlOutput(html?: string | { getBlob(): { getDataAsString(): string } }): FakeHtmlOutput {
    this.track('createHtmlOutput');
    const content = html === undefined ? '' : typeof html === 'string' ? html : html.getBlob().getDataAsString();
    return new FakeHtmlOutput(this.env, content);
  }

  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    this.track('createHtmlOutputFromFile');
    const content = this.files[filename] ?? this.files[`${filename}.html`];
    if (content === undefined) throw this.env.exception(`No HTML file named ${filename} was found.`);
    return new FakeHtmlOutput(this.env, content);
  }
}

type OutputMethods =
  | 'addMetaTag'
  | 'append'
  | 'appendUntrusted'
  | 'clear'
  | 'getContent'
  | 'getFaviconUrl'
  | 'getHeight'
  | 'getMetaTags'
  | 'getTitle'
  | 'getWidth'
  | 'setContent'
  | 'setFaviconUrl'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode';

export class FakeHtmlOutput extends ServiceObject implements Fake<GoogleAppsScript.HTML.HtmlOutput, OutputMethods> {
  /** Fake internals: what the output holds (width and height are 0 until set). */
  title = '';
  width = 0;
  height = 0;
  faviconUrl = '';
  sandboxMode: GoogleAppsScript.HTML.SandboxMode = SandboxMode.IFRAME;
  xFrameOptionsMode: GoogleAppsScript.HTML.XFrameOptionsMode = XFrameOptionsMode.DEFAULT;
  metaTags: { name: string; content: string }[] = [];

  constructor(
    env: FakeEnv,
    public content: string,
  ) {
    super(env, 'HtmlOutput');
  }

  getContent(): string {
    this.track('getContent');
    return this.content;
  }

  setContent(content: string): FakeHtmlOutput {
    this.track('setContent');
    this.content = content;
    return this;
  }

  append(addedContent: string): FakeHtmlOutput {
    this.track('append');
    this.content += addedContent;
    return this;
  }

  appendUntrusted(addedContent: string): FakeHtmlOutput {
    this.track('appendUntrusted');
    this.content += addedContent.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
    return this;
  }

  clear(): FakeHtmlOutput {
    this.track('clear');
    this.content = '';
    return this;
  }

  getTitle(): string {
    this.track('getTitle');
    return this.title;
  }

  setTitle(title: string): FakeHtmlOutput {
    this.track('setTitle');
    this.title = title;
    return this;
  }

  getWidth(): number {
    this.track('getWidth');
    return this.width;
  }

  setWidth(width: number): FakeHtmlOutput {
    this.track('setWidth');
    this.width = width;
    return this;
  }

  getHeight(): number {
    this.track('getHeight');
    return this.height;
  }

  setHeight(height: number): FakeHtmlOutput {
    this.track('setHeight');
    this.height = height;
    return this;
  }

  getFaviconUrl(): string {
    this.track('getFaviconUrl');
    return this.faviconUrl;
  }

  setFaviconUrl(iconUrl: string): FakeHtmlOutput {
    this.track('setFaviconUrl');
    this.faviconUrl = iconUrl;
    return this;
  }

  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): FakeHtmlOutput {
    this.track('setSandboxMode');
    this.sandboxMode = mode;
    return this;
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): FakeHtmlOutput {
    this.track('setXFrameOptionsMode');
    this.xFrameOptionsMode = mode;
    return this;
  }

  addMetaTag(name: string, content: string): FakeHtmlOutput {
    this.track('addMetaTag');
    this.metaTags.push({ name, content });
    return this;
  }

  getMetaTags(): FakeHtmlOutputMetaTag[] {
    this.track('getMetaTags');
    return this.metaTags.map((tag) => new FakeHtmlOutputMetaTag(this.env, tag.name, tag.content));
  }
}

export class FakeHtmlOutputMetaTag
  extends ServiceObject
  implements Fake<GoogleAppsScript.HTML.HtmlOutputMetaTag, 'getContent' | 'getName'>
{
  constructor(
    env: FakeEnv,
    private readonly name: string,
    private readonly content: string,
  ) {
    super(env, 'HtmlOutputMetaTag');
  }

  getName(): string {
    this.track('getName');
    return this.name;
  }

  getContent(): string {
    this.track('getContent');
    return this.content;
  }
}
