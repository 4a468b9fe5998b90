import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../shared/store/store.ts';
import { createTableInput } from '../../shared/store/table-definition.ts';
import { claimwatch } from '../helpers/cli.ts';
import type { Moto } from '../helpers/moto.ts';
import { startMoto } from '../helpers/moto.ts';

// DynamoDB in "AWS" is moto_server here: the CLI's --table path is the real SDK path with
// standard credentials, pointed at moto through AWS_ENDPOINT_URL_DYNAMODB.
/**
 * The CLI with no credentials but those a test gives, and never the instance metadata service
 * (it must not reach 169.254.169.254 looking for credentials).
 */
const run = (args: string[], env: Record<string, string | undefined>) =>
  claimwatch(args, {
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_EC2_METADATA_DISABLED: 'true',
    ...env,
  });

describe('query commands against a table in AWS (moto_server)', () => {
  let moto: Moto;
  let env: Record<string, string>;

  beforeAll(async () => {
    moto = await startMoto();
    env = {
      AWS_ENDPOINT_URL_DYNAMODB: moto.endpoint,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
    };
    const client = new DynamoDBClient({
      region: 'eu-west-1',
      endpoint: moto.endpoint,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    await client.send(new CreateTableCommand(createTableInput('claimwatch-prod')));
    const store = new Store(DynamoDBDocumentClient.from(client), 'claimwatch-prod');
    const now = new Date('2024-12-23T12:00:00Z');
    const figure = {
      metric: 'casualties' as const,
      unit: 'troops' as const,
      value: 1100,
      qualifier: 'about' as const,
      claimant: 'South Korea Joint Chiefs of Staff',
      claimantCountry: 'KR',
      side: 'KP',
      evidence: 'losses at 1,100 individuals',
    };
    await store.recordFigure(
      'casualties|troops|1100||KP',
      figure,
      { storyId: 's1', url: 'https://x.example/1' },
      now,
    );
    await store.putMention(
      {
        figureKey: 'casualties|troops|1100||KP',
        storyId: 's1',
        storyUrl: 'https://x.example/1',
        storyTitle: 'JCS estimate',
        publishedAt: '2024-12-23T09:00:00.000Z',
        claimant: figure.claimant,
        claimantCountry: 'KR',
        qualifier: 'about',
        evidence: figure.evidence,
        seenAt: now.toISOString(),
      },
      'jcs',
      'casualties',
      'troops',
    );
    client.destroy();
  });
  afterAll(() => moto?.stop());

  it('lists figures from the real table with --table and --region', async () => {
    const { code, stdout, stderr } = await run(
      ['figures', '--table', 'claimwatch-prod', '--region', 'eu-west-1', '--json'],
      env,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({
        id: 'casualties|troops|1100||KP',
        value: 1100,
        sources: 1,
        date: '2024-12-23',
      }),
    ]);
  });

  it('says in one line when the table does not exist', async () => {
    const { code, stderr } = await run(
      ['figures', '--table', 'nope', '--region', 'eu-west-1'],
      env,
    );
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('claimwatch: table nope does not exist in eu-west-1');
  });

  it('says in one line when there are no credentials', async () => {
    const { code, stderr } = await run(
      ['stories', '--table', 'claimwatch-prod', '--region', 'eu-west-1'],
      {
        AWS_ENDPOINT_URL_DYNAMODB: moto.endpoint,
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
        AWS_CONFIG_FILE: '/nonexistent/config',
      },
    );
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^claimwatch: no AWS credentials found/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('asks for a region when --table has none', async () => {
    const { code, stderr } = await run(['figures', '--table', 'claimwatch-prod'], {
      ...env,
      AWS_REGION: undefined,
      AWS_DEFAULT_REGION: undefined,
    });
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('claimwatch: --table needs --region (or AWS_REGION)');
  });
});
