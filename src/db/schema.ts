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
