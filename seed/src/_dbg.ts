import { readFileSync } from 'node:fs';
import { normalise } from '/work/main/seed/src/normalise';
import { findMentions } from '/work/main/seed/src/mentions';
const f = process.argv[2];
const n = normalise(readFileSync(f, 'utf8'));
const pat = process.argv[3];
for (const m of findMentions(n.text)) if (!pat || m.name.includes(pat) || m.rule.includes(pat)) console.log(m.type, m.rule, m.name, JSON.stringify(n.text.slice(m.start-6, m.end+4)));
