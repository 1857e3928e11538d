/**
 * Output files: atomic writes (temp file + rename, so a crash never leaves a
 * truncated file) and CSV with a header row.
 */
import { writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export const writeAtomic = (path: string, data: string | Uint8Array): void => {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
};

/** CSV with a header row; numbers printed with full precision. */
export const toCsv = (header: readonly string[], rows: readonly (readonly (number | string | null)[])[]): string =>
  [header.join(','), ...rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','))].join('\n') + '\n';

