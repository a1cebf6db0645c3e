// The colour theme inside a webview: VS Code sets `vscode-light` / `vscode-dark` /
// `vscode-high-contrast` (/ `vscode-high-contrast-light`) on <body> and its colours as
// `--vscode-*` CSS variables on <html>; both change in place when the user switches themes.

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export function themeKind(): ThemeKind {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-light')) return 'light';
  return 'dark';
}

/** A `--vscode-*` colour (name without the prefix, e.g. `editor-foreground`), or `fallback`. */
export function themeColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(`--vscode-${name}`).trim();
  return value || fallback;
}

/** Calls `listener` after every theme switch (class or variables changed). */
export function onThemeChange(listener: () => void): void {
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      listener();
    });
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
}
