// Labels of the bureau's own sheets and columns in the merged workbook (推荐顺序, 审核, 统计), Chinese and
// English. The official 推荐汇总表 wording itself stays in ./labels.ts.
import type { Lang } from '../domain/i18n/lang';

const zh = {
  priority: '推荐顺序',
  priorityError: '推荐顺序请填写不小于 1 的数字',
  priorityPrompt: '填写数字排定推荐顺序；再次合并时按此排序，未填的企业排在已填的之后',
};
export type BureauLabels = typeof zh;

const en: BureauLabels = {
  priority: 'Priority',
  priorityError: 'Priority must be a number of at least 1',
  priorityPrompt: 'Type a number to set the order; the next merge sorts by it and puts unranked enterprises after the ranked ones',
};

export function bureauLabels(lang: Lang): BureauLabels {
  return lang === 'zh' ? zh : en;
}
