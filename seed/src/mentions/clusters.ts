import { districtPrefix } from '../gazetteer';
import { trimLeft } from '../lexicon';
import type { Mention } from './scan';
import { scanLeft, sentenceAround, push } from './scan';

export function findClusters(text: string, out: Mention[]) {
  const re = /(产业集群|集群体系|制造业集群|产业链|产业体系)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    const from = scanLeft(text, m.index, 30, true);
    let cand = text.slice(from, m.index);
    let start = from;
    let q = -1;
    for (const c of cand.matchAll(/“[0-9A-Za-z+]+”/g)) q = c.index ?? -1;
    if (q >= 0) {
      start = from + q;
      cand = cand.slice(q);
    } else {
      const t = trimLeft(cand, cand.length, 2);
      start += t.cut;
      cand = t.text;
    }
    let name = text.slice(start, end);
    if (name.length <= m[0].length) continue;
    // “33618”现代化产业体系 names the city's system; a bare 产业体系 is any economy's.
    if (m[0] === '产业体系' && !/^“[0-9A-Za-z+]+”/.test(name)) continue;
    const d = districtPrefix(name);
    const aliases: string[] = [];
    let district: string | undefined;
    let weak = true;
    if (/^“[0-9A-Za-z+]+”/.test(name)) {
      weak = false;
      const plain = name.replace(/^“[0-9A-Za-z+]+”/, '');
      if (m[0] === '集群体系') aliases.push(name.replace(/体系$/, ''));
      else if (plain.length > 4) aliases.push(plain);
    } else if (d && d.kind !== 'contextual' && name.length - d.form.length >= 4) {
      weak = false;
      district = d.district;
      aliases.push(name);
      name = name.slice(d.form.length);
      start += d.form.length;
    } else if (/^重庆市?/.test(name)) {
      const rest = name.replace(/^重庆市?/, '');
      start += name.length - rest.length;
      name = rest;
    }
    // A named industry chain is a cluster only when it has a 链主 (SPEC); a cluster without a district
    // prefix is a specific one when its sentence names its 链主 or 龙头.
    const leader = /链主|龙头/.test(sentenceAround(text, m.index));
    if (m[0] === '产业链') {
      if (!leader || !/^(?:的|，|,)?[^。；]{0,12}(?:链主|龙头)/.test(text.slice(end, end + 16)) && !/链主|龙头/.test(text.slice(Math.max(0, start - 16), start))) continue;
      weak = false;
    } else if (leader && weak && !/^“/.test(name)) weak = false;
    if (name.replace(/[“”]/g, '').length <= m[0].length + 1) continue;
    if (/[是的了在]|[0-9]+类/.test(name.replace(/^“[0-9A-Za-z+]+”/, ''))) continue;
    push(out, { type: 'Cluster', name, start, end, rule: 'cluster', aliases, district, weak });
  }
}

