/**
 * A generated test region: N bodies with this year's and last year's reports, deterministic for a seed, with known
 * problems planted (late, undated, copied from last year, copied from another body, missing, duplicated, jumping
 * and vanishing figures, a thin section 一, a section 五 without measures, a wrong total). Tests check every region
 * rule both ways on it, the benchmark reviews 1,000 bodies of it, and `docs/review.md` shows its page.
 */
import { createEmptyReport, type BodyLevel, type Report2021 } from "@xxgk/schema/layout";
import { fillTable3 } from "../sample.js";
import type { ExpectedBody, RegionReportInput } from "./types.js";

/** Options of {@link generateTestRegion}. */
export interface TestRegionOptions {
  /** Seed of the pseudo-random generator; default 1. The same seed gives the same region. */
  seed?: number;
  /** Number of bodies on the list; default 30. */
  bodies?: number;
  /** The report year; default 2024 (last year's reports are for the year before). */
  year?: number;
}

/** Which bodies carry which planted problem (body names). */
export interface TestRegionTruth {
  late: string[];
  undated: string[];
  copiedFromPrevious: string[];
  /** Pairs [original, copy]: the copy's sections 一 and 五 are the original's with the name changed. */
  copiedFromPeer: [string, string][];
  missing: string[];
  duplicated: string[];
  jumping: string[];
  vanishing: string[];
  thinOverview: string[];
  noMeasures: string[];
  wrongTotal: string[];
}

/** A generated region. */
export interface TestRegion {
  reports: RegionReportInput[];
  previous: RegionReportInput[];
  bodies: ExpectedBody[];
  truth: TestRegionTruth;
}

/** mulberry32: a small, well-known seeded generator (reproducible across platforms). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const DISTRICTS = ["", "东城区", "西城区", "南湖区", "北山区", "临江县", "青川县", "安平县", "永和县", "清河区", "石桥镇", "长宁区", "新华区", "白云区", "金沙县", "桃源县", "凤鸣区", "龙泉县", "松涛区", "云岭县", "江北区", "河西区", "湖滨区", "柳州区", "兴隆县", "宝丰县", "光明区", "和平区", "红旗区", "黄河区", "太平县", "双峰县", "三江县", "五指区", "九华县", "天河区", "丰泽区", "鼓楼区", "仓山区", "高新区"];
const DEPARTMENTS = ["人民政府", "发展和改革委员会", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水务局", "农业农村局", "商务局", "文化广电和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "林业局", "城市管理局", "信访局"];

const MANNERS = ["逐月", "按季度", "分批次", "常态化", "闭环式", "全流程", "清单式", "专班化", "点对点", "台账式", "网格化", "分级分类"];
const ACTIONS = ["健全", "完善", "规范", "细化", "优化", "强化", "落实", "推进", "拓展", "深化", "梳理", "更新"];
const OBJECTS = ["公开目录", "审查机制", "发布流程", "解读方式", "办理程序", "新媒体矩阵", "网站栏目", "管理台账", "保密审查", "公开指南", "政策文件库", "答复文书", "考核评议", "业务培训", "意见征集", "数据开放", "政策问答", "办事指引"];
const OUTCOMES = ["质量稳步提升", "时效明显加快", "群众满意度提高", "答复更加规范", "差错率下降", "查阅更加便捷", "覆盖面扩大", "衔接更加顺畅", "责任更加清晰", "反馈更加及时"];
const FIELDS = ["重大项目", "财政资金", "民生保障", "营商环境", "行政执法", "公共服务", "安全生产", "乡村振兴", "城市更新", "教育医疗", "社会救助", "生态保护"];
const TOPICS: [string, string][] = [
  ["（一）主动公开情况", "主动公开方面"],
  ["（二）依申请公开情况", "依申请公开方面"],
  ["（三）政府信息管理情况", "政府信息管理方面"],
  ["（四）政府信息公开平台建设情况", "平台建设方面"],
  ["（五）监督保障情况", "监督保障方面"],
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Characters for the titles of documents a report names: each report names its own. */
const TITLE_CHARACTERS = "安保财城创村道地电动法防港工公管规海行河护湖环基监建交教街就救科矿粮林路旅贸民能农品桥区权渠缺融商社审生食市水税提通统土退网文污物险乡消校信学养药业医用园运灾展政执质治中种住资";

function documentTitle(random: () => number): string {
  let title = "";
  for (let index = 0; index < 6; index++) title += TITLE_CHARACTERS[Math.floor(random() * TITLE_CHARACTERS.length)];
  return `《关于${title}工作的通知》`;
}

function sentence(random: () => number): string {
  return `围绕${pick(random, FIELDS)}领域，${pick(random, MANNERS)}${pick(random, ACTIONS)}${pick(random, OBJECTS)}，印发${documentTitle(random)}，同步${pick(random, ACTIONS)}${pick(random, OBJECTS)}，${pick(random, OUTCOMES)}。`;
}

function paragraph(random: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random)).join("");
}

interface Prose {
  overview: Report2021["overview"];
  problems: string[];
  other: string[];
}

function prose(random: () => number, body: string, year: number, thin: boolean, noMeasures: boolean): Prose {
  const topics = thin ? TOPICS.slice(0, 3) : TOPICS;
  return {
    overview: {
      paragraphs: [`${year}年，${body}认真贯彻落实《中华人民共和国政府信息公开条例》，${paragraph(random, 1)}`],
      parts: topics.map(([title, lead]) => ({ title, paragraphs: [`${lead}，${paragraph(random, 3)}`] })),
    },
    problems: noMeasures
      ? [`${year}年，本机关政府信息公开工作存在一些不足：一是${pick(random, OBJECTS)}更新不够及时，${documentTitle(random)}公布滞后；二是${pick(random, FIELDS)}领域信息公开的深度有待提高，${documentTitle(random)}的解读材料仍然偏少。`]
      : [
          `${year}年，本机关政府信息公开工作存在一些不足：一是${pick(random, OBJECTS)}更新不够及时，${documentTitle(random)}公布滞后；二是${pick(random, FIELDS)}领域信息公开的深度有待提高，${documentTitle(random)}的解读材料仍然偏少。`,
          `下一步，${paragraph(random, 2)}`,
        ],
    other: [`${year}年，本机关未收取信息处理费。`, `${paragraph(random, 2)}`],
  };
}

interface Figures {
  received: number;
  reconsiderations: number;
  normativeInForce: number;
  licensing: number;
}

function report(body: string, level: BodyLevel, year: number, publishedOn: string | undefined, text: Prose, figures: Figures, previousInForce: number, issued: number): Report2021 {
  const result = createEmptyReport({ edition: "2021", year, body });
  result.meta.title = `${body}${year}年政府信息公开工作年度报告`;
  if (publishedOn) result.meta.publishedOn = publishedOn;
  result.meta.level = level;
  result.meta.regionCode = "640100";
  result.preamble = {
    paragraphs: [
      `根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，编制本报告。本报告统计数据从 ${year} 年 1 月 1 日至 12 月 31 日。`,
    ],
  };
  result.overview = text.overview;
  result.problemsAndImprovements = { paragraphs: text.problems };
  result.otherMatters = { paragraphs: text.other };
  const disclosed = Math.round(figures.received * 0.6);
  const partly = Math.round(figures.received * 0.1);
  fillTable3(result, {
    naturalPerson: { outcomes: { disclosed, partiallyDisclosed: partly, unableNotHeld: figures.received - disclosed - partly }, carriedOver: 0, carriedForward: 0 },
  });
  const reconsideration = result.reviewAndLitigation.reconsideration;
  reconsideration.upheld = figures.reconsiderations;
  reconsideration.corrected = figures.reconsiderations > 1 ? 1 : 0;
  reconsideration.total = reconsideration.upheld + reconsideration.corrected;
  const table2 = result.proactiveDisclosure;
  table2.normativeDocuments.issued = issued;
  table2.normativeDocuments.repealed = 0;
  table2.normativeDocuments.inForce = previousInForce + issued;
  table2.licensing.decisions = figures.licensing;
  return result;
}

function date(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Generates a test region of `bodies` bodies (default 30) for `year` (default 2024) and the year before. The first
 * body on the list is the city's own government (deadline 31 March), the others its departments and districts.
 */
export function generateTestRegion(options: TestRegionOptions = {}): TestRegion {
  const count = options.bodies ?? 30;
  const year = options.year ?? 2024;
  const random = generator(options.seed ?? 1);
  const names: string[] = [];
  for (let index = 0; names.length < count; index++) {
    const district = DISTRICTS[Math.floor(index / DEPARTMENTS.length) % DISTRICTS.length]!;
    const department = DEPARTMENTS[index % DEPARTMENTS.length]!;
    const round = Math.floor(index / (DEPARTMENTS.length * DISTRICTS.length));
    names.push(`示范市${district}${department}${round > 0 ? `（${round + 1}）` : ""}`);
  }
  const levelOf = (name: string): BodyLevel =>
    name.endsWith("人民政府") ? (name === "示范市人民政府" ? "municipal-government" : "county-government") : name.includes("区") || name.includes("县") || name.includes("镇") ? "county-department" : "municipal-department";

  // Roles, drawn without replacement from the bodies after the first (the city government stays ordinary).
  const order = names.slice(1);
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  const share = (fraction: number) => Math.max(1, Math.round(count * fraction));
  let cursor = 0;
  const take = (howMany: number) => order.slice(cursor, (cursor += howMany));
  const truth: TestRegionTruth = {
    late: take(share(0.1)),
    undated: take(share(0.03)),
    copiedFromPrevious: take(share(0.1)),
    copiedFromPeer: [],
    missing: take(share(0.05)),
    duplicated: take(share(0.03)),
    jumping: take(share(0.06)),
    vanishing: take(share(0.03)),
    thinOverview: take(share(0.03)),
    noMeasures: take(share(0.03)),
    wrongTotal: take(share(0.03)),
  };
  const peerPairs = share(0.05);
  for (let pair = 0; pair < peerPairs; pair++) {
    const [original, copy] = take(2);
    if (original && copy) truth.copiedFromPeer.push([original, copy]);
  }
  const has = (list: readonly string[], name: string) => list.includes(name);

  const reports: RegionReportInput[] = [];
  const previous: RegionReportInput[] = [];
  const current = new Map<string, Report2021>();
  for (const name of names) {
    const level = levelOf(name);
    const government = level.endsWith("government");
    const before: Figures = {
      received: 20 + Math.floor(random() * 60),
      reconsiderations: Math.floor(random() * 4),
      normativeInForce: 5 + Math.floor(random() * 30),
      licensing: Math.floor(random() * 200),
    };
    const now: Figures = { ...before, received: Math.max(1, before.received + Math.floor(random() * 21) - 10), licensing: Math.floor(before.licensing * (0.7 + random() * 0.6)) };
    if (has(truth.jumping, name)) now.received = before.received * 8;
    if (has(truth.vanishing, name)) {
      before.received = Math.max(before.received, 30);
      now.received = 0;
    }
    const previousText = prose(random, name, year - 1, false, false);
    const previousReport = report(name, level, year - 1, date(year, government ? 3 : 1, 5 + Math.floor(random() * 20)), previousText, before, before.normativeInForce, 0);
    previous.push({ file: `${year - 1}/${name}.json`, report: previousReport });
    if (has(truth.missing, name)) continue;

    let text = prose(random, name, year, has(truth.thinOverview, name), has(truth.noMeasures, name));
    if (has(truth.copiedFromPrevious, name)) {
      const again = (paragraphs: string[]) => paragraphs.map((paragraph) => paragraph.replaceAll(`${year - 1}`, `${year}`));
      text = {
        overview: { paragraphs: again(previousText.overview.paragraphs), parts: previousText.overview.parts!.map((part) => ({ title: part.title, paragraphs: again(part.paragraphs) })) },
        problems: again(previousText.problems),
        other: again(previousText.other),
      };
    }
    const publishedOn = has(truth.undated, name)
      ? undefined
      : has(truth.late, name)
        ? government
          ? date(year + 1, 4, 10 + Math.floor(random() * 15))
          : date(year + 1, 2, 5 + Math.floor(random() * 20))
        : date(year + 1, government ? 3 : 1, 5 + Math.floor(random() * 20));
    const issued = Math.floor(random() * 4);
    const currentReport = report(name, level, year, publishedOn, text, now, before.normativeInForce, issued);
    if (has(truth.wrongTotal, name)) currentReport.applications.total.total = (currentReport.applications.total.total ?? 0) + 7;
    current.set(name, currentReport);
  }
  for (const [original, copy] of truth.copiedFromPeer) {
    const source = current.get(original)!;
    const target = current.get(copy)!;
    const rename = (paragraph: string) => paragraph.replaceAll(original, copy);
    target.overview = { paragraphs: source.overview.paragraphs.map(rename), parts: source.overview.parts!.map((part) => ({ title: part.title, paragraphs: part.paragraphs.map(rename) })) };
    target.problemsAndImprovements = { paragraphs: source.problemsAndImprovements.paragraphs.map(rename) };
  }
  for (const [name, value] of current) {
    reports.push({ file: `${year}/${name}.json`, report: value });
    if (has(truth.duplicated, name)) reports.push({ file: `${year}/${name}（重复上传）.json`, report: structuredClone(value) });
  }
  return { reports, previous, bodies: names.map((name) => ({ name, level: levelOf(name) })), truth };
}
