import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/articles/extract-article.ts';
import type { TestServer } from '../../helpers/http-server.ts';
import { startTestServer } from '../../helpers/http-server.ts';

describe('scripts never run and nothing is fetched', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  function hostilePage(base: string): string {
    return `<!doctype html><html lang="en"><head>
<title>Kursk losses</title>
<link rel="stylesheet" href="${base}/style.css">
<script src="${base}/external.js"></script>
<script>fetch('${base}/beacon'); new XMLHttpRequest().open('GET', '${base}/xhr');</script>
<script>while (true) {}</script>
</head><body>
<article><h1>Kursk losses</h1>
<p>According to early army figures cited by Ukraine's President Volodymyr Zelensky, more than 3,000 North Korean soldiers are now dead or wounded in the Kursk region.</p>
<img src="${base}/photo.jpg" onerror="fetch('${base}/onerror')" onload="fetch('${base}/onload')">
<p>Seoul's own count was lower, at roughly 1,100 casualties, and it warned that Pyongyang looked set to ship further troops and hardware, self-destructing drones among them.</p>
<iframe src="${base}/frame.html"></iframe>
<object data="${base}/object.swf"></object>
<noscript><p>Please enable JavaScript to read the comments on this story.</p></noscript>
<p>The two countries signed a mutual defence treaty in June that entered into force this month, and analysts expect the cooperation to deepen further.</p>
</article>
<script>document.querySelector('article').innerHTML = '<p>HIJACKED by a script that should never run</p>';</script>
<script>document.write('<p>WRITTEN by document.write</p>');</script>
</body></html>`;
  }

  it('extracts the article from a page whose scripts would loop forever, fetch and rewrite it', async () => {
    // Were the scripts run, this would never return: the test's timeout is the check.
    const article = await extractArticle(hostilePage(server.url), { url: `${server.url}/story` });
    expect(article.source).toBe('readability');
    expect(article.text).toContain('more than 3,000 North Korean soldiers');
    expect(article.text).toContain('mutual defence treaty');
    expect(article.text).not.toMatch(/HIJACKED|WRITTEN|enable JavaScript/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.requests).toEqual([]);
  });
});
