// ssh-keygen's runner (SSH When Ready after a Rebuild): started without a shell, its outcome made
// one plain line. Node itself stands in for the program.
import assert from 'node:assert/strict';
import { oneLine, runProgram } from '../../../src/commands/connect/runProgram';

describe('runProgram (ssh-keygen -R, no shell)', () => {
  it('reports success with the output, a non-zero exit with its code, and a missing program with the given words', async () => {
    const ok = await runProgram(process.execPath, ['-e', 'console.log("# Host 203.0.113.5 found: line 3"); console.error("known_hosts updated.")'], 'nf');
    assert.deepEqual(ok, { ok: true, reason: '', output: '# Host 203.0.113.5 found: line 3 known_hosts updated.' });
    const failed = await runProgram(process.execPath, ['-e', 'console.error("hostkeys_foreach failed: No such file"); process.exit(255)'], 'nf');
    assert.deepEqual(failed, { ok: false, reason: 'exit code 255', output: 'hostkeys_foreach failed: No such file' });
    const missing = await runProgram('/nonexistent/ssh-keygen', ['-R', '203.0.113.5'], 'ssh-keygen was not found');
    assert.deepEqual(missing, { ok: false, reason: 'ssh-keygen was not found', output: '' });
  });

  it('passes an argument with shell characters as one argument, untouched', async () => {
    const r = await runProgram(process.execPath, ['-e', 'console.log(JSON.stringify(process.argv.slice(1)))', '$(touch x); `id` | a'], 'nf');
    assert.equal(r.output, JSON.stringify(['$(touch x); `id` | a']));
  });

  it('oneLine drops control characters (an escape sequence too), collapses whitespace, cuts at 300', () => {
    assert.equal(oneLine('a\u001b[31mred\u0007\n\tb  c\r\n'), 'a [31mred b c');
    assert.equal(oneLine('x'.repeat(400)).length, 300);
  });
});
