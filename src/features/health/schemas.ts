/** Input of the website-health settings form and API call (also the OpenAPI body schema). */
import { z } from 'zod';
import { HEALTH_SETTING_BOUNDS, HEALTH_SETTING_LABELS, type HealthSettings } from '../../domain/health/settings.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

function integer(min: number, max: number) {
  return z.preprocess(
    blank,
    z.coerce.number({ error: '应填写整数' }).int('应填写整数').min(min, `不能小于${min}`).max(max, `不能大于${max}`).optional(),
  );
}

/**
 * A checkbox: the form sends a hidden "0" and, when ticked, "1" after it (so unticking is
 * seen); the API sends a boolean.
 */
const flag = z.preprocess((v) => {
  const last = Array.isArray(v) ? v.at(-1) : v;
  if (['1', 'true', 'on'].includes(String(last))) return true;
  if (['0', 'false', 'off'].includes(String(last))) return false;
  return last;
}, z.boolean({ error: '应为是或否' }).optional());

const numericShape = Object.fromEntries(Object.entries(HEALTH_SETTING_BOUNDS).map(([key, [min, max]]) => [key, integer(min, max)])) as Record<keyof typeof HEALTH_SETTING_BOUNDS, ReturnType<typeof integer>>;

/** Any subset of the settings; what is left out keeps its value. */
export const healthSettingsInput = z.object({ ...numericShape, externalLinksEnabled: flag });

export type HealthSettingsInput = Partial<HealthSettings>;

export const healthSettingLabels: Record<string, string> = HEALTH_SETTING_LABELS;
