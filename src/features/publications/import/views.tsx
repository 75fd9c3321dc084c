/** The console page of the import of items from an old site: the fields, the template, the upload, the errors. */
import type { Agency } from '../../../db/schema.js';
import { CsrfField } from '../../../http/layout.js';
import { IMPORT_FIELDS } from './fields.js';
import { EXAMPLE_MARK, MAX_IMPORT_ITEMS, type RowError } from './records.js';
import { MAX_ATTACHMENTS_PER_ITEM } from './rows.js';

/** At most this many errors are listed; the total is always stated. */
export const ERRORS_SHOWN = 200;

export interface ImportFailure {
  fileName: string;
  errors: readonly RowError[];
  items: number;
}

export function ItemImportPage(props: {
  csrfToken: string;
  agencies: readonly Pick<Agency, 'id' | 'name'>[];
  agencyId: number | null;
  uploadMegabytes: number;
  failure?: ImportFailure;
  error?: string;
}) {
  return (
    <section>
      <h1>导入历史信息</h1>
      <p>
        把原政府网站上已经公开的信息一次迁移进来：每条信息的目录信息（索引号、发布机构、文号、成文日期、发布日期、有效性）、正文和附件。
        导入的信息直接作为已发布的信息出现在门户网站上，发布日期为原发布日期，不再经过三审核（已在原网站审核发布），发布人记作“历史信息导入”。
      </p>
      <p class="notice">
        整个文件先全部检查：只要有一处错误，就一条也不导入，并列出每一处错误（第几行、哪一项、错在哪里），更正后重新上传整个文件即可。
        文件可以是 CSV（UTF-8 或 Excel 另存的 GB18030 编码）、JSON（对象数组），或把 items.csv（或 items.json）与附件文件一起打包的 ZIP。
      </p>
      <p class="notice">
        网页上传的文件不超过{props.uploadMegabytes} MB。附件较多的迁移请由系统管理员在服务器上用命令导入（不限大小，附件可放在CSV文件所在的文件夹中）：
        <code>gongkai publications import --agency 单位编号 文件路径</code>，加 <code>--check</code> 只检查不导入。
      </p>
      {props.error && <div class="errors" role="alert"><p>{props.error}</p></div>}
      {props.failure && <FailureList failure={props.failure} />}
      {props.agencies.length > 0 && (
        <form method="post" action="/console/publications/import" enctype="multipart/form-data" class="form">
          <CsrfField token={props.csrfToken} />
          <label for="agencyId">导入到单位</label>
          <select id="agencyId" name="agencyId" required>
            {props.agencies.map((a) => <option value={String(a.id)} selected={props.agencyId === a.id}>{a.name}（单位编号{a.id}）</option>)}
          </select>
          <label for="file">信息列表（.csv、.json，或含附件的 .zip）</label>
          <input id="file" type="file" name="file" accept=".csv,.json,.zip,.txt,text/csv,application/json,application/zip" required />
          <button type="submit">检查并导入</button>
        </form>
      )}
      <p>
        <a href="/console/publications/import/template.csv">下载导入模板（.csv）</a>：第1行为列名，第2行是填写示例（标题以“{EXAMPLE_MARK}”开头的行导入时跳过）。
        列的顺序不限，不需要的列可以删除，其他列名的列会被忽略。
      </p>

      <h2>各列的填写方法</h2>
      <div class="table-scroll">
        <table>
          <thead><tr><th scope="col">列名（CSV）</th><th scope="col">键名（JSON）</th><th scope="col">必填</th><th scope="col">填写方法</th></tr></thead>
          <tbody>
            {IMPORT_FIELDS.map((f) => (
              <tr>
                <th scope="row">{f.header}{f.aliases.length > 0 && <span class="hint">（也可写作{f.aliases.join('、')}）</span>}</th>
                <td><code>{f.key}</code></td>
                <td>{f.required ? '必填' : '可不填'}</td>
                <td>{f.hint}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>附件和ZIP包</h2>
      <ul>
        <li>把信息列表命名为 items.csv（或 items.json），与附件文件一起打包成ZIP；“附件”列写附件在ZIP包中的路径，如“附件/2022/规定全文.pdf”，一条信息最多{MAX_ATTACHMENTS_PER_ITEM}个附件。</li>
        <li>附件按文件内容识别类型，内容与扩展名不符或不受支持的（如可执行文件、网页）会列为错误。附件的文字会被提取，供检索使用。</li>
        <li>JSON 文件中“attachments”可以是路径的数组。一个文件最多{MAX_IMPORT_ITEMS.toLocaleString('zh-CN')}条信息。</li>
      </ul>
      <h2>索引号和重复导入</h2>
      <ul>
        <li>填写了索引号的沿用原索引号；没有填写的按本单位的索引号规则（机构代码/年份-序号）和发布日期的年份新编，序号接着本单位已用的序号，原索引号中本单位本年度的序号也会被跳过。</li>
        <li>索引号已被其他信息使用的行，以及没有索引号、但本单位已有标题和发布日期都相同的信息的行，会被列为错误（“已导入过”），同一个文件不会被导入两次。</li>
      </ul>
      <p><a href="/console/publications">返回信息列表</a></p>
    </section>
  );
}

function FailureList(props: { failure: ImportFailure }) {
  const { errors, items, fileName } = props.failure;
  const rows = new Set(errors.map((e) => e.row)).size;
  return (
    <div class="errors" role="alert">
      <p>
        “{fileName}”未导入：在{items.toLocaleString('zh-CN')}条信息中发现{errors.length.toLocaleString('zh-CN')}处错误，涉及{rows.toLocaleString('zh-CN')}条。
        文件中的任何一条信息都没有导入，请更正后重新上传整个文件。
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
