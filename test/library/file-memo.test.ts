import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWorkspace, FileMemo } from '../../src/pipeline.js';
import { diagramsFor } from '../../src/outputs.js';

const MODELS = join(import.meta.dirname, '../../models');

describe('FileMemo: reloading after a save reads only the changed file', () => {
  it('gives the same workspace, diagnostics and diagrams as a fresh load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocdin-memo-'));
    try {
      cpSync(MODELS, join(dir, 'models'), { recursive: true });
      const memo = new FileMemo();
      const first = checkWorkspace(['models'], dir, { memo });
      const files = first.files.length;
      expect(memo.readCount).toBe(files);
      // Twice through the memo: nothing read again, the same result.
      const again = checkWorkspace(['models'], dir, { memo });
      expect(memo.readCount).toBe(files);
      expect(diagramsFor(again).set.files).toEqual(diagramsFor(first).set.files);
      const din = join(dir, 'models/regios/almere-en-lelystad.yaml');
      writeFileSync(din, readFileSync(din, 'utf8').replace('Sterkere verbinding met jeugdhulp verkennen', 'Sterkere verbinding met jeugdhulp opzetten'));
      const changed = checkWorkspace(['models'], dir, { memo });
      expect(memo.readCount).toBe(files + 1);
      const fresh = checkWorkspace(['models'], dir);
      expect(changed.diagnostics).toEqual(fresh.diagnostics);
      expect(diagramsFor(changed).set.files).toEqual(diagramsFor(fresh).set.files);
      expect(diagramsFor(changed).set.files.find((f) => f.name === 'din-almere-en-lelystad.mmd')!.content).toContain('jeugdhulp opzetten');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
