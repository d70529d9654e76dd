/**
 * The `baton` command's launcher. For `start` and `worker` it sizes V8's heap (heap-tuning.ts)
 * before the rest of Baton is loaded: loading the CLI's code and dependencies is what first grows
 * the young generation, and a module's static imports are all evaluated before any of its own
 * code runs, so the CLI (cli-main.ts) is loaded afterwards with a dynamic import.
 */
import { tuneHeap } from './heap-tuning.js';

const command = process.argv[2];
const loaded = command === 'start' || command === 'worker' ? tuneHeap() : () => undefined;
// A specifier in a variable: the bundler keeps cli-main a file of its own (a bundle entry)
// instead of inlining it, which would hoist its imports above the tuning.
const cliMain = './cli-main.js';
await import(cliMain);
loaded();
