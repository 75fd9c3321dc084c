/** A filled letter for the renderer tests: a partial disclosure with every part a letter can have. */
import { fillTemplate, letterNumber } from '../../../domain/requests/letters/fill.js';
import { withholdingReason } from '../../../domain/requests/letters/phrases.js';
import { defaultTemplate } from '../../../domain/requests/letters/templates.js';
import type { LetterForRender } from './letter.js';

export function partialLetter(overrides: Partial<LetterForRender> = {}): LetterForRender {
  const filled = fillTemplate(defaultTemplate('partial'), {
    requesterName: '张三',
    receivedOn: '2025-01-02',
    requestSummary: '2024年滨河路改造工程征收补偿安置名单',
    howProvided: '已随本告知书一并提供（见附件）',
    withheldParts: '名单中被征收人的身份证号码、联系电话和银行账号',
    reason: withholdingReason('thirdPartyRights', '该部分内容属于被征收人的个人信息'),
    reconsiderationBody: '西宁市城中区人民政府',
    contactPhone: '0971-8123456',
    attachments: '滨河路改造工程征收补偿安置名单（区分处理后）',
  });
  return {
    title: filled.title,
    number: letterNumber('城中住建', 2025, 3, 'partial'),
    recipient: '张三',
    paragraphs: filled.paragraphs,
    agencyName: '西宁市城中区住房和城乡建设局',
    date: '2025-01-24',
    sealNote: '此件经电子印章签署',
    ...overrides,
  };
}
