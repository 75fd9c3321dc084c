import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { parsePublicUrl } from '../../config.js';
import { ExportBusyError, exportStatic } from '../../features/portal/static-export.js';
import { withContext } from '../context.js';

export function exportStaticCommand(): Command {
  return new Command('export-static')
    .description('把公开门户导出为静态文件（供 CDN 或 nginx 直接提供），内容与服务器返回的完全相同')
    .argument('<dir>', '导出目录（已有上次导出的目录则只重新生成自上次导出以来有变动的页面，只写入有改动的文件，并删除不再公开的页面）')
    .option('--base-url <url>', '门户的公开地址（如 https://www.example.gov.cn），默认取 GONGKAI_PUBLIC_URL')
    .option('--full', '重新生成全部页面（默认只重新生成有变动的部分；升级程序后会自动全部重新生成）')
    .option('--workers <n>', `生成页面的线程数（默认为处理器数 ${os.availableParallelism()}；0 表示在主线程中生成）`)
    .action(async (dir: string, options: { baseUrl?: string; workers?: string; full?: boolean }) => {
      await withContext(async (ctx) => {
        let baseUrl: string | null;
        try {
          baseUrl = parsePublicUrl(options.baseUrl, '--base-url') ?? ctx.config.publicUrl;
        } catch {
          process.stderr.write(`--base-url 须为 http(s) 网址，如 https://www.example.gov.cn，收到“${options.baseUrl}”。\n`);
          process.exitCode = 2;
          return;
        }
        // The sitemap and the feeds carry absolute addresses; without the portal's own they would
        // point at whatever host the crawl pretended to be.
        if (!baseUrl) {
          process.stderr.write('导出静态门户需要门户的公开地址（站点地图和RSS使用完整网址）：请用 --base-url 指定，如 --base-url https://www.example.gov.cn，或设置 GONGKAI_PUBLIC_URL。\n');
          process.exitCode = 2;
          return;
        }
        const workers = options.workers === undefined ? undefined : Number(options.workers);
        if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 64)) {
          process.stderr.write(`--workers 须为 0 到 64 的整数，收到“${options.workers}”。\n`);
          process.exitCode = 2;
          return;
        }
        const target = path.resolve(dir);
        let result;
        try {
          result = await exportStatic(ctx, target, { baseUrl, workers, full: options.full, onProgress: (n) => process.stdout.write(`已导出${n}个页面…\n`) });
        } catch (error) {
          if (!(error instanceof ExportBusyError)) throw error;
          process.stderr.write(`另一个导出（进程 ${error.pid}）正在写入 ${target}，本次未做任何改动；请等它结束后再运行。\n`);
          process.exitCode = 3;
          return;
        }
        const size = `${result.pages}个页面，共${result.files}个文件（${(result.bytes / 1048576).toFixed(1)} MB）`;
        const speed = `用时${result.seconds.toFixed(1)}秒（每秒${Math.round(result.pages / Math.max(result.seconds, 0.001))}页）`;
        const changes = `其中新写入或有改动的${result.written}个，删除不再公开的${result.removed}个`;
        process.stdout.write(result.changed
          ? `已更新 ${target}（自上次导出以来有变动的信息${result.changed.items}条、不再公开的${result.changed.gone}条）：重新生成${size}，${changes}；${speed}\n`
          : result.refreshed
            ? `已全部重新生成 ${target}：${size}，${changes}；${speed}\n`
            : `已导出到 ${target}：${size}，${speed}\n`);
        if (result.broken.length > 0) {
          process.stdout.write(`发现${result.broken.length}个失效链接：\n${result.broken.slice(0, 50).map((b) => `  ${b.url}（${b.status}）`).join('\n')}\n`);
          process.exitCode = 1;
        }
      });
    });
}
