// How the action log names resources and itself: `Server "web-1"` from the scope's name the caller
// passed, from names the panel's sources learned, or from what the tree has loaded; else from the
// names the extension has seen (src/projects/seenNames.ts), `Server "web-3" (deleted)` once a lookup
// did not find it; else `Server #42`; the page heading and the tab title built from them. And the lookup of names
// nobody has loaded yet, one at a time.

import type { ActionLogScope } from '../../shared/actionLogProtocol';
import { resourceTypeWords } from '../../shared/actionWords';
import { apiType } from './source';

/** What a panel knows of names at this moment. */
export interface NamingContext {
  projectId: string;
  scope?: ActionLogScope;
  /** The project's name; undefined once it was removed. */
  projectName?: string;
  /** A name the current source learned. */
  learned?(type: string, id: number): string | undefined;
  /** The current source looked the resource up in its list and did not find it (it was deleted). */
  gone?(type: string, id: number): boolean;
}

export class ActionLogNames {
  private lookup: Promise<void> | undefined;

  constructor(
    /** A resource's name from what the tree has loaded (no request). */
    private readonly nameOf: (projectId: string, type: string, id: number) => string | undefined,
    /** The scoped resource's name when the caller knows it (the tree node's). */
    private readonly scopeNameHint?: string,
    /** A name the extension has seen, also of a resource deleted since. */
    private readonly seen: (projectId: string, type: string, id: number) => string | undefined = () => undefined,
  ) {}

  /** `Server "web-1"`, or `Server #42` while its name is unknown. */
  resource(ctx: NamingContext, type: string, id: number): string {
    const scope = ctx.scope;
    const hint = scope && this.scopeNameHint && apiType(scope.kind) === type && scope.id === id ? this.scopeNameHint : undefined;
    const name = hint ?? ctx.learned?.(type, id) ?? this.nameOf(ctx.projectId, type, id);
    if (name) return `${resourceTypeWords(type)} "${name}"`;
    const seen = this.seen(ctx.projectId, type, id);
    if (seen) return `${resourceTypeWords(type)} "${seen}"${ctx.gone?.(type, id) ? ' (deleted)' : ''}`;
    return `${resourceTypeWords(type)} #${id}`;
  }

  scope(ctx: NamingContext, scope: ActionLogScope): string {
    return this.resource(ctx, apiType(scope.kind), scope.id);
  }

  /** The page's heading: `Action log of project "demo"`, `Actions of server "web-1" (project "demo")`. */
  title(ctx: NamingContext): string {
    const project = ctx.projectName !== undefined ? `project "${ctx.projectName}"` : 'a removed project';
    if (!ctx.scope) return `Action log of ${project}`;
    const name = this.scope(ctx, ctx.scope);
    // `Floating IP` and `Primary IP` keep their capitals; `Server "web-1"` reads `server "web-1"`.
    const proper = ctx.scope.kind === 'floatingIp' || ctx.scope.kind === 'primaryIp';
    return `Actions of ${proper ? name : name.charAt(0).toLowerCase() + name.slice(1)} (${project})`;
  }

  tabTitle(ctx: NamingContext): string {
    const scope = ctx.scope;
    if (scope) {
      const name = this.scopeNameHint ?? this.nameOf(ctx.projectId, apiType(scope.kind), scope.id) ?? this.seen(ctx.projectId, apiType(scope.kind), scope.id);
      return `Actions: ${name ?? `${resourceTypeWords(apiType(scope.kind))} #${scope.id}`}`;
    }
    return `Action Log: ${ctx.projectName ?? 'removed project'}`;
  }

  /**
   * Runs `lookUp` (the requests for names the tree has not loaded) unless one is on its way:
   * a few requests, once, never two at a time.
   */
  fill(lookUp: () => Promise<void>): Promise<void> {
    if (!this.lookup) this.lookup = lookUp().finally(() => (this.lookup = undefined));
    return this.lookup;
  }

  /** Resolves once no lookup is on its way (tests). */
  async idle(): Promise<void> {
    await this.lookup;
  }
}
