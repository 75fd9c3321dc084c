/** Console pages of the standard disclosure catalogue: an agency's matters, one matter, the import, every agency at a glance. */
import type { Agency, PublicationColumn } from '../../db/schema.js';
import {
  COLUMN_FRESHNESS_LABELS, FRESHNESS_LABELS, TIMELINESS_LABELS, UNKNOWN_REASON_LABELS, type ComplianceSummary, type MatterCompliance,
} from '../../domain/standard-catalogue/compliance.js';
import type { SheetError } from '../../domain/standard-catalogue/sheet.js';
import { timeLimitText } from '../../domain/standard-catalogue/time-limit.js';
import { channelLabels, FLAG_LABELS, type FlagKey } from '../../domain/standard-catalogue/vocabulary.js';
import { COLUMN_KINDS, isColumnKind } from '../../domain/publication/vocabulary.js';
import type { FieldError } from '../../errors.js';
import { CsrfField, FormErrors } from '../../http/layout.js';
import type { AgencyNode } from '../agencies/tree.js';
import type { Matter, MatterView, OverviewRow } from './service.js';
import { TEMPLATE_HINTS } from './template.js';

export type CatalogueTab = 'matters' | 'import' | 'overview';

interface Period {
  year: number;
  from: string;
  to: string;
}

/** At most this many row errors are listed; the total is always stated. */
export const ERRORS_SHOWN = 300;

const matterName = (m: Matter) => (m.second_level ? `${m.first_level} / ${m.second_level}` : m.first_level);

/** The flags of a matter that are marked, e.g. 全社会、主动、县级. */
export function flagText(m: Matter, keys: readonly FlagKey[]): string {
  const value: Record<FlagKey, number> = {
    audiencePublic: m.audience_public, audienceSpecific: m.audience_specific, mannerProactive: m.manner_proactive,
    mannerOnRequest: m.manner_on_request, levelCounty: m.level_county, levelTownship: m.level_township,
  };
  return keys.filter((k) => value[k] === 1).map((k) => FLAG_LABELS[k]).join('、') || '—';
}

/** The page heading, the agency chooser and the parts of the standard catalogue. */
export function CatalogueHeader(props: { agencies: readonly AgencyNode[]; agency?: Agency; tab: CatalogueTab; year: number; isOffice: boolean }) {
  const id = props.agency?.id;
  const tabs: Array<[CatalogueTab, string, string]> = [
    ['matters', '目录与落实情况', `/console/standard-catalogue?${id ? `agencyId=${id}&` : ''}year=${props.year}`],
    ['import', '导入目录', `/console/standard-catalogue/import${id ? `?agencyId=${id}` : ''}`],
  ];
  if (props.isOffice) tabs.push(['overview', '各单位落实情况', `/console/standard-catalogue/overview?year=${props.year}`]);
  return (
    <>
      <h1>基层政务公开标准目录{props.agency ? ` · ${props.agency.name}` : ''}</h1>
      {props.agency && props.agencies.length > 1 && props.tab !== 'overview' && (
        <form method="get" action={props.tab === 'import' ? '/console/standard-catalogue/import' : '/console/standard-catalogue'} class="filters">
          <label for="sc-agency">单位</label>
          <select id="sc-agency" name="agencyId">
            {props.agencies.map((a) => <option value={String(a.id)} selected={a.id === id}>{'　'.repeat(a.depth)}{a.name}</option>)}
          </select>
          {props.tab !== 'import' && <input type="hidden" name="year" value={String(props.year)} />}
          <button type="submit">切换</button>
        </form>
      )}
      <nav aria-label="标准目录" class="registry-tabs">
        <ul>
          {tabs.map(([tab, label, href]) => <li>{tab === props.tab ? <strong aria-current="page">{label}</strong> : <a href={href}>{label}</a>}</li>)}
        </ul>
      </nav>
    </>
  );
}

function YearForm(props: { action: string; year: number; agencyId?: number }) {
  return (
    <form method="get" action={props.action} class="filters">
      {props.agencyId !== undefined && <input type="hidden" name="agencyId" value={String(props.agencyId)} />}
      <label for="sc-year">统计年度</label>
      <input id="sc-year" name="year" inputMode="numeric" size={6} value={String(props.year)} />
      <button type="submit">查看</button>
    </form>
  );
}

function periodText(p: Period): string {
  return `${p.from}至${p.to}`;
}

/** 按时限发布 with its counts: 超过时限（2/15条）, 无法判断（…）. */
export function timelinessText(c: MatterCompliance): string {
  if (c.timeliness === 'late') return `${TIMELINESS_LABELS.late}（${c.itemsLate}/${c.itemsChecked}条）`;
  if (c.timeliness === 'onTime') return `${TIMELINESS_LABELS.onTime}（${c.itemsChecked}条）`;
  if (c.timeliness === 'unknown') return `${TIMELINESS_LABELS.unknown}：${UNKNOWN_REASON_LABELS[c.unknownReason!]}`;
  return TIMELINESS_LABELS.notApplicable;
}

const STATUS_CLASS: Record<string, string | undefined> = { late: 'hard', stale: 'hard', unmapped: 'soft', unknown: 'soft' };

function SummaryTable(props: { summary: ComplianceSummary; period: Period }) {
  const s = props.summary;
  return (
    <table class="data">
      <caption>落实情况（统计期间{periodText(props.period)}）</caption>
      <tbody>
        <tr><th scope="row">公开事项</th><td>{s.matters}项，其中主动公开{s.proactive}项</td></tr>
        <tr><th scope="row">尚未指定承载栏目</th><td class={s.unmapped ? 'soft' : undefined}>{s.unmapped}项</td></tr>
        <tr><th scope="row">按时限发布</th><td>{s.onTime}项</td></tr>
        <tr><th scope="row">有信息超过公开时限</th><td class={s.late ? 'hard' : undefined}>{s.late}项</td></tr>
        <tr><th scope="row">无法判断是否按时限</th><td>{s.unknown}项</td></tr>
        <tr><th scope="row">承载栏目未按期更新</th><td class={s.stale ? 'hard' : undefined}>{s.stale}项</td></tr>
      </tbody>
    </table>
  );
}

export function CataloguePage(props: {
  agencies: readonly AgencyNode[]; agency: Agency; period: Period; matters: MatterView[]; summary: ComplianceSummary; canEdit: boolean; isOffice: boolean;
}) {
  const { agency, period } = props;
  const domains = [...new Set(props.matters.map((m) => m.matter.domain))];
  return (
    <section class="standard-catalogue">
      <CatalogueHeader agencies={props.agencies} agency={agency} tab="matters" year={period.year} isOffice={props.isOffice} />
      <p>
        标准目录逐项列明公开事项的公开内容、依据、时限、主体、渠道和载体、对象、方式和层级。为每个主动公开的事项指定承载它的门户网站栏目后，
        系统按栏目中的信息检查：信息是否在公开时限内发布（从信息形成或变更日期起算），栏目是否按栏目类别的要求更新。
      </p>
      <YearForm action="/console/standard-catalogue" year={period.year} agencyId={agency.id} />
      {props.matters.length === 0 ? (
        <p class="empty">尚未导入标准目录。{props.canEdit && <a href={`/console/standard-catalogue/import?agencyId=${agency.id}`}>导入标准目录</a>}</p>
      ) : (
        <>
          <SummaryTable summary={props.summary} period={period} />
          {domains.map((domain) => (
            <section aria-label={`${domain}领域`}>
              <h2>{domain}领域</h2>
              <div class="table-scroll">
                <table class="data">
                  <thead>
                    <tr>
                      <th scope="col">一级事项</th><th scope="col">二级事项</th><th scope="col">公开时限</th><th scope="col">公开方式</th>
                      <th scope="col">承载栏目</th><th scope="col">是否按时限发布</th><th scope="col">栏目更新</th>
                    </tr>
                  </thead>
                  <tbody>
                    {props.matters.filter((m) => m.matter.domain === domain).map(({ matter, columns, compliance }) => (
                      <tr>
                        <td>{matter.first_level}</td>
                        <td><a href={`/console/standard-catalogue/matters/${matter.id}?year=${period.year}`}>{matter.second_level || '（无二级事项）'}</a></td>
                        <td>{matter.time_limit ?? '—'}</td>
                        <td>{flagText(matter, ['mannerProactive', 'mannerOnRequest'])}</td>
                        <td>{columns.length ? columns.map((c) => c.name).join('、') : <span class={compliance.proactive ? 'soft' : undefined}>未指定</span>}</td>
                        <td class={STATUS_CLASS[compliance.timeliness]}>{timelinessText(compliance)}</td>
                        <td class={STATUS_CLASS[compliance.freshness]}>{FRESHNESS_LABELS[compliance.freshness]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </>
      )}
    </section>
  );
}

/** The agency's columns in tree order with their depth, for the mapping form. */
function columnTree(columns: readonly PublicationColumn[]): Array<PublicationColumn & { depth: number }> {
  const out: Array<PublicationColumn & { depth: number }> = [];
  const walk = (parent: number | null, depth: number) => {
    for (const c of columns.filter((x) => x.parent_id === parent)) {
      out.push({ ...c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function MatterPage(props: {
  agency: Agency; period: Period; view: MatterView; agencyColumns: PublicationColumn[]; csrfToken: string; canEdit: boolean;
  error?: string | null; fields?: FieldError[];
}) {
  const { matter, compliance, columns } = props.view;
  const mapped = new Set(columns.map((c) => c.id));
  const back = `/console/standard-catalogue?agencyId=${props.agency.id}&year=${props.period.year}`;
  return (
    <section class="standard-catalogue">
      <h1>{matterName(matter)}</h1>
      <p><a href={back}>返回{props.agency.name}的标准目录</a></p>
      <table class="data">
        <tbody>
          <tr><th scope="row">领域</th><td>{matter.domain}</td></tr>
          <tr><th scope="row">一级事项</th><td>{matter.first_level}</td></tr>
          <tr><th scope="row">二级事项</th><td>{matter.second_level || '—'}</td></tr>
          <tr><th scope="row">公开内容（要素）</th><td class="pre">{matter.content}</td></tr>
          <tr><th scope="row">公开依据</th><td class="pre">{matter.legal_basis ?? '—'}</td></tr>
          <tr>
            <th scope="row">公开时限</th>
            <td>{matter.time_limit ?? '—'}{compliance.limit && <span class="hint">（按{timeLimitText(compliance.limit)}检查）</span>}</td>
          </tr>
          <tr><th scope="row">公开主体</th><td>{matter.responsible_body ?? '—'}</td></tr>
          <tr><th scope="row">公开渠道和载体</th><td>{channelLabels(props.view.channels, matter.other_channel).join('、') || '—'}</td></tr>
          <tr><th scope="row">公开对象</th><td>{flagText(matter, ['audiencePublic', 'audienceSpecific'])}</td></tr>
          <tr><th scope="row">公开方式</th><td>{flagText(matter, ['mannerProactive', 'mannerOnRequest'])}</td></tr>
          <tr><th scope="row">公开层级</th><td>{flagText(matter, ['levelCounty', 'levelTownship'])}</td></tr>
        </tbody>
      </table>

      <h2>落实情况（{periodText(props.period)}）</h2>
      <YearForm action={`/console/standard-catalogue/matters/${matter.id}`} year={props.period.year} />
      <p>
        是否按时限发布：<strong class={STATUS_CLASS[compliance.timeliness]}>{timelinessText(compliance)}</strong>
        {compliance.itemsUndated > 0 && <>；另有{compliance.itemsUndated}条信息未填写信息形成（变更）日期，无法核对</>}
      </p>
      <p>栏目更新：<strong class={STATUS_CLASS[compliance.freshness]}>{FRESHNESS_LABELS[compliance.freshness]}</strong></p>
      {compliance.columns.length > 0 && (
        <table class="data">
          <thead><tr><th scope="col">承载栏目</th><th scope="col">栏目类别</th><th scope="col">更新要求</th><th scope="col">最近发布</th><th scope="col">状态</th></tr></thead>
          <tbody>
            {compliance.columns.map((c) => (
              <tr>
                <td>{c.name}</td>
                <td>{isColumnKind(c.kind) ? COLUMN_KINDS[c.kind].label : c.kind}</td>
                <td>{c.maxDaysStale === null ? '无' : `${c.maxDaysStale}天内更新`}</td>
                <td>{c.lastPublished ? `${c.lastPublished}（${c.daysSince}天前）` : '没有信息'}</td>
                <td class={c.status === 'stale' || c.status === 'empty' ? 'hard' : undefined}>{COLUMN_FRESHNESS_LABELS[c.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {compliance.lateItems.length > 0 && (
        <table class="data">
          <caption>超过公开时限发布的信息</caption>
          <thead><tr><th scope="col">信息</th><th scope="col">信息形成（变更）日期</th><th scope="col">应发布日期（不晚于）</th><th scope="col">发布日期</th></tr></thead>
          <tbody>
            {compliance.lateItems.map((l) => (
              <tr>
                <td><a href={`/console/publications/${l.item.id}`}>{l.item.title}</a></td>
                <td>{l.item.madeOn}</td>
                <td>{l.deadline}</td>
                <td class="hard">{l.item.publishedDate}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {props.canEdit && (
        <form method="post" action={`/console/standard-catalogue/matters/${matter.id}/columns`} class="form">
          <h2>承载栏目</h2>
          <FormErrors message={props.error} fields={props.fields} />
          <CsrfField token={props.csrfToken} />
          {props.agencyColumns.length === 0 ? <p class="empty">本单位尚未设置栏目。</p> : (
            <fieldset class="catalogue-columns">
              <legend>选择在门户网站上发布该事项信息的栏目（选中上级栏目的，其下级栏目中的信息一并统计）</legend>
              {columnTree(props.agencyColumns).map((c) => (
                <label class="check">
                  <input type="checkbox" name="columnIds" value={String(c.id)} checked={mapped.has(c.id)} />
                  {'　'.repeat(c.depth)}{c.name}（{isColumnKind(c.kind) ? COLUMN_KINDS[c.kind].label : c.kind}）
                </label>
              ))}
            </fieldset>
          )}
          <button type="submit">保存承载栏目</button>
        </form>
      )}
      {props.canEdit && (
        <form method="post" action={`/console/standard-catalogue/matters/${matter.id}/delete`} class="form">
          <h2>删除</h2>
          <CsrfField token={props.csrfToken} />
          <label class="check"><input type="checkbox" name="confirm" value="1" required /> 确认删除（该事项的承载栏目一并删除；重新导入该领域的目录可以恢复事项）</label>
          <button type="submit" class="secondary">从目录中删除该事项</button>
        </form>
      )}
    </section>
  );
}

export interface ImportFailure {
  fileName: string;
  errors: readonly SheetError[];
  dataRows: number;
}

export function ImportPage(props: {
  agencies: readonly AgencyNode[]; agency: Agency; year: number; isOffice: boolean; csrfToken: string; canEdit: boolean; maxMegabytes: number;
  domain?: string; failure?: ImportFailure; error?: string | null; fields?: FieldError[];
}) {
  const { failure } = props;
  return (
    <section>
      <CatalogueHeader agencies={props.agencies} agency={props.agency} tab="import" year={props.year} isOffice={props.isOffice} />
      <p>
        导入按国务院部门26个试点领域基层政务公开标准指引格式编制的标准目录（Excel工作簿，.xlsx，读取第一个工作表，不超过{props.maxMegabytes} MB）：
        标题行、两行合并表头（公开事项分一级事项、二级事项，公开渠道和载体、公开对象、公开方式、公开层级分列打“√”），每个公开事项一行。
        整个文件先全部检查，有一处错误就不导入，并列出每一处错误。
      </p>
      {failure && (
        <div class="errors" role="alert">
          <p>“{failure.fileName}”未导入：在{failure.dataRows}行公开事项中发现{failure.errors.length}处错误，文件中的任何一行都没有导入，请更正后重新上传。</p>
          <ol>{failure.errors.slice(0, ERRORS_SHOWN).map((e) => <li>{e.message}</li>)}</ol>
          {failure.errors.length > ERRORS_SHOWN && <p>以上列出前{ERRORS_SHOWN}处，共{failure.errors.length}处错误。</p>}
        </div>
      )}
      {props.canEdit ? (
        <form method="post" action="/console/standard-catalogue/import" enctype="multipart/form-data" class="form">
          <FormErrors message={props.error} fields={props.fields} />
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="agencyId" value={String(props.agency.id)} />
          <label for="sc-domain">领域（不填则从文件标题读取，如“义务教育领域基层政务公开标准目录”）</label>
          <input id="sc-domain" name="domain" maxLength={100} value={props.domain ?? ''} />
          <label for="sc-file">标准目录（.xlsx）</label>
          <input id="sc-file" type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
          <button type="submit">检查并导入</button>
        </form>
      ) : <p class="notice">单位管理员和政务公开办可以导入本单位的标准目录。</p>}
      <p><a href="/console/standard-catalogue/template.xlsx">下载导入模板（.xlsx）</a>：按标准指引的格式排好表头，可以直接填写。</p>
      <table class="data">
        <caption>填写方法</caption>
        <tbody>{TEMPLATE_HINTS.map(([item, hint]) => <tr><th scope="row">{item}</th><td>{hint}</td></tr>)}</tbody>
      </table>
    </section>
  );
}

export function OverviewPage(props: { agencies: readonly AgencyNode[]; period: Period; rows: OverviewRow[] }) {
  return (
    <section class="standard-catalogue">
      <CatalogueHeader agencies={props.agencies} tab="overview" year={props.period.year} isOffice />
      <p>各单位标准目录的落实情况（统计期间{periodText(props.period)}）：按承载栏目中的信息检查是否按公开时限发布，栏目是否按期更新。</p>
      <YearForm action="/console/standard-catalogue/overview" year={props.period.year} />
      <div class="table-scroll">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">单位</th><th scope="col">公开事项</th><th scope="col">主动公开</th><th scope="col">未指定栏目</th>
              <th scope="col">按时限发布</th><th scope="col">超过时限</th><th scope="col">无法判断</th><th scope="col">栏目未按期更新</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map(({ agency, summary: s }) => (
              <tr>
                <th scope="row">{'　'.repeat(agency.depth)}<a href={`/console/standard-catalogue?agencyId=${agency.id}&year=${props.period.year}`}>{agency.name}</a></th>
                {s.matters === 0 ? <td colSpan={7} class="empty">尚未导入标准目录</td> : (
                  <>
                    <td>{s.matters}</td>
                    <td>{s.proactive}</td>
                    <td class={s.unmapped ? 'soft' : undefined}>{s.unmapped}</td>
                    <td>{s.onTime}</td>
                    <td class={s.late ? 'hard' : undefined}>{s.late}</td>
                    <td>{s.unknown}</td>
                    <td class={s.stale ? 'hard' : undefined}>{s.stale}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
