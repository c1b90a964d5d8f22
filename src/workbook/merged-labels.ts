// Labels of the bureau's own sheets and columns in the merged workbook (推荐顺序, 审核, 统计), Chinese and
// English. The official 推荐汇总表 wording itself stays in ./labels.ts.
import type { Lang } from '../domain/i18n/lang';

const zh = {
  priority: '推荐顺序',
  priorityError: '推荐顺序请填写不小于 1 的数字',
  priorityPrompt: '填写数字排定推荐顺序；再次合并时按此排序，未填的企业排在已填的之后',
  statsTitle: '统计（按推荐汇总表）',
  statsBasis: (n: number, withFacts: number) =>
    withFacts === n
      ? `共 ${n} 家企业。`
      : `共 ${n} 家企业；企业类型、所属地区、场景与环节按其中有自评明细的 ${withFacts} 家统计（其余为早先汇总表中保留的行）。`,
  compositeSummary: (n: number, mean: string, min: string, max: string) => `有综合得分的 ${n} 家：平均 ${mean}，最低 ${min}，最高 ${max}。`,
  byTier: '按参考等级',
  compositeBins: '综合得分分布',
  byCluster: '按所属集群',
  byIndustryChain: '按所属产业链',
  byIndustry: '按所属行业',
  bySize: '按企业类型',
  byDistrict: '按所属地区（据地址）',
  mostClaimed: '申报最多的场景（前 10）',
  leastClaimed: '申报最少的场景（前 10）',
  segments: '建设环节覆盖（至少一个场景已建设）',
  tierHead: '参考等级',
  compositeHead: '综合得分',
  clusterHead: '所属集群',
  chainHead: '所属产业链',
  industryHead: '所属行业',
  sizeHead: '企业类型',
  districtHead: '所属地区',
  scenarioHead: '典型场景',
  segmentHead: '建设环节',
  enterprises: '企业数',
  share: '占比',
  claimedBy: '申报企业数',
};
export type BureauLabels = typeof zh;

const en: BureauLabels = {
  priority: 'Priority',
  priorityError: 'Priority must be a number of at least 1',
  priorityPrompt: 'Type a number to set the order; the next merge sorts by it and puts unranked enterprises after the ranked ones',
  statsTitle: 'Statistics (of the summary table)',
  statsBasis: (n, withFacts) =>
    withFacts === n
      ? `${n} enterprises.`
      : `${n} enterprises; size, district, scenarios and segments count the ${withFacts} with assessment details (the others are rows kept from an earlier summary).`,
  compositeSummary: (n, mean, min, max) => `${n} with a composite: mean ${mean}, lowest ${min}, highest ${max}.`,
  byTier: 'By reference tier',
  compositeBins: 'Composite distribution',
  byCluster: 'By cluster',
  byIndustryChain: 'By industry chain',
  byIndustry: 'By industry',
  bySize: 'By enterprise size',
  byDistrict: 'By district (from the address)',
  mostClaimed: 'Scenarios most claimed (top 10)',
  leastClaimed: 'Scenarios least claimed (bottom 10)',
  segments: 'Segment coverage (at least one scenario built)',
  tierHead: 'Tier',
  compositeHead: 'Composite',
  clusterHead: 'Cluster',
  chainHead: 'Industry chain',
  industryHead: 'Industry',
  sizeHead: 'Size',
  districtHead: 'District',
  scenarioHead: 'Scenario',
  segmentHead: 'Segment',
  enterprises: 'Enterprises',
  share: 'Share',
  claimedBy: 'Claimed by',
};

export function bureauLabels(lang: Lang): BureauLabels {
  return lang === 'zh' ? zh : en;
}
