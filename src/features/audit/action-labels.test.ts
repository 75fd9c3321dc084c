import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS } from './views.js';

const SRC = fileURLToPath(new URL('../../', import.meta.url));

/** The non-test .ts/.tsx files under src/. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** A quoted action code: 'item.submit', 'assessment.item.create'. */
const CODE = /(['"])([A-Za-z]+(?:\.[A-Za-z]+)+)\1/g;

/**
 * Where recordAudit gets its action: an `action:` property (recordAudit's event, or the options of
 * a helper such as the annual reports' writeWorkingCopy), an `action =` variable passed on
 * (publications' updateItem), or the first argument of the review's `audit(` helper. The rest of
 * the expression up to `,` `;` `}` or the line end is read, so both branches of a ternary count.
 * Built codes (`request.${type}`, `rectification.${…}`) are checked separately below.
 */
const SITES = [/\baction\s*:\s*([^,;}\n]*)/g, /\b(?:const|let)\s+action\s*=\s*([^,;}\n]*)/g, /\baudit\(\s*([^,)\n]*)/g];

function recordedActionCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const site of SITES) {
      for (const match of text.matchAll(site)) {
        for (const literal of match[1]!.matchAll(CODE)) codes.add(literal[2]!);
      }
    }
  }
  return codes;
}

describe('audit action labels', () => {
  const codes = recordedActionCodes();

  it('finds the action codes the code records', () => {
    expect(codes.size).toBeGreaterThan(60);
    expect(codes).toContain('health.settings');
    expect(codes).toContain('item.approveFinal'); // the review's audit() helper
    expect(codes).toContain('item.startCorrection'); // an action variable
    expect(codes).toContain('notice.redraft'); // a ternary's first branch
    expect(codes).toContain('report.fillZero'); // writeWorkingCopy's options
  });

  it('names every recorded action in Chinese', () => {
    const missing = [...codes].filter((code) => !ACTION_LABELS[code]).sort();
    expect(missing).toEqual([]);
  });

  it('names the built codes of request events and rectification steps', () => {
    expect(ACTION_LABELS['request.registered']).toBe('依申请公开：登记申请');
    expect(ACTION_LABELS['request.withdrawn']).toBe('依申请公开：登记撤回申请');
    expect(ACTION_LABELS['rectification.answer']).toBe('整改：反馈整改情况');
    expect(ACTION_LABELS['rectification.accept']).toBe('整改：验收通过');
    expect(ACTION_LABELS['rectification.return']).toBe('整改：退回重新整改');
  });
});
