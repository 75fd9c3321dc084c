import path from 'node:path';
import { Command } from 'commander';
import { buildApp } from '../../app.js';
import { exportStatic } from '../../features/portal/static-export.js';
import { withContext } from '../context.js';

export function exportStaticCommand(): Command {
  return new Command('export-static')
    .description('把公开门户导出为静态文件（供 CDN 或 nginx 直接提供），内容与服务器返回的完全相同')
    .argument('<dir>', '导出目录')
    .option('--base-url <url>', '门户的公开地址（如 https://www.example.gov.cn），默认取 GONGKAI_PUBLIC_URL')
    .action(async (dir: string, options: { baseUrl?: string }) => {
      await withContext(async (ctx) => {
        const baseUrl = options.baseUrl?.replace(/\/+$/, '') ?? ctx.config.publicUrl;
        const app = await buildApp({ ...ctx, config: { ...ctx.config, publicUrl: baseUrl } }, { logger: false });
        try {
          const target = path.resolve(dir);
          const result = await exportStatic(app, target, { baseUrl, onProgress: (n) => process.stdout.write(`已导出${n}个页面…\n`) });
          process.stdout.write(
            `已导出到 ${target}：${result.pages}个页面，共${result.files}个文件（${(result.bytes / 1048576).toFixed(1)} MB），用时${result.seconds.toFixed(1)}秒（每秒${Math.round(result.pages / Math.max(result.seconds, 0.001))}页）\n`,
          );
          if (result.broken.length > 0) {
            process.stdout.write(`发现${result.broken.length}个失效链接：\n${result.broken.slice(0, 50).map((b) => `  ${b.url}（${b.status}）`).join('\n')}\n`);
            process.exitCode = 1;
          }
        } finally {
          await app.close();
        }
      });
    });
}
