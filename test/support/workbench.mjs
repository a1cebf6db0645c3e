// Playwright helpers for the VS Code workbench (code-server 4.100 / VS Code 1.100), shared by
// the e2e scenarios in test/e2e. Selectors follow /work/shared/notes/vscode-offline.md.

/**
 * A scenario: `run` gets the page (a freshly loaded workbench with the extension in
 * development mode) and helpers. `skip` (true or a reason) skips it; `timeoutMs` overrides
 * the runner's default.
 * @typedef {{ name: string, run: (ctx: ScenarioContext) => Promise<void>, skip?: boolean | string, timeoutMs?: number }} Scenario
 * @typedef {{ page: import('playwright-core').Page, wb: Workbench, screenshot: (name: string) => Promise<string>, env: Record<string, string>, outDir: string }} ScenarioContext
 * `outDir` holds the transpiled src/ and test/ (e.g. `${outDir}/src/sim/simulator.js`).
 */

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  /** The activity-bar entry of a view container, by its title. */
  activity(title) {
    return this.page.locator(`.activitybar a.action-label[aria-label="${title}"]`);
  }

  /** A view container contributed by an extension (`contributes.viewsContainers.*[].id`). */
  container(id) {
    return this.page.locator(`[id="workbench.view.extension.${id}"]`);
  }

  /** The side bar's title (e.g. "HETZNER CLOUD: PROJECTS" when the container has one view). */
  sideBarTitle() {
    return this.page.locator('.part.sidebar .composite.title');
  }

  /** A view's pane inside a container, by the view's name. */
  pane(containerId, viewName) {
    return this.container(containerId).locator('.pane').filter({
      has: this.page.locator(`.pane-header[aria-label="${viewName} Section"]`),
    });
  }

  /** Tree rows of the view container, filtered by text. */
  treeRows(containerId, text) {
    const rows = this.container(containerId).locator('.monaco-list[role="tree"] .monaco-list-row');
    return text === undefined ? rows : rows.filter({ hasText: text });
  }

  /** Opens a view container from the activity bar and waits until it shows. */
  async openContainer(title, id) {
    // Clicking the entry of a container that is already open closes the side bar: click only when
    // it is not showing (a restored layout may have it open already).
    // While the workbench restores its layout the side bar may open or close by itself, so check
    // again after each click instead of trusting one look.
    const container = this.container(id);
    for (let attempt = 1; attempt <= 5; attempt++) {
      if (await container.isVisible()) {
        // Still there a moment later: the layout has settled.
        await new Promise((r) => setTimeout(r, 300));
        if (await container.isVisible()) return;
        continue;
      }
      await this.activity(title).click();
      await container.waitFor({ state: 'visible', timeout: 4000 }).catch(() => {});
    }
    await container.waitFor({ state: 'visible' });
  }

  /**
   * Runs a command from the command palette by its full title ("Category: Title"): waits until
   * the palette's focused row is exactly that command, then presses Enter (clicking a row can
   * land on another one while the list still grows, e.g. with "similar commands").
   */
  async runCommand(title) {
    const widget = this.page.locator('.quick-input-widget');
    const input = widget.locator('input');
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const focused = widget.locator('.monaco-list-row.focused .label-name');
    const rows = widget.locator('.monaco-list-row .label-name');
    // The focused row may be another match (e.g. a recently used command listed first): move the
    // focus down to the exact title when the list shows it.
    await this.until(async () => {
      if ((await focused.first().textContent())?.trim() === title) return true;
      const labels = (await rows.allTextContents()).map((t) => t.trim());
      if (labels.includes(title)) await input.press('ArrowDown');
      return false;
    }, async () => `the command palette does not offer "${title}"; rows: ${JSON.stringify(await widget.locator('.monaco-list-row').allInnerTexts())}`, 30_000);
    await input.press('Enter');
    // The palette closes, or the command opens its own quick input at once (then the box no
    // longer holds the palette's ">" text): either way the command has started.
    await this.until(async () => !(await input.isVisible()) || !(await input.inputValue()).startsWith('>'),
      `the command palette stayed open after choosing "${title}"`);
  }

  /** The bottom panel (Problems, Output, Terminal, ...). */
  panel() {
    return this.page.locator('.part.panel');
  }

  /** The channel chosen in the Output view's drop-down. */
  async outputChannel() {
    return this.panel().locator('select.monaco-select-box:visible').first().inputValue();
  }

  /**
   * Polls `check` (async, returns boolean) until it holds; after `timeoutMs` fails with
   * `message` (a string, or an async function that describes what is seen then).
   */
  async until(check, message, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await check().catch(() => false)) return;
      if (Date.now() > deadline) {
        const text = typeof message === 'function' ? await message().catch((e) => String(e)) : message;
        throw new Error(`${text} (waited ${timeoutMs} ms)`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** The quick input (palette, input boxes, quick picks). */
  quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  /** Types into the open quick input and accepts with Enter; waits until the widget shows a new prompt or closes. */
  async answerQuickInput(text) {
    const input = this.quickInput().locator('input');
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    await input.press('Enter');
  }

  /** Waits for the quick input to show a title (or prompt) containing `text`. */
  async waitForQuickInput(text) {
    await this.until(async () => (await this.quickInput().isVisible()) && (await this.quickInput().innerText()).includes(text),
      async () => `the quick input does not show "${text}"; it shows: ${JSON.stringify(await this.quickInput().innerText().catch(() => ''))}`);
  }

  /** Adds a project through "Hetzner Cloud: Add Project" and its real input boxes (advanced endpoint). */
  async addProjectThroughPalette(name, token, url) {
    await this.runCommand('Hetzner Cloud: Add Project');
    await this.waitForQuickInput('Add Hetzner Cloud Project (1/3)');
    await this.answerQuickInput(name);
    await this.waitForQuickInput('Add Hetzner Cloud Project (2/3)');
    await this.answerQuickInput(token);
    await this.waitForQuickInput('API endpoint');
    await this.answerQuickInput('Other endpoint');
    await this.waitForQuickInput('Base URL of the API');
    await this.answerQuickInput(url);
    await this.quickInput().waitFor({ state: 'hidden' });
  }

  /** Toasts currently shown. */
  notifications() {
    return this.page.locator('.notifications-toasts .notification-toast');
  }

  /** Moves the mouse out of the way (hovers leave tooltips in screenshots). */
  async parkMouse() {
    const size = this.page.viewportSize() ?? { width: 1400, height: 900 };
    await this.page.mouse.move(size.width - 5, size.height / 2);
    await new Promise((r) => setTimeout(r, 300));
  }
}
