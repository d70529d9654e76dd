/**
 * An imported document Baton cannot turn into a contract. `path` points into the document
 * (JSON Pointer) so the editor can say where; `code` is stable for the API's problem answer.
 */
export class ContractImportError extends Error {
  constructor(
    readonly code: 'not_a_json_schema' | 'not_an_odcs_document' | 'unsupported_construct',
    readonly path: string,
    message: string,
  ) {
    super(`${path || '/'}: ${message}`);
    this.name = 'ContractImportError';
  }
}
