/**
 * dist/runtime.js: starts dist/runtime-main.js (the bundled runtime/cli.ts) through the V8 code
 * cache, which takes most of the compile time off every start after the first.
 */
import { join } from 'node:path';
import { runMainWithCodeCache } from './code-cache';

runMainWithCodeCache(join(__dirname, 'runtime-main.js'));
