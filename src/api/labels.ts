/**
 * Labels and label selectors of today's Hetzner Cloud API: the key, value and selector rules of the official
 * documentation ("Labels and label selectors"). Pure: used by the simulator,
 * the client and the extension, so all three validate the same way.
 */
import type { Labels } from './types';

const NAME_MAX = 63;
const PREFIX_MAX = 253;
const RESERVED_PREFIX = 'hetzner.cloud';
/** A key's name part and a non-empty value: alphanumeric at both ends, `-`, `_`, `.` and alphanumerics between. */
const NAME_PATTERN = /^[a-zA-Z0-9](?:[a-zA-Z0-9._-]*[a-zA-Z0-9])?$/;
/** One label of a DNS subdomain (RFC 1123). */
const DNS_LABEL_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

function nameProblem(name: string, what: string): string | undefined {
  if (name.length > NAME_MAX) return `${what} must be at most ${NAME_MAX} characters`;
  if (!NAME_PATTERN.test(name)) {
    return `${what} must begin and end with a letter or digit and contain only letters, digits, '-', '_' and '.'`;
  }
  return undefined;
}

function keySyntaxProblem(key: string): string | undefined {
  if (key.length === 0) return 'the key must not be empty';
  const slash = key.indexOf('/');
  if (slash < 0) return nameProblem(key, 'the key');
  const prefix = key.slice(0, slash);
  const name = key.slice(slash + 1);
  if (prefix.length === 0) return 'the prefix before "/" must not be empty';
  if (prefix.length > PREFIX_MAX) return `the prefix must be at most ${PREFIX_MAX} characters`;
  if (!prefix.split('.').every((part) => part.length <= NAME_MAX && DNS_LABEL_PATTERN.test(part))) {
    return 'the prefix must be a DNS subdomain (lower-case letters, digits and "-", separated by dots)';
  }
  if (name.length === 0) return 'the name after the prefix must not be empty';
  return nameProblem(name, 'the name after the prefix');
}

/** Why `key` cannot be a label key, or undefined when it can. */
export function labelKeyProblem(key: string): string | undefined {
  const problem = keySyntaxProblem(key);
  if (problem) return problem;
  if (key.startsWith(`${RESERVED_PREFIX}/`)) return `the prefix "${RESERVED_PREFIX}/" is reserved`;
  return undefined;
}

/** Why `value` cannot be a label value, or undefined when it can (the empty value is allowed). */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  return nameProblem(value, 'the value');
}

/** Every problem of a set of labels, one per bad key or value; empty when the labels are valid. */
export function labelsProblems(labels: Labels): Array<{ key: string; message: string }> {
  const problems: Array<{ key: string; message: string }> = [];
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) problems.push({ key, message: `label key "${key}": ${keyProblem}` });
    const valueProblem = typeof value === 'string' ? labelValueProblem(value) : 'the value must be a string';
    if (valueProblem) problems.push({ key, message: `label "${key}": ${valueProblem}` });
  }
  return problems;
}

export type SelectorExpression = {
  key: string;
  op: 'eq' | 'neq' | 'exists' | 'absent' | 'in' | 'notin';
  values: string[];
};

/** Splits at the commas outside parentheses; undefined when the parentheses do not pair up. */
function splitTopLevel(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      depth++;
      if (depth > 1) return undefined;
    } else if (c === ')') {
      depth--;
      if (depth < 0) return undefined;
    } else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return undefined;
  parts.push(text.slice(start));
  return parts;
}

const SET_PATTERN = /^(\S+)\s+(in|notin)\s*\(([^()]*)\)$/;
const EQUALITY_PATTERN = /^([^\s=!]+)\s*(==|!=|=)\s*(\S*)$/;

function parseExpression(raw: string): SelectorExpression | { error: string } {
  const text = raw.trim();
  if (text === '') return { error: 'empty expression (a stray ",")' };
  const keyError = (key: string): { error: string } | undefined => {
    const problem = keySyntaxProblem(key);
    return problem ? { error: `"${text}": ${problem}` } : undefined;
  };
  const valueError = (value: string): { error: string } | undefined => {
    const problem = labelValueProblem(value);
    return problem ? { error: `"${text}": ${problem}` } : undefined;
  };

  const set = SET_PATTERN.exec(text);
  if (set) {
    const [, key, op, list] = set;
    const values = list.split(',').map((v) => v.trim());
    if (values.length === 1 && values[0] === '') return { error: `"${text}": the list of values is empty` };
    for (const value of values) {
      const bad = value === '' ? { error: `"${text}": a value in the list is empty` } : valueError(value);
      if (bad) return bad;
    }
    return keyError(key) ?? { key, op: op as 'in' | 'notin', values };
  }
  if (text.startsWith('!') && !text.startsWith('!=')) {
    const key = text.slice(1).trim();
    return keyError(key) ?? { key, op: 'absent', values: [] };
  }
  const equality = EQUALITY_PATTERN.exec(text);
  if (equality) {
    const [, key, op, value] = equality;
    return keyError(key) ?? valueError(value) ?? { key, op: op === '!=' ? 'neq' : 'eq', values: [value] };
  }
  if (/[\s=!()]/.test(text)) return { error: `"${text}": not a selector expression` };
  return keyError(text) ?? { key: text, op: 'exists', values: [] };
}

/**
 * Parses a `label_selector`: expressions joined by `,` (and): `k=v`, `k==v`, `k!=v`, `k`, `!k`, `k in (a,b)`,
 * `k notin (a,b)`. An empty or blank text selects everything (no expressions).
 */
export function parseLabelSelector(text: string): { expressions: SelectorExpression[] } | { error: string } {
  if (text.trim() === '') return { expressions: [] };
  const parts = splitTopLevel(text);
  if (!parts) return { error: 'unbalanced parentheses' };
  const expressions: SelectorExpression[] = [];
  for (const part of parts) {
    const parsed = parseExpression(part);
    if ('error' in parsed) return parsed;
    expressions.push(parsed);
  }
  return { expressions };
}

/** Whether labels satisfy every expression (an empty list matches everything). */
export function matchesLabelSelector(labels: Labels, expressions: SelectorExpression[]): boolean {
  return expressions.every(({ key, op, values }) => {
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    const value = has ? labels[key] : undefined;
    switch (op) {
      case 'eq':
        return has && value === values[0];
      case 'neq':
        return !has || value !== values[0];
      case 'exists':
        return has;
      case 'absent':
        return !has;
      case 'in':
        return has && values.includes(value as string);
      case 'notin':
        return !has || !values.includes(value as string);
    }
  });
}
