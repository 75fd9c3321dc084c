/**
 * Table types for Kysely. Timestamps are ISO-8601 UTC strings and dates 'YYYY-MM-DD' strings on
 * both SQLite and PostgreSQL, so that values (and the audit hash over them) are identical on
 * either database. Booleans are integers 0/1 for the same reason.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ChainedFields } from '../domain/audit-chain.js';
import type { ReportStatus } from '../domain/report/workflow.js';

export type AgencyKind = 'government' | 'office' | 'department' | 'township' | 'other';

export interface AgencyTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  short_name: string;
  kind: AgencyKind;
  /** 统一社会信用代码 (GB 32100), validated with its check character. */
  credit_code: string | null;
  /** Prefix of the index numbers (索引号) of this agency's items; defaults to the credit code. */
  index_code: string | null;
  sort_order: number;
  /** 政府信息公开工作机构 and its contacts, for the disclosure guide (第十二条). */
  office_name: ColumnType<string | null, string | null | undefined, string | null>;
  office_address: ColumnType<string | null, string | null | undefined, string | null>;
  office_hours: ColumnType<string | null, string | null | undefined, string | null>;
  postal_code: ColumnType<string | null, string | null | undefined, string | null>;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  fax: ColumnType<string | null, string | null | undefined, string | null>;
  email: ColumnType<string | null, string | null | undefined, string | null>;
  website: ColumnType<string | null, string | null | undefined, string | null>;
  /** Review stages this agency's items pass (3 unless the supervising office allows fewer). */
  review_stages: ColumnType<number, number | undefined, number>;
  /** 1 when the supervising office allows this agency fewer than three review stages. */
  fewer_stages_allowed: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  agency_id: number;
  username: string;
  display_name: string;
  email: string | null;
  /** argon2id hash (PHC string). */
  password_hash: string;
  must_change_password: number;
  failed_logins: number;
  /** Set after too many failed logins (15 minutes). */
  locked_until: string | null;
  /** Locked by an administrator until unlocked. */
  disabled: number;
  last_login_at: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

export interface SessionTable {
  /** sha256 of the session token; the token itself exists only in the cookie. */
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** The audit log: the chained fields of domain/audit-chain.ts and the entry's own hash. */
export interface AuditLogTable extends ChainedFields {
  hash: string;
}

/** One row (id = 1): the end of the audit chain, to detect removal of the latest entries. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

/** The working copy of an agency's annual report for one year. */
export interface AnnualReportTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  format: '2021' | '2019';
  status: ReportStatus;
  /** The report JSON of DESIGN.md. */
  data: string;
  /** JSON: cell path → { origin: 'entered' | 'computed', by, at } — where each figure came from. */
  sources: string;
  /** JSON: finding key → the written explanation of a soft finding. */
  explanations: string;
  /** Number of published versions (0 = never published). */
  version: number;
  reporting_unit: string | null;
  report_date: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A published version: immutable once written; a correction adds the next version. */
export interface AnnualReportVersionTable {
  id: Generated<number>;
  report_id: number;
  version: number;
  data: string;
  findings: string;
  explanations: string;
  /** Why this version corrects the previous one (null for version 1). */
  correction_note: string | null;
  reporting_unit: string;
  report_date: string;
  published_at: string;
  published_by_user_id: number | null;
  published_by_name: string;
}

/** An administrator's override of one day of the working-day calendar. */
export interface CalendarDayTable {
  date: string;
  kind: 'workday' | 'holiday';
  name: string | null;
  /** Where the day comes from, e.g. 国办发明电〔2026〕7号. */
  source: string;
  updated_by: string;
  updated_at: string;
}

/** A year an administrator declared complete (its official schedule entered). */
export interface CalendarYearTable {
  year: number;
  source: string;
  updated_by: string;
  updated_at: string;
}

/** A disclosure request (政府信息公开申请). The timeline is in request_events. */
export interface RequestTable {
  id: Generated<number>;
  agency_id: number;
  /** Public tracking number, e.g. 2025-QC-000123. */
  tracking_number: string;
  /** sha256 of the private query code given to the requester. */
  query_code_hash: string;
  /** The report column: naturalPerson, enterprise, research, nonprofit, legalService, otherOrg. */
  requester_kind: string;
  requester_name: string;
  requester_id_type: string | null;
  requester_id_number: string | null;
  requester_credit_code: string | null;
  requester_phone: string | null;
  requester_email: string | null;
  requester_address: string | null;
  /** Normalised identity: counts requests per requester (fees, repeats). */
  requester_key: string;
  /** 所需政府信息的名称、文号或者便于查询的其他特征性描述 (第二十九条). */
  description: string;
  preferred_form: string;
  delivery_way: string;
  channel: string;
  /** Date of receipt under 第三十一条. */
  received_on: string;
  state: string;
  outcome: string | null;
  /** The date the request counts as handled in the annual report. */
  handled_on: string | null;
  /** Cached reply due date, for the sweep and lists (recomputed on every event). */
  due_date: string | null;
  /** Marker of the deadline sweep: null, 'dueSoon' or 'overdue' (so it notifies once). */
  due_flag: string | null;
  handler_user_id: number | null;
  /** Shown in the public request log (without the requester's identity). */
  public_log: number;
  created_at: string;
  updated_at: string;
}

export interface RequestEventTable {
  id: Generated<number>;
  request_id: number;
  seq: number;
  type: string;
  on_date: string;
  /** JSON of the event's fields (RequestEvent without type and on). */
  data: string;
  actor_user_id: number | null;
  actor_name: string;
  at: string;
}

export interface RequestLetterTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  number: string | null;
  title: string;
  /** JSON array of paragraphs. */
  paragraphs: string;
  status: 'draft' | 'approved' | 'sent';
  approved_by: string | null;
  approved_at: string | null;
  sent_on: string | null;
  created_at: string;
}

/** Letters are numbered per agency, year and series (依复, 依告, 补正, 延期, 征询, 收费). */
export interface LetterSequenceTable {
  agency_id: number;
  year: number;
  series: string;
  last_serial: number;
}

export interface LetterTemplateTable {
  agency_id: number;
  kind: string;
  body: string;
  updated_by: string;
  updated_at: string;
}

/** Administrative reconsideration or litigation about a disclosure decision (report section 四). */
export interface ReviewCaseTable {
  id: Generated<number>;
  agency_id: number;
  request_id: number | null;
  kind: 'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration';
  case_number: string | null;
  filed_on: string;
  result: 'upheld' | 'corrected' | 'otherResult' | null;
  decided_on: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  request_id: number | null;
  kind: string;
  message: string;
  created_at: string;
  read_at: string | null;
}

export interface PublicationColumnTable {
  id: Generated<number>;
  agency_id: number;
  parent_id: number | null;
  name: string;
  /** COLUMN_KINDS key: how often the column must be updated. */
  kind: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export type ItemStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'withdrawn';
export type Validity = 'valid' | 'repealed' | 'expired';

/**
 * An item of proactive publication. The editable fields (title … interprets_item_id, see
 * WORKING_FIELDS in features/publications/repository.ts) hold the working copy of an item never
 * published, and the live values of a published one: what the portal, the search index, the
 * reports and the checks read. A correction of a published item is held in `correction` until it
 * passes the review, so nothing of it reaches the public before then.
 */
export interface PublicationItemTable {
  id: Generated<number>;
  agency_id: number;
  column_id: number;
  title: string;
  body_html: string;
  info_kind: string;
  subject_category: string | null;
  issuing_agency: string;
  document_number: string | null;
  written_date: string | null;
  /** The date the information was made or changed (第二十六条: publish within 20 working days). */
  made_on: string | null;
  source_name: string | null;
  source_url: string | null;
  interprets_item_id: number | null;
  /** ISO timestamp of a scheduled publication. */
  scheduled_for: string | null;
  correction_note: string | null;
  status: ItemStatus;
  review_stage: number | null;
  review_round: ColumnType<number, number | undefined, number>;
  stages_required: number;
  drafter_user_id: number;
  submitted_by: number | null;
  live_version: ColumnType<number, number | undefined, number>;
  index_number: string | null;
  published_date: string | null;
  first_published_at: string | null;
  validity: ColumnType<Validity, Validity | undefined, Validity>;
  validity_on: string | null;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
  /** The working copy of a correction not yet published (JSON of the editable fields), or null. */
  correction: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export interface PublicationVersionTable {
  id: Generated<number>;
  item_id: number;
  version: number;
  title: string;
  body_html: string;
  /** JSON: the catalogue metadata as published. */
  metadata: string;
  /** JSON array of the attachment ids shown with this version. */
  attachment_ids: string;
  correction_note: string | null;
  published_at: string;
  published_by: string;
}

export interface PublicationReviewTable {
  id: Generated<number>;
  item_id: number;
  round: number;
  stage: number;
  reviewer_user_id: number;
  reviewer_name: string;
  decision: 'approve' | 'reject';
  /** 涉密性, 准确性, 时效性: 'pass' | 'fail'. */
  confidentiality: string;
  accuracy: string;
  timeliness: string;
  comment: string | null;
  /** The final reviewer's reason for approving despite personal data found by the checks. */
  override_reason: string | null;
  /** JSON: the automatic findings the reviewer saw. */
  findings: string;
  at: string;
}

export interface PublicationAttachmentTable {
  id: Generated<number>;
  item_id: number;
  file_name: string;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  text: string | null;
  current: ColumnType<number, number | undefined, number>;
  created_at: string;
}

export interface IndexNumberSequenceTable {
  agency_id: number;
  year: number;
  last_serial: number;
}

export interface WrongPhraseTable {
  id: Generated<number>;
  wrong: string;
  correct: string;
  note: string | null;
  updated_by: string;
  updated_at: string;
}

/** 政府信息管理: a rule (规章) or normative document (行政规范性文件) of an agency. */
export interface RegistryDocumentTable {
  id: Generated<number>;
  agency_id: number;
  kind: 'rule' | 'normative';
  title: string;
  /** 文号, e.g. 青政规〔2024〕3号; unique per agency. */
  document_number: string | null;
  /** 制发（印发）日期: counted as issued in its year, in force from this day. */
  issued_on: string;
  effective_on: string | null;
  /** 有效期至: the last day the document states it is valid (null: no period stated). */
  valid_until: string | null;
  /** 废止: not in force from this day; counted as repealed in its year. */
  repealed_on: string | null;
  repeal_reason: string | null;
  /** 失效 (other than by repeal, e.g. its period ran out): not in force from this day. */
  expired_on: string | null;
  expiry_reason: string | null;
  /** The published item (publication_items.id) marked 已废止/已失效 with the document. */
  item_id: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** A yearly figure of report section 二 entered by an agency. */
export interface RegistryFigureTable {
  agency_id: number;
  year: number;
  key: 'licensing' | 'penalty' | 'enforcement' | 'fees';
  /** Decisions: a non-negative integer; fees: 万元 with at most 4 decimals. */
  value: number;
  note: string | null;
  entered_by: string;
  updated_at: string;
}

/** One upload of a decision list; its rows are in registry_decisions. */
export interface RegistryImportTable {
  id: Generated<number>;
  agency_id: number;
  kind: 'licensing' | 'penalty' | 'enforcement';
  file_name: string;
  file_bytes: number;
  status: 'running' | 'done' | 'failed';
  bytes_read: ColumnType<number, number | undefined, number>;
  rows_read: ColumnType<number, number | undefined, number>;
  rows_accepted: ColumnType<number, number | undefined, number>;
  rows_duplicate: ColumnType<number, number | undefined, number>;
  rows_rejected: ColumnType<number, number | undefined, number>;
  /** JSON array of the first 200 row errors: { row, column, message }. */
  row_errors: ColumnType<string, string | undefined, string>;
  /** Why the import failed (or is failing, while its rows are deleted). */
  failure: string | null;
  started_by_user_id: number | null;
  started_by_name: string;
  started_at: string;
  /** Updated while the import runs; a stale one was interrupted (recoverInterruptedImports). */
  heartbeat_at: string;
  finished_at: string | null;
}

/**
 * An individual licensing, penalty or enforcement decision: its number and date only. The
 * lists hold personal data (相对人); none of it is stored.
 */
export interface RegistryDecisionTable {
  id: Generated<number>;
  agency_id: number;
  kind: 'licensing' | 'penalty' | 'enforcement';
  decision_number: string;
  decided_on: string;
  import_id: number;
}

/** The decisions an import added, per year of their date (the year's count sums these). */
export interface RegistryImportYearTable {
  import_id: number;
  year: number;
  decisions: number;
}

/**
 * One public item in the full-text index (derived data: rebuilt by `gongkai search reindex`).
 * On PostgreSQL the table also has `tsv`, a tsvector generated from the tokens (not typed here:
 * only the search repository reads it, in raw SQL).
 */
export interface SearchDocumentTable {
  /** publication_items.id; the FTS5 rowid on SQLite. */
  item_id: number;
  agency_id: number;
  info_kind: string;
  /** The year of published_date (the year filter). */
  year: number;
  validity: Validity;
  published_date: string;
  /** Whole-token keys (src/features/search/tokens.ts numberKey) for the exact-match boost. */
  document_number_key: string | null;
  index_number_key: string | null;
  title_key: string;
  title: string;
  document_number: string | null;
  index_number: string | null;
  /** Space-joined facet tokens of the filter values (ag12 yr2024 iknormative vavalid). */
  facets: string;
  /** Space-joined jieba tokens of the info kind's label (ranked first when the query names the kind). */
  kind_tokens: string;
  /** Space-joined jieba tokens of the title and the numbers (ranked above the body). */
  title_tokens: string;
  /** Space-joined jieba tokens of everything searchable: title_tokens, issuing agency, body. */
  tokens: string;
  /** The live version's body as plain text (snippets). */
  body_text: string;
}

/** 政务新媒体: a government new-media account registered by an agency. */
export interface NewMediaAccountTable {
  id: Generated<number>;
  agency_id: number;
  platform: 'wechat' | 'weibo' | 'douyin' | 'toutiao' | 'app' | 'other';
  /** The account's name as the platform shows it; unique per agency and platform. */
  name: string;
  /** 账号 / ID on the platform (微信号, 微博ID, 抖音号 …). */
  platform_account_id: string | null;
  /** 运营主体: the body that runs the account. */
  operator: string;
  opened_on: string;
  /** 运营中 / 已关停 / 整合 (merged into another account); closed and merged have closed_on and close_reason. */
  status: 'operating' | 'closed' | 'merged';
  /** The first day the account no longer operates. */
  closed_on: string | null;
  close_reason: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** Items an account published in a month (report section 一: 政务新媒体平台主动公开信息N条). */
export interface NewMediaMonthlyItemsTable {
  account_id: number;
  /** 'YYYY-MM'. */
  month: string;
  items: number;
  entered_by: string;
  updated_at: string;
}

/** A training on disclosure work (培训) held by an agency. */
export interface TrainingTable {
  id: Generated<number>;
  organiser_agency_id: number;
  held_on: string;
  topic: string;
  /** Length in hours (学时), halves allowed. */
  hours: number;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** How many people of an agency took part in a training. */
export interface TrainingParticipantTable {
  training_id: number;
  agency_id: number;
  participants: number;
}

/** An item of a supervising office's performance-assessment score sheet (绩效考核) for a year. */
export interface AssessmentItemTable {
  id: Generated<number>;
  /** The supervising office (agency of kind office). */
  office_id: number;
  year: number;
  name: string;
  /** How the score is found: a rule of src/domain/assessment/rules.ts, or 'manual'. */
  rule: string;
  /** The item's weight: the most points it gives. */
  max_score: number;
  /** Points taken off per occurrence, for the rules that count occurrences. */
  deduction: number | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

/** A score the office entered by hand for a manual item and an agency. */
export interface AssessmentScoreTable {
  item_id: number;
  agency_id: number;
  score: number;
  note: string | null;
  entered_by: string;
  updated_at: string;
}

/** A disclosure matter (公开事项) of an agency's standard disclosure catalogue (基层政务公开标准目录). */
export interface StandardCatalogueMatterTable {
  id: Generated<number>;
  agency_id: number;
  /** 领域, e.g. 义务教育: one imported table. */
  domain: string;
  sort_order: number;
  /** 一级事项 / 二级事项 ('' when the table has no second level). */
  first_level: string;
  second_level: string;
  /** 公开内容（要素）. */
  content: string;
  /** 公开依据. */
  legal_basis: string | null;
  /** 公开时限 as written, e.g. 信息形成或变更之日起20个工作日内. */
  time_limit: string | null;
  /** 公开主体. */
  responsible_body: string | null;
  /** JSON array of channel keys (公开渠道和载体). */
  channels: string;
  /** What 其他 (or an unknown channel column) says. */
  other_channel: string | null;
  /** 公开对象: 全社会 / 特定群众 (0/1). */
  audience_public: number;
  audience_specific: number;
  /** 公开方式: 主动 / 依申请 (0/1). */
  manner_proactive: number;
  manner_on_request: number;
  /** 公开层级: 县级 / 乡级 (0/1). */
  level_county: number;
  level_township: number;
  created_at: string;
  updated_at: string;
}

/** A portal column that carries a matter (publication_columns.id, without a foreign key). */
export interface StandardCatalogueMatterColumnTable {
  matter_id: number;
  column_id: number;
}

/** An inspection (检查抽查) the supervising office plans over agencies, sites and new-media accounts. */
export interface InspectionTable {
  id: Generated<number>;
  /** The office that plans it; its notices are numbered in this office's series. */
  office_agency_id: number;
  title: string;
  kind: 'quarterly' | 'adHoc';
  year: number;
  /** 1–4 for a quarterly inspection. */
  quarter: number | null;
  starts_on: string;
  ends_on: string;
  /** planned: findings are recorded; issued: every finding has become a rectification task. */
  status: 'planned' | 'issued';
  issued_on: string | null;
  /** The rectification deadline given when the findings were issued. */
  rectify_by: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface InspectionAgencyTable {
  inspection_id: number;
  agency_id: number;
}

/** What is inspected: an agency's portal pages (site) or one of its new-media accounts. */
export interface InspectionTargetTable {
  id: Generated<number>;
  inspection_id: number;
  agency_id: number;
  kind: 'site' | 'newMedia';
  name: string;
  url: string | null;
  /** new_media_accounts.id of a new-media target. */
  account_id: number | null;
  platform: string | null;
}

/** A problem found, against an indicator of 国办秘函〔2019〕19号 (src/domain/inspections/indicators.ts). */
export interface InspectionFindingTable {
  id: Generated<number>;
  inspection_id: number;
  agency_id: number;
  target_id: number | null;
  indicator: string;
  /** veto = 单项否决 (the agency fails the inspection); score = 扣分. */
  severity: 'veto' | 'score';
  description: string;
  url: string | null;
  column_id: number | null;
  item_id: number | null;
  since: string | null;
  origin: 'health' | 'manual';
  created_by: string;
  created_at: string;
}

/** The rectification (整改) of one finding by its agency. */
export interface RectificationTaskTable {
  id: Generated<number>;
  finding_id: number;
  inspection_id: number;
  agency_id: number;
  due_on: string;
  status: 'open' | 'answered' | 'returned' | 'accepted';
  answered_on: string | null;
  accepted_on: string | null;
  returns: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** One step of a rectification task: issued, answered, returned (with the office's comment), accepted. */
export interface RectificationStepTable {
  id: Generated<number>;
  task_id: number;
  seq: number;
  action: 'issued' | 'answered' | 'returned' | 'accepted';
  comment: string | null;
  due_on: string | null;
  actor_user_id: number | null;
  actor_name: string;
  on_date: string;
  at: string;
}

/** A screenshot (PNG/JPEG, typed by content) proving a finding or an agency's answer. */
export interface InspectionEvidenceTable {
  id: Generated<number>;
  finding_id: number;
  /** Null: evidence of the finding; else the answering step. */
  step_id: number | null;
  file_name: string;
  kind: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: string;
}

/** The prefix of an office's notice numbers (e.g. 青政办通 in 青政办通〔2026〕3号). */
export interface NoticeSettingTable {
  office_agency_id: number;
  prefix: string;
  updated_by: string;
  updated_at: string;
}

export interface NoticeSequenceTable {
  office_agency_id: number;
  year: number;
  last_serial: number;
}

/** A notice (通报) on an inspection, in Chinese official style; numbered when issued. */
export interface InspectionNoticeTable {
  id: Generated<number>;
  inspection_id: number;
  office_agency_id: number;
  title: string;
  /** 主送机关. */
  recipients: string;
  /** Editable text, one paragraph a line. */
  intro: string;
  overview: string;
  problems: string;
  requirements: string;
  /** JSON: results by agency (src/domain/inspections/notice.ts AgencyResult[]). */
  results: string;
  /** JSON: the problem list of the attachment (ProblemListRow[]). */
  problem_list: string;
  attachment_title: string;
  /** 发文机关署名. */
  signer: string;
  status: 'draft' | 'issued';
  visibility: 'internal' | 'public';
  year: number | null;
  serial: number | null;
  /** e.g. 青政办通〔2026〕3号. */
  number: string | null;
  issued_on: string | null;
  issued_by: string | null;
  /** When it was made public on the portal. */
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Website health: one column's state on one day (written once by the daily sweep). */
export interface HealthColumnSnapshotTable {
  column_id: number;
  on_date: string;
  agency_id: number;
  kind: string;
  /** The update period in force that day (days). */
  max_days: number;
  last_published_on: string | null;
  days_since_update: number | null;
  stale: number;
  empty: number;
  /** 0 for a heading column (sub-columns, no items of its own), which is not judged. */
  judged: number;
}

/** Website health: one agency's conclusion and findings on one day. */
export interface HealthAgencySnapshotTable {
  agency_id: number;
  on_date: string;
  result: 'pass' | 'fail' | 'veto' | 'none';
  veto: number;
  score: number;
  stale_columns: number;
  empty_columns: number;
  /** Columns judged (heading columns without items of their own are not). */
  judged_columns: number;
  /** The newest first-publication date of the agency's public items that day. */
  home_last_published_on: string | null;
  /** JSON array of domain/health HealthFinding. */
  findings: string;
  created_at: string;
}

/** The last check of an external address linked from a published body. */
export interface HealthLinkCheckTable {
  url: string;
  host: string;
  /** 1 reachable, 0 failing, null not requested (robots.txt disallows it, or it is on the own network). */
  ok: number | null;
  status: number | null;
  detail: string | null;
  checked_at: string;
  failing_since: string | null;
}

export interface DB {
  agencies: AgencyTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  settings: SettingTable;
  annual_reports: AnnualReportTable;
  annual_report_versions: AnnualReportVersionTable;
  calendar_days: CalendarDayTable;
  calendar_years: CalendarYearTable;
  requests: RequestTable;
  request_events: RequestEventTable;
  request_letters: RequestLetterTable;
  letter_sequences: LetterSequenceTable;
  letter_templates: LetterTemplateTable;
  review_cases: ReviewCaseTable;
  notifications: NotificationTable;
  publication_columns: PublicationColumnTable;
  publication_items: PublicationItemTable;
  publication_versions: PublicationVersionTable;
  publication_reviews: PublicationReviewTable;
  publication_attachments: PublicationAttachmentTable;
  index_number_sequences: IndexNumberSequenceTable;
  wrong_phrases: WrongPhraseTable;
  registry_documents: RegistryDocumentTable;
  registry_figures: RegistryFigureTable;
  registry_imports: RegistryImportTable;
  registry_decisions: RegistryDecisionTable;
  registry_import_years: RegistryImportYearTable;
  search_documents: SearchDocumentTable;
  new_media_accounts: NewMediaAccountTable;
  new_media_monthly_items: NewMediaMonthlyItemsTable;
  trainings: TrainingTable;
  training_participants: TrainingParticipantTable;
  assessment_items: AssessmentItemTable;
  assessment_scores: AssessmentScoreTable;
  standard_catalogue_matters: StandardCatalogueMatterTable;
  standard_catalogue_matter_columns: StandardCatalogueMatterColumnTable;
  inspections: InspectionTable;
  inspection_agencies: InspectionAgencyTable;
  inspection_targets: InspectionTargetTable;
  inspection_findings: InspectionFindingTable;
  rectification_tasks: RectificationTaskTable;
  rectification_steps: RectificationStepTable;
  inspection_evidence: InspectionEvidenceTable;
  notice_settings: NoticeSettingTable;
  notice_sequences: NoticeSequenceTable;
  inspection_notices: InspectionNoticeTable;
  health_column_snapshots: HealthColumnSnapshotTable;
  health_agency_snapshots: HealthAgencySnapshotTable;
  health_link_checks: HealthLinkCheckTable;
}

export type DisclosureRequest = Selectable<RequestTable>;
export type RequestEventRow = Selectable<RequestEventTable>;
export type RequestLetter = Selectable<RequestLetterTable>;
export type ReviewCase = Selectable<ReviewCaseTable>;

export type PublicationColumn = Selectable<PublicationColumnTable>;
export type PublicationItem = Selectable<PublicationItemTable>;
export type PublicationVersion = Selectable<PublicationVersionTable>;
export type PublicationReview = Selectable<PublicationReviewTable>;
export type PublicationAttachment = Selectable<PublicationAttachmentTable>;

export type AnnualReport = Selectable<AnnualReportTable>;
export type AnnualReportVersion = Selectable<AnnualReportVersionTable>;

export type Agency = Selectable<AgencyTable>;
export type NewAgency = Insertable<AgencyTable>;
export type AgencyUpdate = Updateable<AgencyTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type { ColumnType };
