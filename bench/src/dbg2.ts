import { readFileSync } from 'node:fs';
import { FLOW_MEASURES, PlanningCube } from '@lotse/domain';

const { shape, input, minimum } = JSON.parse(readFileSync(process.argv[2] as string, 'utf8'));
const cube = new PlanningCube(shape, input);
const pattern = cube.suppress(minimum);
for (const m of FLOW_MEASURES) {
  const b = FLOW_MEASURES.indexOf(m);
  const line = Array.from({ length: 17 }, (_, t) => {
    const c = cube.cellOf(b, t, null, null, null, 0);
    return pattern[c] ? `[${cube.values[c]}]` : String(cube.values[c]);
  });
  console.log(
    m.padEnd(12),
    line.join(' '),
    '| firstMonths(11):',
    JSON.stringify(cube.firstMonths(m, 11, { serviceType: null, region: null, team: null, group: null }, pattern)),
  );
}
