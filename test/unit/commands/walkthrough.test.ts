// The Getting Started walkthrough (package.json contributes.walkthroughs): every button runs a command
// the extension contributes (or the view's own), every completion event names one, and every image is
// a file that goes into the .vsix. The integration suite checks that the commands are registered.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image?: string; markdown?: string; altText?: string };
  completionEvents?: string[];
}

const root = join(__dirname, '../../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: { commands: Array<{ command: string }>; views: Record<string, Array<{ id: string }>>; walkthroughs: Array<{ id: string; steps: Step[] }> };
};

/** The command ids of a step's buttons: `[Label](command:id)`. */
function commandLinks(description: string): string[] {
  return [...description.matchAll(/\]\(command:([^)?\s]+)/g)].map((m) => m[1]);
}

describe('the Getting Started walkthrough (package.json)', () => {
  const contributed = new Set(pkg.contributes.commands.map((c) => c.command));
  const views = new Set(Object.values(pkg.contributes.views).flat().map((v) => v.id));
  const [walkthrough] = pkg.contributes.walkthroughs;

  it('has the issue\'s five steps in order: add a project, explore, create a server, metrics and the action log, a console', () => {
    assert.equal(pkg.contributes.walkthroughs.length, 1);
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['addProject', 'explore', 'createServer', 'metricsAndActions', 'console']);
  });

  it('every button runs a contributed command (or opens the Hetzner Cloud view), and every step has one', () => {
    for (const step of walkthrough.steps) {
      const links = commandLinks(step.description);
      assert.ok(links.length > 0, `${step.id} has a button`);
      for (const id of links) assert.ok(contributed.has(id) || id === 'workbench.view.extension.hcloud', `${step.id}: ${id} is a command of ours`);
    }
  });

  it('every completion event names a contributed command or a contributed view', () => {
    for (const step of walkthrough.steps) {
      assert.ok(step.completionEvents?.length, `${step.id} says when it is done`);
      for (const event of step.completionEvents ?? []) {
        const m = /^(onCommand|onView):(.+)$/.exec(event);
        assert.ok(m, `${step.id}: ${event} is onCommand: or onView:`);
        assert.ok(m[1] === 'onCommand' ? contributed.has(m[2]) : views.has(m[2]), `${step.id}: ${event} names one of ours`);
      }
    }
  });

  it('every image exists, has its alt text, and is packaged (docs/** is in .vscodeignore\'s list)', () => {
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!docs\/\*\*$/m);
    for (const step of walkthrough.steps) {
      const image = step.media.image;
      assert.ok(image && image.startsWith('docs/') && image.endsWith('.png'), `${step.id} shows a screenshot of docs/`);
      assert.ok(existsSync(join(root, image)), `${image} exists`);
      assert.ok((step.media.altText ?? '').length > 10, `${step.id} has alt text`);
    }
  });

  it('commandLinks reads the buttons of a description', () => {
    assert.deepEqual(commandLinks('x\n[A](command:hcloud.a)\n[B](command:hcloud.b?%5B1%5D) [c](https://x)'), ['hcloud.a', 'hcloud.b']);
  });
});
