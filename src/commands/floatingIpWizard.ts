// The questions of Create Floating IP as one multi-step input with Back (the Create Server pattern:
// walkSteps, outcome): 1 type, 2 assign to a server or keep it in a home location, 3 the server or
// the location, 4 a description. Step 3 loads the servers or the locations once, when it first opens;
// going back keeps every answer given so far, and each step opens on its earlier answer.
import type { Location, Server } from '../api/types';
import type { Project } from '../projects/projectStore';
import type { Step } from '../ui/userInput';
import type { CommandContext } from './context';
import { walkSteps, type StepOutcome } from './createServer/model';
import { outcome } from './createServer/steps';
import { runCall } from './runAction';
import { validateDescription } from './validate';

export interface FloatingIpAnswers {
  type: { label: string; type: 'ipv4' | 'ipv6' };
  server?: Server;
  homeLocation?: string;
  description: string;
}

const TYPES = [
  { label: 'IPv4', description: 'one address', type: 'ipv4' as const },
  { label: 'IPv6', description: 'a /64 network', type: 'ipv6' as const },
];
const WHERE = [
  { label: 'Assign to a server', detail: 'The IP is assigned at once; its home location is the server\'s.', assign: true },
  { label: 'Pick a home location', detail: 'The IP stays unassigned for now.', assign: false },
];

/** Asks the four questions; undefined when the user cancelled (or a list could not be loaded, which was said). */
export async function askCreateFloatingIp(ctx: CommandContext, project: Project, title: string): Promise<FloatingIpAnswers | undefined> {
  const a: Partial<FloatingIpAnswers> & { assign?: boolean } = {};
  let servers: Server[] | undefined;
  let locations: Location[] | undefined;
  const input = () => ctx.input();

  const typeStep = async (st: Step): Promise<StepOutcome> =>
    outcome(await input().stepQuickPick(TYPES, { title: `${title}: type`, placeHolder: 'Type of the Floating IP', active: TYPES.find((t) => t.type === a.type?.type) }, st), (t) => void (a.type = t));

  const whereStep = async (st: Step): Promise<StepOutcome> =>
    outcome(
      await input().stepQuickPick(WHERE, { title: `${title}: where`, placeHolder: 'Assign it to a server, or keep it unassigned in a location', active: WHERE.find((w) => w.assign === a.assign) }, st),
      (w) => void (a.assign = w.assign),
    );

  const serverStep = async (st: Step): Promise<StepOutcome> => {
    servers ??= await runCall(ctx, project, title, (c) => c.servers.listAll());
    if (!servers) return 'cancel';
    if (servers.length === 0) {
      input().info(`Project "${project.name}" has no server; pick a home location instead.`);
      return 'back';
    }
    const items = servers.map((s) => ({ label: s.name, description: [s.publicNet.ipv4?.ip, s.location?.name].filter(Boolean).join(' · '), server: s }));
    const picked = await input().stepQuickPick(items, { title: `${title}: server`, placeHolder: 'Server to assign the new IP to', matchOnDescription: true, active: items.find((i) => i.server.id === a.server?.id) }, st);
    return outcome(picked, (p) => void ((a.server = p.server), (a.homeLocation = undefined)));
  };

  const locationStep = async (st: Step): Promise<StepOutcome> => {
    locations ??= await runCall(ctx, project, title, (c) => c.locations.listAll());
    if (!locations) return 'cancel';
    const items = locations.map((l) => ({ label: l.name, description: `${l.city}, ${l.country}`, detail: l.description, location: l }));
    const picked = await input().stepQuickPick(items, { title: `${title}: home location`, placeHolder: 'Home location of the IP', active: items.find((i) => i.label === a.homeLocation) }, st);
    return outcome(picked, (p) => void ((a.homeLocation = p.location.name), (a.server = undefined)));
  };

  const descriptionStep = async (st: Step): Promise<StepOutcome> =>
    outcome(
      await input().stepInputBox({ title: `${title}: description`, prompt: 'Optional description (leave empty for none)', value: a.description, validateInput: (v) => validateDescription(v, 255) }, st),
      (v) => void (a.description = v.trim()),
    );

  const order = [typeStep, whereStep, (st: Step) => (a.assign ? serverStep(st) : locationStep(st)), descriptionStep];
  const steps = order.map((fn, i) => () => fn({ current: i + 1, total: order.length }));
  if (!(await walkSteps(steps)) || !a.type) return undefined;
  return { type: a.type, server: a.server, homeLocation: a.homeLocation, description: a.description ?? '' };
}
