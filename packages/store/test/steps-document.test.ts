import { describe, expect, it } from 'vitest';
import { stepsDocument, stepsFromDocument } from '../src/rows/steps-document.js';
import { sampleStep } from './fixtures.js';

describe('the steps document of a run row', () => {
  const record = { id: 'SO-1', email: 'ada@example.com', tags: ['a', 'b'] };
  const mapped = { id: 'SO-1', email: 'ada@example.com' };

  it('writes a record the next step repeats once and reads back the same bytes', () => {
    const steps = [
      sampleStep(1, { input: record, output: record }),
      sampleStep(2, { input: record, output: mapped }),
      sampleStep(3, { input: mapped, output: mapped }),
    ];
    const document = stepsDocument(steps);
    // The record appears once, the mapped record once (plus their keys inside other fields: none).
    expect(document.split('ada@example.com').length - 1).toBe(2);
    expect(document.length).toBeLessThan(JSON.stringify(steps).length);
    expect(JSON.stringify(stepsFromDocument(document))).toBe(JSON.stringify(steps));
  });

  it('keeps equal but separate values (a masked copy, a contract that rebuilt the record) in full', () => {
    const steps = [
      sampleStep(1, { input: record, output: { ...record } }),
      sampleStep(2, { input: { ...record }, output: mapped }),
    ];
    expect(stepsDocument(steps)).toBe(JSON.stringify(steps));
    expect(stepsFromDocument(stepsDocument(steps))).toEqual(steps);
  });

  it('never treats null or a primitive as repeated', () => {
    const steps = [
      sampleStep(1, { input: null, output: null }),
      sampleStep(2, { input: null, output: 'x' }),
      sampleStep(3, { input: 'x', output: 'x' }),
    ];
    expect(stepsDocument(steps)).toBe(JSON.stringify(steps));
  });

  it('reads the plain array that rows written before it hold', () => {
    const steps = [sampleStep(1), sampleStep(2)];
    expect(stepsFromDocument(JSON.stringify(steps))).toEqual(steps);
  });
});
