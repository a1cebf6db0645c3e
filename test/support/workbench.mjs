// Playwright helpers for the VS Code workbench (code-server 4.100 / VS Code 1.100), shared by
// the e2e scenarios in test/e2e, the demo's check and the tree-paint benchmark. The selectors are
// those of the workbench's own DOM (class names and aria labels), checked against code-server 4.100.

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    /** Set by leaveCleanProfile: the page shows a clean workbench, as a new tab would. */
    this.reloadedClean = false;
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
    const focused = widget.locator('.monaco-list-row.focused .label-name');
    const rows = widget.locator('.monaco-list-row .label-name');
    // The palette closes when something else takes the focus (a webview that just re-rendered,
    // a view the layout restores): open it again then. It also keeps the command list it opened
    // with: a palette opened while the workbench was still registering contributions (seen in CI
    // right after a Reload Window) never offers them, so a palette that does not offer the title
    // within 10 s is closed and opened again.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('F1');
      try {
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(`>${title}`, { timeout: 5_000 });
        // The focused row may be another match (e.g. a recently used command listed first): move the
        // focus down to the exact title when the list shows it.
        await this.until(async () => {
          if ((await focused.first().textContent())?.trim() === title) return true;
          const labels = (await rows.allTextContents()).map((t) => t.trim());
          if (labels.includes(title)) await input.press('ArrowDown');
          return false;
        }, async () => `the command palette does not offer "${title}"; rows: ${JSON.stringify(await widget.locator('.monaco-list-row').allInnerTexts())}`, 10_000);
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
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

  /** Waits for step `n` of `total` of the multi-step input `title` whose box's placeholder contains `placeholder`. */
  async waitForStep(title, n, total, placeholder = '') {
    const input = this.quickInput().locator('input').first();
    await this.until(
      async () => (await this.quickInput().isVisible()) && (await this.quickInput().innerText()).includes(`${title} (${n}/${total})`) && ((await input.getAttribute('placeholder')) ?? '').includes(placeholder),
      async () => `step ${n}/${total} of ${title} ("${placeholder}…") does not show; the quick input shows: ${JSON.stringify(await this.quickInput().innerText().catch(() => ''))}, placeholder ${JSON.stringify(await input.getAttribute('placeholder').catch(() => ''))}`,
    );
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

  /** The rendered row of the Hetzner Cloud tree whose label is exactly `label` (and, when given, at tree level `level`). */
  rowLabelled(label, level) {
    const rows = level === undefined ? this.treeRows('hcloud') : this.container('hcloud').locator(`.monaco-list[role="tree"] .monaco-list-row[aria-level="${level}"]`);
    return rows.filter({ has: this.page.locator('.label-name').getByText(label, { exact: true }) }).first();
  }

  /** Expands `row` (a collapsed tree row) and waits until it shows as expanded. */
  async expandRow(row) {
    await this.until(async () => {
      if ((await row.getAttribute('aria-expanded')) === 'true') return true;
      await row.locator('.label-name').click();
      return (await row.getAttribute('aria-expanded')) === 'true';
    }, 'the row expands');
  }

  /** Ticks the row `label` of the open multi-select quick pick, until the box counts `count` selected. */
  async tickQuickPick(label, count) {
    const row = this.quickInput().locator('.monaco-list-row').filter({ has: this.page.locator('.label-name').getByText(label, { exact: true }) });
    await this.until(async () => {
      if ((await this.quickInput().locator('.quick-input-count').innerText()).includes(`${count} Selected`)) return true;
      await row.locator('label.quick-input-list-label').first().click(); // the row's label toggles its checkbox
      return (await this.quickInput().locator('.quick-input-count').innerText()).includes(`${count} Selected`);
    }, async () => `"${label}" is not ticked; the quick input shows: ${JSON.stringify(await this.quickInput().innerText().catch(() => ''))}`);
  }

  /** Facts of the tree's rendered rows: text, level, expanded ("true" / "false" / null). */
  rowFacts(containerId = 'hcloud') {
    return this.treeRows(containerId).evaluateAll((els) => els.map((e) => ({
      text: (e.querySelector('.label-name')?.textContent ?? e.textContent ?? '').trim(),
      level: Number(e.getAttribute('aria-level')),
      expanded: e.getAttribute('aria-expanded'),
    })));
  }

  /** The direct children of the rendered row labelled `parent` at tree level `level`: `{ label, description }` of each. */
  childRows(parent, level) {
    return this.treeRows('hcloud').evaluateAll((els, [p, l]) => {
      const out = [];
      let inside = false;
      for (const e of els) {
        const lv = Number(e.getAttribute('aria-level'));
        const label = (e.querySelector('.label-name')?.textContent ?? '').trim();
        if (inside && lv <= l) break;
        if (inside && lv === l + 1) out.push({ label, description: (e.querySelector('.label-description')?.textContent ?? '').trim() });
        if (label === p && lv === l) inside = true;
      }
      return out;
    }, [parent, level]);
  }

  /**
   * The row of server `server` under project `project` (which the view must list): collapses
   * other projects, expands the project and, on a tree with folders, its "Servers" folder.
   */
  async serverRow(project, server) {
    const projectRow = this.treeRows('hcloud', project).first();
    await projectRow.waitFor({ state: 'visible', timeout: 20_000 });
    const collapseAll = this.page.locator('.part.sidebar a.action-label[aria-label="Collapse All"]');
    if (await collapseAll.isVisible().catch(() => false)) await collapseAll.click();
    if ((await projectRow.getAttribute('aria-expanded')) !== 'true') await projectRow.click();
    await this.until(async () => (await projectRow.getAttribute('aria-expanded')) === 'true', `the row of project "${project}" expands`);
    const row = this.treeRows('hcloud', server).first();
    await this.until(async () => {
      if (await row.isVisible()) return true;
      const facts = await this.rowFacts();
      const p = facts.findIndex((f) => f.text === project);
      const folder = facts.findIndex((f, i) => i > p && f.text === 'Servers' && f.level === facts[p].level + 1);
      if (p >= 0 && folder > p && facts[folder].expanded === 'false') await this.treeRows('hcloud').nth(folder).click();
      return false;
    }, async () => `no row for server "${server}"; rows: ${JSON.stringify(await this.rowFacts())}`, 20_000);
    return row;
  }

  /**
   * Right-clicks `row` and chooses the context-menu entry whose name starts with `name`, until
   * `shows` (what the command opens) is visible: a click that lands while the menu still places
   * itself is lost, so it retries. `name` may be `Submenu > Entry` (a server's Power, Network, ...).
   * `select`, when given, selects the rows again before each right-click (a multi-selection).
   */
  async contextMenu(row, name, shows, timeoutMs = 30_000, select = undefined) {
    const [submenu, entry] = name.includes(' > ') ? name.split(' > ') : [undefined, name];
    await this.until(async () => {
      if (await shows.isVisible()) return true;
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press('Escape');
      await select?.(); // Escape in the tree clears a multi-selection: `select` makes it again
      await row.click({ button: 'right' });
      if (submenu) {
        // Hover opens the submenu; ArrowRight opens it too if the hover was too early.
        const parent = this.page.locator('.monaco-menu').getByRole('menuitem', { name: new RegExp(`^${submenu}`) }).first();
        await parent.waitFor({ state: 'visible', timeout: 3_000 });
        await parent.hover();
        await this.page.keyboard.press('ArrowRight');
      }
      // Scoped to the menu: the row's inline buttons carry the same names.
      const item = this.page.locator('.monaco-menu').getByRole('menuitem', { name: new RegExp(`^${entry}`) });
      await item.waitFor({ state: 'visible', timeout: 3_000 });
      // Hover focuses the entry, Enter runs it (a mouse click right after the menu opened can be ignored).
      await item.hover();
      await this.page.keyboard.press('Enter');
      await shows.waitFor({ state: 'visible', timeout: 5_000 });
      return true;
    }, `the context menu entry "${name}" does not open what it should`, timeoutMs);
  }

  /** The page inside the active webview (two iframes deep). */
  webview() {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /** Removes project `name` through the palette and its modal. */
  async removeProject(name) {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
    await this.runCommand('Hetzner Cloud: Remove Project');
    await this.waitForQuickInput(name);
    await this.answerQuickInput(name);
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await this.treeRows('hcloud', name).first().waitFor({ state: 'detached' });
  }

  /** Developer: Reload Window (it shuts the workbench down properly, which writes its state; page.reload() may not). */
  async reloadWindow() {
    const loaded = this.page.waitForEvent('load', { timeout: 60_000 });
    await this.runCommand('Developer: Reload Window');
    await loaded;
    await this.page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout: 60_000 });
  }

  /**
   * Leaves the workbench as a fresh one for the spec files after this one, without reloading it
   * (a workbench load costs about 10 s of CPU, and the e2e phase runs beside another VS Code phase
   * on two cores): no editor open (a panel would come back after a later reload), no quick input or
   * notification left, `removeProject` removed (after the editors closed, so no panel re-renders
   * meanwhile), the Explorer in the side bar (later scenarios click the Hetzner Cloud entry, which
   * would close the side bar if it were still the active container). A later Reload Window writes
   * this state to the workbench's storage.
   */
  async leaveCleanProfile({ removeProject } = {}) {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
    await this.runCommand('View: Close All Editors');
    // A scenario that failed before adding its project has none to remove: say so, go on.
    if (removeProject) await this.removeProject(removeProject).catch((e) => console.log(`      (clean-up: project "${removeProject}" not removed: ${e.message.split('\n')[0]})`));
    await this.runCommand('Notifications: Clear All Notifications');
    await this.runCommand('View: Show Explorer');
    await this.page.locator('[id="workbench.view.explorer"]').waitFor({ state: 'visible' });
    await this.until(async () => (await this.notifications().count()) === 0 && !(await this.quickInput().isVisible()), 'no toast or quick input is left');
    // What a new tab would show now: the e2e fixtures hand this page to the next spec file
    // (test/support/e2eTest.mjs). Call this last.
    this.reloadedClean = true;
  }

  /** Switches the colour theme through "Preferences: Color Theme" (e.g. "Dark Modern"). */
  async colorTheme(name) {
    await this.runCommand('Preferences: Color Theme');
    await this.answerQuickInput(name);
    await this.quickInput().waitFor({ state: 'hidden' });
  }
}

/** Pixels of a canvas (a Playwright locator) that are drawn (not transparent). */
export function drawnPixels(canvas) {
  return canvas.evaluate((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
}

/** Pixels of a canvas (a Playwright locator) close to `hex` (#rrggbb): lines drawn in a theme's colour. */
export function canvasPixelsOf(canvas, hex) {
  return canvas.evaluate((c, h) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 200 && Math.abs(data[i] - r) < 24 && Math.abs(data[i + 1] - g) < 24 && Math.abs(data[i + 2] - b) < 24) n++;
    }
    return n;
  }, hex);
}

/**
 * A spec file's own project, added through the palette the first time one of the file's scenarios
 * needs it: the file's scenarios share the browser profile, which keeps it for the next ones.
 */
export function specProject(name, token) {
  let added = false;
  return {
    /** Opens the Hetzner Cloud view (adding the project on first use) and shows the row of server `server`. */
    async serverRow(wb, url, server) {
      await wb.openContainer('Hetzner Cloud', 'hcloud');
      await wb.pane('hcloud', 'Projects').waitFor({ state: 'visible' });
      if (!added) {
        await wb.addProjectThroughPalette(name, token, url);
        added = true;
      }
      return wb.serverRow(name, server);
    },
  };
}
