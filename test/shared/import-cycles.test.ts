// The code shows its architecture: no module of the server or the shared code imports, directly
// or through others, a module that imports it back (issue 12 broke app.ts <-> socket-handlers.ts).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, folder, f));
}

/** Relative imports of a file, as the .ts files they name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/from '(\.[^']+)'/g)].map((m) => join(dirname(file), m[1]).replace(/\.js$/, '.ts')).filter((f) => existsSync(f));
}

/** Every import cycle of a graph (file -> files it imports), each as the chain that closes it. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, path: string[]) => {
    for (const next of graph.get(file) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) found.push([...path.slice(at), next]);
      else if (!done.has(next)) visit(next, [...path, next]);
    }
    done.add(file);
  };
  for (const file of graph.keys()) if (!done.has(file)) visit(file, [file]);
  return found;
}

describe('no import cycles', () => {
  it('server/ and shared/ import without cycles', () => {
    const files = [...sources('server'), ...sources('shared')];
    const found = cycles(new Map(files.map((f) => [f, importsOf(f)])));
    expect(found.map((chain) => chain.map((f) => relative(root, f)).join(' -> '))).toEqual([]);
  });

  it('the walker reports a cycle through several files, and none in a chain', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });
});
