// Input validators shared by the commands (no vscode import): they return the message an input
// box shows, or undefined when the value is fine.

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** RFC 1123 hostname: letters, digits, dashes and dots; labels of 1-63 characters without a leading or trailing dash; at most 253 in all. */
export function validateHostname(value: string): string | undefined {
  if (!value) return 'Enter a hostname.';
  if (value.length > 253) return `At most 253 characters (this is ${value.length}).`;
  if (/[^A-Za-z0-9.-]/.test(value)) return 'Only letters, digits, dashes (-) and dots (.) are allowed.';
  for (const label of value.split('.')) {
    if (label.length === 0) return 'No empty parts: no leading, trailing or double dots.';
    if (label.length > 63) return `Each part between dots has at most 63 characters ("${label.slice(0, 12)}…" has ${label.length}).`;
    if (!LABEL.test(label)) return `A part may not start or end with a dash ("${label}").`;
  }
  return undefined;
}

/** A server name: a valid hostname not used by another server of the project (compared case-insensitively). */
export function validateServerName(name: string, takenNames: readonly string[]): string | undefined {
  const problem = validateHostname(name);
  if (problem) return problem;
  const lower = name.toLowerCase();
  if (takenNames.some((n) => n.toLowerCase() === lower)) return `A server named "${name}" already exists in this project.`;
  return undefined;
}
