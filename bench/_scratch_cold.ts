import fs from 'node:fs';
import { buildHistory } from './historyData';
import { listDrafts, login } from './ourApi';
import { startOurs } from './servers';
import { BenchClient } from './yjsClient';
import { Inspector } from './inspector';
import { topSelfTime, type CpuProfile } from './profile';

async function main() {
  const src = '/tmp/perfscratch/src';
  let draftId: string;
  if (!fs.existsSync(src + '/id')) {
    fs.mkdirSync(src, { recursive: true });
    draftId = await buildHistory(src, { updates: 50000, versions: 1, snapshot: true });
    fs.writeFileSync(src + '/id', draftId);
  } else draftId = fs.readFileSync(src + '/id', 'utf8');
  const dir = '/tmp/perfscratch/run' + Date.now();
  fs.cpSync(src, dir, { recursive: true });
  fs.rmSync(dir + '/id');
  const server = await startOurs(dir);
  try {
    const token = await login(server.url, 'usa');
    const drafts = await listDrafts(server.url, token);
    const other = drafts.find((d) => d.id !== draftId)!.id;
    const time = async (id: string, label: string) => {
      const t = performance.now();
      const c = new BenchClient(`${server.url.replace('http', 'ws')}/yjs/${id}?token=${token}`);
      await c.synced;
      console.log(label, (performance.now() - t).toFixed(0), 'ms');
      c.close();
    };
    const insp = process.argv.includes('--prof') ? await Inspector.connect(server.inspectorUrl) : null;
    if (insp) { await insp.call('Profiler.enable'); await insp.call('Profiler.start'); }
    if (process.argv.includes('--other')) await time(other, 'other draft cold');
    await time(draftId, 'big draft cold');
    await time(draftId, 'big draft warm');
    if (insp) {
      const { profile } = await insp.call<{ profile: CpuProfile }>('Profiler.stop');
      for (const r of topSelfTime(profile, 15)) console.log(r.selfMs.toFixed(0), (r.share * 100).toFixed(1) + '%', r.fn, r.where);
      insp.close();
    }
  } finally {
    await server.stop();
    console.log(server.log.join('\n'));
  }
}
main().then(() => process.exit(0));
