// Mocha reporter: the spec reporter's output plus one closing line per phase,
// "<phase>: N passed, N failed, N skipped", that the test script and CI read.
'use strict';
const Mocha = require('mocha');
const { EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const phase = (options && options.reporterOptions && options.reporterOptions.phase) || 'tests';
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats || {};
      process.stdout.write(`${phase}: ${s.passes || 0} passed, ${s.failures || 0} failed, ${s.pending || 0} skipped\n`);
    });
  }
}
module.exports = SummaryReporter;
