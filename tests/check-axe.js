// check-axe.js: bundle pages checked with axe-core in headless Chromium: no serious or critical violation.
// Usage: NODE_PATH=…/node_modules node check-axe.js BUNDLE… (GK_SCREENSHOTS=DIR also saves screenshots)
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

function pagesOf (bundle) {
  const pages = ['index.html', 'catalog.html', 'blacklist.html', 'guide.html'];
  pages.push(...fs.readdirSync(bundle).filter(name => /^report-[0-9]+\.html$/.test(name)));
  const lists = fs.readdirSync(path.join(bundle, 'list')).sort();
  const records = fs.readdirSync(path.join(bundle, 'record')).sort();
  pages.push(...lists.filter(name => name.startsWith('domain-')).slice(0, 3).map(name => 'list/' + name));
  pages.push(...lists.filter(name => name.startsWith('item-')).slice(0, 2).map(name => 'list/' + name));
  // Records of several kinds: spread over the sorted names.
  for (let i = 0; i < records.length; i += Math.max(1, Math.floor(records.length / 8)))
    pages.push('record/' + records[i]);
  return pages.map(page => path.join(bundle, page));
}

(async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-axe-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    // axe is injected by the test: the pages' own policy forbids any script.
    bypassCSP: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  const page = await context.newPage();
  const shots = process.env.GK_SCREENSHOTS;
  let failures = 0;
  let checked = 0;

  for (const bundle of process.argv.slice(2)) {
    for (const file of pagesOf(bundle)) {
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto('file://' + file);
        await page.evaluate(axeSource);
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        checked++;
        for (const violation of result.violations) {
          if (violation.impact !== 'serious' && violation.impact !== 'critical')
            continue;
          failures++;
          console.log(`${file} @${width}px: ${violation.impact} ${violation.id}: ${violation.help}`);
          for (const node of violation.nodes.slice(0, 3))
            console.log(`    ${node.target.join(' ')}`);
        }
        if (shots && (file.endsWith('/index.html') || file.includes('/list/domain-') || file.includes('/record/'))) {
          const name = path.basename(bundle) + '-' + file.slice(bundle.length + 1).replace(/[\/]/g, '-') + '-' + width + '.png';
          fs.mkdirSync(shots, { recursive: true });
          await page.screenshot({ path: path.join(shots, name), fullPage: width === 375 });
        }
      }
    }
  }
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  console.log(`${checked} page views checked with axe-core, ${failures} serious or critical violations`);
  process.exit(failures ? 1 : 0);
})().catch(error => {
  console.error(error);
  process.exit(1);
});
