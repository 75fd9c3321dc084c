/** The console page of the bulk import: the column layout, the template, the upload form, the errors. */
import { CHANNEL_NAMES, IMPORT_COLUMNS, IMPORT_OUTCOMES, OUTCOME_CHOICES, REQUESTER_KIND_NAMES, type ImportError } from '../../../domain/requests/import.js';
import { CsrfField } from '../../../http/layout.js';
import { COLUMN_HINTS, IMPORT_LIMITS, OUTCOME_EXAMPLES, outcomeRef } from './template.js';

/** At most this many errors are listed; the total is always stated. */
export const ERRORS_SHOWN = 500;

export interface ImportFailure {
  fileName: string;
  errors: readonly ImportError[];
  dataRows: number;
}

export function RequestImportPage(props: { csrfToken: string; failure?: ImportFailure; error?: string }) {
  return (
    <section>
      <h1>导入历史申请</h1>
      <p>
        把以往登记在表格中的政府信息公开申请一次导入：每行一件申请，写明收到申请、补正、延期和答复的日期以及办理结果。
        系统按办理结果生成办理过程，计算答复期限，导入的申请计入年度报告第三部分。
      </p>
      <p class="notice">
        整个文件先全部检查：只要有一行有误，就一行也不导入，并列出每一处错误（第几行、哪一列、错在哪里），更正后重新上传整个文件即可。
        支持 Excel 工作簿（.xlsx，读取第一个工作表）和 CSV（UTF-8 或 Excel 另存的 GB18030 编码）；文件不超过{IMPORT_LIMITS.megabytes} MB，一次最多{IMPORT_LIMITS.rows.toLocaleString('zh-CN')}行。
      </p>
      {props.error && <div class="errors" role="alert"><p>{props.error}</p></div>}
      {props.failure && <FailureList failure={props.failure} />}
      <form method="post" action="/console/requests/import" enctype="multipart/form-data" class="form">
        <CsrfField token={props.csrfToken} />
        <label for="file">申请登记表（.xlsx 或 .csv）</label>
        <input id="file" type="file" name="file" accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" required />
        <button type="submit">检查并导入</button>
      </form>
      <p><a href="/console/requests/import/template.xlsx">下载导入模板（.xlsx）</a>：第1行为列名，第2行为填写说明（导入时跳过），下拉列表中是可选的写法。</p>

      <h2>各列的填写方法</h2>
      <div class="table-scroll">
        <table>
          <thead><tr><th scope="col">列名（表头）</th><th scope="col">必填</th><th scope="col">填写方法</th></tr></thead>
          <tbody>
            {IMPORT_COLUMNS.map((c) => (
              <tr>
                <th scope="row">{c.header}</th>
                <td>{c.key === 'repliedOn' || c.key === 'outcome' ? '办结的必填' : c.required ? '必填' : '可不填'}</td>
                <td>{COLUMN_HINTS[c.key]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>申请人类型：{REQUESTER_KIND_NAMES.map(([, names]) => names.join(' / ')).join('；')}。</p>
      <p>申请渠道：{CHANNEL_NAMES.map(([, names]) => names.slice(0, 3).join(' / ')).join('；')}。</p>

      <h2>办理结果的写法</h2>
      <p>
        填写年度报告第三部分表格中的办理结果。可以带或不带类别（如“不予公开-属于国家秘密”或“属于国家秘密”），
        可以写年报序号（如“三（三）1”），个别错字和以“…”结尾的省略写法也能识别；无法确定是哪一项的会列为错误。
      </p>
      <div class="table-scroll">
        <table>
          <thead><tr><th scope="col">年报序号</th><th scope="col">模板中的写法</th><th scope="col">也可写作</th></tr></thead>
          <tbody>
            {IMPORT_OUTCOMES.map((o) => (
              <tr><td>{outcomeRef(o)}</td><td>{OUTCOME_CHOICES[o]}</td><td>{OUTCOME_EXAMPLES[o] ?? ''}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>导入后的办理过程</h2>
      <ul>
        <li>有补正的，记录补正告知和收到补正；有延期的，记录延期（表格中没有延期的日期，记在答复期限起算之日，答复期限不受影响）。</li>
        <li>有办理结果的，记录答复决定和发出答复书（均记在答复日期）；“申请人逾期不补正”“逾期未缴纳费用”记作逾期，“撤回”记作申请人撤回，都在答复日期（办结日期）办结。</li>
        <li>表格中没有的内容（答复书文号、延期批准人等）记作“原记录未载明”。导入的申请的受理编号以 IMP 和导入日期开头。</li>
        <li>与已登记的申请重复（受理单位、申请人、申请内容和收到申请日期均相同）的行会被列为错误，同一个文件不会被导入两次。</li>
      </ul>
      <p><a href="/console/requests">返回申请列表</a></p>
    </section>
  );
}

function FailureList(props: { failure: ImportFailure }) {
  const { errors, dataRows, fileName } = props.failure;
  const rows = new Set(errors.map((e) => e.row)).size;
  return (
    <div class="errors" role="alert">
      <p>
        “{fileName}”未导入：在{dataRows.toLocaleString('zh-CN')}行数据中发现{errors.length.toLocaleString('zh-CN')}处错误，涉及{rows.toLocaleString('zh-CN')}行。
        文件中的任何一行都没有导入，请更正后重新上传整个文件。
      </p>
      <ol>
        {errors.slice(0, ERRORS_SHOWN).map((e) => <li>{e.message}</li>)}
      </ol>
      {errors.length > ERRORS_SHOWN && (
        <p>以上列出前{ERRORS_SHOWN}处，另有{(errors.length - ERRORS_SHOWN).toLocaleString('zh-CN')}处错误未列出（共{errors.length.toLocaleString('zh-CN')}处）。</p>
      )}
    </div>
  );
}
