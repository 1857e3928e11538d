/**
 * The README documents every command and every option: each command of `egan --help` has its own section
 * (a `### \`egan COMMAND ...\`` heading), and each option its `--help` lists appears in that heading.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { egan } from '../helpers/cli.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const commands = egan(['--help']).stdout.split('\n').slice(1).map((l) => /^  ([a-z]+)\b/.exec(l)?.[1]).filter((c): c is string => c !== undefined && c !== 'help');

describe('README', () => {
  it('lists the commands (at least the main ones)', () => {
    expect(commands).toEqual(expect.arrayContaining(['run', 'damp', 'critical', 'locus', 'sweep', 'merge', 'phase', 'report']));
  });
  for (const c of commands) {
    it(`documents egan ${c} and each of its options in its heading`, () => {
      const heading = readme.split('\n').find((l) => l.startsWith(`### \`egan ${c} `) || l.startsWith(`### \`egan ${c}\``));
      expect(heading, `no README section for egan ${c}`).toBeDefined();
      const options = [...egan([c, '--help']).stdout.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]).filter((o) => o !== '--help');
      for (const o of options) expect(heading, `egan ${c} ${o}`).toContain(o);
    });
  }
});
