// Labels of the bureau's own sheets and columns in the merged workbook (推荐顺序, 审核, 统计), Chinese and
// English. The official 推荐汇总表 wording itself stays in ./labels.ts.
import type { Lang } from '../domain/i18n/lang';
import type { ReviewColumn } from '../domain/bureau/review';
import { counted } from '../domain/i18n/plural';

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
  reviewTitle: '审核（每家企业一行；可排序、筛选）',
  reviewNote:
    '参考等级和综合得分由本工具按各项填写重新计算；「文件所称」为文件自身公式保存的结果，二者不一致即标「需核实」。审核意见、是否推荐由审核人填写，再次合并时保留。',
  reviewHeaders: {
    seq: '序号',
    enterpriseName: '企业名称',
    creditCode: '统一社会信用代码',
    attention: '需核实',
    tier: '参考等级（重算）',
    composite: '综合得分（重算）',
    cachedTier: '文件所称等级',
    cachedComposite: '文件所称得分',
    resultCheck: '计算结果核对',
    creditCheck: '信用代码校验',
    duplicates: '代码与名称重复',
    missing: '缺少的必填信息',
    problems: '错误与提示',
    dateCheck: '日期核对',
    file: '文件名',
    fileDate: '文件修改时间',
    fillDate: '填表日期',
    sha256: '文件 SHA-256',
    opinion: '审核意见',
    recommend: '是否推荐',
  } as Record<ReviewColumn, string>,
  reviewKeyHeader: '匹配键',
  recommendError: '请从下拉列表中选择：是、否或待定',
  recommendPrompt: '审核人填写；再次合并时保留',
};
export type BureauLabels = typeof zh;

const en: BureauLabels = {
  priority: 'Priority',
  priorityError: 'Priority must be a number of at least 1',
  priorityPrompt: 'Type a number to set the order; the next merge sorts by it and puts unranked enterprises after the ranked ones',
  statsTitle: 'Statistics (of the summary table)',
  statsBasis: (n, withFacts) =>
    withFacts === n
      ? `${counted(n, 'enterprise')}.`
      : `${counted(n, 'enterprise')}; size, district, scenarios and segments count the ${withFacts} with assessment details (the others are rows kept from an earlier summary).`,
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
  reviewTitle: 'Review (one row per enterprise; sort and filter)',
  reviewNote:
    'Tier and composite are recomputed by this tool from the inputs; "claimed" is what the file\'s own formulas saved, and a difference is marked "check". Opinion and Recommend are the reviewer\'s and are kept by the next merge.',
  reviewHeaders: {
    seq: 'No.',
    enterpriseName: 'Enterprise',
    creditCode: 'Credit code',
    attention: 'Check',
    tier: 'Tier (recomputed)',
    composite: 'Composite (recomputed)',
    cachedTier: 'Tier claimed',
    cachedComposite: 'Composite claimed',
    resultCheck: 'Results check',
    creditCheck: 'Credit code check',
    duplicates: 'Duplicate codes and names',
    missing: 'Required fields missing',
    problems: 'Errors and warnings',
    dateCheck: 'Date check',
    file: 'File',
    fileDate: 'File modified',
    fillDate: 'Date filled in',
    sha256: 'File SHA-256',
    opinion: 'Opinion',
    recommend: 'Recommend',
  },
  reviewKeyHeader: 'Key',
  recommendError: 'Choose from the list: Yes, No or Pending',
  recommendPrompt: 'For the reviewer; kept by the next merge',
};

export function bureauLabels(lang: Lang): BureauLabels {
  return lang === 'zh' ? zh : en;
}
