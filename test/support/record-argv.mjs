#!/usr/bin/env node
// A stand-in for ssh in the integration tests (setting hcloud.ssh.path): it writes the arguments it
// was started with, as a JSON array, to the file named by $HCLOUD_RECORD_ARGV, or else to
// `<this file>.argv.json`, and exits. It connects nowhere. The file appears whole (written aside,
// then renamed): a test that waits for it never reads it half written.
import { renameSync, writeFileSync } from 'node:fs';

const target = process.env.HCLOUD_RECORD_ARGV || `${process.argv[1]}.argv.json`;
writeFileSync(`${target}.part`, JSON.stringify(process.argv.slice(2)));
renameSync(`${target}.part`, target);
