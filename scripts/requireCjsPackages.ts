import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/**
 * A build plugin for the main process (CLI, server, workers): the CommonJS packages listed are loaded with `require`
 * instead of an ESM `import`. When ESM imports a CommonJS file, Node parses it (and every file it re-exports) with
 * cjs-module-lexer to find its export names; for @tensorflow/tfjs, which re-exports tfjs-core, -layers, -converter,
 * -data and two backends, that parse cost about 0.3 s of every process and every worker thread, more than
 * loading the code itself. Each listed import becomes a small module that requires the package and re-exports
 * its names, listed here at build time, so `import * as tf` and named imports compile unchanged and use the very
 * same module instance (require's cache) as tfjs-node and the backends. Sources (tsx, Vitest) keep the plain import.
 */
export function requireCjsPackages(packages: readonly string[]): Plugin {
  const requireHere = createRequire(import.meta.url);
  const prefix = '\0require-cjs:';
  return {
    name: 'sinapsis-require-cjs-packages',
    enforce: 'pre',
    resolveId(id) {
      return packages.includes(id) ? prefix + id : null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const name = id.slice(prefix.length);
      const exported = Object.keys(requireHere(name) as object).filter(
        (key) => key !== 'default' && key !== '__esModule' && /^[A-Za-z_$][\w$]*$/.test(key),
      );
      return [
        `import { createRequire } from 'node:module';`,
        `const m = createRequire(import.meta.url)(${JSON.stringify(name)});`,
        `export default m;`,
        `export const { ${exported.join(', ')} } = m;`,
      ].join('\n');
    },
  };
}
