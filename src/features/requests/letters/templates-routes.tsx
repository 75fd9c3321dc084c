/**
 * Agencies adjust the wording of their letter templates. An override must keep every placeholder
 * and citation the letter needs (validateTemplateOverride); resetting returns to the default.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLetterKind, LETTER_KINDS, type LetterKind } from '../../../domain/requests/letters/kinds.js';
import { validateTemplateOverride } from '../../../domain/requests/letters/fill.js';
import { PLACEHOLDERS } from '../../../domain/requests/letters/placeholders.js';
import { defaultTemplate } from '../../../domain/requests/letters/templates.js';
import type { Actor } from '../../../domain/roles.js';
import { nowIso, type AppContext } from '../../../context.js';
import { AppError, forbidden, notFound, validationError } from '../../../errors.js';
import { requireStaff } from '../../../http/guards.js';
import { CsrfField, FormErrors } from '../../../http/layout.js';
import { redirectWithFlash, sendConsolePage } from '../../../http/pages.js';
import { findAgency } from '../../agencies/repository.js';
import { recordAudit } from '../../audit/service.js';
import { requestPolicy } from '../policy.js';

async function overrides(ctx: AppContext, agencyId: number) {
  const rows = await ctx.database.db.selectFrom('letter_templates').selectAll().where('agency_id', '=', agencyId).execute();
  return new Map(rows.map((r) => [r.kind, r]));
}

/** Saves (or, with an empty body, removes) an agency's wording of one letter kind. */
export async function saveTemplateOverride(ctx: AppContext, opts: { actor: Actor; agencyId: number; kind: string; body: unknown; ip?: string }) {
  const agency = await findAgency(ctx.database.db, opts.agencyId);
  if (!agency || !requestPolicy.view(opts.actor, agency.id)) throw notFound('单位');
  if (!requestPolicy.editTemplates(opts.actor, agency.id)) throw forbidden('无权修改该单位的文书模板');
  if (!isLetterKind(opts.kind)) throw notFound('文书种类');
  const body = typeof opts.body === 'string' ? opts.body.replace(/\r\n/g, '\n').trim() : '';
  if (body) {
    const problems = validateTemplateOverride(body, opts.kind);
    if (problems.length) throw validationError(problems.map((p) => ({ field: 'body', message: p.message })));
  }
  await ctx.database.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('letter_templates').where('agency_id', '=', agency.id).where('kind', '=', opts.kind).execute();
    if (body) await trx.insertInto('letter_templates').values({ agency_id: agency.id, kind: opts.kind, body, updated_by: opts.actor.displayName, updated_at: nowIso(ctx) }).execute();
    await recordAudit(ctx, trx, opts.actor, { action: body ? 'letterTemplate.save' : 'letterTemplate.reset', entityType: 'letterTemplate', entityId: opts.kind, agencyId: agency.id, ip: opts.ip, data: { length: body.length } });
  });
}

export async function letterTemplateRoutes(app: FastifyInstance, ctx: AppContext) {
  const agencyOf = (request: FastifyRequest, actor: Actor) => {
    const raw = Number((request.query as Record<string, unknown>).agencyId ?? (request.body as Record<string, unknown> | undefined)?.agencyId ?? actor.agencyId);
    return Number.isSafeInteger(raw) && raw > 0 ? raw : actor.agencyId;
  };

  app.get('/console/letter-templates', async (request, reply) => {
    const { actor } = requireStaff(request);
    const agency = await findAgency(ctx.database.db, agencyOf(request, actor));
    if (!agency || !requestPolicy.view(actor, agency.id)) throw notFound('单位');
    const own = await overrides(ctx, agency.id);
    return sendConsolePage(request, reply, '文书模板', () => (
      <section>
        <h1>{agency.name}：依申请公开文书模板</h1>
        <p>默认模板依据《条例》逐项引用条款。单位可以调整措辞，但不能删去必需的内容（申请人、条款、救济途径等）。</p>
        <table class="data">
          <thead><tr><th scope="col">文书</th><th scope="col">引用条款</th><th scope="col">当前</th></tr></thead>
          <tbody>
            {LETTER_KINDS.map((kind) => {
              const t = defaultTemplate(kind);
              const o = own.get(kind);
              return (
                <tr>
                  <td><a href={`/console/letter-templates/${encodeURIComponent(kind)}?agencyId=${agency.id}`}>{t.title}</a>（{kind}）</td>
                  <td>{t.articles.join('、') || '—'}</td>
                  <td>{o ? `本单位措辞（${o.updated_by}修改）` : '默认'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    ));
  });

  const editPage = async (request: FastifyRequest, reply: FastifyReply, kind: LetterKind, agencyId: number, body?: string, error?: AppError) => {
    const { actor } = requireStaff(request);
    const agency = await findAgency(ctx.database.db, agencyId);
    if (!agency || !requestPolicy.view(actor, agency.id)) throw notFound('单位');
    const current = (await overrides(ctx, agency.id)).get(kind)?.body ?? defaultTemplate(kind).body;
    const t = defaultTemplate(kind);
    return sendConsolePage(request, reply, t.title, ({ csrfToken }) => (
      <section>
        <h1>{t.title}</h1>
        <p>{agency.name} · 引用：{t.articles.join('、') || '—'}</p>
        <FormErrors message={error?.message} fields={error?.fields} />
        <form method="post" action={`/console/letter-templates/${encodeURIComponent(kind)}`} class="form">
          <CsrfField token={csrfToken} />
          <input type="hidden" name="agencyId" value={String(agency.id)} />
          <label for="body">模板正文（{'{{名称}}'} 为自动填写的内容；{'{{#名称}}…{{/名称}}'} 为有该内容时才出现的段落；清空后保存即恢复默认）</label>
          <textarea id="body" name="body" rows={24} maxLength={20000} readOnly={!requestPolicy.editTemplates(actor, agency.id)}>{body ?? current}</textarea>
          {requestPolicy.editTemplates(actor, agency.id) && <button type="submit">保存</button>}
        </form>
        <details>
          <summary>可用的填写项</summary>
          <ul>{Object.entries(PLACEHOLDERS).map(([name, spec]) => <li><code>{`{{${name}}}`}</code> {spec.label}</li>)}</ul>
        </details>
      </section>
    ), { status: error ? 400 : 200 });
  };
  app.get('/console/letter-templates/:kind', async (request, reply) => {
    const { actor } = requireStaff(request);
    const kind = (request.params as Record<string, string | undefined>).kind ?? '';
    if (!isLetterKind(kind)) throw new AppError('NOT_FOUND', '文书种类不存在');
    return editPage(request, reply, kind, agencyOf(request, actor));
  });
  app.post('/console/letter-templates/:kind', async (request, reply) => {
    const { actor } = requireStaff(request);
    const kind = (request.params as Record<string, string | undefined>).kind ?? '';
    if (!isLetterKind(kind)) throw new AppError('NOT_FOUND', '文书种类不存在');
    const agencyId = agencyOf(request, actor);
    const body = (request.body as Record<string, unknown> | undefined)?.body;
    try {
      await saveTemplateOverride(ctx, { actor, agencyId, kind, body, ip: request.ip });
      return redirectWithFlash(reply, `/console/letter-templates?agencyId=${agencyId}`, typeof body === 'string' && body.trim() ? '已保存本单位措辞' : '已恢复默认模板');
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') throw error;
      return editPage(request, reply, kind, agencyId, typeof body === 'string' ? body : '', error);
    }
  });
}
