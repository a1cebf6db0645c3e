#!/usr/bin/env node
// A stand-in for ssh in the integration tests (setting hcloud.ssh.path): it writes the arguments it
// was started with, as a JSON array, to the file named by $HCLOUD_RECORD_ARGV, or else to
// `<this file>.argv.json`, and exits. It connects nowhere.
import { writeFileSync } from 'node:fs';

writeFileSync(process.env.HCLOUD_RECORD_ARGV || `${process.argv[1]}.argv.json`, JSON.stringify(process.argv.slice(2)));
