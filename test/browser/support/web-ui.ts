import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, type Browser } from './chromium';

export const ARTIFACTS = join(__dirname, '../../../test-artifacts/browser');

/** The page as a person uses it: sign in with a token, follow links, press the step buttons, fill labelled fields. */
export class WebUi {
  readonly external: string[] = [];
  readonly errors: string[] = [];

  constructor(readonly page: Page, readonly baseUrl: string) {
    page.setDefaultTimeout(10_000);
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) this.external.push(url);
    });
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  async signIn(token: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/sign-in`);
    await this.page.getByLabel('Токен доступа').fill(token);
    await this.page.getByRole('button', { name: 'Войти' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Обзор' }).waitFor();
  }

  /** Opens a route of the page and waits until it has rendered its heading. */
  async open(hash: string, heading?: string | RegExp): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${hash}`);
    await this.ready(heading);
  }

  async ready(heading?: string | RegExp): Promise<void> {
    await this.page.locator('main:not([aria-busy])').waitFor();
    await this.page.getByRole('heading', { level: 1, ...(heading ? { name: heading } : {}) }).first().waitFor();
  }

  get main(): Locator {
    return this.page.locator('main');
  }

  /** Step buttons the machine offers to this user now. */
  async offeredSteps(): Promise<string[]> {
    await this.ready();
    return this.page.locator('.step-buttons .step-button').allTextContents();
  }

  async openStep(title: string): Promise<Locator> {
    await this.page.getByRole('button', { name: title, exact: true }).first().click();
    const form = this.page.locator('.step-form');
    await form.waitFor();
    return form;
  }

  /** Submits a step form and waits for the page to say it was recorded. */
  async submitStep(form: Locator, title: string): Promise<void> {
    // The same step twice in a row leaves the same status text on the page: wait for this submission's answer first.
    const answered = this.page.waitForResponse((r) => /\/api\/mentorships\/[^/]+\/steps\//.test(r.url()) && r.request().method() === 'POST');
    await form.getByRole('button', { name: title, exact: true }).click();
    const response = await answered;
    if (response.status() >= 300) throw new Error(`step «${title}» refused: ${response.status()} ${await response.text()}`);
    await this.page.getByRole('status').filter({ hasText: `Шаг «${title}» записан` }).waitFor();
    await this.ready();
  }

  async state(): Promise<string> {
    return (await this.page.locator('.head-badges .badge').first().textContent()) ?? '';
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    await this.page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }
}

/** Chromium with one page on the app: what each browser suite opens once its data is in place. */
export async function openUi(baseUrl: string): Promise<{ browser: Browser; ui: WebUi }> {
  const browser = await launchChromium();
  return { browser, ui: new WebUi(await browser.context.newPage(), baseUrl) };
}

/** What each browser suite does afterwards: no error on the page after any test; the browser, then the app, closed at the end. */
export function closeUiAfterAll(get: () => { browser?: Browser; ui?: WebUi; app?: { close(): Promise<void> } }): void {
  afterEach(() => expect(get().ui?.errors ?? []).toEqual([]));
  afterAll(async () => {
    const { browser, app } = get();
    await browser?.close();
    await app?.close();
  });
}
