/**
 * Disclosure on request (依申请公开): the request vocabulary, date of receipt, state machine,
 * statutory clock and processing fee. Add further modules of the request domain as one
 * `export * from './<file>.js';` line each.
 */
export * from './types.js';
export * from './receipt.js';
export * from './state-machine.js';
export * from './clock.js';
export * from './fees.js';
export * from './report.js';
export * from './similarity.js';
