// The layer map is enforced by lint: a forbidden import must fail.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('fail on electron in core, shared, api, harness and the renderer', async () => {
    for (const file of ['src/main/core/x.ts', 'src/shared/x.ts', 'src/main/api/x.ts', 'src/main/harness/x.ts', 'src/renderer/src/x.ts']) {
      expect(await lint(file, "import { app } from 'electron';\nexport const a = app;\n"), file).toEqual([expect.stringContaining('electron')]);
    }
  });

  it('allow electron in app, the entry point and the preload', async () => {
    for (const file of ['src/main/app/x.ts', 'src/main/index.ts', 'src/preload/x.ts']) {
      expect(await lint(file, "import { app } from 'electron';\nexport const a = app;\n"), file).toEqual([]);
    }
  });

  it('fail when core reaches up into api, app or the harness', async () => {
    expect(await lint('src/main/core/x.ts', "import { createApi } from '../api';\nexport const a = createApi;\n")).toHaveLength(1);
    expect(await lint('src/main/core/db/x.ts', "import { s } from '../../app/start';\nexport const a = s;\n")).toHaveLength(1);
    expect(await lint('src/main/core/x.ts', "import { h } from '../harness/server';\nexport const a = h;\n")).toHaveLength(1);
  });

  it('fail when the renderer imports main or Node, and when shared imports Node', async () => {
    expect(await lint('src/renderer/src/x.ts', "import { c } from '../../main/core/clock';\nexport const a = c;\n")).toHaveLength(1);
    expect(await lint('src/renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
    expect(await lint('src/shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
  });

  it('allow the arrows that point down', async () => {
    expect(await lint('src/main/api/x.ts', "import { c } from '../core/clock';\nexport const a = c;\n")).toEqual([]);
    expect(await lint('src/renderer/src/x.ts', "import { m } from '../../shared/contract';\nexport const a = m;\n")).toEqual([]);
  });
});
