// The one validation helper of the simulator. Handlers read fields through BodyInput or
// QueryInput, which collect every problem; done() throws one `invalid_input` with
// details.fields [{ name, messages }] for all of them.

import type { ErrorFieldSchema } from '../api/schema';
import { labelsProblems, parseLabelSelector, type SelectorExpression } from '../api/labels';
import type { Labels } from '../api/types';
import { invalidInput, type Query } from './http';

class FieldErrors {
  private readonly errors: ErrorFieldSchema[] = [];
  /** Set on a nested input (BodyInput.object): its failures go to the parent, under `<name>.<field>`. */
  protected sink?: (name: string, message: string) => void;

  fail(name: string, message: string): undefined {
    if (this.sink) {
      this.sink(name, message);
      return undefined;
    }
    const existing = this.errors.find((e) => e.name === name);
    if (existing) existing.messages = [...(existing.messages ?? []), message];
    else this.errors.push({ name, messages: [message] });
    return undefined;
  }

  get failed(): boolean {
    return this.errors.length > 0;
  }

  /** Throws `invalid_input` with every collected field error, if any. */
  done(): void {
    if (this.errors.length) throw invalidInput(this.errors);
  }
}

/** A check on a string value: the error message, or undefined when fine. */
export type Check = (value: string) => string | undefined;

export interface StringOptions {
  required?: boolean;
  /** `null` is a value (e.g. dns_ptr); without this null counts as missing. */
  nullable?: boolean;
  oneOf?: readonly string[];
  check?: Check;
}

/** A reference by ID (number or numeric string) or by name. */
export type Ref = number | string;

export class BodyInput extends FieldErrors {
  private constructor(private readonly body: Record<string, unknown>) {
    super();
  }

  /** Wraps a parsed JSON body; a missing body is `{}`, anything but an object is invalid_input. */
  static of(body: unknown): BodyInput {
    if (body === undefined || body === null) return new BodyInput({});
    if (typeof body !== 'object' || Array.isArray(body)) throw invalidInput([], 'invalid input: the request body must be a JSON object');
    return new BodyInput(body as Record<string, unknown>);
  }

  has(name: string): boolean {
    return this.body[name] !== undefined;
  }

  // Nested bodies of today's API (Load Balancer services and targets): objects, arrays of them, arrays of strings.

  /** A BodyInput over `value` whose failures are reported here as `<prefix>.<field>`. */
  private nested(prefix: string, value: Record<string, unknown>): BodyInput {
    const child = new BodyInput(value);
    child.sink = (n, m) => this.fail(`${prefix}.${n}`, m);
    return child;
  }

  /** The object at `name` as a nested input; undefined when absent (required: a failure) or not an object (a failure). */
  object(name: string, options: { required?: boolean } = {}): BodyInput | undefined {
    if (!this.present(name, options.required)) return undefined;
    const value = this.body[name];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.fail(name, 'must be an object');
    return this.nested(name, value as Record<string, unknown>);
  }

  /** The objects of the array at `name`, each a nested input reporting as `<name>[i].<field>`; [] when absent. */
  objects(name: string): BodyInput[] {
    if (!this.present(name, false)) return [];
    const value = this.body[name];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) {
      this.fail(name, 'must be an array of objects');
      return [];
    }
    return value.map((v, i) => this.nested(`${name}[${i}]`, v as Record<string, unknown>));
  }

  /** The strings of the array at `name`; undefined when absent. */
  strings(name: string): string[] | undefined {
    if (!this.present(name, false)) return undefined;
    const value = this.body[name];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return this.fail(name, 'must be an array of strings');
    return value as string[];
  }

  private present(name: string, required: boolean | undefined, nullable = false): boolean {
    const value = this.body[name];
    if (value === undefined || (value === null && !nullable)) {
      if (required) this.fail(name, 'is required');
      return false;
    }
    return true;
  }

  string(name: string, options: StringOptions & { required: true; nullable: true }): string | null;
  string(name: string, options: StringOptions & { required: true }): string;
  string(name: string, options?: StringOptions): string | null | undefined;
  string(name: string, options: StringOptions = {}): string | null | undefined {
    if (!this.present(name, options.required, options.nullable)) return undefined;
    const value = this.body[name];
    if (value === null) return null;
    if (typeof value !== 'string') return this.fail(name, 'must be a string');
    if (options.oneOf && !options.oneOf.includes(value)) return this.fail(name, `must be one of: ${options.oneOf.join(', ')}`);
    const problem = options.check?.(value);
    return problem ? this.fail(name, problem) : value;
  }

  boolean(name: string, options: { required?: boolean } = {}): boolean | undefined {
    if (!this.present(name, options.required)) return undefined;
    const value = this.body[name];
    return typeof value === 'boolean' ? value : this.fail(name, 'must be a boolean');
  }

  /** A positive integer; with `min`/`max` an integer in that range (`min: 0` allows 0). */
  integer(name: string, options: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    if (!this.present(name, options.required)) return undefined;
    const value = this.body[name];
    const min = options.min ?? 1;
    if (!Number.isSafeInteger(value) || (value as number) < min) return this.fail(name, min === 1 ? 'must be a positive integer' : `must be an integer >= ${min}`);
    if (options.max !== undefined && (value as number) > options.max) return this.fail(name, `must be at most ${options.max}`);
    return value as number;
  }

  /** An "ID or name" field: a positive integer or a non-empty string. */
  ref(name: string, options: { required?: boolean } = {}): Ref | undefined {
    if (!this.present(name, options.required)) return undefined;
    const value = this.body[name];
    if (isRef(value)) return value;
    return this.fail(name, 'must be an ID or a name');
  }

  /** A labels object (today's API): string keys and values by the rules of src/api/labels.ts. */
  labels(name = 'labels'): Labels | undefined {
    if (!this.present(name, false)) return undefined;
    const value = this.body[name];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.fail(name, 'must be an object of string keys and values');
    const labels = value as Record<string, unknown>;
    const nonString = Object.keys(labels).filter((k) => typeof labels[k] !== 'string');
    for (const key of nonString) this.fail(name, `label "${key}": the value must be a string`);
    const problems = labelsProblems(labels as Labels).filter((p) => !nonString.includes(p.key));
    for (const p of problems) this.fail(name, p.message);
    return nonString.length || problems.length ? undefined : { ...(labels as Labels) };
  }

  /** An array of "ID or name" values (or IDs only with `idsOnly`). */
  refs(name: string, options: { idsOnly?: boolean } = {}): Ref[] | undefined {
    if (!this.present(name, false)) return undefined;
    const value = this.body[name];
    const ok = Array.isArray(value) && value.every((v) => (options.idsOnly ? Number.isSafeInteger(v) && v > 0 : isRef(v)));
    return ok ? (value as Ref[]) : this.fail(name, options.idsOnly ? 'must be an array of IDs' : 'must be an array of IDs or names');
  }
}

function isRef(value: unknown): value is Ref {
  return (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) || (typeof value === 'string' && value.length > 0);
}

export class QueryInput extends FieldErrors {
  constructor(private readonly query: Query) {
    super();
  }

  all(name: string, options: { oneOf?: readonly string[] } = {}): string[] {
    const values = this.query[name] ?? [];
    const bad = options.oneOf ? values.filter((v) => !options.oneOf?.includes(v)) : [];
    for (const v of bad) this.fail(name, `'${v}' is not one of: ${options.oneOf?.join(', ')}`);
    return bad.length ? [] : values;
  }

  /** The last value of a parameter. */
  one(name: string): string | undefined {
    const values = this.query[name];
    return values?.[values.length - 1];
  }

  integer(name: string, options: { min?: number; max?: number } = {}): number | undefined {
    const text = this.one(name);
    if (text === undefined) return undefined;
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < (options.min ?? 1)) return this.fail(name, `must be an integer >= ${options.min ?? 1}`);
    if (options.max !== undefined && value > options.max) return this.fail(name, `must be at most ${options.max}`);
    return value;
  }

  /** The `label_selector` parameter (today's API): its expressions, [] without one. */
  labelSelector(): SelectorExpression[] {
    const text = this.one('label_selector');
    if (text === undefined) return [];
    const parsed = parseLabelSelector(text);
    if ('error' in parsed) {
      this.fail('label_selector', `invalid label selector: ${parsed.error}`);
      return [];
    }
    return parsed.expressions;
  }

  integers(name: string): number[] {
    const values = this.all(name);
    const bad = values.filter((v) => !/^\d+$/.test(v) || !Number.isSafeInteger(Number(v)));
    for (const v of bad) this.fail(name, `'${v}' is not an ID`);
    return bad.length ? [] : values.map(Number);
  }
}

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** RFC 1123 hostname: letters, digits, dashes and dots; labels 1-63, no leading/trailing dash; <= 253. */
export const hostname: Check = (value) =>
  value.length > 0 && value.length <= 253 && value.split('.').every((label) => LABEL.test(label))
    ? undefined
    : 'is not a valid hostname (RFC 1123)';

export function maxBytes(limit: number): Check {
  return (value) => (Buffer.byteLength(value, 'utf8') > limit ? `is too long (at most ${limit} bytes)` : undefined);
}

export function nonEmpty(value: string): string | undefined {
  return value.trim().length ? undefined : 'must not be empty';
}
