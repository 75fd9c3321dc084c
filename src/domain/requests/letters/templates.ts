/**
 * Default wording of every letter of disclosure on request: one reply letter per outcome of
 * report section 三 (国办公开办函〔2021〕30号) and the procedural notices. Agencies may adjust the
 * wording (validateTemplateOverride in fill.ts keeps them from dropping a fact, a citation or
 * the remedies); these defaults are what a letter says when they have not.
 *
 * Each body is plain text, one paragraph per line, with placeholders (placeholders.ts). Citations
 * are written out in full each time they are relied on, so that the check "the override still
 * cites 第X条" is a plain text search. Where the regulation has no item for a report row, the
 * comment on the template says which provision the letter relies on and why.
 */
import { LETTER_KINDS, type LetterKind } from './kinds.js';
import { FEE_BASIS } from './phrases.js';
import { FEE_MEASURE, REGULATION_TITLE as T } from './regulation.js';

/**
 * Which remedies a reply letter states.
 * - choice: administrative reconsideration within 60 days (行政复议法第二十条) or litigation within
 *   6 months (行政诉讼法第四十六条);
 * - reconsiderationFirst: since the revised 行政复议法 (in force 2024-01-01), a requester who
 *   contests a refusal to disclose (不予公开) must apply for reconsideration before going to
 *   court; telling them they may sue directly would send them to a court that turns them away,
 *   possibly after the 60 days for reconsideration have run out. Used for every 三（三） row and
 *   for partial disclosure, whose withheld part is a refusal.
 */
export type RemedyKind = 'choice' | 'reconsiderationFirst';

/** The paragraph {{remedy}} becomes unless a value for `remedy` is given. */
export const REMEDY_TEXTS: Record<RemedyKind, string> = {
  choice:
    '如您对本答复不服，可以自收到本答复之日起60日内向{{reconsiderationBody}}申请行政复议，或者自收到本答复之日起6个月内向{{court}}提起行政诉讼。',
  reconsiderationFirst:
    '如您对本答复不服，可以自收到本答复之日起60日内向{{reconsiderationBody}}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向人民法院提起行政诉讼。依照《中华人民共和国行政复议法》的规定，对行政机关不予公开政府信息不服的，应当先申请行政复议。',
};

export interface LetterTemplate {
  kind: LetterKind;
  title: string;
  /** What the default wording cites: provisions of the regulation (regulation.ts) or other instruments. */
  articles: string[];
  /** One paragraph per line; placeholders as in placeholders.ts. */
  body: string;
  /** Reply letters only: what {{remedy}} becomes. */
  remedy?: RemedyKind;
}

const lines = (...parts: string[]) => parts.filter((p) => p !== '').join('\n');

/** The opening of a reply: date of receipt (and of the clarified request, from which the period ran), and what was asked. */
const OPENING =
  '本机关于{{receivedOn}}收到您提交的政府信息公开申请{{#clarifiedOn}}，并于{{clarifiedOn}}收到您补正后的申请{{/clarifiedOn}}，您申请公开“{{requestSummary}}”。';
const CONTACT = '{{#contactPhone}}如有疑问，请与本机关政府信息公开工作机构联系，联系电话：{{contactPhone}}。{{/contactPhone}}';
const ATTACHMENTS = '{{#attachments}}附件：{{attachments}}{{/attachments}}';
/** The end of every reply letter: contact, remedies, the closing formula, attachments. */
const REPLY_END = lines(CONTACT, '{{remedy}}', '特此告知。', ATTACHMENTS);

type Draft = Omit<LetterTemplate, 'kind'>;

const withheld = (facts: string, articles: string[], after = ''): Draft => ({
  title: '政府信息不予公开告知书',
  articles: [...articles, '第三十六条第（三）项'],
  remedy: 'reconsiderationFirst',
  body: lines(
    OPENING,
    `${facts}根据${T}${articles.join('、')}和第三十六条第（三）项的规定，本机关决定不予公开。`,
    after,
    REPLY_END,
  ),
});

const TEMPLATES: Record<LetterKind, Draft> = {
  // 三（一）予以公开
  granted: {
    title: '政府信息予以公开告知书',
    articles: ['第十三条', '第三十六条第（二）项'],
    remedy: 'choice',
    body: lines(
      OPENING,
      `经审查，您所申请的政府信息属于可以公开的政府信息。根据${T}第十三条、第三十六条第（二）项的规定，本机关决定予以公开。`,
      '该政府信息{{howProvided}}。',
      REPLY_END,
    ),
  },
  'granted.alreadyPublished': {
    title: '政府信息公开告知书',
    articles: ['第三十六条第（一）项'],
    remedy: 'choice',
    body: lines(
      OPENING,
      `经审查，您所申请的政府信息已由本机关主动公开。根据${T}第三十六条第（一）项的规定，现告知您获取该政府信息的方式、途径：{{howToObtain}}。`,
      REPLY_END,
    ),
  },

  // 三（二）部分公开: what is withheld and why (第三十七条)
  partial: {
    title: '政府信息部分公开告知书',
    articles: ['第三十七条', '第三十六条第（二）项', '第三十六条第（三）项'],
    remedy: 'reconsiderationFirst',
    body: lines(
      OPENING,
      `经审查，您所申请的信息中含有不应当公开的内容，但是能够作区分处理。根据${T}（以下简称《条例》）第三十七条的规定，本机关向您提供可以公开的政府信息内容，并对不予公开的内容说明理由。现答复如下：`,
      '一、除下述第二项所列内容外，您所申请的政府信息予以公开。根据《条例》第三十六条第（二）项的规定，该政府信息{{howProvided}}。',
      '二、{{withheldParts}}不予公开，理由是：{{reason}}。根据《条例》第三十六条第（三）项的规定，本机关决定对上述内容不予公开。',
      REPLY_END,
    ),
  },

  // 三（三）不予公开: 第十四条
  'withheld.stateSecret': withheld(
    '经审查，您所申请的政府信息属于依法确定为国家秘密的政府信息{{#reason}}（{{reason}}）{{/reason}}。',
    ['第十四条'],
  ),
  'withheld.forbiddenByLaw': withheld(
    '经审查，您所申请的政府信息属于法律、行政法规禁止公开的政府信息，理由是：{{reason}}。',
    ['第十四条'],
  ),
  'withheld.endangersSecurity': withheld(
    '经审查，您所申请的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，理由是：{{reason}}。',
    ['第十四条'],
  ),
  // 第十五条; the written consultation of 第三十二条 where it was held
  'withheld.thirdPartyRights': {
    ...withheld(
      lines(
        '经审查，您所申请的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，理由是：{{reason}}。',
        `{{#consultedOn}}根据${T}第三十二条的规定，本机关于{{consultedOn}}书面征求了第三方的意见，第三方{{thirdPartyOpinion}}。{{/consultedOn}}`,
        '本机关认为，该信息不属于第三方同意公开或者不公开会对公共利益造成重大影响的情形。',
      ),
      ['第十五条'],
    ),
    articles: ['第十五条', '第三十六条第（三）项', '第三十二条'],
  },
  // 第十六条第一款: the three kinds of internal affairs (人事管理、后勤管理、内部工作流程)
  'withheld.internalAffairs': withheld(
    '经审查，您所申请的信息属于本机关的内部事务信息，理由是：{{reason}}。',
    ['第十六条第一款'],
  ),
  // 第十六条第二款: the four kinds of process information (讨论记录、过程稿、磋商信函、请示报告)
  'withheld.processInfo': withheld(
    '经审查，您所申请的信息属于本机关在履行行政管理职能过程中形成的过程性信息，理由是：{{reason}}。法律、法规、规章未规定该信息应当公开。',
    ['第十六条第二款'],
  ),
  'withheld.enforcementFile': withheld(
    '经审查，您所申请的信息属于行政执法案卷信息，理由是：{{reason}}。法律、法规、规章未规定该信息应当公开。',
    ['第十六条第二款'],
    // A party to the case reads the file under the procedure of that case, not as a disclosure request.
    '如您系该行政执法案件的当事人或者利害关系人，可以依照有关法律、法规的规定申请查阅相关案卷材料。',
  ),
  // 行政查询事项: the regulation's answer is 第三十六条第（七）项 (special rules on obtaining it).
  'withheld.inquiryMatter': {
    title: '政府信息公开申请告知书',
    articles: ['第三十六条第（七）项'],
    remedy: 'reconsiderationFirst',
    body: lines(
      OPENING,
      `经审查，有关法律、行政法规对您所申请信息的获取有特别规定，理由是：{{reason}}。根据${T}第三十六条第（七）项的规定，请您依照{{specialLaw}}的规定办理。`,
      '查询途径：{{queryChannel}}。',
      REPLY_END,
    ),
  },

  // 三（四）无法提供
  'unavailable.notHeld': {
    title: '政府信息不存在告知书',
    articles: ['第三十六条第（四）项'],
    remedy: 'choice',
    body: lines(
      OPENING,
      `经检索{{#searchDescription}}（检索范围：{{searchDescription}}）{{/searchDescription}}，本机关没有您所申请公开的信息。根据${T}第三十六条第（四）项的规定，现告知您：您所申请公开的政府信息不存在。`,
      '{{#otherAgency}}据了解，{{otherAgency}}可能掌握相关信息{{#otherAgencyContact}}（联系方式：{{otherAgencyContact}}）{{/otherAgencyContact}}，您可以向其咨询或者提出申请。{{/otherAgency}}',
      REPLY_END,
    ),
  },
  'unavailable.notResponsible': {
    title: '非本机关负责公开政府信息告知书',
    articles: ['第三十六条第（五）项'],
    remedy: 'choice',
    body: lines(
      OPENING,
      `根据${T}第三十六条第（五）项的规定，现告知您：您所申请公开的信息不属于本机关负责公开，理由是：{{reason}}。{{#otherAgency}}负责公开该政府信息的行政机关为{{otherAgency}}{{#otherAgencyContact}}，联系方式：{{otherAgencyContact}}{{/otherAgencyContact}}，您可以向其提出申请。{{/otherAgency}}`,
      REPLY_END,
    ),
  },
  'unavailable.needsCreation': {
    title: '政府信息公开申请告知书',
    articles: ['第三十八条'],
    remedy: 'choice',
    body: lines(
      OPENING,
      `经审查，本机关没有与您的申请内容直接对应的现成政府信息，满足您的申请需要本机关对现有政府信息进行加工、分析或者另行制作，理由是：{{reason}}。根据${T}第三十八条的规定，本机关不予提供。`,
      REPLY_END,
    ),
  },
  // 补正后仍不明确: no item of 第三十六条 fits; the request still lacks the description that
  // 第二十九条第二款第（二）项 requires, after the one clarification of 第三十条.
  'unavailable.stillUnclear': {
    title: '政府信息公开申请告知书',
    articles: ['第二十九条第二款第（二）项', '第三十条'],
    remedy: 'choice',
    body: lines(
      '本机关于{{receivedOn}}收到您提交的政府信息公开申请，您申请公开“{{requestSummary}}”。因申请内容不明确，本机关于{{clarificationRequestedOn}}向您发出补正通知{{#clarificationNoticeNumber}}（{{clarificationNoticeNumber}}）{{/clarificationNoticeNumber}}，您于{{clarifiedOn}}提交了补正后的申请。',
      `经审查，补正后的申请内容仍不明确，理由是：{{reason}}。本机关无法根据您提供的政府信息名称、文号或者其他特征性描述确定您所申请的政府信息。根据${T}第二十九条第二款第（二）项、第三十条的规定，本机关无法向您提供。`,
      '您可以在明确所需政府信息的名称、文号或者便于查询的其他特征性描述后，重新提出申请。',
      REPLY_END,
    ),
  },

  // 三（五）不予处理
  'notProcessed.petition': {
    title: '政府信息公开申请告知书',
    articles: ['第三十九条第一款'],
    remedy: 'choice',
    body: lines(
      OPENING,
      `经审查，您提出的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动，理由是：{{reason}}。根据${T}第三十九条第一款的规定，本机关不作为政府信息公开申请处理。`,
      '您可以通过以下渠道提出：{{petitionChannel}}。',
      REPLY_END,
    ),
  },
  'notProcessed.repeated': {
    title: '政府信息公开申请告知书',
    articles: ['第三十六条第（六）项'],
    remedy: 'choice',
    body: lines(
      OPENING,
      `经审查，本机关已于{{earlierReplyOn}}就您提出的政府信息公开申请作出答复{{#earlierLetterNumber}}（{{earlierLetterNumber}}）{{/earlierLetterNumber}}，您本次申请公开的政府信息与该申请相同。根据${T}第三十六条第（六）项的规定，本机关不予重复处理。`,
      REPLY_END,
    ),
  },
  'notProcessed.publication': {
    title: '政府信息公开申请告知书',
    articles: ['第三十九条第二款'],
    remedy: 'choice',
    body: lines(
      OPENING,
      `经审查，您申请获取的{{publicationName}}属于公开出版物。根据${T}第三十九条第二款的规定，现告知您获取途径：{{howToObtain}}。本机关对该申请不再作为政府信息公开申请另行处理。`,
      REPLY_END,
    ),
  },
  'notProcessed.excessive': {
    title: '政府信息公开申请告知书',
    articles: ['第三十五条'],
    remedy: 'choice',
    body: lines(
      OPENING,
      `经审查，您申请公开政府信息的数量、频次明显超过合理范围。本机关已于{{reasonRequestedOn}}依照${T}（以下简称《条例》）第三十五条的规定要求您说明理由。`,
      '本机关认为您的申请理由不合理，理由是：{{reason}}。根据《条例》第三十五条的规定，本机关对您的申请不予处理。',
      REPLY_END,
    ),
  },
  // 要求确认或重新出具已获取信息: the regulation has no item for it. What is asked is not
  // information the agency holds (第二条) but a new document made for the requester, which
  // 第三十八条 does not oblige the agency to make.
  'notProcessed.confirmOrReissue': {
    title: '政府信息公开申请告知书',
    articles: ['第二条', '第三十八条'],
    remedy: 'choice',
    body: lines(
      OPENING,
      '经审查，您的申请实质是要求本机关对您已经获取的信息进行确认或者重新出具，理由是：{{reason}}。',
      `根据${T}第二条、第三十八条的规定，政府信息是行政机关在履行行政管理职能过程中制作或者获取的，以一定形式记录、保存的信息，行政机关向申请人提供的信息，应当是已制作或者获取的政府信息。对已获取的信息进行确认或者重新出具，需要本机关另行制作信息，不属于政府信息公开申请的处理范围，本机关不予处理。`,
      REPLY_END,
    ),
  },

  // 三（六）其他处理
  'other.noClarification': {
    title: '政府信息公开申请告知书',
    articles: ['第三十条'],
    remedy: 'choice',
    body: lines(
      '本机关于{{receivedOn}}收到您提交的政府信息公开申请，您申请公开“{{requestSummary}}”。因申请内容不明确，本机关于{{clarificationRequestedOn}}向您发出补正通知{{#clarificationNoticeNumber}}（{{clarificationNoticeNumber}}）{{/clarificationNoticeNumber}}，请您于{{dueDate}}前作出补正。截至补正期限届满，本机关未收到您的补正，您也未说明逾期的正当理由。',
      `根据${T}第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。您仍需要获取相关政府信息的，可以重新提出申请。`,
      REPLY_END,
    ),
  },
  'other.feeUnpaid': {
    title: '政府信息公开申请告知书',
    articles: ['第四十二条', FEE_MEASURE],
    remedy: 'choice',
    body: lines(
      '本机关于{{receivedOn}}收到您提交的政府信息公开申请，您申请公开“{{requestSummary}}”。本机关于{{feeNoticedOn}}向您发出收费通知{{#feeNoticeNumber}}（{{feeNoticeNumber}}）{{/feeNoticeNumber}}，请您于{{dueDate}}前缴纳信息处理费{{amountYuan}}元。截至缴费期限届满，本机关未收到您缴纳的费用。',
      `根据${T}第四十二条和${FEE_MEASURE}的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
      REPLY_END,
    ),
  },
  // Anything else (e.g. a withdrawn request): the basis depends on the case, so it is a placeholder.
  'other.other': {
    title: '政府信息公开申请告知书',
    articles: [],
    remedy: 'choice',
    body: lines(OPENING, '经审查，{{reason}}。{{#legalBasis}}根据{{legalBasis}}的规定，{{/legalBasis}}本机关{{decision}}。', REPLY_END),
  },

  // Procedural notices
  clarificationNotice: {
    title: '政府信息公开申请补正通知书',
    articles: ['第二十九条第二款', '第三十条'],
    body: lines(
      '本机关于{{receivedOn}}收到您提交的政府信息公开申请，您申请公开“{{requestSummary}}”。',
      `经审查，您的申请内容不明确，本机关无法据此确定您所申请的政府信息。根据${T}（以下简称《条例》）第二十九条第二款、第三十条的规定，现一次性告知您需要补正的事项如下：`,
      '{{clarificationItems}}',
      '{{#guidance}}补正说明：{{guidance}}{{/guidance}}',
      '请您于{{dueDate}}前（含当日）向本机关提交补正后的申请{{#replyChannel}}，提交方式：{{replyChannel}}{{/replyChannel}}。答复期限自本机关收到补正后的申请之日起计算。',
      '依照《条例》第三十条的规定，您无正当理由逾期不补正的，视为放弃申请，本机关将不再处理该政府信息公开申请。',
      CONTACT,
      '特此通知。',
    ),
  },
  extensionNotice: {
    title: '政府信息公开申请延期答复告知书',
    articles: ['第三十三条第二款'],
    body: lines(
      OPENING,
      `因{{reason}}，本机关不能在法定答复期限{{#dueDate}}（{{dueDate}}）{{/dueDate}}内作出答复。根据${T}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{extensionDays}}个工作日，本机关将于{{newDueDate}}前（含当日）作出答复。`,
      CONTACT,
      '特此告知。',
    ),
  },
  consultationLetter: {
    title: '政府信息公开征求第三方意见函',
    articles: ['第三十二条'],
    body: lines(
      '本机关于{{receivedOn}}收到一份政府信息公开申请，申请公开“{{requestSummary}}”。经审查，该信息公开可能损害您的合法权益，具体情况是：{{reason}}。根据' +
        `${T}（以下简称《条例》）第三十二条的规定，现书面征求您的意见。`,
      '请您自收到本函之日起15个工作日内{{#dueDate}}（即{{dueDate}}前）{{/dueDate}}书面提出是否同意公开的意见；不同意公开的，请说明理由并提供相关材料。{{#replyChannel}}意见请通过以下方式提交：{{replyChannel}}。{{/replyChannel}}',
      '依照《条例》第三十二条的规定，您逾期未提出意见的，由本机关依照《条例》的规定决定是否公开；您不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知您。',
      CONTACT,
      '特此函告。',
    ),
  },
  agencyConsultationLetter: {
    title: '政府信息公开征求意见函',
    articles: ['第三十四条'],
    body: lines(
      '本机关于{{receivedOn}}收到一份政府信息公开申请，申请公开“{{requestSummary}}”。该政府信息由本机关牵头、与贵机关共同制作{{#reason}}（{{reason}}）{{/reason}}。' +
        `根据${T}第三十四条的规定，现征求贵机关意见。`,
      '请贵机关自收到本函之日起15个工作日内{{#dueDate}}（即{{dueDate}}前）{{/dueDate}}提出是否同意公开的书面意见；不同意公开的，请说明理由和依据。逾期未提出意见的，视为同意公开。{{#replyChannel}}意见请通过以下方式送达：{{replyChannel}}。{{/replyChannel}}',
      CONTACT,
      '特此函商，请予函复。',
    ),
  },
  feeNotice: {
    title: '政府信息公开信息处理费收费通知书',
    articles: ['第四十二条', FEE_MEASURE],
    body: lines(
      OPENING,
      `经审查，您申请公开政府信息的数量、频次明显超过合理范围。根据${T}第四十二条和${FEE_MEASURE}的规定，本机关对本件申请收取信息处理费。现将有关事项通知如下：`,
      `一、收费依据：${FEE_BASIS}。`,
      '二、收费标准：{{feeStandard}}。',
      '三、收费金额：{{#feeCalculation}}{{feeCalculation}}，{{/feeCalculation}}合计人民币{{amountYuan}}元。',
      '四、缴纳方式：{{paymentMethod}}。',
      '五、缴纳期限：请您在收到本通知书后20个工作日内，即{{dueDate}}前（含当日）缴纳。逾期未缴纳的，视为放弃申请，本机关将不再处理该政府信息公开申请。',
      '自本通知书发出之日起至您缴纳费用之日止的期间，不计算在答复期限内。本机关收到您缴纳的费用后，将依法继续办理您的申请。',
      CONTACT,
      '特此通知。',
    ),
  },
  reasonRequestNotice: {
    title: '政府信息公开申请说明理由通知书',
    articles: ['第三十五条'],
    body: lines(
      OPENING,
      `经审查，您申请公开政府信息的数量、频次明显超过合理范围，具体情况是：{{reason}}。根据${T}第三十五条的规定，请您于{{dueDate}}前（含当日）向本机关书面说明申请理由{{#replyChannel}}，提交方式：{{replyChannel}}{{/replyChannel}}。`,
      '本机关将根据您说明的理由依法处理：认为申请理由不合理的，告知您不予处理；认为申请理由合理，但是无法在法定期限内答复的，将确定延迟答复的合理期限并告知您。',
      CONTACT,
      '特此通知。',
    ),
  },
  thirdPartyDisclosureNotice: {
    title: '政府信息决定公开告知书',
    articles: ['第三十二条'],
    body: lines(
      '本机关于{{consultedOn}}就申请公开“{{requestSummary}}”的政府信息公开申请书面征求了您的意见{{#thirdPartyOpinion}}，您{{thirdPartyOpinion}}{{/thirdPartyOpinion}}。',
      `经审查，本机关认为不公开该信息可能对公共利益造成重大影响，理由是：{{reason}}。根据${T}第三十二条的规定，本机关决定予以公开，现将决定公开的政府信息内容和理由书面告知您。`,
      '决定公开的政府信息内容：{{disclosedParts}}。',
      '如您对本决定不服，可以自收到本告知书之日起60日内向{{reconsiderationBody}}申请行政复议，或者自收到本告知书之日起6个月内向{{court}}提起行政诉讼。',
      CONTACT,
      '特此告知。',
    ),
  },
};

/** The default template of a kind. */
export function defaultTemplate(kind: LetterKind): LetterTemplate {
  const draft = TEMPLATES[kind];
  return { kind, ...draft, articles: [...draft.articles] };
}

/** All default templates, in the order of LETTER_KINDS. */
export const DEFAULT_TEMPLATES: Readonly<Record<LetterKind, LetterTemplate>> = Object.freeze(
  Object.fromEntries(LETTER_KINDS.map((kind) => [kind, defaultTemplate(kind)])) as Record<LetterKind, LetterTemplate>,
);
