import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

const restricted = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

describe('layer import zones', () => {
  it('rejects a renderer file importing from main/', async () => {
    const msgs = await restricted('renderer/features/till/Bad.tsx', "import { createCore } from '../../../main/compose';\nexport const x = createCore;\n");
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toContain('renderer/ must not import from main/');
  });

  it('rejects a domain file importing node:fs', async () => {
    const msgs = await restricted('domain/deposit/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toContain('domain/ must not use Node built-ins.');
  });

  it.each([
    ['main/services/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n", 'better-sqlite3 is used only'],
    ['main/services/x.ts', "import { app } from 'electron';\nexport const x = app;\n", 'electron is used only'],
    ['drivers/printer/x.ts', "import { SerialPort } from 'serialport';\nexport const x = SerialPort;\n", 'serialport is used only'],
    ['drivers/printer/x.ts', "import HID from 'node-hid';\nexport const x = HID;\n", 'node-hid is used only'],
    ['drivers/printer/x.ts', "import { x as y } from '../../main/compose';\nexport const x = y;\n", 'drivers/ must not import from main/'],
    ['central/server.ts', "import { x as y } from '../main/compose';\nexport const x = y;\n", 'central/ must not import from main/'],
    ['domain/x.ts', "import { useState } from 'react';\nexport const x = useState;\n", 'React is used only'],
    ['renderer/x.tsx', "import { x as y } from '../drivers/printer';\nexport const x = y;\n", 'renderer/ must not import from drivers/'],
  ])('rejects %s: %s', async (file, code, why) => {
    const msgs = await restricted(file, code);
    expect(msgs.join('\n')).toContain(why);
  });

  it.each([
    ['renderer/x.tsx', "import { formatPesos } from '../domain/money/pesos';\nimport { useState } from 'react';\nexport const x = [formatPesos, useState];\n"],
    ['main/store/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['main/host/electron/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['drivers/transport/serial/x.ts', "import { SerialPort } from 'serialport';\nexport const x = SerialPort;\n"],
    ['drivers/transport/hid/x.ts', "import HID from 'node-hid';\nexport const x = HID;\n"],
    ['main/services/x.ts', "import { x as y } from '../../drivers/manager';\nimport { z } from '../../domain/contract';\nexport const x = [y, z];\n"],
    ['central/store/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
  ])('allows %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
