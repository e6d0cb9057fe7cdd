import { randomUUID } from 'node:crypto';
import { credentials, Metadata } from '@grpc/grpc-js';
import {
  EventStoreDBClient, FORWARDS, NotLeaderError, UnavailableError, jsonEvent,
} from '@eventstore/db-client';
import { GossipClient } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ClusterInfo, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { EsdbCluster } from './esdb-cluster';

/**
 * The cluster double answers as a cluster does, seen through the real client with no adapter in
 * between: what the adapter builds on.
 */
const { VNodeState } = MemberInfo;
const event = () => jsonEvent({ id: randomUUID(), type: 'ClusterProbed', data: { n: 1 } });
const stream = () => `clusterprobe-${randomUUID()}`;
const leaderOnly = { requiresLeader: true };

function gossip(port: number): Promise<ClusterInfo> {
  const client = new GossipClient(`127.0.0.1:${port}`, credentials.createInsecure());
  return new Promise((resolve, reject) =>
    client.read(new Empty(), new Metadata(), (error, info) => (client.close(), error ? reject(error) : resolve(info))),
  );
}

const members = (info: ClusterInfo) =>
  info.getMembersList().map((m) => ({ state: m.getState(), alive: m.getIsAlive(), port: m.getHttpEndPoint()?.getPort() }));

async function read(client: EventStoreDBClient, name: string, requiresLeader: boolean): Promise<number> {
  let count = 0;
  for await (const _ of client.readStream(name, { direction: FORWARDS, requiresLeader })) count++;
  return count;
}

describe('EventStoreDB cluster double', () => {
  let cluster: EsdbCluster;
  const clients: EventStoreDBClient[] = [];
  const connect = (query = '') => {
    const client = EventStoreDBClient.connectionString(cluster.connectionString(query));
    clients.push(client);
    return client;
  };
  beforeEach(async () => {
    cluster = await EsdbCluster.start();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await cluster.stop();
  });

  it('answers Gossip.Read on every live node with each member, its state and endpoint', async () => {
    const ports = [0, 1, 2].map((i) => cluster.portOf(i));
    expect(members(await gossip(ports[1]))).toEqual([
      { state: VNodeState.LEADER, alive: true, port: ports[0] },
      { state: VNodeState.FOLLOWER, alive: true, port: ports[1] },
      { state: VNodeState.FOLLOWER, alive: true, port: ports[2] },
    ]);
    cluster.kill(0);
    expect(members(await gossip(ports[2])).map((m) => [m.state, m.alive])).toEqual([
      [VNodeState.LEADER, false], [VNodeState.UNKNOWN, true], [VNodeState.UNKNOWN, true],
    ]);
    cluster.elect(2);
    expect(members(await gossip(ports[1])).map((m) => [m.state, m.alive])).toEqual([
      [VNodeState.LEADER, false], [VNodeState.FOLLOWER, true], [VNodeState.LEADER, true],
    ]);
  });

  it("a follower answers what requires the leader with not-leader and the leader's endpoint; the client then turns to the leader", async () => {
    const client = connect('nodePreference=follower');
    const name = stream();
    const refused = await client.appendToStream(name, event(), leaderOnly).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NotLeaderError);
    expect((refused as NotLeaderError).leader).toEqual({ address: '127.0.0.1', port: cluster.portOf(0) });
    expect(cluster.log.stream(name)).toBeUndefined();

    await client.appendToStream(name, event(), leaderOnly);
    expect(await read(client, name, true)).toBe(1);
    expect(cluster.stats.notLeader).toBe(1);
  });

  it('a follower serves reads that do not require the leader and forwards such writes', async () => {
    const client = connect('nodePreference=follower');
    const name = stream();
    await client.appendToStream(name, [event(), event()]);
    expect(await read(client, name, false)).toBe(2);
    expect(cluster.stats.notLeader).toBe(0);
    const followers = cluster.stats.served.slice(1);
    expect(followers.reduce((n, s) => n + s.read, 0)).toBe(1);
    expect(cluster.stats.served[0].write).toBe(1);
  });

  it('ends a batch append on a follower with not-leader, as the server does, and the next one reaches the leader', async () => {
    const client = connect();
    const name = stream();
    await client.appendToStream(name, event(), leaderOnly);
    cluster.elect(1);
    const refused = await client.appendToStream(name, event(), leaderOnly).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NotLeaderError);
    await client.appendToStream(name, event(), leaderOnly);
    expect(cluster.log.stream(name)).toHaveLength(2);
    expect(cluster.stats.served[1].write).toBe(1);
  });

  it('while no node leads, answers not ready; a killed node drops its calls and comes back as a follower', async () => {
    const client = connect();
    const name = stream();
    await client.appendToStream(name, event(), leaderOnly);
    cluster.kill(0);
    expect(await client.appendToStream(name, event(), leaderOnly).catch((e: unknown) => e)).toBeInstanceOf(Error);
    const direct = EventStoreDBClient.connectionString(`esdb://127.0.0.1:${cluster.portOf(1)}?tls=false`);
    clients.push(direct);
    expect(await read(direct, name, true).catch((e: unknown) => e)).toBeInstanceOf(UnavailableError);
    expect(await read(direct, name, false)).toBe(1);

    cluster.elect(1);
    await cluster.revive(0);
    expect(cluster.isUp(0)).toBe(true);
    expect(members(await gossip(cluster.portOf(0)))[0].state).toBe(VNodeState.FOLLOWER);
  });

  it('loses an answer: the leader writes, then dies before answering, and another node leads', async () => {
    const client = connect();
    const name = stream();
    cluster.loseNextAnswers(1, 30);
    const e = event();
    expect(await client.appendToStream(name, e, leaderOnly).catch((x: unknown) => x)).toBeInstanceOf(Error);
    expect(cluster.log.stream(name)?.map((s) => s.id)).toEqual([e.id]);
    await new Promise((r) => setTimeout(r, 60));
    expect(cluster.leaderIndex).toBe(1);
    expect(cluster.stats.answersLost).toBe(1);
  });

  it('client 6.2.1: after a discovery that found no node, appends fail until the client is replaced (reads recover)', async () => {
    const client = connect('maxDiscoverAttempts=2&discoveryInterval=10');
    const name = stream();
    await client.appendToStream(name, event(), leaderOnly);
    cluster.kill(0);
    await client.appendToStream(name, event(), leaderOnly).catch(() => undefined);
    const duringElection = await client.appendToStream(name, event(), leaderOnly).catch((e: unknown) => e);
    expect(String(duringElection)).toMatch(/Failed to discover after 2 attempts/);

    cluster.elect(1);
    expect(await read(client, name, true)).toBe(1);
    const afterElection = await client.appendToStream(name, event(), leaderOnly).catch((e: unknown) => e);
    expect(String(afterElection)).toMatch(/Failed to discover after 2 attempts/);
    const fresh = connect();
    await fresh.appendToStream(name, event(), leaderOnly);
    expect(cluster.log.stream(name)).toHaveLength(2);
  });
});
