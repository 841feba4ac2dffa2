// Chongqing's 38 districts and counties and its functional areas: public administrative
// geography, the one closed list the pipeline relies on.

export interface DistrictEntry {
  name: string;
  /** Forms that name it on their own in running text. */
  aliases: string[];
  /** Forms that name it only as the first part of a longer name (两江水土云计算中心). */
  prefixOnly: string[];
  /** Forms that name it only when the full name is on the same page (高新区 after 重庆高新区). */
  contextual: string[];
  /** The district that encloses a functional area, if it is one district. */
  within?: string;
}

const DISTRICTS = [
  '万州区', '涪陵区', '渝中区', '大渡口区', '江北区', '沙坪坝区', '九龙坡区', '南岸区', '北碚区', '綦江区',
  '大足区', '渝北区', '巴南区', '黔江区', '长寿区', '江津区', '合川区', '永川区', '南川区', '璧山区',
  '铜梁区', '潼南区', '荣昌区', '开州区', '梁平区', '武隆区',
];
const COUNTIES = ['城口县', '丰都县', '垫江县', '忠县', '云阳县', '奉节县', '巫山县', '巫溪县'];
const AUTONOMOUS: [string, string][] = [
  ['石柱土家族自治县', '石柱'],
  ['秀山土家族苗族自治县', '秀山'],
  ['酉阳土家族苗族自治县', '酉阳'],
  ['彭水苗族土家族自治县', '彭水'],
];
/** Short forms that are also everyday words (riverbank, longevity, north bank): only the full name counts. */
const AMBIGUOUS_SHORT = new Set(['南岸', '长寿', '江北', '巫山']);

function build(): DistrictEntry[] {
  const out: DistrictEntry[] = [];
  for (const d of [...DISTRICTS, ...COUNTIES]) {
    const short = d.slice(0, -1);
    const entry: DistrictEntry = { name: d, aliases: [], prefixOnly: [], contextual: [] };
    if (short.length >= 2) (AMBIGUOUS_SHORT.has(short) ? entry.prefixOnly : entry.aliases).push(short);
    out.push(entry);
  }
  for (const [full, short] of AUTONOMOUS) {
    out.push({ name: full, aliases: [short, `${short}县`], prefixOnly: [], contextual: [] });
  }
  out.push(
    { name: '两江新区', aliases: ['重庆两江新区'], prefixOnly: ['两江'], contextual: [] },
    {
      name: '重庆高新区',
      aliases: ['西部（重庆）科学城', '西部科学城', '西部科学城重庆高新区', '重庆高新技术产业开发区', '重庆高新技术产业开发区'],
      prefixOnly: [],
      contextual: ['高新区', '科学城'],
    },
    { name: '万州经开区', aliases: ['万州经济技术开发区'], prefixOnly: [], contextual: [], within: '万州区' },
    { name: '重庆经开区', aliases: ['重庆经济技术开发区'], prefixOnly: [], contextual: [], within: '南岸区' },
    { name: '长寿经开区', aliases: ['长寿经济技术开发区'], prefixOnly: [], contextual: [], within: '长寿区' },
    { name: '川渝高竹新区', aliases: [], prefixOnly: [], contextual: [] },
    { name: '两江协同创新区', aliases: [], prefixOnly: [], contextual: ['协同创新区'], within: '两江新区' },
    { name: '璧山高新区', aliases: [], prefixOnly: [], contextual: [], within: '璧山区' },
    { name: '荣昌高新区', aliases: [], prefixOnly: [], contextual: [], within: '荣昌区' },
    { name: '永川高新区', aliases: [], prefixOnly: [], contextual: [], within: '永川区' },
    { name: '綦江高新区', aliases: [], prefixOnly: [], contextual: [], within: '綦江区' },
    { name: '万盛经开区', aliases: ['万盛经济技术开发区'], prefixOnly: ['万盛'], contextual: [], within: '綦江区' },
    { name: '重庆两路寸滩综合保税区', aliases: ['两路寸滩综合保税区'], prefixOnly: [], contextual: [] },
    { name: '西永综合保税区', aliases: ['重庆西永综合保税区'], prefixOnly: [], contextual: [] },
  );
  // Every district's own development zones (铜梁高新区, 涪陵经开区): functional areas that act as a location.
  for (const d of DISTRICTS) {
    const short = d.slice(0, -1);
    if (short.length < 2 || AMBIGUOUS_SHORT.has(short)) continue;
    for (const [zone, long] of [['高新区', '高新技术产业开发区'], ['经开区', '经济技术开发区']]) {
      if (out.some((e) => e.name === short + zone)) continue;
      out.push({ name: short + zone, aliases: [short + long, `重庆${short}${long}`], prefixOnly: [], contextual: [], within: d });
    }
  }
  return out;
}

export const CHONGQING_DISTRICTS: readonly DistrictEntry[] = build();

export interface GazetteerHit {
  district: string;
  /** The form matched. */
  form: string;
  kind: 'name' | 'alias' | 'prefix' | 'contextual';
}

const FORMS = (() => {
  const m = new Map<string, GazetteerHit>();
  for (const d of CHONGQING_DISTRICTS) {
    m.set(d.name, { district: d.name, form: d.name, kind: 'name' });
    for (const a of d.aliases) if (!m.has(a)) m.set(a, { district: d.name, form: a, kind: 'alias' });
    for (const a of d.prefixOnly) if (!m.has(a)) m.set(a, { district: d.name, form: a, kind: 'prefix' });
    for (const a of d.contextual) if (!m.has(a)) m.set(a, { district: d.name, form: a, kind: 'contextual' });
  }
  return m;
})();
const LONGEST = Math.max(...[...FORMS.keys()].map((k) => k.length));
const FIRST_CHARS = new Set([...FORMS.keys()].map((k) => k[0]));

export function districtEntry(name: string): DistrictEntry | undefined {
  return CHONGQING_DISTRICTS.find((d) => d.name === name);
}

/** The longest gazetteer form starting at `at`, if any. */
export function districtAt(text: string, at: number, kinds: GazetteerHit['kind'][] = ['name', 'alias']): GazetteerHit | null {
  if (!FIRST_CHARS.has(text[at])) return null;
  for (let len = Math.min(LONGEST, text.length - at); len >= 2; len--) {
    const hit = FORMS.get(text.slice(at, at + len));
    if (hit && kinds.includes(hit.kind)) return hit;
  }
  return null;
}

/** The district a name begins with (any form, prefix-only ones included), if any. */
export function districtPrefix(name: string): GazetteerHit | null {
  return districtAt(name, 0, ['name', 'alias', 'prefix']);
}
