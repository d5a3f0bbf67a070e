export * from '../../scripts/lib/tap-process.js';
