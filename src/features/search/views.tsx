/** The portal's search page: a GET form (works without JavaScript), the results, the pages. */
import type { FieldError } from '../../errors.js';
import { FormErrors, Pager } from '../../http/layout.js';
import { INFO_KIND_KEYS, INFO_KINDS } from '../../domain/publication/vocabulary.js';
import type { AgencyNode } from '../agencies/tree.js';
import { VALIDITY_LABELS } from '../publications/views.js';
import type { SearchResult } from './query.js';

/** The form's fields as typed (strings), kept in the form and in the page links. */
export interface SearchFormValues {
  q?: string;
  agencyId?: string;
  infoKind?: string;
  year?: string;
  validity?: string;
}

/** /search?… with the non-blank fields and a page. */
export function searchUrl(values: SearchFormValues, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'agencyId', 'infoKind', 'year', 'validity'] as const) {
    const v = values[key];
    if (v !== undefined && v.trim() !== '') params.set(key, v);
  }
  if (page && page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}

export function SearchPage(props: {
  agencies: AgencyNode[];
  years: number[];
  values: SearchFormValues;
  result: SearchResult | null;
  error?: string;
  fields?: FieldError[];
}) {
  const { values, result } = props;
  const selected = (field: keyof SearchFormValues, value: string) => values[field] === value;
  return (
    <>
      <h1>搜索政府信息</h1>
      <form method="get" action="/search" class="search-form" role="search" aria-label="搜索已公开的政府信息">
        <p class="search-box">
          <label for="search-q">关键词</label>
          <input id="search-q" type="search" name="q" value={values.q ?? ''} maxLength={100} placeholder="标题、正文、文号或索引号" />
          <button type="submit">搜索</button>
        </p>
        <div class="filters">
          <label for="search-agency">发布机构</label>
          <select id="search-agency" name="agencyId">
            <option value="">全部机构</option>
            {props.agencies.map((a) => <option value={String(a.id)} selected={selected('agencyId', String(a.id))}>{'　'.repeat(Math.min(a.depth, 3))}{a.name}</option>)}
          </select>
          <label for="search-kind">信息类别</label>
          <select id="search-kind" name="infoKind">
            <option value="">全部类别</option>
            {INFO_KIND_KEYS.map((k) => <option value={k} selected={selected('infoKind', k)}>{INFO_KINDS[k]}</option>)}
          </select>
          <label for="search-year">发布年份</label>
          <select id="search-year" name="year">
            <option value="">全部年份</option>
            {props.years.map((y) => <option value={String(y)} selected={selected('year', String(y))}>{y}年</option>)}
          </select>
          <label for="search-validity">有效性</label>
          <select id="search-validity" name="validity">
            <option value="">全部</option>
            {Object.entries(VALIDITY_LABELS).map(([k, label]) => <option value={k} selected={selected('validity', k)}>{label}</option>)}
          </select>
        </div>
      </form>
      <FormErrors message={props.error} fields={props.fields} />
      {result && <Results result={result} values={values} />}
    </>
  );
}

function Results(props: { result: SearchResult; values: SearchFormValues }) {
  const { result, values } = props;
  if (result.total === 0) {
    return <p class="empty" role="status">没有找到与“{values.q}”相关的信息。请换用其他关键词，或减少筛选条件。</p>;
  }
  const first = (result.page - 1) * result.pageSize + 1;
  return (
    <section aria-labelledby="h-results">
      <h2 id="h-results" class="search-summary">
        {result.totalIsMore ? `找到超过${result.total}条` : `共${result.total}条`}
        {(result.totalIsMore || result.total > result.pages * result.pageSize) && `，显示最相关的前${result.pages * result.pageSize}条`}
      </h2>
      {result.mode === 'any' && <p class="hint">没有同时包含全部关键词的信息，以下是包含部分关键词的信息。</p>}
      {result.rows.length === 0 ? <p class="empty">本页没有结果。</p> : (
        <ol class="search-results" start={first}>
          {result.rows.map((r) => (
            <li>
              <h3><a href={`/items/${r.itemId}`} dangerouslySetInnerHTML={{ __html: r.titleHtml }} /></h3>
              {r.snippet && <p class="snippet" dangerouslySetInnerHTML={{ __html: r.snippet }} />}
              <p class="meta">
                <span>{r.agencyName}</span>
                <span>{(INFO_KINDS as Record<string, string>)[r.infoKind] ?? r.infoKind}</span>
                {r.documentNumber && <span>{r.documentNumber}</span>}
                <span>发布日期：{r.publishedDate}</span>
                {r.validity !== 'valid' && <span class="tag">{VALIDITY_LABELS[r.validity]}</span>}
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pager page={result.page} pages={result.pages} href={(n) => searchUrl(values, n)} rel />
    </section>
  );
}
