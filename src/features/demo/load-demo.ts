/** `gongkai demo`: loads the demo district into a fresh installation. */
import { nowIso, today, type AppContext } from '../../context.js';
import type { Agency } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { hashPassword } from '../accounts/passwords.js';
import { insertUser, setRoles } from '../accounts/repository.js';
import { findAgencyByName, insertAgency, listAllAgencies, updateAgencyRow } from '../agencies/repository.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/service.js';
import { insertColumn, listColumnsOf } from '../publications/repository.js';
import { loadDemoItems } from './demo-items.js';
import { loadDemoNewMedia } from './demo-new-media.js';
import { loadDemoTrainings } from './demo-trainings.js';
import {
  DEMO_COLUMNS, DEMO_DEPARTMENTS, DEMO_GOVERNMENT, DEMO_OFFICE, DEMO_OFFICE_STAFF, DEMO_PASSWORD, DEMO_STAFF, DEMO_TOWNSHIPS,
  demoCreditCode, type DemoAgency,
} from './demo-district.js';

export interface DemoResult {
  /** Published items, dated back from today. */
  items: number;
  /** 政务新媒体 registered (with their monthly counts), and how many of them still operate. */
  newMediaAccounts: number;
  operatingNewMediaAccounts: number;
  /** Training records of last year and this year. */
  trainings: number;
  agencies: number;
  users: number;
  password: string;
}

/**
 * Loads the demo district. `items: false` leaves out the records that the figures count — the
 * published items, the new-media accounts with their monthly counts and the trainings — for
 * tests that make and count their own.
 */
export async function loadDemo(ctx: AppContext, options: { items?: boolean } = {}): Promise<DemoResult> {
  const db = ctx.database.db;
  if (await findAgencyByName(db, DEMO_GOVERNMENT.name)) throw new AppError('CONFLICT', '演示数据已加载过');
  const existing = await listAllAgencies(db);
  const root = existing.find((a) => a.parent_id === null && a.kind === 'government');
  const office = existing.find((a) => root && a.parent_id === root.id && a.kind === 'office');
  if (existing.length > 2) throw new AppError('INVALID_STATE', '演示数据只能加载到新安装的系统中（当前已有其他单位）');

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const at = nowIso(ctx);
  let serial = 1;
  let users = 0;
  let items = 0;
  let newMediaAccounts = 0;
  let operatingNewMediaAccounts = 0;
  let trainings = 0;
  await db.transaction().execute(async (trx) => {
    const upsert = async (a: DemoAgency, parentId: number | null, existingId?: number) => {
      const values = {
        name: a.name, short_name: a.shortName, kind: a.kind, credit_code: demoCreditCode(serial), index_code: null as string | null,
        sort_order: serial, updated_at: at,
        office_name: '办公室', office_address: `云岭市青川区龙华路${100 + serial * 2}号`, office_hours: '工作日上午9:00—12:00，下午14:30—17:30',
        postal_code: '655399', phone: `0874-33${String(10000 + serial * 7).slice(-5)}`, fax: `0874-33${String(20000 + serial * 7).slice(-5)}`,
        email: `${a.login}@qingchuan.example.gov.cn`, website: 'https://www.qingchuan.example.gov.cn',
      };
      values.index_code = values.credit_code;
      serial++;
      return existingId
        ? updateAgencyRow(trx, existingId, values)
        : insertAgency(trx, { ...values, parent_id: parentId, created_at: at });
    };
    const gov = await upsert(DEMO_GOVERNMENT, null, root?.id);
    const off = await upsert(DEMO_OFFICE, gov.id, office?.id);
    const drafterOf = new Map<number, number>();
    const agencies: Agency[] = [];
    const addStaff = async (agencyId: number, login: string, shortName: string, staff: typeof DEMO_STAFF) => {
      for (const s of staff) {
        const user = await insertUser(trx, {
          agency_id: agencyId, username: `${login}-${s.suffix}`, display_name: `${shortName}${s.title}`, email: null,
          password_hash: passwordHash, must_change_password: 0, failed_logins: 0, locked_until: null, disabled: 0,
          last_login_at: null, password_changed_at: at, created_at: at, updated_at: at,
        });
        await setRoles(trx, user.id, s.roles);
        if (s.roles.includes('drafter') && !drafterOf.has(agencyId)) drafterOf.set(agencyId, user.id);
        users++;
      }
    };
    let columns = 0;
    const addColumns = async (agencyId: number) => {
      for (const [i, c] of DEMO_COLUMNS.entries()) {
        const parent = await insertColumn(trx, { agency_id: agencyId, parent_id: null, name: c.name, kind: c.kind, sort_order: i + 1, created_at: at, updated_at: at });
        columns++;
        for (const [j, child] of (c.children ?? []).entries()) {
          await insertColumn(trx, { agency_id: agencyId, parent_id: parent.id, name: child.name, kind: child.kind, sort_order: j + 1, created_at: at, updated_at: at });
          columns++;
        }
      }
    };
    await addStaff(off.id, DEMO_OFFICE.login, DEMO_OFFICE.shortName, DEMO_OFFICE_STAFF);
    await addColumns(gov.id);
    await addColumns(off.id);
    // The office's staff publish for the government too.
    drafterOf.set(gov.id, drafterOf.get(off.id)!);
    agencies.push(gov, off);
    for (const a of [...DEMO_DEPARTMENTS, ...DEMO_TOWNSHIPS]) {
      const agency = await upsert(a, gov.id);
      await addStaff(agency.id, a.login, a.shortName, DEMO_STAFF);
      await addColumns(agency.id);
      agencies.push(agency);
    }
    if (options.items !== false) {
      items = await loadDemoItems(trx, {
        agencies, columns: await listColumnsOf(trx, agencies.map((a) => a.id)), drafterOf, today: today(ctx), at,
      });
      ({ accounts: newMediaAccounts, operating: operatingNewMediaAccounts } = await loadDemoNewMedia(trx, { agencies, today: today(ctx), at }));
      trainings = await loadDemoTrainings(trx, { office: off, agencies, today: today(ctx), at });
    }
    // Like the items, the demo's accounts and trainings are recorded by this one entry, not one entry each.
    await recordAudit(ctx, trx, SYSTEM_ACTOR, {
      action: 'system.demoLoaded', entityType: 'agency', entityId: gov.id, agencyId: gov.id, data: { agencies: serial - 1, users, columns, items, newMediaAccounts, trainings },
    });
  });
  return { agencies: serial - 1, users, items, newMediaAccounts, operatingNewMediaAccounts, trainings, password: DEMO_PASSWORD };
}
