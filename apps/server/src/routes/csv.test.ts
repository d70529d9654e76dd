import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('quotes what needs quoting, leaves numbers and nulls plain, and defuses formulas', () => {
    const csv = toCsv(
      ['id', 'key', 'n', 'error'],
      [
        ['r1', 'SO-1, "A"', 12.5, null],
        ['r2', '=HYPERLINK("x")', -3, 'line\nbreak'],
      ],
    );
    expect(csv).toBe(
      'id,key,n,error\r\n' + 'r1,"SO-1, ""A""",12.5,\r\n' + `r2,"'=HYPERLINK(""x"")",-3,"line\nbreak"\r\n`,
    );
  });
});
