import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Fitness tests for the data layer the architecture notes ask for: they read the source tree.
const root = resolve(__dirname, '../..');
const domain = join(root, 'server/domain');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Which domain folders each domain folder imports (static and dynamic imports alike). */
function folderImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(domain)) {
    const from = relative(domain, file).split('/')[0]!;
    const targets = graph.get(from) ?? new Set<string>();
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)) {
      const target = relative(domain, resolve(dirname(file), spec!));
      if (!target.startsWith('..')) targets.add(target.split('/')[0]!);
    }
    targets.delete(from);
    graph.set(from, targets);
  }
  return graph;
}

describe('the domain folders', () => {
  it('import each other without cycles (returns, claims and refunds in particular)', () => {
    const graph = folderImports();
    const cycles: string[] = [];
    const visit = (folder: string, path: string[]) => {
      for (const next of graph.get(folder) ?? []) {
        if (next === path[0]) cycles.push([...path, next].join(' → '));
        else if (!path.includes(next)) visit(next, [...path, next]);
      }
    };
    for (const folder of ['returns', 'claims', 'refunds']) visit(folder, [folder]);
    expect(cycles).toEqual([]);
  });

  it('parse JSON columns only through the one checked parser (in the repositories’ mappers)', () => {
    const parsing = [...sourceFiles(domain), ...sourceFiles(join(root, 'server/routes'))]
      .filter((file) => /JSON\.parse\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(parsing).toEqual([]);
  });
});
