import { RedisSettings } from '../src/index.js';

const problemsOf = (input: unknown) => {
  const parsed = RedisSettings.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('redis settings: one server, Sentinel or Cluster', () => {
  it('reads sentinels and cluster nodes as host:port, and waits for one replica by default with sentinels', () => {
    const sentinel = RedisSettings.parse({ sentinels: ['10.0.0.1:26379', 'redis-b.internal:26380'], name: 'intake' });
    expect(sentinel.sentinels).toEqual([
      { host: '10.0.0.1', port: 26379 },
      { host: 'redis-b.internal', port: 26380 },
    ]);
    expect(sentinel.wait_for_replicas).toBe(1);
    expect(RedisSettings.parse({}).wait_for_replicas).toBe(0);
    expect(RedisSettings.parse({ sentinels: ['s:1'], name: 'n', wait_for_replicas: 2 }).wait_for_replicas).toBe(2);
    expect(RedisSettings.parse({ cluster: ['10.0.0.1:7000'], prefix: '{intake}' }).cluster).toEqual([{ host: '10.0.0.1', port: 7000 }]);
  });

  it('refuses settings that cannot work, each with the field and a reason', () => {
    expect(problemsOf({ sentinels: ['10.0.0.1:26379'] })).toEqual(['name: the primary name the sentinels watch is needed with sentinels']);
    expect(problemsOf({ name: 'intake' })).toEqual(['sentinels: name is the primary of sentinels: list them too']);
    expect(problemsOf({ sentinels: ['10.0.0.1'], name: 'intake' })).toEqual(['sentinels.0: write it as host:port']);
    expect(problemsOf({ sentinels: ['a:1'], name: 'n', cluster: ['b:2'], prefix: '{x}' })).toEqual([
      'cluster: use sentinels or cluster, not both',
    ]);
    expect(problemsOf({ cluster: ['b:2'], wait_for_replicas: 1, prefix: '{x}' })).toEqual([
      'wait_for_replicas: waiting for replicas is not supported on Redis Cluster',
    ]);
    expect(problemsOf({ cluster: [] })).toHaveLength(2); // no node, and no hash tag
    expect(problemsOf({ sentinal: ['a:1'] })).toHaveLength(1); // a misspelt key is not ignored
  });

  it('asks for a hash-tagged prefix on Cluster, as Redis reads hash tags', () => {
    const onCluster = (prefix: string) => problemsOf({ cluster: ['10.0.0.1:7000'], prefix });
    expect(onCluster('intake')).toEqual([
      'prefix: on Redis Cluster the prefix needs a hash tag, such as "{intake}", so multi-key writes stay on one slot',
    ]);
    for (const tagged of ['{intake}', 'town:{intake}', '{i}nt}ake']) expect(onCluster(tagged)).toEqual([]);
    // an empty tag, or a "}" before the first "{", hashes the whole key: no tag
    for (const untagged of ['{}intake', '}{', 'in}take{']) expect(onCluster(untagged)).toHaveLength(1);
  });
});
