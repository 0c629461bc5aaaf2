import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePlaybooks } from '../../scripts/compile-playbooks.js';
import { COMPILED_PLAYBOOKS_FILE, readCompiledPlaybook, templateFilesOf, type CompiledPlaybooks } from '../../src/playbook/compiled.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import { builtinPlaybookEntries, builtinPlaybooksDir } from '../../src/playbook/registry.js';
import { ROOT, tempDir } from '../helpers.js';

describe('the built-in playbooks compiled at build time', () => {
  const compiled = compilePlaybooks();
  const entries = builtinPlaybookEntries();

  it('hold, for each built-in playbook, exactly what the loader gives', () => {
    expect(Object.keys(compiled).sort()).toEqual(entries.map((entry) => `${entry.lang}/${entry.id}.yaml`).sort());
    for (const entry of entries) {
      expect(readCompiledPlaybook(entry.file, `${entry.lang}/${entry.id}.yaml`, compiled)).toEqual(loadPlaybookFile(entry.file, entry.lang));
    }
  });

  it('are shipped up to date in dist/ by the build', () => {
    const shipped = JSON.parse(readFileSync(join(ROOT, 'dist', COMPILED_PLAYBOOKS_FILE), 'utf8')) as CompiledPlaybooks;
    expect(shipped).toEqual(JSON.parse(JSON.stringify(compiled)));
  });

  it('are ignored once the playbook or one of its template files changes', () => {
    const copy = tempDir();
    cpSync(builtinPlaybooksDir(), copy, { recursive: true });
    const [key, entry] = Object.entries(compiled).find(([, candidate]) => templateFilesOf(candidate.templates).length > 0) ?? [];
    expect(key).toBeDefined();
    const file = join(copy, key ?? '');
    expect(readCompiledPlaybook(file, key ?? '', compiled)).toBeDefined();

    const template = join(file, '..', entry ? (templateFilesOf(entry.templates)[0] ?? '') : '');
    writeFileSync(template, `${readFileSync(template, 'utf8')}\nP.S. edited\n`);
    expect(readCompiledPlaybook(file, key ?? '', compiled)).toBeUndefined();
    expect(readCompiledPlaybook(join(copy, 'missing.yaml'), key ?? '', compiled)).toBeUndefined();
  });
});
