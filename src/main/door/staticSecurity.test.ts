import { ESLint } from 'eslint';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../core/reports/renderReportHtml';
import { sampleRun } from '../core/reports/sampleRun.testdata';
import { CONTENT_SECURITY_POLICY } from './csp';

const repo = join(__dirname, '../../..');
const thisFile = relative(repo, __filename);

function sourceFiles(dir: string, extensions = ['.ts', '.vue', '.js', '.mjs']): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path, extensions));
    else if (extensions.some((ext) => name.endsWith(ext))) files.push(path);
  }
  return files;
}

/** `directive -> sources` of a policy string. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function expectStrictPolicy(policy: string, where: string): void {
  const parsed = directives(policy);
  expect(parsed.get('default-src'), where).toEqual(["'self'"]);
  expect(parsed.get('script-src'), where).toEqual(["'self'"]);
  expect(parsed.get('object-src'), where).toEqual(["'none'"]);
  expect(parsed.get('base-uri'), where).toEqual(["'none'"]);
  // Only our own files, inline images (data:, blob:) and nothing remote: no host, scheme wildcard or eval.
  for (const [name, sources] of parsed) {
    for (const source of sources) expect(["'self'", "'none'", 'data:', 'blob:'], `${where}: ${name} ${source}`).toContain(source);
  }
}

describe('Content-Security-Policy', () => {
  it('the doors (Electron header, browser mode) allow only our own scripts: no remote script, no eval, no inline script', () => {
    expectStrictPolicy(CONTENT_SECURITY_POLICY, 'door CSP');
  });

  it('the renderer page carries the same policy in its meta tag', () => {
    const html = readFileSync(join(repo, 'src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    expectStrictPolicy(meta![1], 'index.html');
  });

  it('a report runs no script at all: default-src none, no script-src', () => {
    const html = renderReportHtml({ ...sampleRun(), notes: {}, thumbnails: new Map() }, 'en');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    const parsed = directives(meta![1]);
    expect(parsed.get('default-src')).toEqual(["'none'"]);
    expect(parsed.has('script-src')).toBe(false);
    expect(html).not.toMatch(/<script/i);
  });
});

describe('no eval in our code', () => {
  const files = [...sourceFiles(join(repo, 'src')), ...sourceFiles(join(repo, 'scripts')), ...sourceFiles(join(repo, 'bin'))].filter(
    (file) => relative(repo, file) !== thisFile,
  );

  it('no eval, new Function, string timers or vm code anywhere under src/, scripts/ and bin/', () => {
    expect(files.length).toBeGreaterThan(100);
    const forbidden: [string, RegExp][] = [
      ['eval(', /(?<![\w.$])eval\s*\(/],
      ['new Function', /new\s+Function\s*\(/],
      ['Function("…")', /(?<![\w.$])Function\s*\(\s*['"`]/],
      ['string timer', /\bset(?:Timeout|Interval|Immediate)\s*\(\s*['"`]/],
      ['node:vm', /from\s+['"](?:node:)?vm['"]|require\(\s*['"](?:node:)?vm['"]\s*\)/],
    ];
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [name, pattern] of forbidden) if (pattern.test(text)) found.push(`${relative(repo, file)}: ${name}`);
    }
    expect(found).toEqual([]);
  });

  it('the only evaluated code is the fixed one-line bootstrap that starts a worker from source', () => {
    const users = files.filter((file) => /\beval:\s*true/.test(readFileSync(file, 'utf8'))).map((file) => relative(repo, file));
    expect(users).toEqual(['src/main/core/workers/spawnWorker.ts']);
    const text = readFileSync(join(repo, 'src/main/core/workers/spawnWorker.ts'), 'utf8');
    // Built from constants and JSON-quoted file URLs (tsx's loader as resolved from this checkout, our own worker
    // entry), never from a request.
    expect(text).toMatch(
      /const bootstrap = `import\(\$\{JSON\.stringify\(tsxApi\(\)\)\}\)\.then\(\(\{ register \}\) => \{ register\(\); return import\(\$\{JSON\.stringify\(pathToFileURL\(file\)\.href\)\}\); \}\);`;/,
    );
    expect(text).toMatch(/resolveUrl\('tsx\/esm\/api'\)/);
  });

  it('ESLint refuses eval, new Function and string timers in any source file', async () => {
    const eslint = new ESLint({ cwd: repo });
    const code = [
      'export function f(code: string): unknown {',
      "  setTimeout('tick()', 1);",
      '  new Function(code);',
      '  return eval(code);',
      '}',
      '',
    ].join('\n');
    for (const filePath of ['src/main/core/sneaky.ts', 'src/renderer/src/sneaky.ts', 'src/shared/sneaky.ts']) {
      const [result] = await eslint.lintText(code, { filePath: join(repo, filePath) });
      expect(result.messages.map((m) => m.ruleId).sort(), filePath).toEqual(['no-eval', 'no-implied-eval', 'no-new-func']);
    }
  }, 60_000);
});

describe('every write is atomic', () => {
  it('outside atomicWrite.ts, the main process never writes a file in place', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(join(repo, 'src/main'), ['.ts'])) {
      const path = relative(repo, file);
      if (
        path.endsWith('.test.ts') ||
        path.includes('/testing/') ||
        path.endsWith('.testdata.ts') ||
        path === 'src/main/core/runs/atomicWrite.ts'
      )
        continue;
      const text = readFileSync(file, 'utf8');
      if (/\b(?:writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream)\s*\(/.test(text)) offenders.push(path);
    }
    expect(offenders).toEqual([]);
  });
});

describe('no spread of large arrays into arguments', () => {
  it('no Math.max(...x), Math.min(...x), push(...x), splice(…, ...x) or fromCharCode(...x) under src/ (shared/arrays.ts has the loops)', () => {
    // Spread arguments go on the stack: from about 100,000 elements (a confusion matrix of 400 classes, a long
    // curve, a large class in a split) they throw "Maximum call stack size exceeded". Array literals ([...x]) are fine.
    const spread = /(?:Math\.(?:max|min)|\.push|\.unshift|\.splice|fromCharCode)\((?:[^{}()[\]]*,\s*)?\.\.\./;
    const offenders: string[] = [];
    for (const file of [...sourceFiles(join(repo, 'src'), ['.ts', '.vue'])]) {
      const path = relative(repo, file);
      if (path.endsWith('.test.ts')) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!/^\s*(\/?\*|\/\/)/.test(line) && spread.test(line)) offenders.push(`${path}:${i + 1}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
