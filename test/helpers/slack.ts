import type { Recorded } from './http-server.ts';

/**
 * The alert headlines a Slack stand-in received, one per alert, whether each was posted alone
 * or inside a digest ("N new figures" followed by one section per alert).
 */
export function slackAlerts(requests: Recorded[], path = '/hook'): string[] {
  return requests
    .filter((r) => r.path === path && r.method === 'POST')
    .flatMap((post) => {
      const { blocks } = JSON.parse(post.body) as { blocks: { text?: { text: string } }[] };
      if (!/^\d+ new figures$/.test(blocks[0].text?.text ?? '')) return [blocks[0].text!.text];
      return blocks.slice(1).map((b) => /^\*(.+)\*/.exec(b.text!.text)![1]);
    });
}
