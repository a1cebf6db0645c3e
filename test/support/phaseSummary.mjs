// Playwright reporter (beside `list`): the closing lines of each project that ran, which
// scripts/test.sh adds up: "<project>: finished in N s" and "<project>: N passed, N failed, N skipped".
// A run that failed outside any test (no test found, an error in the config or a worker fixture
// between tests) counts as one failed test, so the phase cannot pass with nothing counted.
export default class PhaseSummary {
  onBegin(_config, suite) {
    this.suite = suite;
    this.errors = 0;
    this.started = Date.now();
  }

  onError() {
    this.errors++;
  }

  onEnd(result) {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    const projects = this.suite.suites.filter((p) => p.allTests().length > 0);
    if (projects.length === 0) console.log(`tests: 0 passed, ${Math.max(1, this.errors)} failed, 0 skipped`);
    for (const project of projects) {
      const counts = { expected: 0, unexpected: 0, skipped: 0, flaky: 0 };
      for (const test of project.allTests()) counts[test.outcome()]++;
      const passed = counts.expected + counts.flaky;
      let failed = counts.unexpected;
      if (failed === 0 && (this.errors > 0 || result.status !== 'passed')) failed = 1;
      console.log(`${project.title}: finished in ${seconds} s`);
      console.log(`${project.title}: ${passed} passed, ${failed} failed, ${counts.skipped} skipped`);
    }
  }

  printsToStdio() {
    return false;
  }
}
