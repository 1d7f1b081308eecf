import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_ERRORS } from './errors.ts';
import { REJECT_REASONS } from '../../../contracts/validate.ts';

const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');

function tableRows(sectionStart: string): string[][] {
  const section = doc.slice(doc.indexOf(sectionStart));
  return section.split('\n').filter((l) => /^\| `/.test(l)).map((l) => l.split('|').map((c) => c.trim()).slice(1, -1));
}

describe('docs/errors.md', () => {
  it('lists exactly the API error codes, with their HTTP status and meaning', () => {
    const rows = tableRows('# API error codes').slice(0, Object.keys(API_ERRORS).length + 1);
    const documented = rows.filter((r) => r.length === 3).map(([code, status, meaning]) => [code!.replace(/`/g, ''), Number(status), meaning]);
    const actual = Object.entries(API_ERRORS).map(([code, e]) => [code, e.status, e.meaning]);
    expect(documented).toEqual(actual);
  });

  it('lists exactly the reasons a device message is rejected', () => {
    const rows = tableRows('## Rejected device messages').map((r) => r[0]!.replace(/`/g, ''));
    expect(rows).toEqual([...REJECT_REASONS]);
  });
});
