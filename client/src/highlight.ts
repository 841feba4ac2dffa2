export interface Segment {
  text: string;
  /** Which endpoint of the relation this piece names, if any. */
  mark: 'from' | 'to' | null;
}

interface Named {
  name: string;
  aliases?: string[];
}

const PREFIX = /^(重庆市|重庆)/;
const SUFFIX = /(股份有限公司|有限责任公司|有限公司|集团|公司)$/;

/** Forms a sentence may use for an entity: name, aliases, and the name without 重庆…有限公司. */
export function mentionForms(e: Named): string[] {
  const forms = new Set<string>();
  for (const f of [e.name, ...(e.aliases ?? [])]) {
    if (!f) continue;
    forms.add(f);
    const bare = f.replace(SUFFIX, '');
    forms.add(bare);
    forms.add(bare.replace(PREFIX, ''));
    forms.add(f.replace(PREFIX, ''));
  }
  // Longest first, so 忽米网 wins over 忽米; one-character forms would mark noise.
  return [...forms].filter((f) => f.length >= 2).sort((a, b) => b.length - a.length);
}

interface Range {
  start: number;
  end: number;
  mark: 'from' | 'to';
}

function findAll(text: string, forms: string[], mark: 'from' | 'to'): Range[] {
  const out: Range[] = [];
  for (const f of forms) {
    let i = text.indexOf(f);
    while (i >= 0) {
      out.push({ start: i, end: i + f.length, mark });
      i = text.indexOf(f, i + f.length);
    }
  }
  return out;
}

/** Splits a sentence into plain and highlighted pieces for both mentions of a relation. */
export function highlightMentions(text: string, from: Named, to: Named): Segment[] {
  const ranges = [...findAll(text, mentionForms(from), 'from'), ...findAll(text, mentionForms(to), 'to')].sort(
    (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start),
  );
  const kept: Range[] = [];
  for (const r of ranges) {
    const last = kept[kept.length - 1];
    if (last && r.start < last.end) continue; // overlapping: the earlier, longer one stays
    kept.push(r);
  }
  const segs: Segment[] = [];
  let pos = 0;
  for (const r of kept) {
    if (r.start > pos) segs.push({ text: text.slice(pos, r.start), mark: null });
    segs.push({ text: text.slice(r.start, r.end), mark: r.mark });
    pos = r.end;
  }
  if (pos < text.length) segs.push({ text: text.slice(pos), mark: null });
  return segs;
}

/** Whether both ends are found: evidence that does not name both is worth flagging. */
export function namesBoth(segs: Segment[]): boolean {
  return segs.some((s) => s.mark === 'from') && segs.some((s) => s.mark === 'to');
}
