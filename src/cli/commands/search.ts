/**
 * `gongkai search reindex`: rebuilds the full-text index of published items from the items
 * themselves (after an upgrade that added search, or if the index is ever in doubt). The old index
 * keeps answering until the new one is committed.
 */
import { Command } from 'commander';
import { reindexAll } from '../../features/search/indexer.js';
import { segmenterLoadMs } from '../../features/search/tokens.js';
import { withContext } from '../context.js';

const n = (x: number) => x.toLocaleString('zh-CN');

export function searchCommand(): Command {
  const search = new Command('search').description('全文检索：重建已公开信息的检索索引');
  search
    .command('reindex')
    .description('按已公开的信息重建检索索引（分词并写入 SQLite FTS5 或 PostgreSQL 全文索引）')
    .action(async () => {
      await withContext(async (ctx) => {
        let last = 0;
        const { indexed, ms } = await reindexAll(ctx, {
          onProgress: (count) => {
            const now = Date.now();
            if (now - last < 1000) return;
            last = now;
            process.stdout.write(`已索引${n(count)}条\n`);
          },
        });
        const load = segmenterLoadMs();
        process.stdout.write(`检索索引重建完成：${n(indexed)}条信息，用时${(ms / 1000).toFixed(1)}秒${load === null ? '' : `（其中载入分词词典${Math.round(load)}毫秒）`}\n`);
      });
    });
  return search;
}
