import { describe, expect, it } from 'vitest';
import { isCalendarDate, isEmail } from './baton-functions.js';
import { ExpressionError } from './expression-error.js';
import { createExpressionRunner } from './expression-runner.js';
import { parseExpression } from './parse-expression.js';

const clock = { now: () => new Date('2026-03-15T10:00:00.000Z') };

describe('createExpressionRunner', () => {
  it('evaluates JSONata over the input with extra bindings', async () => {
    const runner = createExpressionRunner({ clock });
    expect(await runner.evaluate('a + b', { a: 1, b: 2 })).toBe(3);
    expect(await runner.evaluate('$input.raw & "/" & x', { x: 'mapped' }, { input: { raw: 'r' } })).toBe(
      'r/mapped',
    );
  });

  it('takes $now() and $millis() from the injected clock', async () => {
    const runner = createExpressionRunner({ clock });
    expect(await runner.evaluate('$now()', {})).toBe('2026-03-15T10:00:00.000Z');
    expect(await runner.evaluate('$millis()', {})).toBe(Date.parse('2026-03-15T10:00:00.000Z'));
    expect(await runner.evaluate("$now('[Y0001]-[M01]-[D01]')", {})).toBe('2026-03-15');
  });

  it('registers $isDate and $isEmail', async () => {
    const runner = createExpressionRunner({ clock });
    expect(await runner.evaluate('$isDate(d)', { d: '2026-02-28' })).toBe(true);
    expect(await runner.evaluate('$isDate(d)', { d: '2026-02-30' })).toBe(false);
    expect(await runner.evaluate('$isDate(d)', {})).toBe(false);
    expect(await runner.evaluate('$isEmail(e)', { e: 'ada@example.com' })).toBe(true);
    expect(await runner.evaluate('$isEmail(e)', { e: 'ada@example' })).toBe(false);
  });

  it('stops runaway recursion at maxDepth', async () => {
    const runner = createExpressionRunner({ clock, maxDepth: 50 });
    const endless = '($f := function($n) { $n + $f($n + 1) }; $f(0))';
    await expect(runner.evaluate(endless, {})).rejects.toMatchObject({
      name: 'ExpressionError',
      code: 'B0002',
    });
  });

  it('stops a long evaluation at the timeout', async () => {
    const runner = createExpressionRunner({ clock, timeoutMs: 20, maxDepth: 10_000 });
    const slow = '$count([1..200000].($string($) & "x"))';
    await expect(runner.evaluate(slow, {})).rejects.toMatchObject({ code: 'B0001' });
  });

  it('keeps guard state per evaluation, so concurrent runs do not add up their depth', async () => {
    const runner = createExpressionRunner({ clock, maxDepth: 40 });
    // Each evaluation alone stays under the limit; 20 at once would not if depth were shared.
    const nested = '($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(5))';
    const results = await Promise.all(Array.from({ length: 20 }, () => runner.evaluate(nested, {})));
    expect(results).toEqual(Array(20).fill(5));
  });

  it('throws ExpressionError (an Error) for runtime errors and syntax errors', async () => {
    const runner = createExpressionRunner({ clock });
    const typeError = await runner.evaluate('a > 0', { a: 'x' }).catch((e: unknown) => e);
    expect(typeError).toBeInstanceOf(ExpressionError);
    expect((typeError as ExpressionError).code).toBe('T2009');
    await expect(runner.evaluate('a +', {})).rejects.toBeInstanceOf(ExpressionError);
  });

  it("keeps the record's values out of error messages (they are stored in steps)", async () => {
    const runner = createExpressionRunner({ clock });
    const error = (await runner
      .evaluate('$number(email)', { email: 'ada@example.com' })
      .catch((e: unknown) => e)) as ExpressionError;
    expect(error.code).toBe('D3030');
    expect(error.message).toMatch(/cast/i);
    expect(error.message).not.toContain('ada@example.com');
  });
});

describe('parseExpression', () => {
  it('accepts valid JSONata and reports the position of a syntax error', () => {
    expect(parseExpression('total_cents > 0')).toEqual({ ok: true });
    const bad = parseExpression('total_cents > ');
    expect(bad.ok).toBe(false);
    expect(bad).toMatchObject({ position: expect.any(Number), message: expect.stringMatching(/./) });
    expect(parseExpression('  ')).toMatchObject({ ok: false });
  });
});

describe('Baton functions', () => {
  it('isCalendarDate knows leap years and refuses other shapes', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-3-15')).toBe(false);
    expect(isCalendarDate(20260315)).toBe(false);
  });

  it('isEmail wants one @ and a dotted domain', () => {
    expect(isEmail('a.b+c@mail.example.com')).toBe(true);
    expect(isEmail('a b@example.com')).toBe(false);
    expect(isEmail('a@@example.com')).toBe(false);
    expect(isEmail(undefined)).toBe(false);
  });
});
