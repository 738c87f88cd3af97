// The young generation the server's processes run with: `npm start` passes the flag to the stage
// (package.json), the stage to its audience processes (audience-process.ts). Both allocate on
// every change, per page (a view and a diff) or per update (its encoding), and with V8's default
// 16 MB each scavenge kept more of that alive into the old generation, which then needed more
// full collections. With 64 MB: many-contests p99 77-109 ms before, 55-60 after; audience-fanout
// p99 327 and 335 before, 291 and 287 after (README, Benchmarks). V8 reads it only at start-up,
// so package.json's start and bench scripts and the README's --redis example write it out too:
// keep them alike.
export const HEAP_FLAGS = ['--max-semi-space-size=64'];
