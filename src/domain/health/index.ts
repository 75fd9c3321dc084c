/** Website health by the inspection indicators (国办秘函〔2019〕19号): pure rules. */
export * from './settings.js';
export * from './indicators.js';
export * from './columns.js';
export * from './evaluate.js';
export * from './links.js';
export * from './robots.js';
export * from './history.js';
