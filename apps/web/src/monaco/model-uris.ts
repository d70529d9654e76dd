// Model URIs live apart from monaco-setup so importing one does not pull Monaco into the chunk.
export const FLOW_SOURCE_MODEL_URI = 'inmemory://baton/flow-source.json';
export const sampleRecordModelUri = (flowId: string) =>
  `inmemory://baton/sample-record/${encodeURIComponent(flowId)}.json`;
