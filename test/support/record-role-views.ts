// Records every role's view of the contests in role-view-cases.ts as test/fixtures/role-views.json,
// so a change to what a role sees shows up as a diff in review: `npx tsx test/support/record-role-views.ts`.
import { writeFileSync } from 'node:fs';
import { viewFor } from '../../shared/contest/views.js';
import { roleViewCases } from './role-view-cases.js';

const views = Object.fromEntries(roleViewCases().map((c) => [c.name, viewFor(c.role, c.state, c.facts, c.me, c.judgeId)]));
writeFileSync(new URL('../fixtures/role-views.json', import.meta.url), `${JSON.stringify(views, null, 1)}\n`);
console.log(`recorded ${Object.keys(views).length} views`);
