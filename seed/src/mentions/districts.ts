import { districtAt } from '../gazetteer';
import type { Mention } from './scan';
import { CJK, push } from './scan';

export function findDistricts(text: string, out: Mention[]) {
  const hasFull = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    if (!CJK.test(text[i])) continue;
    const hit = districtAt(text, i, ['name', 'alias']);
    if (hit) hasFull.add(hit.district);
  }
  for (let i = 0; i < text.length; i++) {
    if (!CJK.test(text[i])) continue;
    const hit = districtAt(text, i, ['name', 'alias', 'contextual']);
    if (!hit) continue;
    if (hit.kind === 'contextual' && !hasFull.has(hit.district)) continue;
    // 渝 abbreviates Chongqing in compounds (成渝中部, 川渝合作, 巴渝): 渝中 there is no district.
    if (hit.form.startsWith('渝') && /[成川巴黔湘陕鄂滇]/.test(text[i - 1] ?? '') && hit.form !== hit.district) continue;
    // A short form glued to a longer place word (万州经开区 is found whole; 江津 in 江津区 likewise).
    push(out, { type: 'District', name: hit.form, start: i, end: i + hit.form.length, rule: 'gazetteer', district: hit.district });
    i += hit.form.length - 1;
  }
}

