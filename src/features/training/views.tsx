/** Console pages of training records: the year's list, one training (with its edit form), a new one. */
import type { FieldError } from '../../errors.js';
import { CsrfField, FormErrors } from '../../http/layout.js';
import type { AgencyNode } from '../agencies/tree.js';
import type { TrainingFigures } from './figures.js';
import type { TrainingDetail, TrainingRow } from './service.js';

type Values = Record<string, unknown>;
const v = (values: Values, k: string) => (typeof values[k] === 'string' ? (values[k] as string) : typeof values[k] === 'number' ? String(values[k]) : '');
const n = (x: number) => x.toLocaleString('zh-CN');

/** The year's figures in one sentence (section 一 quotes them). */
export function figuresSentence(f: TrainingFigures, year: number): string {
  return `${year}年开展或参加政务公开培训${f.sessions}次，参训${n(f.participants)}人次，累计${f.hours}学时。`;
}

export function TrainingListPage(props: { year: number; trainings: TrainingRow[]; figures: TrainingFigures; canCreate: boolean }) {
  return (
    <section>
      <h1>政务公开培训</h1>
      <form method="get" action="/console/training" class="filters">
        <label for="t-year">年度</label>
        <input id="t-year" name="year" type="number" min={2000} max={2100} value={String(props.year)} />
        <button type="submit">查看</button>
      </form>
      <p>登记组织的政务公开培训：日期、主题、学时和各单位参训人数。列出本单位组织或派员参加的培训；年度报告第一部分“监督保障”的培训次数和人次由这些记录统计。</p>
      <p class="notice" role="status">{figuresSentence(props.figures, props.year)}</p>
      {props.canCreate && <p><a class="button" href="/console/training/new">登记培训</a></p>}
      {props.trainings.length === 0 ? <p class="empty">{props.year}年没有培训记录。</p> : (
        <table class="data">
          <caption>{props.year}年培训{props.trainings.length}次</caption>
          <thead><tr><th scope="col">日期</th><th scope="col">主题</th><th scope="col">组织单位</th><th scope="col">学时</th><th scope="col">参训人数</th></tr></thead>
          <tbody>
            {props.trainings.map((t) => (
              <tr>
                <td>{t.held_on}</td>
                <td><a href={`/console/training/${t.id}`}>{t.topic}</a></td>
                <td>{t.organiserName}</td>
                <td>{t.hours}</td>
                <td>{n(t.participants)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The fields of a training: organiser, day, topic, hours, note and a count per agency. */
function TrainingFields(props: { organisers: readonly AgencyNode[]; agencies: readonly AgencyNode[]; values: Values }) {
  const { values } = props;
  return (
    <>
      <label for="t-organiser">组织单位</label>
      <select id="t-organiser" name="organiserAgencyId" required>
        {props.organisers.map((a) => <option value={String(a.id)} selected={v(values, 'organiserAgencyId') === String(a.id)}>{'　'.repeat(a.depth)}{a.name}</option>)}
      </select>
      <label for="t-date">培训日期</label>
      <input id="t-date" name="heldOn" type="date" required value={v(values, 'heldOn')} />
      <label for="t-topic">培训主题</label>
      <input id="t-topic" name="topic" maxLength={200} required value={v(values, 'topic')} />
      <label for="t-hours">学时</label>
      <input id="t-hours" name="hours" inputMode="decimal" maxLength={6} required value={v(values, 'hours')} aria-describedby="t-hours-hint" />
      <p class="hint" id="t-hours-hint">培训时长（小时），可以有1位小数，如1.5。</p>
      <label for="t-note">备注（培训形式、授课人等）</label>
      <textarea id="t-note" name="note" rows={2} maxLength={2000}>{v(values, 'note')}</textarea>
      <table class="data participants">
        <caption>各单位参训人数（不参加的不填）</caption>
        <thead><tr><th scope="col">单位</th><th scope="col">参训人数</th></tr></thead>
        <tbody>
          {props.agencies.map((a) => (
            <tr>
              <td class={a.depth > 0 ? `indent-${Math.min(a.depth, 3)}` : undefined}><label for={`p-${a.id}`}>{a.name}</label></td>
              <td><input id={`p-${a.id}`} name={`p_${a.id}`} inputMode="numeric" maxLength={6} value={v(values, `p_${a.id}`)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function NewTrainingPage(props: { organisers: readonly AgencyNode[]; agencies: readonly AgencyNode[]; csrfToken: string; values: Values; error?: string; fields?: FieldError[] }) {
  return (
    <section>
      <h1>登记培训</h1>
      <p><a href="/console/training">返回培训列表</a></p>
      <form method="post" action="/console/training" class="form">
        <FormErrors message={props.error} fields={props.fields} />
        <CsrfField token={props.csrfToken} />
        <TrainingFields organisers={props.organisers} agencies={props.agencies} values={props.values} />
        <button type="submit">登记</button>
      </form>
    </section>
  );
}

/** The form values of a stored training. */
export function trainingValues(d: TrainingDetail): Values {
  return {
    organiserAgencyId: String(d.training.organiser_agency_id), heldOn: d.training.held_on, topic: d.training.topic, hours: String(d.training.hours), note: d.training.note ?? '',
    ...Object.fromEntries(d.participants.map((p) => [`p_${p.agency_id}`, String(p.participants)])),
  };
}

export function TrainingPage(props: {
  detail: TrainingDetail; organisers: readonly AgencyNode[]; agencies: readonly AgencyNode[]; csrfToken: string; canEdit: boolean;
  values?: Values; error?: string; fields?: FieldError[];
}) {
  const { training: t, organiser, participants } = props.detail;
  const total = participants.reduce((sum, p) => sum + p.participants, 0);
  return (
    <section>
      <h1>{t.topic}</h1>
      <p><a href={`/console/training?year=${t.held_on.slice(0, 4)}`}>返回{t.held_on.slice(0, 4)}年培训列表</a></p>
      <table class="data">
        <tbody>
          <tr><th scope="row">组织单位</th><td>{organiser.name}</td></tr>
          <tr><th scope="row">培训日期</th><td>{t.held_on}</td></tr>
          <tr><th scope="row">学时</th><td>{t.hours}</td></tr>
          <tr><th scope="row">参训人数</th><td>{n(total)}人（{participants.length}个单位）</td></tr>
          {t.note && <tr><th scope="row">备注</th><td class="pre">{t.note}</td></tr>}
        </tbody>
      </table>
      <table class="data">
        <caption>各单位参训人数</caption>
        <thead><tr><th scope="col">单位</th><th scope="col">参训人数</th></tr></thead>
        <tbody>{participants.map((p) => <tr><td>{p.agencyName}</td><td>{n(p.participants)}</td></tr>)}</tbody>
      </table>
      {props.canEdit && (
        <>
          <form method="post" action={`/console/training/${t.id}`} class="form import">
            <h2>修改培训记录</h2>
            <FormErrors message={props.error} fields={props.fields} />
            <CsrfField token={props.csrfToken} />
            <TrainingFields organisers={props.organisers} agencies={props.agencies} values={props.values ?? trainingValues(props.detail)} />
            <button type="submit">保存</button>
          </form>
          <form method="post" action={`/console/training/${t.id}/delete`} class="form import">
            <h2>删除培训记录</h2>
            <p class="hint">登记有误的培训记录可以删除；审计日志保留删除前的内容。</p>
            <CsrfField token={props.csrfToken} />
            <button type="submit" class="secondary">删除</button>
          </form>
        </>
      )}
    </section>
  );
}
