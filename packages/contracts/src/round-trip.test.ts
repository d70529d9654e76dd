import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { richContract } from './contract-arbitraries.test-support.js';
import { ContractImportError } from './import-error.js';
import { contractToJsonSchema } from './json-schema.js';
import { jsonSchemaToContract } from './json-schema-import.js';
import { contractToOdcs, odcsToContract } from './odcs.js';

describe('round trips', () => {
  it('contract → JSON Schema → contract is lossless', () => {
    fc.assert(
      fc.property(richContract, (contract) => {
        expect(jsonSchemaToContract(JSON.parse(JSON.stringify(contractToJsonSchema(contract))))).toEqual(
          contract,
        );
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('contract → ODCS YAML → contract is lossless', () => {
    fc.assert(
      fc.property(richContract, (contract) => {
        expect(odcsToContract(contractToOdcs(contract, { id: 'f.e', name: 'edge' }))).toEqual(contract);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

// Documents in the shape of the examples published with the standard (bitol-io/open-data-contract-standard).
const tableColumn = `
version: 1.0.0
kind: DataContract
id: 53581432-6c55-4ba2-a65f-72344a91553b
status: active
name: my_table
apiVersion: v3.0.0
schema:
  - name: tbl
    physicalType: table
    properties:
    - name: rcvr_cntry_code
      businessName: Receiver country code
      logicalType: string
      physicalType: varchar(2)
      authoritativeDefinitions:
        - url: https://example.com/asset/1
          type: Business definition
    - name: txn_ref_dt
      logicalType: date
      physicalType: date
      classification: public
      required: true
`;

const withEnums = `
version: 1.0.0
kind: DataContract
id: orders
apiVersion: v3.2.0
status: active
name: orders_with_enums
schema:
  - name: orders
    physicalType: table
    properties:
      - name: order_id
        primaryKey: true
        logicalType: string
        required: true
        logicalTypeOptions: { pattern: '^SO-\\d{5}$', maxLength: 8 }
      - name: status
        logicalType: string
        enum:
          - value: pending
            label: Pending
          - value: shipped
      - name: priority
        logicalType: integer
        enum: [{ value: 1 }, { value: 2 }]
        logicalTypeOptions: { minimum: 1, maximum: 3 }
`;

describe('ODCS import of documents written by other tools', () => {
  it('reads a v3.0 table with columns', () => {
    expect(odcsToContract(tableColumn)).toEqual({
      fields: [
        { name: 'rcvr_cntry_code', type: 'string', required: false },
        { name: 'txn_ref_dt', type: 'date', required: true, classification: 'public' },
      ],
      extraFields: 'drop',
    });
  });

  it('reads v3.2 enums and logical type options', () => {
    const contract = odcsToContract(withEnums);
    expect(contract.fields).toEqual([
      { name: 'order_id', type: 'string', required: true, pattern: '^SO-\\d{5}$', maxLength: 8 },
      { name: 'status', type: 'string', required: false, allowed: ['pending', 'shipped'] },
      { name: 'priority', type: 'integer', required: false, allowed: [1, 2], min: 1, max: 3 },
    ]);
  });

  it.each([
    ['not YAML', 'kind: [', 'not YAML'],
    ['a v2 document', 'kind: DataContract\napiVersion: v2.2.2\n', 'only ODCS v3'],
    ['another kind', 'kind: Something\napiVersion: v3.0.0\n', 'kind: DataContract'],
    ['no schema', 'kind: DataContract\napiVersion: v3.0.0\n', 'no schema object'],
    [
      'a nested object',
      'kind: DataContract\napiVersion: v3.0.0\nschema:\n  - name: t\n    properties:\n      - name: address\n        logicalType: object\n',
      'logicalType object',
    ],
  ])('refuses %s with a clear message', (_what, text, message) => {
    expect(() => odcsToContract(text)).toThrow(ContractImportError);
    expect(() => odcsToContract(text)).toThrow(message);
  });

  it('refuses JSON Schemas it cannot hold, with the path', () => {
    expect(() => jsonSchemaToContract({ type: 'object', properties: { a: { type: 'array' } } })).toThrow(
      '/properties/a/type',
    );
    expect(() => jsonSchemaToContract([])).toThrow(ContractImportError);
  });
});
