import { tags, nameLike } from './lexicon';
for (const s of process.argv.slice(2)) console.log(s, nameLike(s), JSON.stringify(tags(s)));
