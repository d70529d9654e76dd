export { compile, type CompileResult } from './compile.js';
export { planContentHash } from './content-hash.js';
export { makeSyntheticSource } from './synthetic.js';
